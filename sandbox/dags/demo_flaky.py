# An Airflow DAG file of windsock's sandbox (the words "airflow" and "dag" let safe-mode discovery read it).
"""Fails every time: find it, read its log, clear it."""
from ws_compat import DAG, START, BashOperator

with DAG(
    dag_id="demo_flaky",
    description="Fails on purpose, to practise on",
    schedule=None,
    start_date=START,
    catchup=False,
    tags=["demo"],
    default_args={"owner": "sandbox", "retries": 0},
):
    extract = BashOperator(task_id="extract", bash_command="echo 'extracted 42 rows'")
    load = BashOperator(task_id="load", bash_command="echo 'warehouse unreachable' >&2; exit 1")
    extract >> load
