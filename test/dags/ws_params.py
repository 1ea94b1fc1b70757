# An Airflow DAG file of windsock's tests (the words "airflow" and "dag" let safe-mode discovery read it).
"""A DAG that takes conf: params with defaults, one required (no default)."""
from ws_compat import DAG, START, Param, task

with DAG(
    dag_id="ws_params",
    description="Needs conf: target and count",
    schedule=None,
    start_date=START,
    catchup=False,
    tags=["windsock", "conf"],
    params={
        "target": Param("staging", type="string", enum=["staging", "production"]),
        "count": Param(3, type="integer", minimum=1),
        "label": Param("windsock", type="string"),
    },
    default_args={"owner": "windsock-tests"},
):

    @task
    def show(params=None):
        print(f"target={params['target']} count={params['count']} label={params['label']}")

    show()
