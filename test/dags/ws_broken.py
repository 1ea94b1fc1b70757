# An Airflow DAG file of windsock's tests (the words "airflow" and "dag" let safe-mode discovery read it).
"""A DAG file with an import error on purpose: the import errors list must show it."""
from ws_compat import DAG, START

import windsock_module_that_does_not_exist  # noqa: F401  (the error the tests look for)

with DAG(dag_id="ws_broken", schedule=None, start_date=START):
    pass
