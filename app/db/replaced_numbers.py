"""The numbers and email addresses each update replaced, carried in every update made from it.

A working copy begun from an update is refused at publish when it puts back what an update
replaced (app.db.put_back). Read by finding the databases before it, that check passed
unsaid where one could not be found (a new laptop, IT keeping only the newest), where the
copy's update was itself made from another lead's (it looked one update back), and after a
feed import published as it is (which records none): the old number of Walsall's children's
front door went to every laptop each time (re-attack on H451, R1-R3, 2026-12-06). Carried
in the update itself, signed with it, the record goes wherever the update goes.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from pathlib import Path

KEY = "replaced_contacts"  # content_meta: {service id: [[number or email, replaced by], …]}
KEPT = 12  # per service, the newest: years of changes to one line
BY_THIS_IMPORT = ""  # replaced by a feed import, not yet published: its version at publish


def replaced_in(database: bytes) -> dict[str, list[list[str]]]:
    """Each service's replaced numbers and emails, oldest first, with the version of the
    update that replaced each (none from a directory made before this record)."""
    from app.db.stale_update import meta_value

    try:
        record = json.loads(meta_value(database, KEY) or "{}")
    except ValueError:
        return {}
    if not isinstance(record, dict):
        return {}
    return {
        str(service_id): [[str(value), str(by)] for value, by in entries]
        for service_id, entries in record.items()
        if isinstance(entries, list) and all(_is_pair(entry) for entry in entries)
    }


def carried(began: bytes, made: bytes, version: str, changed: bool = True) -> str:
    """The record for `made`, a directory made from `began`: `began`'s, and (`changed`)
    each number and email of `began`'s that `made` no longer gives, as replaced by
    `version`."""
    record = replaced_in(began)
    if changed:
        now = _given(made)
        for service_id, values in sorted(_given(began).items()):
            for key, value in values.items():
                if key not in now.get(service_id, {}):
                    entries = [e for e in record.get(service_id, []) if _key(e[0]) != key]
                    record[service_id] = [*entries, [value, version]][-KEPT:]
    return _dumped(record)


def stamp(database: Path, record: str) -> None:
    """Write the record into the database (before it is signed); none, nothing written."""
    if not record:
        return
    with contextlib.closing(sqlite3.connect(database)) as db, db:
        db.execute("INSERT OR REPLACE INTO content_meta (key, value) VALUES (?, ?)", (KEY, record))


def as_published(database: bytes, version: str) -> str:
    """A database's record as published as `version`: what its feed import replaced, by
    that version."""
    record = replaced_in(database)
    for entries in record.values():
        for entry in entries:
            entry[1] = entry[1] or version
    return _dumped(record)


def put_back(began: bytes, copy: bytes, version: str) -> list[str]:
    """Each number or email the copy gives that `began` (update `version`) does not and an
    update replaced, in words: "<service>: 0300 555 2866, replaced in 2026.12.6 (2026.12.13
    gives 0300 555 2867)"."""
    from app.db.overtaken import contacts

    record, was, names = replaced_in(began), _given(began), contacts(copy)
    said = []
    for service_id, values in sorted(_given(copy).items()):
        for key, value in values.items():
            by = [b for v, b in record.get(service_id, []) if _key(v) == key]
            if by and key not in was.get(service_id, {}):
                gives = ", ".join(was.get(service_id, {}).values()) or "none"
                name = names[service_id]["name"]
                said.append(f"{name}: {value}, replaced in {by[-1]} ({version} gives {gives})")
    return said


def _given(database: bytes) -> dict[str, dict[str, str]]:
    """Each offered service's numbers and email as a worker is given them, by their key."""
    from app.db.overtaken import NOT_RUNG, contacts

    given = {}
    for service_id, row in contacts(database).items():
        if row["status"] != "active":
            continue  # never given: nothing put back reaches a worker
        _, numbers, email, *_ = row["contact"]
        values = [n.removesuffix(NOT_RUNG) for n in numbers] + ([email] if email else [])
        given[service_id] = {_key(value): value for value in values}
    return given


def _key(value: str) -> str:
    """A number by its digits ("0300 555 2866" and "03005552866" are one); an email as
    written, in lower case."""
    return value.strip().lower() if "@" in value else "tel:" + re.sub(r"\D", "", value)


def _dumped(record: dict) -> str:
    return json.dumps(record, sort_keys=True, separators=(",", ":")) if record else ""


def _is_pair(entry) -> bool:
    return isinstance(entry, list) and len(entry) == 2 and all(isinstance(p, str) for p in entry)
