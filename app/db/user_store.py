"""Each worker's own database: settings, app state and anonymised counts. Never case data.

It lives in the local (not roaming) user data folder, in rollback-journal mode (no -wal
files left beside it on a network profile). It opens with plain sqlite3; Alembic loads
only when the schema must change, after a backup. When the folder cannot be written, or
the file is from a newer app, the app keeps going on an in-memory copy and says why.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

from app.db import schema_versions, user_schema
from app.db.schema_versions import VERSION_TABLES
from app.paths import user_data_folder
from app.pathways.activity import CountKey
from app.private_files import narrow_file, open_own, private_folder, replace_own

FILE_NAME = "user.sqlite"
RUNNING_BUSY_MS = 250  # a write while the app runs
BUSY_WAIT_S = 3.0  # at start: how long another program may hold the file before we go on
USER_VERSION_TABLE = VERSION_TABLES["user"]


class UserStore:
    def __init__(self, connection: sqlite3.Connection, path: Path | None, notes: list[str]):
        self.connection = connection
        self.path = path  # None: in memory, gone when the app closes
        self.notes = notes  # what the worker is told about where their settings live

    @property
    def persistent(self) -> bool:
        return self.path is not None

    def settings(self) -> dict[str, Any]:
        return self._decoded("SELECT key, value FROM setting")

    def _decoded(self, sql: str) -> dict[str, Any]:
        """Each stored value; one that is not JSON (an edited file) is left out and noted,
        so the settings checks then name what is missing and the rest still load."""
        values = {}
        for key, text in self.connection.execute(sql):
            try:
                values[key] = json.loads(text)
            except (TypeError, ValueError, RecursionError):
                note = f"The stored value of {key!r} could not be read and was ignored."
                if note not in self.notes:
                    self.notes.append(note)
        return values

    def save_settings(self, values: dict[str, Any]) -> None:
        rows = [(key, json.dumps(value)) for key, value in values.items()]
        with self.connection:
            self.connection.executemany("INSERT OR REPLACE INTO setting VALUES (?, ?)", rows)

    def state(self, key: str) -> Any:
        row = self.connection.execute(
            "SELECT value FROM app_state WHERE key = ?", (key,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def states(self) -> dict[str, Any]:
        return self._decoded("SELECT key, value FROM app_state")

    def set_state(self, key: str, value: Any) -> None:
        with self.connection:
            self.connection.execute(
                "INSERT OR REPLACE INTO app_state VALUES (?, ?)", (key, json.dumps(value))
            )

    def change_counts(self, remove: tuple[CountKey, ...], add: tuple[CountKey, ...]) -> None:
        """Take one off each of `remove` and add one to each of `add`, all or nothing."""
        with self.connection:
            for key in remove:
                self.connection.execute(
                    "DELETE FROM activity_count WHERE month=? AND borough=? AND measure=? "
                    "AND value=? AND count <= 1",
                    key,
                )
                self.connection.execute(
                    "UPDATE activity_count SET count = count - 1 WHERE month=? AND borough=? "
                    "AND measure=? AND value=?",
                    key,
                )
            for key in add:
                self.connection.execute(
                    "INSERT INTO activity_count VALUES (?, ?, ?, ?, 1) ON CONFLICT "
                    "(month, borough, measure, value) DO UPDATE SET count = count + 1",
                    key,
                )

    def counts(self) -> list[tuple[str, str, str, str, int]]:
        return self.connection.execute(
            "SELECT month, borough, measure, value, count FROM activity_count "
            "ORDER BY month, borough, measure, value"
        ).fetchall()

    def clear_free_space_once(self) -> None:
        """Counts taken back before secure delete was on (an earlier release) stayed
        readable in free space after the upgrade (attack review 2026-12-01): the file is
        rewritten once, VACUUM leaving no free page or free space behind."""
        if self.state(FREE_SPACE_CLEARED):
            return
        self.connection.execute("VACUUM")
        self.set_state(FREE_SPACE_CLEARED, True)

    def close(self) -> None:
        self.connection.close()


def open_user_store(folder: Path | None = None, busy_wait_s: float = BUSY_WAIT_S) -> UserStore:
    """The worker's store in `folder`, or an in-memory one with notes saying why not.

    A file another program holds locked (a backup, sync or antivirus tool) is busy, not
    broken: it is waited for a little, then left alone for this session. Only a file that
    is not a database at all is moved aside, and the worker is told where it was kept.
    """
    folder = folder or user_data_folder()
    path = folder / FILE_NAME
    notes: list[str] = []
    try:
        private_folder(folder)
        if path.is_symlink():  # planted: the settings and counts were kept where it led
            aside = path.with_name(f"{FILE_NAME}.link-{datetime.now():%Y%m%d-%H%M%S}")
            path.rename(aside)
            notes.append(
                f"Your settings file was a link to another place, so it was kept as {aside} "
                "and a new one was made: your settings are back to their defaults."
            )
        revision = stored_revision(path, busy_wait_s)
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            return in_memory([busy_note(path)], path)
        if _code(error) == SQLITE_READONLY:  # a crash's journal, in a folder not writable
            return in_memory([half_written_note(path)], path)
        if not is_corrupt(error):
            return in_memory([f"{path} cannot be opened ({error})."], path)
        aside = path.with_name(f"{FILE_NAME}.unreadable-{datetime.now():%Y%m%d-%H%M%S}")
        try:
            path.rename(aside)
        except OSError as move_error:
            return in_memory([f"{path} could not be read or moved aside ({move_error})."])
        notes.append(
            f"Your settings file could not be read, so it was kept as {aside} and a new one "
            "was made: your settings are back to their defaults."
        )
        revision = None
    except OSError as error:
        return in_memory([f"The folder {folder} cannot be used ({error.strerror or error})."])
    head = schema_versions.head("user")
    if revision is not None and revision not in schema_versions.revisions("user"):
        return in_memory(
            [
                f"{path} was written by a newer version of Navigator (schema {revision}; "
                f"this version knows up to {head}). It was left untouched: update Navigator."
            ],
            path,  # an older release put back: its numbers are said to be older (re-attack)
        )
    try:
        if revision is None and user_schema.can_create():  # a new file: plain SQL, fast
            os.close(open_own(path))  # this account's alone (SQLite made it readable to all)
            connection = connect(path)  # an empty file is an empty database
            user_schema.create(connection)
        else:
            if revision != head:
                if revision is not None:
                    # never copied through a link planted at the backup's name (attack F17)
                    replace_own(path.with_name(f"{FILE_NAME}.before-{head}"), path.read_bytes())
                from app.db.user_migrations import migrate_file

                migrate_file(path)
            connection = connect(path)
        connection.execute(
            "INSERT OR REPLACE INTO app_state VALUES ('schema', ?)", (json.dumps(head),)
        )
        connection.commit()  # a real write: a read-only file or folder shows up here, not later
        narrow_file(path)  # one an older version made readable to other accounts
    except Exception as error:  # sqlite3, SQLAlchemy (Alembic) or the disk: never a stuck start
        if is_busy(error):
            return in_memory([*notes, busy_note(path)], path)
        return in_memory([*notes, f"{path} cannot be written ({describe(error)})."], path)
    return UserStore(connection, path, notes)


SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_NOTADB = 5, 6, 8, 11, 26


def _code(error: BaseException) -> int | None:
    """The primary SQLite result code of an error, also when SQLAlchemy wraps it."""
    for candidate in (error, getattr(error, "orig", None), error.__cause__):
        code = getattr(candidate, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF
    return None


def is_busy(error: BaseException) -> bool:
    return _code(error) in (SQLITE_BUSY, SQLITE_LOCKED)


def is_corrupt(error: BaseException) -> bool:
    return _code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB) or isinstance(error, NotUserDatabase)


def busy_note(path: Path) -> str:
    return (
        f"Your settings could not be opened because another program is using them ({path}); "
        "they will not be saved this time."
    )


def half_written_note(path: Path) -> str:
    return (
        f"Your settings file was left half-written (the computer stopped while saving) and its "
        f"folder cannot be written, so it cannot be put right: tell IT that {path.parent} "
        "must be writable by you."
    )


def describe(error: BaseException) -> str:
    orig = getattr(error, "orig", None)
    return str(orig if orig is not None else error).splitlines()[0][:200]


FREE_SPACE_CLEARED = "free_space_cleared"


class NotUserDatabase(sqlite3.DatabaseError):
    """A readable SQLite file that is not a Navigator user database."""


def connect(target: Path | str) -> sqlite3.Connection:
    """Writes while the app runs wait only briefly for a lock (a backup or sync tool):
    a count not saved is better than a window that freezes mid-conversation."""
    connection = sqlite3.connect(target, timeout=RUNNING_BUSY_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout = {RUNNING_BUSY_MS}")
    connection.execute("PRAGMA journal_mode = DELETE")
    # a count taken back (a read-back edit) is overwritten, not left in free pages where
    # SQLite is built without it, as on Windows (privacy review 2026-12-01)
    connection.execute("PRAGMA secure_delete = ON")
    return connection


def stored_revision(path: Path, busy_wait_s: float = BUSY_WAIT_S) -> str | None:
    """The user schema revision in the file; None for no file or an empty one."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        return _revision_in(f"{path.as_uri()}?mode=ro", busy_wait_s)
    except sqlite3.OperationalError as error:
        if _code(error) != SQLITE_READONLY:
            raise
    # a journal a crash left mid-write (a power cut, a forced shutdown) is rolled back only
    # by an open that may write: read-only, every start after it began from defaults, and a
    # rolled-back directory's old numbers came back unsaid (re-attack, 2026-12-07)
    return _revision_in(path.as_uri(), busy_wait_s)


