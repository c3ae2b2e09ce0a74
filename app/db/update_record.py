"""What a lead's update changed since the release it was made on, signed inside it.

Whether a release (or a working copy begun from one) changes back a lead's update was read
from the two directories alone: each service differing was taken for the update's change,
so a release that held the update and a developer's fix of another service's website
failed the self-test on every pilot laptop, and a kind's words the update changed were
never compared (attack round on H180, 2026-12-01). The update now carries the parts it
changed, counted from the release: only those are asked about. One without it (a database
published as it is, a bundle signed before this) is read whole, as before.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from app.db.loader import open_directory
from app.paths import shipped_directory

RECORD_KEY = "changed_since_release"


def recorded(data: bytes) -> dict | None:
    """The record an update carries: {"services": {id: [part, …]}, "removed": [id, …],
    "kinds": [code, …]}; None when it carries none (or one this app cannot read)."""
    db = open_directory(data)
    try:
        row = db.execute("SELECT value FROM content_meta WHERE key = ?", (RECORD_KEY,)).fetchone()
    finally:
        db.close()
    try:
        record = json.loads(row[0]) if row else None
        services, removed, kinds = record["services"], record["removed"], record["kinds"]
    except (TypeError, ValueError, KeyError):
        return None
    if not isinstance(services, dict) or not all(
        isinstance(parts, list) for parts in services.values()
    ):
        return None
    return {"services": services, "removed": list(removed), "kinds": list(kinds)}


def record_of(parent: bytes, new: bytes, newest: bytes | None = None) -> dict | None:
    """What `new` changed, `parent` being the directory it was made from: what `parent`
    and the newest update published already record, and what `new` changed of `parent`.
    Never begun again at a release: made on a release that held the last update, the
    record left that update out, and a hotfix release without it brought its old number
    back unnamed (attack round on H187). None when what came before is not known: the
    parent neither the release nor an update with a record, or the newest without one."""
    from app.db.overtaken import changed_parts, contacts_of, kind_words

    records = [recorded(parent)]
    if records[0] is None and not is_release(parent):
        return None
    if newest is not None:
        records.append(recorded(newest))
        if records[-1] is None:
            return None
    before = _union([r for r in records if r is not None])
    old, now = contacts_of(parent), contacts_of(new)
    services = {sid: set(parts) for sid, parts in before["services"].items()}
    for sid in now:
        parts = changed_parts(old.get(sid), now[sid])
        if parts:
            services.setdefault(sid, set()).update(parts)
    removed = set(before["removed"]) | (old.keys() - now.keys())
    old_words, new_words = kind_words(parent), kind_words(new)
    kinds = set(before["kinds"]) | {
        code
        for code in old_words.keys() | new_words.keys()
        if old_words.get(code) != new_words.get(code)
    }
    return {
        "services": {sid: sorted(parts) for sid, parts in sorted(services.items())},
        "removed": sorted(removed - now.keys()),
        "kinds": sorted(kinds),
    }


def _union(records: list[dict]) -> dict:
    union: dict = {"services": {}, "removed": [], "kinds": []}
    for record in records:
        for sid, parts in record["services"].items():
            union["services"][sid] = sorted({*union["services"].get(sid, ()), *parts})
        union["removed"] = sorted({*union["removed"], *record["removed"]})
        union["kinds"] = sorted({*union["kinds"], *record["kinds"]})
    return union


def is_release(data: bytes) -> bool:
    """The directory this app was shipped with, byte for byte."""
    try:
        shipped = shipped_directory().read_bytes()
    except OSError:
        return False
    return hashlib.sha256(shipped).digest() == hashlib.sha256(data).digest()


def stamp(database: Path, record: dict | None) -> None:
    """The record written into the database before it is signed; none (the key taken
    away, never one carried over from the directory it was made from) when not known."""
    db = sqlite3.connect(database)
    try:
        with db:
            db.execute("DELETE FROM content_meta WHERE key = ?", (RECORD_KEY,))
            if record is not None:
                db.execute(
                    "INSERT INTO content_meta (key, value) VALUES (?, ?)",
                    (RECORD_KEY, json.dumps(record, sort_keys=True)),
                )
    finally:
        db.close()
