# An Airflow DAG file of windsock's sandbox (the words "airflow" and "dag" let safe-mode discovery read it).
"""Succeeds in a few seconds: trigger it and watch it go green."""
from ws_compat import DAG, START, BashOperator

with DAG(
    dag_id="demo_hello",
    description="Says hello and succeeds",
    schedule="*/30 * * * *",
    start_date=START,
    catchup=False,
    tags=["demo"],
    default_args={"owner": "sandbox"},
):
    hello = BashOperator(task_id="hello", bash_command="echo 'hello from the windsock sandbox'; sleep 2")
    bye = BashOperator(task_id="bye", bash_command="echo bye")
    hello >> bye
