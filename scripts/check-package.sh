#!/usr/bin/env bash
# The package as a user gets it: a fresh clone of the committed tree (no dist/), `npm pack`
# there (the prepare script bundles dist/bin), then `npm install -g` of the tarball into an
# empty prefix, and the installed `windsock` run from elsewhere with an empty HOME. Checks
# what the tarball holds (no source maps, no tests, the LICENSE) and that the installed
# binary answers --version, --help, `help health`, `completion bash` and `health` against a
# closed port with the documented exit code 3 and message. Used by .ci/run; runs locally too
# (it packs what is committed, not the work tree).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/windsock-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }

echo "check-package: cloning $(git -C "$repo" rev-parse --short HEAD) into $work/clone"
git clone --quiet --no-hardlinks "$repo" "$work/clone"
cd "$work/clone"
# the clone borrows the installed devDependencies (esbuild) instead of a second `npm ci`,
# which CI has just run in its own fresh clone, prepare included; NPM_CI=1 runs it here too
if [ "${NPM_CI:-}" = 1 ] || [ ! -d "$repo/node_modules" ]; then
	echo "check-package: npm ci"
	npm ci --prefer-offline --no-audit --no-fund --loglevel=error >"$work/npm-ci.log" 2>&1 || { cat "$work/npm-ci.log"; fail "npm ci in the fresh clone"; }
else
	[ ! -e dist ] || fail "the clone has a dist/ before packing"
	ln -s "$(readlink -f "$repo/node_modules")" node_modules
fi
echo "check-package: npm pack (prepare bundles dist/bin)"
tarball=$(npm pack --silent --pack-destination "$work" | tail -1)
[ -f "$work/$tarball" ] || fail "npm pack made no tarball"
tar tzf "$work/$tarball" | sort >"$work/contents"
echo "check-package: $tarball holds $(wc -l <"$work/contents") files, $(du -k "$work/$tarball" | cut -f1) KiB"
unexpected=$(grep -Ev '^package/(package\.json|README\.md|LICENSE|dist/bin/(cli\.js|chunks/[^/]+\.js)|sandbox/(constraints|dags|python)/[^/]+)$' "$work/contents" || true)
[ -z "$unexpected" ] || fail "the tarball ships files it should not: $unexpected"
for needed in package/LICENSE package/dist/bin/cli.js package/sandbox/python/ws_compat.py; do
	grep -qx "$needed" "$work/contents" || fail "the tarball lacks $needed"
done
if tar xzOf "$work/$tarball" --wildcards 'package/dist/bin/*' | grep -q 'sourceMappingURL'; then fail "the bundle points at source maps that are not shipped"; fi

echo "check-package: npm install -g into an empty prefix"
npm install -g --prefix "$work/prefix" --no-audit --no-fund --loglevel=error "$work/$tarball" >/dev/null
windsock="$work/prefix/bin/windsock"
[ -x "$windsock" ] || fail "no windsock on the prefix's PATH"
[ ! -d "$work/prefix/lib/node_modules/windsock/node_modules" ] || fail "the installed package pulled dependencies: the bundle should hold them"

cd /
export HOME="$work/home" WINDSOCK_CONFIG="$work/home/none.json" NO_COLOR=1
mkdir -p "$HOME"
version=$(node -p "require('$repo/package.json').version")
[ "$("$windsock" --version)" = "$version" ] || fail "--version did not print $version"
"$windsock" --help | grep -q '^Usage' || fail "--help has no Usage"
"$windsock" help health | grep -q -- '--json' || fail "help health does not describe --json"
"$windsock" completion bash | bash -n || fail "the bash completion script does not parse"
set +e
health=$("$windsock" health --url http://127.0.0.1:1 2>&1)
code=$?
set -e
[ "$code" = 3 ] || fail "health against a closed port exited $code, not 3 (UNKNOWN): $health"
[[ $health == "AIRFLOW UNKNOWN - Cannot reach 127.0.0.1:1: connection refused."* ]] || fail "health said: $health"
echo "check-package: the installed windsock $version answers --version, --help, help, completion and health (exit 3: $health)"
