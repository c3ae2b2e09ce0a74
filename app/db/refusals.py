"""Bundles refused, and of one version signed twice, which one stands: what select_directory
says of the files it cannot use, and what it does with the worker's own copies of them."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.checks import Refused, RefusedForNow, Unreadable, version_key
from app.db.regular_files import move_into
from app.db.replaced import put_aside
from app.db.used_here import forget_used
from app.private_files import replace_own

if TYPE_CHECKING:
    from app.db.directories import Selection

SET_ASIDE = "set-aside"
KEPT = "kept-"  # the name of a copy of IT's bundle kept in the worker's folder
APP_WRITES = ("installed-", KEPT)  # the names of the bundles this app puts there
KEEP_FOR_NOW = 4  # of each, refused only for now, kept at most
# Files refused in one check, each said: 20,000 junk files in IT's share made as many lines
# at every check, in the self-test and the log, whose rotation lost the line saying which
# directory was in use (review 2026-12-01); the rest are counted
REFUSALS_SAID = 20


def refuse_signed_twice(choice: Selection, found: dict[tuple[str, str], tuple]) -> dict:
    """A version signed with two contents (published twice by mistake): the file listed
    first was used, so whoever arranged the folders chose the numbers shown under one
    version (review 2026-12-01). Now IT's share decides: its one file of that version is
    used and this laptop's copies of another content go; two contents in the share are
    refused (for now) and the one this laptop already used, if any, stays: never back to an
    older directory, and IT's removal of the wrong file takes effect on every laptop.
    Returns, by IT's content's hash, this laptop's copies it supersedes once it is in use
    (removed before it was checked whole, a failing file dropped the laptop to an older
    directory for good, review 2026-12-01)."""
    superseded = {}
    contents: dict[tuple[int, ...], list[tuple[str, str]]] = {}
    for ident, (key, _, _) in found.items():
        contents.setdefault(key, []).append(ident)
    top = max(contents, default=())
    for version, idents in contents.items():
        if len(idents) < 2:
            continue
        shared = [i for i in idents if any(o == "machine" for o, _ in found[i][2])]
        if len(shared) == 1:
            name = next(path.name for o, path in found[shared[0]][2] if o == "machine")
            others = [place for i in idents if i not in shared for place in found[i][2]]
            superseded[found[shared[0]][1].sha256] = (name, others)
            continue
        names = sorted(path.name for ident in idents for _, path in found[ident][2])
        shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
        reason = (
            f"version {found[idents[0]][1].directory_version} was signed more than once with "
            f"different contents ({shown}): "
            + ("remove the wrong one from IT's update folder, or " if shared else "")
            + "ask the lead to publish a higher version"
        )
        used_here = [i for i in idents if any(o != "machine" for o, _ in found[i][2])]
        keep = used_here[0] if len(used_here) == 1 else None
        for ident in idents:
            key, manifest, places = found.pop(ident)
            for origin, path in places:
                # below a higher version found, an old mistake is passed over, unsaid: it
                # stood in the self-test and the banner after the lead's fix (review)
                if (ident != keep or origin == "machine") and version == top:
                    refuse(choice, origin, path, reason, RefusedForNow(reason))
            if ident == keep:  # the one this laptop used stays: never back to an older one
                found[ident] = (key, manifest, [(o, p) for o, p in places if o != "machine"])
    return superseded


COPIES_SAID = 10  # copies of updates in IT's folder past which IT is told


def say_copies(choice: Selection, found: dict[tuple[str, str], tuple]) -> None:
    """Copies of one update under other names in IT's folder, past a few, are said to IT:
    20,000 of them made every start seconds slower, and nothing said so (attack, H337).
    They are still read: one may stand in for the publisher's file cut short."""
    copies = []
    for _, manifest, places in found.values():
        named = f"directory-{manifest.directory_version}.navdir"
        shared = sorted((p for o, p in places if o == "machine"), key=lambda p: p.name != named)
        copies += shared[1:]
    if len(copies) > COPIES_SAID:
        choice.copies.append(
            f"IT's update folder holds {len(copies):,} more copies of updates under other "
            f"names (such as {min(copies).name}): each is read at every start and check, "
            "which slows them; keep one file for each update, named as it was published"
        )


def drop_superseded(choice: Selection, superseded: dict) -> None:
    """This laptop's copies of contents IT's file of the same version replaced, once that
    file is the one in use."""
    if choice.manifest is None or choice.manifest.sha256 not in superseded:
        return
    name, places = superseded[choice.manifest.sha256]
    for origin, path in places:
        if path.name.startswith(APP_WRITES):  # our own copy of what IT's file replaced
            # what this laptop showed, said to IT (app.db.replaced); one the worker
            # installed too (only "set aside", without its numbers: re-attack, 2026-12-04)
            put_aside(path)
        else:
            refuse(choice, origin, path, f"replaced by {name}, of the same version")


