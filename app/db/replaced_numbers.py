"""The numbers and email addresses each update replaced, carried in every update made from it.

A working copy begun from an update is refused at publish when it puts back what an update
replaced (app.db.put_back). Read by finding the databases before it, that check passed
unsaid where one could not be found (a new laptop, IT keeping only the newest), where the
copy's update was itself made from another lead's (it looked one update back), and after a
feed import published as it is (which records none): the old number of Walsall's children's
front door went to every laptop each time (re-attack on H451, R1-R3, 2026-12-06). Carried
in the update itself, signed with it, the record goes wherever the update goes; the working
copy keeps it too (MARK), and what the newest update in sight holds is joined to it: a copy
begun from a release, which holds none, put the old number back (attack on H453).

The record only ever adds a refusal, never narrows another check: a record that can be
incomplete must never narrow a comparison (H190).
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

KEY = "replaced_contacts"  # content_meta: {service id: [[number or email, replaced by], …]}
MARK = ".navigator-replaced"  # a working copy's: the record of its line, as it last knew it
KEPT = 12  # per service, the newest by the version that replaced it: years of changes
BY_THIS_IMPORT = ""  # replaced by a feed import, not yet published: its version at publish
MARK_BYTES = 1_000_000  # a working copy's record beyond this is not one (a planted 38 MB
# record took a publish to 110 s and was signed into every later update: re-attack on H453)
Record = dict[str, list[list[str]]]


def replaced_in(database: bytes) -> Record:
    """Each service's replaced numbers and emails, oldest first, with the version of the
    update that replaced each (none from a directory made before this record)."""
    from app.db.stale_update import meta_value

    return _read(meta_value(database, KEY))


def kept_with(folder: Path) -> Record:
    """The record a working copy keeps (none if it keeps none, or cannot be read)."""
    try:
        with (folder / MARK).open("rb") as kept:
            text = kept.read(MARK_BYTES + 1)
        return _read(text.decode("utf-8")) if len(text) <= MARK_BYTES else {}
    except (OSError, UnicodeDecodeError):
        return {}


def keep_with(folder: Path, record: str) -> None:
    """Kept beside the copy's sheet (a full disk: the update still carries it)."""
    with contextlib.suppress(OSError):
        (folder / MARK).write_text(record or "{}", "utf-8")


def joined(*records: Record) -> Record:
    """The records as one: each value once, where the latest of them says."""
    together: Record = {}
    for record in records:
        for service_id, entries in record.items():
            for value, by in entries:
                _add(together, service_id, value, by)
    return together


def carried(began: bytes, made: bytes, version: str, also: tuple[Record, ...] = ()) -> str:
    """The record for `made`, a directory made when `began` was in use: `began`'s and
    `also`, for the services either holds, and each number and email of `began`'s that
    `made` no longer gives, as replaced by `version` (recorded however the copy began: one
    begun elsewhere recorded nothing, and its update held none: attack on H453)."""
    from app.db.overtaken import contacts

    held = contacts(began).keys() | contacts(made).keys()
    record = {s: e for s, e in joined(replaced_in(began), *also).items() if s in held}
    for service_id, value in no_longer_given(began, made):
        _add(record, service_id, value, version)
    return dumped(record)


def no_longer_given(began: bytes, made: bytes) -> Iterator[tuple[str, str]]:
    """(service id, number or email) for each `began` gives that `made` no longer does."""
    now = given(made)
    for service_id, values in sorted(given(began).items()):
        for key, value in values.items():
            if key not in now.get(service_id, {}):
                yield service_id, value


def whole_record(database: bytes) -> dict[str, dict[str, tuple[str, str]]]:
    """A directory's own record whole, by service and key: (the value, the version that
    replaced it). Cut to each service's newest twelve (replaced_in), a release stopping
    more was told to record what its file held, and its thirteenth closed number came
    back (attack on the N4 fix, A7; R3)."""
    from app.db.stale_update import meta_value

    entries: dict[str, dict[str, tuple[str, str]]] = {}
    for service_id, value, by in _entries(meta_value(database, KEY)):
        entries.setdefault(service_id, {})[contact_key(value)] = (value, by)
    return entries


def stamp(database: Path, record: str) -> None:
    """Write the record into the database (before it is signed); none, nothing written."""
    if not record:
        return
    with contextlib.closing(sqlite3.connect(database)) as db, db:
        db.execute("INSERT OR REPLACE INTO content_meta (key, value) VALUES (?, ?)", (KEY, record))


def as_published(database: bytes, version: str) -> Record:
    """A database's record as published as `version`: what its feed import replaced, by
    that version."""
    record = replaced_in(database)
    for entries in record.values():
        for entry in entries:
            entry[1] = entry[1] or version
    return record


