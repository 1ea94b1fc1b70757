"""SQLite settings for the Airflow servers windsock starts (tests and sandbox).

Airflow's standalone uses SQLite. Two settings keep its API from answering 500 "Database
error" ("database is locked") while the scheduler, DAG processor and triggerer write:

- wait for a lock up to 60 s, not Python's 5 s;
- write-ahead logging (WAL): in SQLite's default journal mode a writer must wait until every
  reader has finished and every reader waits for a committing writer, so on a starved 2-core
  machine a lock was held past 60 s (a clean-clone CI run saw it). In WAL mode readers and
  the one writer never block each other. The mode is stored in the database file, so the
  first connection sets it and the others find it set.

Named by [database] sql_alchemy_connect_args; imports nothing from Airflow (it is read
while Airflow's settings load). The async engine (aiosqlite, 3.x) passes the same arguments
on to sqlite3.connect.
"""
import sqlite3


class WalConnection(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mode = self.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal" and mode != "memory":
            self.execute("PRAGMA journal_mode=WAL")


CONNECT_ARGS = {"timeout": 60, "factory": WalConnection}
