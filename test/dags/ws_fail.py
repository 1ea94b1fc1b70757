# An Airflow DAG file of windsock's tests (the words "airflow" and "dag" let safe-mode discovery read it).
"""A DAG whose second task fails on every try (no retries)."""
from ws_compat import DAG, START, BashOperator

with DAG(
    dag_id="ws_fail",
    description="Fails on purpose",
    schedule=None,
    start_date=START,
    catchup=False,
    tags=["windsock"],
    default_args={"owner": "windsock-tests", "retries": 0},
):
    ok = BashOperator(task_id="ok", bash_command="echo fine")
    boom = BashOperator(
        task_id="boom", bash_command="echo 'about to fail' && echo 'windsock-failure-marker' >&2 && exit 3"
    )
    ok >> boom
