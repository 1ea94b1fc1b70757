"""SQLite settings for the Airflow servers windsock starts (tests and sandbox).

Airflow's standalone uses SQLite, where writers queue on one lock. Python's sqlite3 gives
up after 5 s ("database is locked"), which a busy scheduler on a 2-core machine can exceed:
the API then answers a trigger with 500 "Database error". Wait up to 60 s instead.
Named by [database] sql_alchemy_connect_args; imports nothing from Airflow (it is read
while Airflow's settings load).
"""
CONNECT_ARGS = {"timeout": 60}