def _revision_in(uri: str, busy_wait_s: float) -> str | None:
    with closing(sqlite3.connect(uri, uri=True, timeout=busy_wait_s)) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if USER_VERSION_TABLE not in tables:
            if tables:
                raise NotUserDatabase("not a Navigator user database")
            return None
        row = db.execute(f"SELECT version_num FROM {USER_VERSION_TABLE}").fetchone()
        known = row is not None and row[0] in schema_versions.revisions("user")
        # a hand edit stopped every start; a newer release's file is never judged by ours
        if known and not {"setting", "app_state"} <= tables:  # in every revision
            raise NotUserDatabase("a Navigator user database with tables missing")
    return row[0] if row else None


def in_memory(notes: list[str], readable: Path | None = None) -> UserStore:
    """A store gone when the app closes; starting from what `readable` holds (a file that
    can be read but not written) where it can be read (_read_into): started
    empty, a read-only or locked profile forgot the newest directory used, and a rolled
    back directory's old numbers came back unsaid (attack, 2026-12-07)."""
    notes = [*notes, "Settings are kept only until Navigator closes."]
    if user_schema.can_create():
        connection = sqlite3.connect(":memory:")
        user_schema.create(connection)
    else:
        from app.db.user_migrations import migrate_memory

        connection = migrate_memory()
    if readable is not None:
        _read_into(connection, readable)
    return UserStore(connection, None, notes)


