"""What a working copy's hidden marks say of the databases it holds: the one it began from
and each it has signed since, by content (app.db.maintenance reads them at publish)."""

from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path

from app.db.working_copy import WorkingCopy

PUBLISHED_MARK = ".navigator-published"  # the sha256 of the database this copy last signed
# the sha256 of the database this copy was begun from and of each it has signed since, a
# line each: what an update records it holds, by content (a version alone was claimed by
# a copy whose update IT had refused as stale, and it went through: re-attack round, H241;
# the last signed alone lost the update IT took when a later one was withdrawn: H243)
BEGUN_MARK = ".navigator-begun"


def mark_begun(folder: Path, began: bytes) -> None:
    """A copy begun from the database `began`: it holds that one alone. A folder begun again
    keeps no word of an earlier copy's publishing: its hidden mark vouched for an update
    this copy never held (re-attack round, H249)."""
    (folder / BEGUN_MARK).write_text(hashlib.sha256(began).hexdigest() + "\n", "ascii")
    (folder / PUBLISHED_MARK).unlink(missing_ok=True)


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
