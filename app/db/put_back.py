"""A working copy that puts back what the update it began from changed: refused at publish.

A lead kept a "master" spreadsheet and saved it over services.csv in a copy begun from
their own 2026.12.13. The publish listed every number 2026.12.13 had replaced among the
lines changed, with no word that they went backwards; IT's verify said ok, the self-test
passed, and laptops showed the old number of Walsall's children's front door as
"confirmed", its old check riding with it (the lead's walk, 2026-12-06). What the copy
changed from the update is the lead's own edit; what it holds as an update before that one
held it, against the update's change, is put back, and is refused unless a person's check
made since shows it is right (a slip in the update put right). A number or email an update
replaced, along the whole line of updates, is refused the same way, from the record each
update carries (app.db.replaced_numbers): read by finding the databases before, two leads,
a new laptop and a feed import each passed an old sheet (re-attack on H451, R1-R3).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from app.db.bundle import check_signature, claimed_manifest, read_bundle_file, whole_bundle
from app.db.checks import Refused, version_key
from app.db.overtaken import changes_undone, contacts, named
from app.db.published import Published
from app.db.replaced_numbers import (
    Record,
    as_published,
    carried,
    joined,
    kept_with,
    put_back,
    replaced_in,
)

IN_SIGHT = 5  # the newest updates whose records are joined: each holds its line's


def check_not_put_back(
    began: bytes,
    database: bytes,
    version: str,
    bundles: list[Path],
    release: bytes | None = None,
    record: Record | None = None,
    held: bool = True,
    what: str = "this working copy",
) -> None:
    """Refused when `database`, a working copy published while update `version` (`began`)
    is in use, gives a number or email an update replaced (`record`: app.db.replaced_numbers),
    or (`held`: the copy began from `began`, or signed it) holds what that update changed as
    a directory its own working copy held before it did: one found by its sha256 among
    `bundles` (the lead's published folders and ledger) or the app's own directory
    (`release`)."""
    from app.db.stale_update import databases_held

    checked_since = _checked_since(contacts(began), contacts(database))
    unchecked = lambda said: [  # noqa: E731
        s for s in said if not any(s.startswith(f"{name}: ") for name in checked_since)
    ]
    if undone := unchecked(put_back(began, database, version, record or {})):
        raise Refused(
            f"{what} gives what an update replaced: {named(undone)}. If the number here is "
            f"right (a slip in {version} put right, or the service went back to it), ring it (an "
            "email: confirm it with the service in writing) and record that person's check, "
            "made today (directory check-service, or the window's Mark checked), then publish "
            "again. If it came from an older spreadsheet saved over services.csv, or a number "
            f"typed from an old leaflet, put those back as {version} gives them"
        )
    if not held:
        return
    before = [sha for sha in databases_held(began) if sha != hashlib.sha256(began).hexdigest()]
    for older in reversed(found_by_sha(before, bundles, release)):  # the one just before it first
        if undone := unchecked(changes_undone(began, database, "this working copy's", base=older)):
            raise Refused(
                f"this working copy puts back what {version}, the update it began from, "
                f"changed: {named(undone)}. An older services.csv saved over the copy's does "
                f"this. If it was, put those back as {version} has them. If you undid the "
                "change on purpose (a slip put right, seasonal hours ended, a service "
                "reinstated), ring the service to confirm it and record that person's check "
                "(directory check-service, or the window's Mark checked), then publish again"
            )


def checked_record(
    began: bytes,
    database: bytes,
    version: str,
    in_use_version: str,
    seen: Published,
    out_dir: Path,
    own: dict,
    kept: Record,
    **check,
) -> str:
    """The record to sign into `database`, published as `version` while `began` (update
    `in_use_version`) is in use: `began`'s, `kept` and the updates' in sight, with what it
    replaces; refused first as check_not_put_back says (`check`: its `held`, `release`,
    `what`)."""
    also = (kept, records_in_sight(seen, out_dir, own))
    record = joined(replaced_in(began), *also)
    places = seen.places(out_dir)
    check_not_put_back(began, database, in_use_version, places, record=record, **check)
    return carried(began, database, version, also)


def record_as_is(
    in_use: bytes, source: bytes, in_use_version: str, version: str, seen: Published, out: Path
) -> str:
    """A database published as it is, refused as a working copy is when it gives what an
    update replaced: BSWA's number set back by hand in a database, its source "seen today",
    was published, and IT's verify said ok (re-attack on H453, B1). The record to sign."""
    kept = as_published(source, version)
    return checked_record(in_use, source, version, in_use_version, seen, out, {}, kept,
                          held=False, what="this database")  # fmt: skip


def records_in_sight(seen: Published, out_dir: Path, own: dict) -> Record:
    """The records of the newest updates in sight, joined: each signed by a key this
    computer trusts or the lead's own (any in the lead's ledger, which only this app writes),
    read whole, each update once. A copy begun from a release, which holds none, put back
    what the update before the release replaced (attack on H453); five planted bundles
    claiming the lead's key, read unsigned, made a publish take nine minutes and were signed
    into the lead's update, and one update in three folders took three of the five places
    (re-attack on H453). Each update holds its line's, so the newest few say all of it."""
    keys = {**dict(seen.keys), **own}
    newest: dict[str, tuple] = {}  # its database's sha256: (its version, its file)
    for path in seen.places(out_dir):
        manifest = claimed_manifest(path)
        if manifest is None or manifest.sha256 in newest:
            continue
        try:
            if seen.ledger is None or path.parent != seen.ledger:
                check_signature(manifest, keys)
            newest[manifest.sha256] = (version_key(manifest.directory_version), path)
        except Refused:
            continue
    chosen = sorted(newest.values(), reverse=True)[:IN_SIGHT]
    return joined(*(replaced_in(data) for data in _databases(path for _, path in chosen)))


def _checked_since(began: dict, copy: dict) -> set[str]:
    """The services this copy holds a person's check of made on or after the day its update
    was published: a typo in that update, put right and rung the same day, was refused
    until the next day, the typo on laptops meanwhile (re-attack on H451, 2026-12-06)."""
    day = next((row["published"] for row in began.values()), None)
    return {
        row["name"]
        for row in copy.values()
        if day is not None and row["checked"] is not None and row["checked"] >= day
    }


def found_by_sha(shas: list[str], bundles: list[Path], release: bytes | None) -> list[bytes]:
    """The databases of these sha256s held in `bundles` whole, or the release, in the order
    of `shas`."""
    wanted, found = set(shas), {}
    if release is not None:
        found[hashlib.sha256(release).hexdigest()] = release
    for path in bundles:
        claimed = claimed_manifest(path)
        if claimed is None or claimed.sha256 not in wanted or claimed.sha256 in found:
            continue
        for data in _databases([path]):
            found[claimed.sha256] = data
    return [found[sha] for sha in shas if sha in found]


def _databases(bundles: Iterable[Path]) -> Iterator[bytes]:
    """The database of each bundle held whole."""
    for path in bundles:
        try:
            yield whole_bundle(read_bundle_file(path))[1]
        except (Refused, OSError):
            continue  # a copy cut short: another may be whole


def check_line_reaches(
    folder: Path, version: str, held: list[str], made: bytes, in_use: tuple, places: list[Path]
) -> None:
    """Refused when a working copy (its `folder`, holding directory `version` and the
    databases `held`) publishing `made` holds an update above the directory in use
    (`in_use`: its database and version) that it never held, its line going back to before
    that one or not kept, and gives numbers that one replaced: after an app upgrade set a
    lead's update aside, the same copy went on publishing from it, its line lost, and the
    old number of a front door the release had corrected with it went to every laptop
    (attack on H454, F3; a copy with no kept line: N1). Read as laptops read a line
    (app.db.stale_line), the copy's own edits told from the update it holds, found among
    `places`; a laptop merely behind the copy's line passes (N6)."""
    from app.db.stale_line import kept_line, line_held, made_without
    from app.db.stale_update import databases_held

    began, in_use_version = in_use
    line, in_use_sha = kept_line(folder), hashlib.sha256(began).hexdigest()
    if in_use_sha in held or not version_key(in_use_version) < version_key(version):
        return
    if line and not version_key(line) < version_key(in_use_version):
        return
    holds = next(iter(found_by_sha(held[-1:], places, None)), None)
    if holds is not None and in_use_sha in {*line_held(holds), *databases_held(holds)}:
        return
    if undone := made_without(made, began, in_use_version, kept_with(folder), holds, line):
        back = f"going back to {line}, " if line else ""
        raise Refused(
            f"this working copy holds directory {version}, which this laptop does not use, "
            f"made in a line {back}from before {in_use_version} in use here, and gives numbers "
            f"{in_use_version} replaced or stopped giving ({named(undone)}). If IT still uses "
            f"{version}, install it on this laptop (directory install) and publish again; else "
            "begin a new working copy (a new folder) from the directory in use, make this "
            f"copy's changes again (directory diff of {version} and the directory in use lists "
            "them) and publish from there; where this copy's number is the right one, ring the "
            "service and record that person's check, then publish again"
        )