def put_back(began: bytes, copy: bytes, version: str, record: Record) -> list[str]:
    """Each number or email `copy` gives that no service in `began` (update `version`) gives
    and an update replaced, on that service or another (a service added again under a new
    id with its old number: attack on H453), in words: "<service>: 0300 555 2866, replaced
    in 2026.12.6 (2026.12.13 gives 0300 555 2867)". One `began` gives is in use, never put
    back (a shared out-of-hours team's line, a national line in a local note: re-attack)."""
    from app.db.overtaken import contacts

    was, names = given(began), contacts(copy) | contacts(began)
    in_use = {key for values in was.values() for key in values}
    anywhere = {contact_key(v): (by, s) for s, entries in record.items() for v, by in entries}
    said = []
    for service_id, values in sorted(given(copy).items()):
        for key, value in values.items():
            here = [by for v, by in record.get(service_id, []) if contact_key(v) == key]
            by, on = (here[-1], service_id) if here else anywhere.get(key, (None, None))
            if by is None or key in in_use:
                continue
            had = was.get(service_id)
            where = "" if on == service_id else f" on {names.get(on, {}).get('name', on)}"
            gives = "no number" if had == {} else ", ".join(had.values()) if had else "nothing"
            gives += "" if had is not None else ": it does not offer the service"
            name = names[service_id]["name"]
            said.append(f"{name}: {value}, replaced{where} in {by} ({version} gives {gives})")
    return said


def dumped(record: Record) -> str:
    return json.dumps(record, sort_keys=True, separators=(",", ":")) if record else ""


def given(database: bytes) -> dict[str, dict[str, str]]:
    """Each offered service's numbers (its lines, and those written in its number's note or
    its referral route, read as the field rules read them: "+44 (0)300 …", "0300–555–2866",
    never a time or a reference: re-attack on H453) and email as a worker is given them, by
    their key."""
    from app.db.overtaken import DETAILS, NOT_RUNG, contacts
    from app.pathways.numbers_in_words import whole_numbers_in
    from app.pathways.phone_numbers import format_uk_phone

    given = {}
    for service_id, row in contacts(database).items():
        if row["status"] != "active":
            continue  # never given: nothing put back reaches a worker
        _, numbers, email, _, *details = row["contact"]
        words = " ".join(
            str(details[DETAILS.index(part)] or "") for part in ("phone_note", "referral_route")
        )
        written = [format_uk_phone(n) or n for n in whole_numbers_in(words)]
        values = [n.removesuffix(NOT_RUNG) for n in numbers] + written
        values += [email] if email else []
        given[service_id] = {contact_key(value): value for value in values}
    return given


def contact_key(value: str) -> str:
    """A number by its digits, as dialled here ("0300 555 2866", "03005552866", "+44 (0)300
    555 2866" and "0044 300…" are one); an email as written, in lower case."""
    if "@" in value:
        return value.strip().lower()
    digits = re.sub(r"\D", "", value)
    for country in ("0044", "44"):
        if digits.startswith(country) and len(digits) > 10:
            digits = digits[len(country) :]
            break
    return "tel:0" + digits.lstrip("0")


def _add(record: Record, service_id: str, value: str, by: str) -> None:
    """The value as replaced by `by`, each list in the order of the versions that replaced
    its values and cut to the newest: cut in the order records were joined, a correction
    went first, and its old number back to laptops (re-attack on H453)."""
    entries = [e for e in record.get(service_id, []) if contact_key(e[0]) != contact_key(value)]
    record[service_id] = sorted([*entries, [value, by]], key=lambda e: _order(e[1]))[-KEPT:]


def _order(by: str) -> tuple:
    from app.db.checks import Refused, version_key

    if by == BY_THIS_IMPORT:
        return (10_000,)  # an import not yet published: after every update
    try:
        return version_key(by)
    except Refused:
        return (0,)


def _read(text: str) -> Record:
    """A record as written; an entry that is not one passed over, never its service's list
    (a nested or garbled record, from a database given as it is, stopped a publish with an
    unexpected problem: attack on H453)."""
    kept: Record = {}
    for service_id, value, by in _entries(text):
        _add(kept, service_id, value, by)
    return kept


def _entries(text: str) -> Iterator[tuple[str, str, str]]:
    """(service id, value, replaced by) for each entry of a record as written that is one."""
    try:
        record = json.loads(text or "{}")
    except (ValueError, RecursionError):
        return
    for service_id, entries in record.items() if isinstance(record, dict) else ():
        for entry in entries if isinstance(entries, list) else []:
            pair = isinstance(entry, list) and len(entry) == 2
            if pair and all(isinstance(part, str) for part in entry):
                yield str(service_id), entry[0], entry[1]
