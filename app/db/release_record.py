"""What each release of the app's own directory stopped giving, from a reviewable source file.

A lead's line of updates begun before a release is read against it number by number
(app.db.stale_line); a number the release stopped giving with nothing in its place (a line
closed), or a service it deleted, could not be told from one the line had added, and the
stale line went on giving it at every start (attack on H454, N4, F6). The release now
carries its own record, as every update does (app.db.replaced_numbers): written by the
team in services/replaced.toml, whole (every release's, never pruned). `directory build`
reads the sources against the last release built (services/released.json, which it keeps
when it builds the app's own directory) and refuses a number or email that release gave
and this one neither gives nor records, until it is recorded there.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import tomllib
from pathlib import Path

from app.db.checks import Refused, version_key
from app.db.replaced_numbers import KEY, Record, contact_key, dumped, given, whole_record

FILE = "replaced.toml"  # beside services.csv
# what the last release built gave and recorded, written by `directory build` beside them:
# the build is read against it, whatever file it writes
RELEASED = "released.json"


def record_rows(services: Path, version: str, problems: list[str]) -> list[dict[str, str]]:
    """The content_meta row of the record in `services`/replaced.toml (none if it records
    nothing), each entry that is not one named in `problems`."""
    path = services / FILE
    try:  # as Excel and Notepad save it too: a byte-order mark read as a statement
        text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        entries = tomllib.loads(text).get("replaced", [])
    except FileNotFoundError:
        return []
    except UnicodeDecodeError:
        problems.append(f"{path}: not UTF-8 text: save it as UTF-8")
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


def snapshot(database: bytes) -> dict:
    """What a release gives and records, as RELEASED keeps it between builds."""
    from app.db.stale_update import meta_value

    return {
        "version": meta_value(database, "directory_version"),
        "gives": {s: sorted(values.values()) for s, values in sorted(given(database).items())},
        "record": {
            s: [list(pair) for pair in sorted(e.values())]
            for s, e in sorted(whole_record(database).items())
        },
    }


def keep_snapshot(services: Path, release: bytes) -> Path:
    """Kept beside the sources, for review with them and for the next build."""
    text = json.dumps(snapshot(release), indent=1, ensure_ascii=False, sort_keys=True)
    (services / RELEASED).write_text(text + "\n", "utf-8")
    return services / RELEASED


def release_problem(services: Path, shipped: Path) -> str:
    """Why the app's own directory (`shipped`) cannot be built from `services` now, in
    words ("" if it can). Its last release gone, or an older one restored, the build was
    read against nothing or the wrong release, and kept the new one as the first; a folder
    or file it cannot write left the next read against the one before (re-attack on the
    N4 fix, R2, R4; third look, R6, R7)."""
    from app.db.loader import DirectoryError

    kept = services / RELEASED
    try:
        release = snapshot(shipped.read_bytes()) if shipped.is_file() else None
        if release is not None and json.loads(kept.read_text("utf-8")) != release:
            return (
                f"{kept} is not {shipped} (version {release['version']}), the release built "
                "last: restore both from version control, as committed together"
            )
        with tempfile.TemporaryFile(dir=services):
            pass
        if kept.exists():  # only it read-only: the directory was built, the release not kept
            with kept.open("ab"):
                pass
        return ""
    except FileNotFoundError:
        return (
            f"{kept} is missing: restore it from version control (it is the last release "
            "built, which this one is read against)"
        )
    except (ValueError, DirectoryError, sqlite3.DatabaseError):
        return f"{kept} or {shipped} is not what the build wrote: restore both from version control"
    except OSError as error:
        why = error.strerror or error
        return f"{kept} cannot be written ({why}): the build keeps the release there"


def read_snapshot(services: Path, problems: list[str]) -> dict | None:
    """The last release built from `services` (RELEASED; None before the first)."""
    path = services / RELEASED
    try:
        kept = json.loads(path.read_text("utf-8"))
        version_key(kept["version"])
        if isinstance(kept["gives"], dict) and isinstance(kept["record"], dict):
            return kept
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, Refused):
        pass
    problems.append(f"{path}: not what `directory build` wrote: restore it from version control")
    return None


def unrecorded(earlier: dict, built: bytes) -> list[str]:
    """Each number and email the last release built (its `snapshot`) gave that `built`
    neither gives nor records as stopped after it, and each entry of its record `built`
    neither keeps nor gives again, as a problem naming the entry. An entry dated before
    the release it was dropped from, or left out of the next release's file, protected
    nothing, and the number came back; read against whatever file the build replaced, a
    build to another file, or at the same version, let a drop through (attack on the N4
    fix, A3-A5)."""
    from app.db.stale_update import meta_value

    was, now = earlier["version"], meta_value(built, "directory_version")
    gives, record = given(built), whole_record(built)
    if version_key(now) < version_key(was):
        return [f"services/directory.toml gives version {now}, below {was} built last: raise it"]
    problems = []
    for service_id, values in sorted(earlier["gives"].items()):
        for value in values:
            key = contact_key(value)
            by = record.get(service_id, {}).get(key, ("", ""))[1]
            if key in gives.get(service_id, {}) or _later(by, was):
                continue
            problems.append(_dropped(service_id, value, was, now, by))
    for service_id, entries in sorted(earlier["record"].items()):
        for value, by in entries:
            key = contact_key(value)
            if key not in record.get(service_id, {}) and key not in gives.get(service_id, {}):
                problems.append(
                    f"services/{FILE} no longer records {value} for {service_id} (by "
                    f"{by}), which {was} recorded: keep every entry (the file is what every "
                    "release stopped giving, not this one alone), or give it again in "
                    "services.csv (hazard log H454)"
                )
    return problems


def _dropped(service_id: str, value: str, was: str, now: str, by: str) -> str:
    if now == was:  # a release changed in place: laptops know a directory by its version
        return (
            f"{now} no longer gives {value} for {service_id}, which {was} as built last gave: "
            f"raise the version in services/directory.toml, then record it in services/{FILE} "
            "(by = the new version), or give it again in services.csv (hazard log H454)"
        )
    dated = f' (its entry says by = "{by}": the release that stopped giving it)' if by else ""
    return (
        f"{now} no longer gives {value} for {service_id}, which {was} gave{dated}: record it "
        f'in services/{FILE} ([[replaced]] service = "{service_id}", value = "{value}", by = '
        f'"{now}"), so that a lead\'s line of updates begun before this release cannot give it '
        "again, or give it again in services.csv (hazard log H454)"
    )


def _later(by: str, than: str) -> bool:
    try:
        return bool(by) and version_key(by) > version_key(than)
    except Refused:
        return False
