# An Airflow DAG file of windsock's tests (the words "airflow" and "dag" let safe-mode discovery read it).
"""A DAG whose display strings and log carry terminal escape sequences and wide Unicode.

The console must show these as inert text: no colour change, no window title, no cursor
movement. dag_id itself is restricted by Airflow to [A-Za-z0-9_.-], so the hostile text
goes into description, tags, and task output.
"""
from ws_compat import DAG, START, BashOperator

HOSTILE = "\x1b[31mRED\x1b[0m \x1b]0;pwned\x07 \x1b[2J 数据管道 🚀"

with DAG(
    dag_id="ws_escape",
    description="Escapes: " + HOSTILE,
    schedule=None,
    start_date=START,
    catchup=False,
    tags=["windsock", "escape"],
    default_args={"owner": "windsock-tests"},
):
    BashOperator(task_id="shout", bash_command="printf 'log: \\033[31mRED\\033[0m \\033]0;pwned\\007 数据管道 🚀\\n'")
