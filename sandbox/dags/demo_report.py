# An Airflow DAG file of windsock's sandbox (the words "airflow" and "dag" let safe-mode discovery read it).
"""Takes conf: which region, how many days."""
from ws_compat import DAG, START, Param, task

with DAG(
    dag_id="demo_report",
    description="Builds a report; trigger it with conf",
    schedule=None,
    start_date=START,
    catchup=False,
    tags=["demo", "conf"],
    params={
        "region": Param("eu", type="string", enum=["eu", "us", "apac"]),
        "days": Param(7, type="integer", minimum=1, maximum=90),
    },
    default_args={"owner": "sandbox"},
):

    @task
    def build(params=None):
        print(f"report for {params['region']} over {params['days']} days")

    build()
