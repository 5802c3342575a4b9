"""Backing up the whole database to one file and restoring it, on PostgreSQL and SQLite.

PostgreSQL: pg_dump's custom format and pg_restore (its client tools, of a version at
least the server's). SQLite: its online backup API, a consistent copy even while the site
serves or an import writes. A restore replaces every table's rows with the backup's.
"""

import os
import sqlite3
import subprocess

from django.db import connection


class BackupError(Exception):
    """A backup or restore that could not be done, with what went wrong."""


def backup(path):
    """The database in PATH (pg_dump custom format, or a SQLite database file)."""
    if connection.vendor == "postgresql":
        _run_postgres_tool(
            "pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        target.close()
    else:
        raise BackupError(f"backups of {connection.vendor} databases are not supported")


def restore(path):
    """The database replaced by the backup in PATH, as one transaction."""
    if not os.path.isfile(path):
        raise BackupError(f"{path}: no such backup file")
    if connection.vendor == "postgresql":
        # pg_restore drops and recreates the tables: this process lets go of them first.
        database = connection.settings_dict["NAME"]
        connection.close()
        _run_postgres_tool(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
            "--single-transaction", "--exit-on-error", f"--dbname={database}", path,
        )  # fmt: skip
    elif connection.vendor == "sqlite":
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source:
            _check_sqlite_backup(source, path)
            connection.ensure_connection()
            source.backup(connection.connection)
        source.close()
    else:
        raise BackupError(f"restoring {connection.vendor} databases is not supported")


def _check_sqlite_backup(source, path):
    try:
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: not a SQLite database ({error})") from None
    if "django_migrations" not in tables:
        raise BackupError(f"{path}: not a backup of this archive (no django_migrations table)")


def _run_postgres_tool(tool, *args):
    """TOOL ARGS with the connection's database, host, port, user and password."""
    settings = connection.settings_dict
    env = {**os.environ}
    for variable, key in (
        ("PGDATABASE", "NAME"),
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if settings.get(key):
            env[variable] = str(settings[key])
    try:
        result = subprocess.run([tool, *args], env=env, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{tool} is not installed (apt-get install postgresql-client)") from None
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()}")
