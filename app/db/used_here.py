"""The updates this laptop has used, by the sha256 of their databases: for the stale check.

A lead's own laptop keeps two updates, so the first of three made one from another goes,
and the second can no longer be read against the one it began from: a slip it put right
reads as a change back. Trusting any such chain let a mistaken lead's stale updates
through, the first link dropped (fourth look at H449, 2026-12-05). So a link of that kind
is passed only when this laptop used it itself, after the checks of its day; one it never
used is read like any other update. By content, never by file name (a name is anyone's).

Kept in the worker's update folder beside the updates: whoever can write this record can
already remove the kept copies, so it guards against mistakes, not a person at the laptop.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

RECORD = "used-here.txt"
KEPT = 20  # far more than a laptop's folder ever holds at once (two, and IT's copies)
_SHA256 = re.compile(r"[0-9a-f]{64}")


def used_here(folder: Path | None) -> list[str]:
    """The databases this laptop has used, oldest first (none when the record cannot be
    read: every link is then read, refusing being safer than using). `folder`: the
    worker's update folder."""
    if folder is None:
        return []
    try:
        text = (folder / RECORD).read_text("ascii", errors="replace")
    except OSError:
        return []
    return [line for line in text.split() if _SHA256.fullmatch(line)][-KEPT:]


def note_used(folder: Path | None, sha256: str) -> None:
    """Record that this laptop uses the database `sha256` now (never raises: a read-only
    profile only means a chain of its own is read whole later)."""
    if folder is None or not _SHA256.fullmatch(sha256):
        return
    held = used_here(folder)
    if sha256 in held:
        return
    record = folder / RECORD
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        partial = record.with_suffix(".partial")
        partial.write_text("\n".join([*held, sha256][-KEPT:]) + "\n", "ascii")
        os.replace(partial, record)
