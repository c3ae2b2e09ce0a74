"""A working copy that puts back what the update it began from changed: refused at publish.

A lead kept a "master" spreadsheet and saved it over services.csv in a copy begun from
their own 2026.12.13. The publish listed every number 2026.12.13 had replaced among the
lines changed, with no word that they went backwards; IT's verify said ok, the self-test
passed, and laptops showed the old number of Walsall's children's front door as
"confirmed", its old check riding with it (the lead's walk, 2026-12-06). What the copy
changed from the update is the lead's own edit; what it holds as an update before that one
held it, against the update's change, is put back, and is refused unless a person's check
made since shows it is right (a slip in the update put right).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from app.db.bundle import claimed_manifest, read_bundle_file, whole_bundle
from app.db.checks import Refused, version_key
from app.db.overtaken import changes_undone, contacts, named
from app.db.replaced_numbers import Record, joined, put_back, replaced_in

IN_SIGHT = 5  # the newest updates whose records are joined: each holds its line's


def check_not_put_back(
    began: bytes,
    database: bytes,
    version: str,
    bundles: list[Path],
    release: bytes | None,
    record: Record,
    held: bool = True,
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
    if undone := unchecked(put_back(began, database, version, record)):
        raise Refused(
            f"this working copy gives what an update replaced: {named(undone)}. An older "
            "spreadsheet saved over services.csv, or a number typed from an old leaflet, does "
            f"this. Put those back as {version} gives them; where this copy's is right (the "
            "service went back to it, or a slip put right), ring it (an email: confirm it with "
            "the service in writing) and record that person's check, made today (directory "
            "check-service, or the window's Mark checked), then publish again"
        )
    if not held:
        return
    before = [sha for sha in databases_held(began) if sha != hashlib.sha256(began).hexdigest()]
    for older in reversed(_found(before, bundles, release)):  # the one just before it first
        if undone := unchecked(changes_undone(began, database, "this working copy's", base=older)):
            raise Refused(
                f"this working copy puts back what {version}, the update it began from, "
                f"changed: {named(undone)}. A spreadsheet saved over services.csv from before "
                f"{version} does this. Put those back as {version} has them; where this copy's "
                "is right (a slip put right, or a change undone on purpose), ring the service "
                "and record a person's check of it (directory check-service, or the window's "
                "Mark checked) and publish again"
            )


def records_in_sight(bundles: list[Path]) -> Record:
    """The records of the newest updates in `bundles`, whole, joined: a copy begun from a
    release, which holds none, put back what the update before the release replaced (attack
    on H453). Each update holds its line's, so the newest few say all of it."""
    claimed = [(claimed_manifest(path), path) for path in bundles]
    newest = sorted(
        ((version_key(m.directory_version), path) for m, path in claimed if m is not None),
        reverse=True,
    )
    return joined(*(replaced_in(data) for data in _databases(p for _, p in newest[:IN_SIGHT])))


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


def _found(shas: list[str], bundles: list[Path], release: bytes | None) -> list[bytes]:
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
