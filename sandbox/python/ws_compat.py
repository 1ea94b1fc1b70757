"""Imports that differ between Airflow 2.x and 3.x, so each DAG file of the tests and the
sandbox stays one file for both lines. On PYTHONPATH of every server windsock starts."""
try:  # Airflow 3.x: the task SDK and the standard provider
    from airflow.sdk import DAG, Param, task  # noqa: F401
    from airflow.providers.standard.operators.bash import BashOperator  # noqa: F401
except ImportError:  # Airflow 2.x
    from airflow import DAG  # noqa: F401
    from airflow.decorators import task  # noqa: F401
    from airflow.models.param import Param  # noqa: F401
    from airflow.operators.bash import BashOperator  # noqa: F401

import datetime

START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
