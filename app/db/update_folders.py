"""IT's update folders as laptops list and guard them: the bundles in one, and whether
another account could change a folder or an update in it. No Qt."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from app.db.bundle import named_as_bundle
from app.db.signing import private_key_left
from app.machine import LINK_LOOP, others_could_change
from app.private_files import own_folder

OPEN_CHECKED = 8  # updates in IT's folder whose owner and mode are looked at, at most


def bundle_files(folder: Path | None, worker_own: bool = False) -> list[Path]:
    """Everything named as a bundle in a folder, files or not; OSError when it cannot be
    listed (glob said nothing of a folder workers may not read, and no update came, review
    2026-12-01). What is not a file is read like the rest and refused by name: a folder or
    a link to /dev/null under the next update's name was passed over unsaid, the real
    update copied onto it went into the folder or nowhere, and the self-test passed (attack,
    2026-12-03); an entry that cannot be looked at hid every bundle in IT's share (IT review
    2026-12-01). `worker_own`: the worker's folder, not read when it or the folder holding
    it (with the record of what was used) is another account's."""
    if folder is not None and worker_own:  # before it is made: the one holding it is said
        own_folder(folder.parent)
        own_folder(folder)
    if folder is None or not folder.is_dir():
        return []
    with os.scandir(folder) as entries:
        found = [Path(e.path) for e in entries if named_as_bundle(e.name)]
    return sorted(p for p in found if not p.name.startswith("."))


def folder_notes(
    named: Path | None, by_policy: bool, passed_over: Path | None, called: str
) -> list[str]:
    """What IT is told of its update folder (`called` as IT reads it) before any update in
    it is read: out of reach, not a folder, open to others, updates left in the folder a
    policy passed over, what in it no laptop reads."""
    if named is None:
        return []
    notes = []
    if by_policy and not is_folder(named):
        # a typing mistake in the policy, or a share offline, was silent (review 2026-12-01)
        notes.append(
            f"{called} ({named}), named by IT's policy, cannot be reached (missing, offline "
            "or not a folder): no update from it was checked"
        )
    elif not is_folder(named) and os.path.lexists(named):
        # an update copied to the folder's name before it was made (attack, 2026-12-03)
        notes.append(
            f"{called} ({named}) is not a folder: no update from it was checked; make it a "
            "folder and copy the updates into it"
        )
    if opened := open_to_others(named, called):
        notes.append(opened)
    if left := left_in_default_folder(passed_over, named):
        notes.append(left)
    return notes + not_read(named)


def is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return True  # there, but not readable: the reading says so


def open_to_others(folder: Path, named: str) -> str:
    """IT's update folder (`named` as IT reads it), or an update in it, that another account
    could change: any user could remove or replace an update before a laptop took it, and
    the self-test passed (the lead's and IT's walk, and its re-attack, 2026-12-02), as a key
    file open to them is named. The first few updates only: junk files there must not slow
    every start (the one in use is looked at too: update_open_to_others)."""
    try:
        places = [folder, *bundle_files(folder)[:OPEN_CHECKED]] if folder.is_dir() else []
        for place in places:
            if why := others_could_change(place):
                return _open_words(f"{named} ({folder})" if place == folder else f"{place}", why)
    except OSError:  # not readable: the reading says so
        pass
    return ""


def update_open_to_others(update: Path) -> str:
    """The update in use from IT's folder, whichever it is: only the first few there were
    looked at, and the one in use, ninth, was a link into a folder any user writes
    (re-attack round, 2026-12-02)."""
    try:
        why = others_could_change(update)
    except OSError:
        return ""
    return _open_words(str(update), why) if why else ""


def _open_words(what: str, why: str) -> str:
    if why == LINK_LOOP:
        return f"{what} {why}: remove it"
    return (
        f"{what} {why}: any user could remove or replace its updates; make it writable by "
        "administrators only"
    )


def left_in_default_folder(default: Path | None, named: Path | None) -> str:
    """Updates left in the machine's own folder when IT's policy names another: IT, told to
    copy bundles there "or to the policy's folder", kept copying to the old place once a
    policy named a share, and new laptops stayed on the app's own directory while every
    self-test passed (attack, 2026-12-02). Not when the two are one folder named two ways,
    nor for a file IT put in both (re-attack round)."""
    try:
        if default is None or named is None or _same_folder(default, named):
            return ""
        left = [p for p in bundle_files(default) if not (named / p.name).exists()]
    except OSError:
        return ""
    if not left:
        return ""
    return (
        f"{len(left)} update file(s) in {default} are not read: IT's policy names {named} as "
        "the update folder; put updates there"
    )


