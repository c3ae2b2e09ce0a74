"""A lead's line of updates begun before the app's own directory: the numbers it gives that
the release has changed since, for laptops and IT.

An update records the version its working copy began from (`begun_from`), and one begun
before the release is read against it (app.db.stale_update). A line of updates, each begun
from the one before, was read only at its first link: lead B's 2026.12.6, begun from IT's
2026.12.4, then 2026.12.7 and 2026.12.8, each from the last; with 12.6 gone (a worker's
folder keeps two) and 12.4 taken out of IT's folder once release 2026.12.5 held lead A's
correction of Solihull's front door, 12.8 gave the old number at every start and the
self-test passed (attack on H450, R6). Every update now carries where its line began
(`line_began_from`; a working copy keeps it, LINE_MARK), and one whose line began before
the release is read value by value: a number or email given in place of one the release
gives (among all a service gives, or among its own lines), or for a service the release no
longer offers, where the line replaced none of the release's after it (its signed record,
app.db.replaced_numbers) and nothing dated from the release's day on confirms it, is the
release's change undone; a value the line only added is its own, unless the release's own
record says it stopped giving it after the line began (a line closed, a service deleted:
app.db.release_record). Numbers only: what else a line changed is told by the update
before it, which is gone.
Publish reads a working copy the same way against the directory in use when the copy holds
an update that laptop never used (app.db.put_back.check_line_reaches).

Each update made from a working copy also carries the databases its line held before it
(`line_sha256`, by content): a lead's own line, its first link gone, was read against IT's
update it was made from as if made without it, and after every app upgrade the lead's
correction was set aside and IT's slip shown again (attack on H450, R7).
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from app.db.checks import Refused, version_key

LINE = "line_began_from"  # content_meta: the version the line's first working copy began from
LINE_HELD = "line_sha256"  # content_meta: the sha256 of each database the line held before
LINE_KEPT = 60  # the newest: a year of weekly updates
LINE_MARK = ".navigator-line"  # a working copy's: where the line of the database it began from


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


def copy_line(began: bytes | None, kept: str, release: bytes | None, held: list[str]) -> tuple:
    """(where the line of a working copy's update began, the databases it held before) for a
    copy that holds the databases `held` (their sha256), with `began` in use when it began
    from it (else None), `kept` the line it keeps (LINE_MARK) and `release` the app's own
    directory. Kept by the copy: published once the directory in use was no longer its own
    (an app upgrade had set its update aside, or a second laptop), its line was lost and a
    stale line's old number went through again (attack on H454, F3). Only databases in use
    as each link was made, by content, never the copy's own marks: a hash put into one rode
    on through sixty later updates (F7). Begun from the release, the line begins there,
    whatever the release's database says of itself (F5)."""

    from app.db.stale_update import meta_value

    if release is not None and hashlib.sha256(release).hexdigest() in held:
        return meta_value(release, "directory_version"), hashlib.sha256(release).hexdigest()
    line = line_from(kept, line_began(began) if began is not None else "")
    if began is None:
        return line, ""
    along = list(dict.fromkeys([*line_held(began), hashlib.sha256(began).hexdigest()]))
    return line, " ".join(along[-LINE_KEPT:])


def keep_line(folder: Path, line: str) -> None:
    """Kept beside the copy's sheet, as it begins (a full disk: its updates say less)."""
    with contextlib.suppress(OSError):
        (folder / LINE_MARK).write_text(line + "\n", "ascii")


def kept_line(folder: Path) -> str:
    """The line a working copy keeps ("" if none, or not a version)."""
    try:  # its first 40 bytes: a mark of gigabytes was read whole at every publish
        with (folder / LINE_MARK).open("rb") as mark:
            line = mark.read(40).decode("ascii").strip()
        return line if version_key(line) else ""
    except (OSError, ValueError, Refused):
        return ""


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
    undone = _given_since_changed(newer, shipped, release, line=line)
    if not undone:
        return ""
    return (
        f"the update {version} was made in a line of updates going back to directory {line}, "
        f"from before this app's own directory {release}, and gives numbers that directory has "
        f"replaced or stopped giving ({named(undone)}). The directory lead, with this app "
        f"version installed, begins a new working copy from the directory then in use on their "
        f"laptop, makes the changes of {version}'s line again (directory diff of {version} and "
        f"the directory in use lists them) and publishes; where the line's number is the right "
        f"one, they ring the service, record that person's check and publish again"
    )


def made_without(
    made: bytes, in_use: bytes, version: str, kept: dict, holds, line: str = ""
) -> list[str]:
    """What a working copy's database `made`, not begun from `in_use` (directory `version`),
    its line begun at `line` ("" not kept: every removal counts), gives in place of what that
    gives, as laptops read a line: its own are its record's replacements after `version`
    (`kept`) and what it replaced of the update it holds (`holds`, when found)."""
    from app.db.replaced_numbers import joined, no_longer_given

    own: dict = {}  # replaced by this publish
    for service_id, value in no_longer_given(holds, made) if holds is not None else ():
        own.setdefault(service_id, []).append([value, ""])
    return _given_since_changed(made, in_use, version, joined(kept, own), line)


def _given_since_changed(
    newer: bytes, shipped: bytes, release: str, record: dict | None = None, line: str = ""
) -> list[str]:
    """Each service whose numbers and emails `newer` gives in place of some `shipped` gives
    (or that `shipped` no longer offers), where the line replaced none of those after the
    release and nothing newer than the release's evidence confirms it, in words. Value by
    value: the line's new out-of-hours number let the old front-door number through, and an
    email it added was taken for one the release replaced (attack on H454, F1, F4); counted
    only after the release: a slip made before it, which the release put right, let the
    slip through (F2). `record`: the line's replacements, else `newer`'s. A number
    `shipped` stopped giving after the line began (`line`), as its own record says, with
    nothing in its place, or a service it deleted, is read as a change undone too: a closed
    line's number, and a service deleted outright, went on being given (attack on H454, N4,
    F6)."""
    from app.db.overtaken import contacts
    from app.db.replaced_numbers import contact_key, given, replaced_in

    ours, theirs = contacts(newer), contacts(shipped)
    release_gives = given(shipped)
    changed_along = replaced_in(newer) if record is None else record
    after = version_key(release)
    stopped = _stopped_giving(shipped, line)
    published = next(iter(theirs.values()), {}).get("published")  # the release's day
    day = {"checked": None, "seen": None, "published": published}
    said = []
    for service_id, values in sorted(given(newer).items()):
        if service_id not in theirs:  # added along the line (ids are never used again)
            by = max(stopped.get(service_id, {}).values(), default="", key=_version_or_none)
            if by and not _newer_evidence(ours[service_id], day):  # unless deleted since
                numbers = ", ".join(values.values())
                said.append(f"{ours[service_id]['name']}: {numbers} ({by} deleted it)")
            continue
        now = release_gives.get(service_id, {})
        replaced = {
            contact_key(value)
            for value, by in changed_along.get(service_id, [])
            if _after(by, after)
        }
        # what the release gives, unexplained; its lines by themselves: the release made the
        # note's out-of-hours number the front door's, and the old one stayed (re-attack, N2)
        rows = _lines(theirs[service_id]) - _lines(ours[service_id])
        missing = (now.keys() - values.keys() | rows) - replaced
        offered = theirs[service_id]["status"] == "active"
        extra = [value for key, value in values.items() if key not in now]
        # kept by the line where the release stopped giving it (a line closed): whatever the
        # line replaced on the service since (a typo in its own email let it through: A1)
        closed = [
            values[key] for key in values.keys() - now.keys() if key in stopped.get(service_id, {})
        ]
        if not extra or (offered and not missing and not closed):
            continue  # the line added to it, or replaced on it, no more
        if _newer_evidence(ours[service_id], theirs[service_id]):
            continue
        gives = ", ".join(now.values()) if offered else "nothing: it does not offer the service"
        # what it added besides is its own, never named (A2)
        listed = sorted(closed) if closed and not missing else extra
        name, numbers = ours[service_id]["name"], ", ".join(listed)
        said.append(f"{name}: {numbers} ({release} gives {gives or 'no number'})")
    return said


def _stopped_giving(shipped: bytes, line: str) -> dict[str, dict[str, str]]:
    """Each number and email `shipped`'s own record says it stopped giving after `line`
    began ("": whenever), by service and key: the version that stopped it."""
    from app.db.replaced_numbers import whole_record

    try:
        began = version_key(line) if line else None
    except Refused:
        began = None
    stopped: dict[str, dict[str, str]] = {}
    for service_id, entries in whole_record(shipped).items():
        for key, (_, by) in entries.items():
            if began is None or _after(by, began):
                stopped.setdefault(service_id, {})[key] = by
    return stopped


def _version_or_none(by: str) -> tuple:
    try:
        return version_key(by)
    except Refused:
        return ()


def _after(by: str, release_key) -> bool:
    try:
        return version_key(by) > release_key
    except Refused:  # a feed import's, not yet published: after everything
        return by == ""


def _newer_evidence(row: dict, theirs: dict) -> bool:
    """The update's row holds evidence newer than the release's: a person's check outweighs
    a page seen (as app.db.overtaken reads them); one from before the release's own day says
    nothing of it (a check of the old number, carried along the line: re-attack, N3)."""
    if theirs["checked"] is not None:
        return row["checked"] is not None and row["checked"] >= theirs["checked"]
    floor = max(filter(None, (theirs["seen"], theirs["published"])), default=None)
    if floor is None:
        return row["checked"] is not None or row["seen"] is not None
    checked = row["checked"] is not None and row["checked"] >= floor  # a person: that day on
    return checked or (row["seen"] is not None and row["seen"] > floor)


def _lines(row: dict) -> set[str]:
    """A service's own lines (its phone rows), by their key."""
    from app.db.overtaken import NOT_RUNG
    from app.db.replaced_numbers import contact_key

    return {contact_key(number.removesuffix(NOT_RUNG)) for number in row["contact"][1]}
