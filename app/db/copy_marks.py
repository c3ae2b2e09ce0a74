"""What a working copy's hidden marks say of the databases it holds: the one it began from
and each it has signed since, by content (app.db.maintenance reads them at publish)."""

from __future__ import annotations

import contextlib
import filecmp
import hashlib
import os
import re
import shutil
from pathlib import Path

from app.db.working_copy import WorkingCopy

PUBLISHED_MARK = ".navigator-published"  # the sha256 of the database this copy last signed
# the sha256 of the database this copy was begun from and of each it has signed since, a
# line each: what an update records it holds, by content (a version alone was claimed by
# a copy whose update IT had refused as stale, and it went through: re-attack round, H241;
# the last signed alone lost the update IT took when a later one was withdrawn: H243)
BEGUN_MARK = ".navigator-begun"
# the signed update the copy last held (began from, then each it signed), as it was: where
# its line is read from when the laptop publishing it does not use it and nothing else in
# sight holds it (H454, N5; kept for its start alone, a second link published there lost
# the line again: re-attack, R1). Not named as a bundle: a lead publishing into the copy's
# folder would have it read as theirs
HELD_BUNDLE = ".navigator-held-update"


def mark_begun(folder: Path, began: bytes, bundle: Path | None = None) -> None:
    """A copy begun from the database `began` (from the signed `bundle`, for an update): it
    holds that one alone. A folder begun again keeps no word of an earlier copy's
    publishing: its hidden mark vouched for an update this copy never held (H249)."""
    (folder / BEGUN_MARK).write_text(hashlib.sha256(began).hexdigest() + "\n", "ascii")
    (folder / PUBLISHED_MARK).unlink(missing_ok=True)
    (folder / HELD_BUNDLE).unlink(missing_ok=True)
    _keep_held(folder, bundle)


def _keep_held(folder: Path, bundle: Path | None) -> None:
    """Whole or not at all: copied in place on a full disk, half a bundle stood for the
    update signed, and the next link lost its line (third look at H454, R5)."""
    if bundle is None:
        return
    scratch = folder / (HELD_BUNDLE + ".new")
    try:
        shutil.copyfile(bundle, scratch)
        os.replace(scratch, folder / HELD_BUNDLE)
    except OSError:  # a full disk: its line is read from what is in sight
        scratch.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            (folder / HELD_BUNDLE).unlink(missing_ok=True)


def keeping_note(folder: Path, bundle: Path) -> str:
    """What the lead must do when the copy could not keep the update it just signed ("" when
    it did): unsaid, a later link published on a laptop without it carried none of the
    line, and a number this one replaced could come back after an app upgrade (H454, N5:
    left open on a full disk)."""
    try:
        if filecmp.cmp(folder / HELD_BUNDLE, bundle, shallow=False):
            return ""
    except OSError:
        pass
    return (
        "This working copy could not keep a copy of the update it signed (is the disk "
        "full?): free some space, and install the update on this laptop before publishing "
        "from this copy again. Published from a laptop without it, the next update could "
        "lose the record of the numbers this one replaced."
    )


def held_bundle(folder: Path) -> list[Path]:
    """The signed update the copy last held, kept in it (none for a copy begun from the
    app's own directory that has signed none, or made before copies kept it)."""
    return [folder / HELD_BUNDLE] if (folder / HELD_BUNDLE).is_file() else []


def published_by(copy: WorkingCopy) -> str:
    """The sha256 of the database this working copy last published, or ""."""
    try:
        return (copy.folder / PUBLISHED_MARK).read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return ""


def held_by(copy: WorkingCopy) -> list[str]:
    """The sha256 of each database this working copy holds: the one it began from and each
    it signed since (a copy from before H241 records only its last signed, if any)."""
    try:  # read by its 64 digits: a mark from before H243 has no newline to append after
        lines = re.findall(r"[0-9a-f]{64}", (copy.folder / BEGUN_MARK).read_text("ascii"))
    except (OSError, ValueError):
        lines = []
    last = published_by(copy)
    return list(dict.fromkeys([*lines, last] if last else lines))


def mark_published(copy: WorkingCopy, bundle: Path) -> None:
    """Recorded after the bundle is written. Not recorded (a full disk), the next publish
    is checked as a copy begun from the directory in use, as before: refused, never let
    through."""
    from app.db.bundle import claimed_manifest

    manifest = claimed_manifest(bundle)
    with contextlib.suppress(OSError):
        (copy.folder / PUBLISHED_MARK).write_text(manifest.sha256 if manifest else "", "ascii")
        if manifest:
            with (copy.folder / BEGUN_MARK).open("a", encoding="ascii") as held:
                held.write("\n" + manifest.sha256 + "\n")  # a line of its own, always
            _keep_held(copy.folder, bundle)


def last_held(held: list[str], version: str, places: list[Path], keys: dict) -> bytes | None:
    """The database this copy last held (its start, or the last it signed), found among the
    bundles `places` by content, signed by one of `keys`, when it is directory `version`, the
    copy's own. Published on a laptop not using it (a lead's second laptop, behind), a link
    carried none of its line, and after the next app upgrade the lead's correction was set
    aside and IT's slip shown again (re-attack on H454, N5): the copy keeps the update it
    last held (held_bundle). Signed and of the copy's own version: a hash added to the
    mark names no database of its line (F7)."""
    from app.db.bundle import claimed_manifest, read_bundle
    from app.db.checks import Refused
    from app.db.stale_update import meta_value

    for path in places if held else ():
        claimed = claimed_manifest(path)
        if claimed is None or claimed.sha256 != held[-1] or claimed.directory_version != version:
            continue
        with contextlib.suppress(Refused, OSError):
            data = read_bundle(path, keys)[1]
            if meta_value(data, "directory_version") == version:
                return data
    return None