SUBFOLDERS_CHECKED = 64  # folders inside IT's folder looked into for updates, newest name first


NEAR_NAMED = 5  # files named almost as an update, named in what IT is told


def not_read(folder: Path | None) -> list[str]:
    """What IT put in its update folder that no laptop reads, said: updates in a folder
    inside it (a lead's updates unpacked from an archive, or copied by month), and files
    named almost as an update ("….navdir.part", a space after it, a look-alike letter, a
    dot before it). Each was passed over unsaid and the self-test passed (attack and
    re-attack, 2026-12-03). A folder this account cannot read hides no other (a mount
    point's lost+found), and the newest-named folders are looked into first."""
    if folder is None:  # (os.scandir(None) would list the working folder)
        return []
    try:
        with os.scandir(folder) as entries:
            listed = [(e.name, e.is_dir()) for e in entries]
    except OSError:  # not there, or not readable: the reading says so
        return []
    inside = sorted((n for n, d in listed if d and not named_as_bundle(n)), reverse=True)
    held = [folder / n for n in inside[:SUBFOLDERS_CHECKED] if _holds_updates(folder / n)]
    near = sorted(n for n, d in listed if not d and _almost_an_update(n))
    said = private_key_left(folder, [n for n, d in listed if not d])
    if others := sorted(n for n, d in listed if not d and _lead_file_or_archive(n)):
        # the lead's sheet, or the update zipped, passed over unsaid: the self-test passed
        # and no laptop took the correction (the lead's walk, 2026-12-07)
        more = f" and {len(others) - NEAR_NAMED:,} more" if len(others) > NEAR_NAMED else ""
        said.append(
            f"{', '.join(repr(n) for n in others[:NEAR_NAMED])}{more} in {folder} are not "
            "updates: laptops read only the .navdir file the lead's publish wrote (never "
            "services.csv, a spreadsheet or an archive): ask the lead for it, and put it here"
        )
    if held:
        said.append(
            f"update files in {', '.join(str(sub) for sub in held)} are not read: laptops "
            f"read only the update folder itself ({folder}); move them there"
        )
    if near:
        # the first few named and the rest counted: 50,000 in one message made a 4.6 MB
        # line that rotated IT's log away at every start (attack, 2026-12-04)
        more = f" and {len(near) - NEAR_NAMED:,} more" if len(near) > NEAR_NAMED else ""
        said.append(
            f"{', '.join(repr(n) for n in near[:NEAR_NAMED])}{more} in {folder} are not read "
            "as updates: an "
            "update's name ends in .navdir and does not start with a dot; copy it again "
            "under the name the lead gave it"
        )
    return said


def _holds_updates(sub: Path) -> bool:
    try:
        return bool(bundle_files(sub))
    except OSError:  # one this account cannot read: the others are still looked into
        return False


def _almost_an_update(name: str) -> bool:
    """Named nearly as an update (".nav" in its name: "….navdir.part", "….navdir " with a
    space, "….navdіr" with a Cyrillic і, ".….navdir"), but not read as one."""
    read = named_as_bundle(name) and not name.startswith(".")
    return ".nav" in unicodedata.normalize("NFKC", name).lower() and not read


LEAD_FILES = re.compile(
    r"^(?:services.*\.(?:csv|xlsx|xlsm|xls|ods|numbers)|directory\.toml|.*\.sqlite)$", re.I
)
ARCHIVES = (".zip", ".7z", ".rar", ".tar", ".gz", ".tgz")


def _lead_file_or_archive(name: str) -> bool:
    """A lead's working file (services.csv, a workbook, directory.toml, a database) or the
    directory zipped to send it: never read as an update. Excel's "~$" lock, IT's own
    archives (an installer's zip: a false alarm, verifier 2026-12-07) and a name almost an
    update's (said as one) aside."""
    plain = unicodedata.normalize("NFKC", name)
    lower = plain.lower()
    zipped = lower.endswith(ARCHIVES) and ("directory" in lower or "services" in lower)
    return (
        not plain.startswith("~$")
        and ".nav" not in lower
        and (bool(LEAD_FILES.match(plain)) or zipped)
    )


def _same_folder(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False
