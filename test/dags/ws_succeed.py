# An Airflow DAG file of windsock's tests (the words "airflow" and "dag" let safe-mode discovery read it).
"""A DAG that succeeds in a few seconds: two tasks, one after the other."""
from ws_compat import DAG, START, BashOperator

with DAG(
    dag_id="ws_succeed",
    description="Succeeds in seconds",
    schedule=None,
    start_date=START,
    catchup=False,
    tags=["windsock", "quick"],
    default_args={"owner": "windsock-tests"},
):
    hello = BashOperator(task_id="hello", bash_command="echo 'hello from windsock'")
    done = BashOperator(task_id="done", bash_command="echo done")
    hello >> done
