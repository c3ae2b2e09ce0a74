"""What each release of the app's own directory stopped giving, from a reviewable source file.

A lead's line of updates begun before a release is read against it number by number
(app.db.stale_line); a number the release stopped giving with nothing in its place (a line
closed), or a service it deleted, could not be told from one the line had added, and the
stale line went on giving it at every start (attack on H454, N4, F6). The release now
carries its own record, as every update does (app.db.replaced_numbers): written by the
team in services/replaced.toml, and `directory build` over an earlier release refuses a
number or email that release gave and this one does not, until it is recorded there.
"""

from __future__ import annotations

import sqlite3
import tomllib
from pathlib import Path

from app.db.checks import Refused, version_key
from app.db.replaced_numbers import KEY, Record, contact_key, dumped, given, replaced_in

FILE = "replaced.toml"  # beside services.csv


def record_rows(services: Path, version: str, problems: list[str]) -> list[dict[str, str]]:
    """The content_meta row of the record in `services`/replaced.toml (none if it records
    nothing), each entry that is not one named in `problems`."""
    path = services / FILE
    try:
        with path.open("rb") as handle:
            entries = tomllib.load(handle).get("replaced", [])
    except FileNotFoundError:
        return []
    except (OSError, tomllib.TOMLDecodeError) as error:
        problems.append(f"{path}: {error}")
        return []
    record: Record = {}
    for number, entry in enumerate(entries if isinstance(entries, list) else [entries], 1):
        where = f"{FILE} [[replaced]] entry {number}"
        if problem := _entry_problem(entry, version):
            problems.append(f"{where}: {problem}")
            continue
        record.setdefault(entry["service"], []).append([entry["value"], entry["by"]])
    return [{"key": KEY, "value": dumped(record)}] if record else []


def _entry_problem(entry, version: str) -> str:
    if not isinstance(entry, dict) or not all(
        isinstance(entry.get(part), str) and entry[part].strip()
        for part in ("service", "value", "by")
    ):
        return 'needs service = "<id>", value = "<number or email>", by = "<release version>"'
    try:
        if version_key(entry["by"]) > version_key(version):
            return f'by = "{entry["by"]}" is later than this directory\'s version {version}'
    except Refused:
        return f'by = "{entry["by"]}" is not a version such as {version}'
    return ""


def unrecorded(earlier: bytes, built: bytes) -> list[str]:
    """Each number and email the earlier release `earlier` gave that `built`, a later one,
    neither gives nor records in its own record, as a problem naming the entry to add."""
    from app.db.loader import DirectoryError
    from app.db.stale_update import meta_value

    try:
        was, now = meta_value(earlier, "directory_version"), meta_value(built, "directory_version")
        if not version_key(was) < version_key(now):
            return []  # the same release built again
    except (Refused, DirectoryError, sqlite3.DatabaseError):
        return []  # not a directory: nothing it gave
    gives, record = given(built), replaced_in(built)
    problems = []
    for service_id, values in sorted(given(earlier).items()):
        recorded = {contact_key(value) for value, _ in record.get(service_id, [])}
        for key, value in values.items():
            if key not in gives.get(service_id, {}) and key not in recorded:
                problems.append(
                    f"{now} no longer gives {value} for {service_id}, which {was} gave: record "
                    f'it in services/{FILE} ([[replaced]] service = "{service_id}", value = '
                    f'"{value}", by = "{now}"), so that a lead\'s line of updates begun '
                    "before this release cannot give it again, or give it again in "
                    "services.csv (hazard log H454)"
                )
    return problems
