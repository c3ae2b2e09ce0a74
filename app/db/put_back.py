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
from pathlib import Path

from app.db.bundle import claimed_manifest, read_bundle_file, whole_bundle
from app.db.checks import Refused
from app.db.overtaken import changes_undone, contacts, named
from app.db.replaced_numbers import put_back


def check_not_put_back(
    began: bytes, database: bytes, version: str, bundles: list[Path], release: bytes | None
) -> None:
    """Refused when `database`, a working copy begun from update `version` (`began`), gives
    a number or email an update before it replaced (its record: app.db.replaced_numbers),
    or holds what that update changed as a directory its own working copy held before it
    did: one found by its sha256 among `bundles` (the lead's published folders and ledger)
    or the app's own directory (`release`)."""
    from app.db.stale_update import databases_held

    checked_since = _checked_since(contacts(began), contacts(database))
    unchecked = lambda said: [  # noqa: E731
        s for s in said if not any(s.startswith(f"{name}: ") for name in checked_since)
    ]
    if undone := unchecked(put_back(began, database, version)):
        raise _refused(f"gives what an update before it replaced: {named(undone)}", version)
    before = [sha for sha in databases_held(began) if sha != hashlib.sha256(began).hexdigest()]
    for older in reversed(_found(before, bundles, release)):  # the one just before it first
        if undone := unchecked(changes_undone(began, database, "this working copy's", base=older)):
            raise _refused(f"puts back what {version}, the update it began from, changed: "
                           f"{named(undone)}", version)  # fmt: skip


def _refused(what: str, version: str) -> Refused:
    return Refused(
        f"this working copy {what}. A spreadsheet saved over services.csv from before "
        f"{version} does this. Put those back as {version} has them; where this copy's is "
        "right (a slip put right, or the service's number changed back), ring it and record a "
        "person's check of it (directory check-service, or the window's Mark checked) and "
        "publish again"
    )


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
        try:
            found[claimed.sha256] = whole_bundle(read_bundle_file(path))[1]
        except (Refused, OSError):
            continue  # a copy cut short: another may be whole
    return [found[sha] for sha in shas if sha in found]
