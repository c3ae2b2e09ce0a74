"""A version in use whose contents IT's folder changed: what this laptop showed before.

A version names one content. Two leads (or one lead twice) signed one version with other
numbers; IT's share decides which is used (refusals.refuse_signed_twice), so the file IT
leaves in its folder reaches every laptop, the right one or the wrong one. When IT copied
the wrong one over the right, every laptop switched with nothing said, the self-test passed,
and the copy kept here was deleted: nothing remembered the right numbers (the lead's walk,
F-g, 2026-12-04). The copy this laptop used is now kept aside instead, and, while that
version is in use, IT is told (About, the log, the self-test, which fails) what this laptop
showed otherwise under it, until a higher version replaces it: the only end that leaves
every laptop showing the same numbers under one version.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.checks import version_key
from app.db.regular_files import move_into

if TYPE_CHECKING:
    from app.db.directories import Selection

REPLACED = "replaced"  # in the worker's folder: copies of contents IT's file replaced
KEEP_REPLACED = 2  # said at most; one pair of contents is the case, more is a mistake
# files read there by their manifests (a few kilobytes each), newest first; the rest wait
READ_AT_MOST = 500


def put_aside(kept: Path) -> None:
    """This laptop's copy of the contents IT's file replaced, kept where no start reads it
    as a candidate (kept among them, the share offline, two contents of one version refused
    each other and the laptop went back to an older directory)."""
    try:
        move_into(kept, REPLACED)
    except OSError:  # not kept: nothing is said of it, as before
        with contextlib.suppress(OSError):
            kept.unlink()


def say_replaced(choice: Selection, user_updates: Path | None, keys) -> None:
    """For each copy put aside of the version in use with other contents, what it showed
    otherwise, for IT; copies below the version in use, or of no version, are forgotten.
    Each is first read by its claimed manifest alone (a few kilobytes: junk put there never
    pushes the real copy out, re-attack, 2026-12-04); one whose key is no longer trusted (a
    lead's handover) is kept and said without its numbers (deleted, nothing remembered)."""
    from app.db.bundle import claimed_manifest, read_bundle
    from app.db.checks import Refused, RefusedForNow, Unreadable

    aside = user_updates / REPLACED if user_updates is not None else None
    if aside is None or not aside.is_dir() or choice.data is None or choice.manifest is None:
        return
    said = 0
    for path in sorted(aside.glob("*.navdir"), key=_modified, reverse=True)[:READ_AT_MOST]:
        claimed = claimed_manifest(path)
        version = claimed.directory_version if claimed else ""
        if claimed is None or version_key(version) < version_key(choice.version):
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        if version != choice.version:  # a higher one, kept for when it is in use, if signed
            if not _signed(path, keys):
                with contextlib.suppress(OSError):
                    path.unlink()
            continue
        if claimed.sha256 == choice.manifest.sha256:
            continue  # the very contents in use
        if said == KEEP_REPLACED:
            continue
        try:
            _, data = read_bundle(path, keys)
            shown = _shown(data, choice.data)
        except Unreadable:  # locked for a moment: said at the next check
            continue
        except RefusedForNow:  # its key withdrawn: what it held cannot be trusted now
            shown = "other numbers (not said: the key that signed them is not trusted now)"
        except Refused:
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        except Exception:  # signed, but not a database this app can compare with its own
            shown = "other contents (not compared here)"
        said += 1
        choice.replaced.append(_words(choice.version, path, shown))


def _signed(path: Path, keys) -> bool:
    """Whether a file's manifest is signed and its size the one signed, or its key only
    withdrawn: fifty files claiming a higher version, each a real manifest cut short, were
    kept for good and, being newest, pushed the real copy out of those read (re-attack,
    2026-12-04; B4, H387)."""
    from app.db.bundle import read_signed_manifest
    from app.db.checks import Refused, RefusedForNow

    try:
        read_signed_manifest(path, keys)
    except RefusedForNow:
        return True
    except Refused:
        return False
    return True


def _shown(data: bytes, in_use: bytes) -> str:
    from app.db.overtaken import changes_undone, named

    shown = changes_undone(data, in_use, "now", older=True)
    return named(shown) if shown else "the same services otherwise"


def _words(version: str, path: Path, shown: str) -> str:
    return (
        f"directory {version} in use is not the {version} this laptop used before (IT's file "
        f"replaced it; the one used before is kept as {path}): this laptop showed {shown}. "
        "One version must name one content: if IT's file is the wrong one, put back the one "
        "the lead published (directory verify tells them apart); either way the directory "
        "lead publishes a higher version, begun from the right one, which every laptop moves "
        "to, ending this message"
    )


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
