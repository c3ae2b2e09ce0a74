"""Alembic for the user database (loaded only when its schema must change)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.pool import StaticPool

from app.db.migrate import USER_BRANCH, downgrade, upgrade


def engine_for(target: Path | None):
    """An engine on the file, or on one shared in-memory database when target is None."""
    if target is None:
        engine = create_engine("sqlite://", poolclass=StaticPool)
    else:
        engine = create_engine(f"sqlite:///{target}")

    @event.listens_for(engine, "connect")
    def _pragmas(connection, _record) -> None:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA busy_timeout = 5000")

    return engine


def migrate_file(path: Path, to: str = "head") -> None:
    _change_file(path, upgrade, to)


def downgrade_file(path: Path, to: str = "base") -> None:
    _change_file(path, downgrade, to)


def _change_file(path: Path, change, to: str) -> None:
    engine = engine_for(path)
    try:
        with engine.begin() as connection:
            change(connection, USER_BRANCH, to)
    finally:
        engine.dispose()


def migrate_memory() -> sqlite3.Connection:
    """A migrated in-memory database, handed over as a plain sqlite3 connection."""
    engine = engine_for(None)
    with engine.begin() as connection:
        upgrade(connection, USER_BRANCH)
    return engine.raw_connection().driver_connection
