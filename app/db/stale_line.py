"""A lead's line of updates begun before the app's own directory: the numbers it gives that
the release has changed since, for laptops and IT.

An update records the version its working copy began from (`begun_from`), and one begun
before the release is read against it (app.db.stale_update). A line of updates, each begun
from the one before, was read only at its first link: lead B's 2026.12.6, begun from IT's
2026.12.4, then 2026.12.7 and 2026.12.8, each from the last; with 12.6 gone (a worker's
folder keeps two) and 12.4 taken out of IT's folder once release 2026.12.5 held lead A's
correction of Solihull's front door, 12.8 gave the old number at every start and the
self-test passed (attack on H450, R6). Every update now carries where its line began
(`line_began_from`), and one whose line began before the release, read by the numbers and
emails it gives: a service's that the release does not give, where the line never replaced
what the release gives (its signed record, app.db.replaced_numbers: any earlier change of
the service's numbers is no sign, or one old edit would exempt it for good) and nothing
newer than the release's evidence confirms it, is the release's change undone.
Numbers only: what else a line changed is told by the update before it, which is gone.

Each update made from a working copy also carries the databases its line held before it
(`line_sha256`, by content): a lead's own line, its first link gone, was read against IT's
update it was made from as if made without it, and after every app upgrade the lead's
correction was set aside and IT's slip shown again (attack on H450, R7).
"""

from __future__ import annotations

from app.db.checks import Refused, version_key

LINE = "line_began_from"  # content_meta: the version the line's first working copy began from
LINE_HELD = "line_sha256"  # content_meta: the sha256 of each database the line held before
LINE_KEPT = 60  # the newest: a year of weekly updates


def line_began(database: bytes) -> str:
    """Where the update's line began; for an update made before lines were recorded, where
    its own working copy began ("" if it says neither)."""
    from app.db.stale_update import begun_from, meta_value

    line = meta_value(database, LINE)
    try:
        return line if line and version_key(line) else begun_from(database)
    except Refused:  # no version: read as the update's own start
        return begun_from(database)


def line_held(database: bytes) -> list[str]:
    """The sha256 of each database the update's line held before the copy it was made in."""
    from app.db.stale_update import meta_value

    return meta_value(database, LINE_HELD).split()


def held_along(began: bytes) -> str:
    """What an update made from a working copy begun from `began` records its line held
    before: `began`'s line and what `began`'s own copy held, the newest kept."""
    from app.db.stale_update import databases_held

    along = list(dict.fromkeys([*line_held(began), *databases_held(began)]))
    return " ".join(along[-LINE_KEPT:])


def line_from(began_line: str, began: str) -> str:
    """The line of an update begun at version `began` from a database whose line began at
    `began_line`: the older ("" when neither is a version)."""
    known = []
    for version in (began_line, began):
        try:
            known.append((version_key(version), version))
        except Refused:
            continue
    return min(known)[1] if known else ""


def line_begun_before_the_release(newer: bytes, version: str, shipped: bytes, release: str) -> str:
    """'' or, in words for IT, the numbers the update `newer` gives that the app's own
    directory `release` changed after its line began."""
    from app.db.overtaken import named
    from app.db.stale_update import begun_from

    line, began = line_began(newer), begun_from(newer)
    try:
        if not line or not version_key(line) < version_key(release) < version_key(version):
            return ""
        if began and version_key(began) < version_key(release):
            return ""  # its own link straddles the release: read whole (app.db.stale_update)
    except Refused:
        return ""
    undone = _given_since_changed(newer, shipped, release)
    if not undone:
        return ""
    return (
        f"the update {version} was made in a line of updates begun from directory {line}, "
        f"before this app's own directory {release}, and gives what that has changed since "
        f"({named(undone)}). The directory lead installs this app version on their laptop, "
        f"begins a new working copy from its directory {release}, makes the changes of "
        f"{version}'s line again and publishes"
    )


def _given_since_changed(newer: bytes, shipped: bytes, release: str) -> list[str]:
    """Each service's numbers `newer` gives that `shipped` does not, unchanged along the line
    and confirmed by nothing newer than the release's evidence, in words."""
    from app.db.overtaken import contacts
    from app.db.replaced_numbers import contact_key, given, replaced_in

    ours, theirs = contacts(newer), contacts(shipped)
    release_gives, changed_along = given(shipped), replaced_in(newer)
    said = []
    for service_id, values in sorted(given(newer).items()):
        now = release_gives.get(service_id, {})
        replaced = {contact_key(value) for value, _ in changed_along.get(service_id, [])}
        if service_id not in theirs or replaced & now.keys():
            continue  # added along the line, or the line replaced what the release gives
        gone = [value for key, value in values.items() if key not in now]
        if not gone or _newer_evidence(ours[service_id], theirs[service_id]):
            continue
        gives = ", ".join(now.values()) if now else "nothing: it does not offer the service"
        name, numbers = ours[service_id]["name"], ", ".join(gone)
        said.append(f"{name}: {numbers} ({release} gives {gives})")
    return said


def _newer_evidence(row: dict, theirs: dict) -> bool:
    """The update's row holds evidence newer than the release's: a person's check outweighs
    a page seen (as app.db.overtaken reads them)."""
    if theirs["checked"] is not None:
        return row["checked"] is not None and row["checked"] >= theirs["checked"]
    mine = max(filter(None, (row["checked"], row["seen"])), default=None)
    return mine is not None and (theirs["seen"] is None or mine > theirs["seen"])
