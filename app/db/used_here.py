"""The updates this laptop has used or read whole, and what was here when it did: for the
stale check.

A lead's own laptop keeps two updates, so the first of three made one from another goes,
and the second can no longer be read against the one it began from: a slip it put right
reads as a change back. Trusting any such chain let a mistaken lead's stale updates
through, the first link dropped (fourth look at H449, 2026-12-05). So a link of that kind
is passed only when this laptop used it, or read it whole in a chain it used, with the
update it would now be read against and the app's own directory already here then. A
correction that came after (an update below it from IT, a new release) has it read again:
a chain used the week before IT placed another lead's correction kept the old number for
good (attack on H450, 2026-12-06). By content, never by file name (a name is anyone's).

Kept beside the worker's update folder, not in it: a lead who handed a worker the whole
folder handed over their record too (attack on H450). Whoever can write the profile can
already remove the kept copies: this guards against mistakes, not a person at the laptop.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from pathlib import Path

from app.db.checks import Refused, Unreadable
from app.db.regular_files import read_regular_file
from app.private_files import own_file, own_folder, private_folder, replace_own

RECORD = "updates-used.txt"
KEPT = 20  # far more than a laptop's folder ever holds at once (two, and IT's copies)
# updates here noted beside one, newest first: IT's folder may hold many, and keeping the
# lowest sha256s cut at random the one a link is read against (re-attack on H450, R8)
HELD_SAID = 50
RECORD_LIMIT = 1024 * 1024  # KEPT lines of 1 + HELD_SAID sha256s are some 66 KB
_SHA256 = re.compile(r"[0-9a-f]{64}")


def used_here(updates: Path | None) -> dict[str, frozenset[str]]:
    """Each update this laptop used or read whole, by its database's sha256: the databases
    here then (none when the record cannot be read: every link is then read, refusing
    being safer than using). `updates`: the worker's update folder."""
    if updates is None:
        return {}
    try:  # never waiting on a pipe put in its place: every start and route hung (attack F19)
        own_folder(updates.parent)  # another account's record could hide what was used
        own_file(updates.parent / RECORD)
        text = read_regular_file(updates.parent / RECORD, RECORD_LIMIT).decode("ascii", "replace")
    except (OSError, Refused, Unreadable):
        return {}
    record = {}
    for line in text.splitlines()[-KEPT:]:
        used, *held = line.split() or [""]
        if _SHA256.fullmatch(used):
            record[used] = frozenset(sha for sha in held if _SHA256.fullmatch(sha))
    return record


def note_used(updates: Path | None, used: Iterable[str], held: Iterable[str]) -> None:
    """Record that this laptop uses (or read whole) each of `used` now, with `held` here,
    the first HELD_SAID of them (never raises: a read-only profile only means a chain of
    its own is read whole later)."""
    held = list(dict.fromkeys(sha for sha in held if _SHA256.fullmatch(sha)))[:HELD_SAID]
    used = [sha for sha in dict.fromkeys(used) if _SHA256.fullmatch(sha)]
    record = used_here(updates)
    if not used or all(record.get(sha) == frozenset(held) for sha in used):
        return
    for sha in used:
        record.pop(sha, None)  # the newest reading stands, at the end
        record[sha] = frozenset(held)
    _write(updates, record)


def note_in_use(
    updates: Path | None, used: list[str], release: str, here: Iterable[tuple], in_use: tuple
) -> None:
    """Record the update in use, and the links read whole with it, with what is here: the
    app's own directory (`release`, its sha256), then the updates (`here`: version key,
    sha256) at or below the one in use (`in_use`, its version key), newest first: the one a
    link is read against sits just below it (re-attack on H450, R8)."""
    below = sorted((key, sha) for key, sha in here if key <= in_use)
    note_used(updates, used, [*filter(None, [release]), *(sha for _, sha in reversed(below))])


def forget_used(updates: Path | None, sha256: str) -> None:
    """An update set aside (it changes back a correction): never again a link of the
    laptop's own (attack on H450: a stale update used once with IT's folder out of reach
    let the next one made from it through)."""
    record = used_here(updates)
    if record.pop(sha256, None) is not None:
        _write(updates, record)


def _write(updates: Path | None, record: dict[str, frozenset[str]]) -> None:
    if updates is None:
        return
    lines = [" ".join([sha, *sorted(held)]) for sha, held in record.items()][-KEPT:]
    target = updates.parent / RECORD
    with contextlib.suppress(OSError):
        private_folder(target.parent)
        replace_own(target, "\n".join(lines) + "\n")  # never through a link planted there
