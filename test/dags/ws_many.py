# An Airflow DAG file of windsock's tests (the words "airflow" and "dag" let safe-mode discovery read it).
"""120 small DAGs, so that lists need more than one page on both API lines (v1 caps a page
at 100 by default, v2 defaults to 50). Half of the first 100 run daily; ws_many_100 to
ws_many_119 never do: the tests unpause those by pattern, and a scheduled DAG unpaused runs
its task at once. On 3.x five task runners calling the one API worker together held its
SQLite writes for 60 s in CI, and the API answered the test's own PATCH with 500."""
from ws_compat import DAG, START, BashOperator

for i in range(120):
    with DAG(
        dag_id=f"ws_many_{i:03d}",
        description=f"Filler DAG number {i}",
        schedule="@daily" if i % 2 == 0 and i < 100 else None,
        start_date=START,
        catchup=False,
        tags=["windsock", "many", "even" if i % 2 == 0 else "odd"],
        default_args={"owner": "filler"},
    ) as dag:
        BashOperator(task_id="noop", bash_command="true")
    globals()[dag.dag_id] = dag
