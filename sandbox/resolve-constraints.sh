#!/usr/bin/env bash
# Resolves apache-airflow==VERSION and its newest compatible dependencies once, and freezes
# the result into sandbox/constraints/airflow-VERSION.txt. The official constraints files
# live on a host these machines cannot reach; this is the project's own, kept in git.
# Then point source/sandbox/versions.ts at VERSION, run `npm test`, and commit both.
set -euo pipefail
version=${1:?usage: sandbox/resolve-constraints.sh AIRFLOW_VERSION}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=${WINDSOCK_PYTHON:-python3}
"$python" -m venv "$work/tools"
"$work/tools/bin/pip" install --quiet uv
"$work/tools/bin/uv" venv --quiet --python "$python" "$work/venv"
"$work/tools/bin/uv" pip install --quiet --python "$work/venv/bin/python" "apache-airflow==$version"
"$work/tools/bin/uv" pip freeze --python "$work/venv/bin/python" > "$here/constraints/airflow-$version.txt"
echo "wrote $here/constraints/airflow-$version.txt ($(wc -l < "$here/constraints/airflow-$version.txt") packages)"