def refuse(
    choice: Selection,
    origin: str,
    path: Path,
    reason: str,
    error: Exception | None = None,
    details: str = "",
) -> None:
    """IT's bundles are only named; the worker's own are also moved out of the way, unless
    refused only for now (RefusedForNow), with the reason (or `details`, IT's words) beside."""
    choice.refused_files.append(path)
    # refused only for now: a key not trusted now, a file that cannot be read now, a fault
    # of this app's reading (not the file's), each may pass at the next check
    for_now = error is not None and (
        isinstance(error, RefusedForNow) or not isinstance(error, Refused)
    )
    if isinstance(error, Unreadable):
        choice.unreadable_files.append(path)
    if for_now and origin != "machine":
        # only a bundle of a name this app writes, and a few: 50,000 files planted in the
        # profile, never set aside, were all read at every check, freezing the window
        # (review 2026-12-01); the rest are set aside as before
        # counted by name: four planted "installed-" files filled every place and IT's
        # kept copy was set aside for good at the next passing fault (review 2026-12-01)
        kind = next((prefix for prefix in APP_WRITES if path.name.startswith(prefix)), None)
        same = [kept for kept in choice.kept_for_now if kind and kept.name.startswith(kind)]
        for_now = kind is not None and len(same) < KEEP_FOR_NOW
        if for_now:
            choice.kept_for_now.append(path)
    if origin == "machine" or for_now:
        if len(choice.refused) < REFUSALS_SAID:
            choice.refused.append(f"{path.name}: {reason}")
        else:
            choice.refused_more += 1
        return
    choice.set_aside.append(f"{path.name} was set aside: {reason}")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        moved = move_into(path, SET_ASIDE, f"{path.name}.{stamp}")
        replace_own(moved.with_name(f"{moved.name}.reason.txt"), (details or reason) + "\n")
    except OSError:  # not moved: the worker's own refused file is removed, or refused again
        with contextlib.suppress(OSError):
            path.unlink()


def _own_copy(line: str, path: Path) -> str:
    """A refusal of this laptop's own copy of a newer update: it goes by itself, and
    removed, the worker's banner saying their numbers are older went with it (F-i)."""
    if not line.startswith(f"{path.name}: "):
        return line
    return line.removesuffix("; if it is a former lead's, or not known, remove the file") + (
        "; if not, leave it: it is this laptop's own copy of an update newer than the one in "
        "use, and goes by itself once a newer update is in use here (from IT's update folder, "
        "or a new one the lead publishes)"
    )


def forget_obsolete(choice: Selection) -> None:
    """The worker's copies refused only for now that could never be used again: not newer
    than the directory in use. After IT replaced the lead's key, the old key's kept copy
    stayed in every worker's profile and failed the self-test at every run, naming no path
    (lead review 2026-12-01); they are this app's own copies, so they go. The newest kept
    is the directory this laptop had and cannot use now (`Selection.behind`)."""
    from app.db.bundle import claimed_manifest

    if choice.path is None or not choice.verified:
        return
    newer = []  # the versions of those kept: the worker is told of the newest
    for path in list(choice.kept_for_now):
        claimed = claimed_manifest(path)
        if claimed is None:
            continue
        if version_key(claimed.directory_version) > version_key(choice.version):
            # a key not trusted only for now (a policy being rewritten), or withdrawn with
            # the laptop away from IT's folder: kept
            newer.append(claimed.directory_version)
            if path.name.startswith(KEPT):  # "remove the file" lost the only sign of it
                choice.refused = [_own_copy(line, path) for line in choice.refused]
            continue
        with contextlib.suppress(OSError):
            path.unlink()
        choice.kept_for_now.remove(path)
        choice.refused_files.remove(path)
        choice.refused = [line for line in choice.refused if not line.startswith(f"{path.name}: ")]
    choice.behind = _newest_above(newer, choice.version)


def newest_above(paths: list[Path], version: str) -> str:
    """The newest version this laptop holds a copy of, above the one in use, or "": its
    numbers are older than the ones it had, and the worker is told (the lead's walk, F-i,
    2026-12-04). By the version a copy claims: it cannot be checked now."""
    from app.db.bundle import claimed_manifest

    claimed = (claimed_manifest(path) for path in paths)
    return _newest_above([c.directory_version for c in claimed if c is not None], version)


def _newest_above(versions: list[str], version: str) -> str:
    newest = max(versions, key=version_key, default="")
    return newest if newest and version_key(newest) > version_key(version) else ""


# the worker is told why briefly; IT reads the rest beside the file set aside
UNDOES = (
    "it changes back corrections already made on this computer, so it is not used (IT: the "
    "reason is beside the file in set-aside)"
)


def set_aside_undoing(choice: Selection, place, said: str, ident, updates: Path | None) -> None:
    """A worker's bundle that changes back a correction here, set aside: never again a link
    of this laptop's own chain (H450)."""
    refuse(choice, *place, UNDOES, details=said)
    forget_used(updates, ident[1])
