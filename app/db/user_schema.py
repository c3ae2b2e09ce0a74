"""A new user database from plain SQL, stamped with its revision: no Alembic on the way to
the first question. The SQL is what the migrations make (a test holds the two equal);
Alembic still changes an older file, after a backup.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from app.db import schema_versions
from app.db.schema_versions import VERSION_TABLES
from app.paths import resources_dir

SCHEMA_FILE = "user.sql"
STAMP = "-- revision: "


@cache
def schema() -> tuple[str, str]:
    """(revision, SQL) of the schema file shipped with the app."""
    text = (resources_dir() / "schema" / SCHEMA_FILE).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    return first.removeprefix(STAMP).strip(), text


def can_create() -> bool:
    """The file is for the head revision (else the migrations make the database)."""
    try:
        return schema()[0] == schema_versions.head("user")
    except OSError:
        return False


def create(connection: sqlite3.Connection) -> None:
    """Make the user tables in an empty database, in one transaction."""
    revision, sql = schema()
    table = VERSION_TABLES["user"]
    connection.executescript(
        f"BEGIN;\n{sql}\nINSERT INTO {table} (version_num) VALUES ('{revision}');\nCOMMIT;"
    )


def dump(connection: sqlite3.Connection, revision: str) -> str:
    """The schema file's text for a database the migrations made."""
    statements = [
        row[0] + ";"
        for row in connection.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name"
        )
    ]
    return "\n".join([f"{STAMP}{revision}", *statements]) + "\n"
