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


def record_of(parent: bytes, new: bytes) -> dict | None:
    """What `new` changed since the release, `parent` being the directory it was made
    from: the parent's own record and what `new` changed of it. None when the parent is
    neither the release nor an update with a record: what came before it is not known."""
    from app.db.overtaken import changed_parts, contacts_of, kind_words

    before = recorded(parent)
    if before is None and not is_release(parent):
        return None
    before = before or {"services": {}, "removed": [], "kinds": []}
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