READ_INTO = {
    "setting": "key, value",
    "app_state": "key, value",
    "activity_count": "month, borough, measure, value, count",
}


def open_read_only(path: Path) -> sqlite3.Connection:
    """The file opened only to read, waiting a moment at most for a writer."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)


def _read_into(connection: sqlite3.Connection, path: Path) -> None:
    """The file's settings, app state and counts, only read, into `connection`; none where
    the file cannot be read (held locked, or not there): the store then starts empty."""
    try:
        kept = open_read_only(path)
    except (sqlite3.Error, OSError, ValueError):
        return
    with closing(kept):
        # each on its own: one lost keeps the others; the counts too, or "Export counts"
        # wrote none from a file holding months of them (verifier, 2026-12-07)
        for table, columns in READ_INTO.items():
            try:
                rows = kept.execute(f"SELECT {columns} FROM {table}").fetchall()
                marks = ", ".join("?" * len(columns.split(",")))
                connection.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", rows)
                connection.commit()
            except sqlite3.Error:
                connection.rollback()


def saved_settings(folder: Path | None = None) -> dict[str, Any]:
    """The settings saved in the worker's store, only read: nothing is made, upgraded or
    moved aside, and any file that cannot be read gives none (the lead's window takes its
    text size and colours from them, and opening it reset a settings file it could not read,
    unsaid: review, 2026-12-06)."""
    return _only_read(folder, UserStore.settings)


def saved_states(folder: Path | None = None) -> dict[str, Any]:
    """The app's state in the worker's store (the newest directory used: `route`), only
    read as saved_settings reads the settings."""
    return _only_read(folder, UserStore.states)


def _only_read(folder: Path | None, read) -> dict[str, Any]:
    path = (folder or user_data_folder()) / FILE_NAME
    try:  # in a profile folder this account cannot search, is_file() raises: none then
        if not path.is_file():
            return {}
        with closing(open_read_only(path)) as connection:
            return read(UserStore(connection, path, []))
    except (sqlite3.Error, OSError, ValueError):
        return {}
