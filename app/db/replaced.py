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
import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.checks import version_key

if TYPE_CHECKING:
    from app.db.directories import Selection

REPLACED = "replaced"  # in the worker's folder: copies of contents IT's file replaced
KEEP_REPLACED = 2  # the newest kept; one pair of contents is the case, more is a mistake


def put_aside(kept: Path) -> None:
    """This laptop's copy of the contents IT's file replaced, kept where no start reads it
    as a candidate (kept among them, the share offline, two contents of one version refused
    each other and the laptop went back to an older directory)."""
    aside = kept.parent / REPLACED
    try:
        if aside.is_symlink() or (aside.exists() and not aside.is_dir()):
            aside.unlink()
        aside.mkdir(exist_ok=True)
        os.replace(kept, aside / kept.name)
    except OSError:  # not kept: nothing is said of it, as before
        with contextlib.suppress(OSError):
            kept.unlink()


def say_replaced(choice: Selection, user_updates: Path | None, keys) -> None:
    """For each copy put aside of the version in use, its contents checked by a trusted
    key, what it showed otherwise, for IT; copies below the version in use are forgotten."""
    from app.db.bundle import read_bundle
    from app.db.overtaken import changes_undone, named

    aside = user_updates / REPLACED if user_updates is not None else None
    if aside is None or not aside.is_dir() or choice.data is None or choice.manifest is None:
        return
    copies = sorted(aside.glob("*.navdir"), key=_modified, reverse=True)
    for old in copies[KEEP_REPLACED:]:
        with contextlib.suppress(OSError):
            old.unlink()
    for path in copies[:KEEP_REPLACED]:
        try:
            manifest, data = read_bundle(path, keys)
        except Exception:  # its key withdrawn, or not a bundle: nothing known to say
            manifest, data = None, b""
        version = manifest.directory_version if manifest else ""
        if manifest is None or version_key(version) < version_key(choice.version):
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        if version != choice.version or manifest.sha256 == choice.manifest.sha256:
            continue  # a higher one, put back later; or the very contents in use
        shown = changes_undone(data, choice.data, "now", older=True)
        choice.replaced.append(
            f"directory {choice.version} in use is not the {choice.version} this laptop used "
            f"before (IT's file replaced it; the one used before is kept as {path}): this "
            f"laptop showed {named(shown) if shown else 'the same services otherwise'}. One "
            "version must name one content: if IT's file is the wrong one, put back the one "
            "the lead published (directory verify tells them apart); either way the directory "
            "lead publishes a higher version, begun from the right one, which every laptop "
            "moves to, ending this message"
        )


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
