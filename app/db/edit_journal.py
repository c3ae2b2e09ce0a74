"""The working copy's journals of unsaved edits: a crash loses nothing.

Every edit appends the rows it changed as a line to its window's own journal beside the
copy (directory data only, never case data); opening replays the journals of windows that
ended unsaved over the saved files. Each window has its own file: two maintenance windows on
one copy (two leads on a shared folder, or `maintain FOLDER` run twice) wrote one journal;
the first one's save deleted it, the second one's edits with it, while the second was told
"your edits are kept"; then a second window opened took the first one's live edits as
its own, and a save rewriting the shared file lost lines appended meanwhile (the lead's and
IT's walk, and its re-attack, 2026-12-02). A window open elsewhere is known by its marker
(`.navigator-window-…`): its journal is never taken while it runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

from app.db.copy_files import WorkingCopyError

AUTOSAVE = ".navigator-autosave.jsonl"  # before windows had their own: read, never written
# one line per edit: {"rows": [...], "removed": [...], "began": [...], "step": 1, "at": time},
# "began" each changed row as it was just before this edit (before H273, as the window began
# with it), so that a crash's edits are brought back field by field, in the order made
JOURNALS = ".navigator-autosave-*.jsonl"
MARKER = ".navigator-window-{}.json"  # a window open on the copy: its process and computer


class EditJournal:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.session = secrets.token_hex(8)
        self.path = folder / f".navigator-autosave-{self.session}.jsonl"
        self.taken: list[Path] = []  # journals of windows that ended unsaved, replayed here
        self.elsewhere = 0  # unsaved edits of windows still open on this copy
        self.unreadable = 0  # lines that could not be read (cut short by a crash)
        self._marker = folder / MARKER.format(self.session)

    def mark_open(self) -> None:
        """This window is open: its journal is its own while it runs."""
        here = {"pid": os.getpid(), "host": platform.node(), "since": time.time()}
        try:
            self._marker.write_text(json.dumps(here), encoding="utf-8")
        except OSError as error:  # it named a hidden file the lead never made (re-attack)
            raise WorkingCopyError(
                f"{self.folder} cannot be written ({error.strerror or error}): the window keeps "
                "unsaved edits beside the copy; copy the folder somewhere you can write"
            ) from None

    def close(self) -> None:
        self._marker.unlink(missing_ok=True)

    def append(
        self,
        rows: list[dict[str, str]],
        removed: list[str],
        began: list[dict[str, str]],
    ) -> None:
        line = {"rows": rows, "removed": removed, "began": began, "step": 1, "at": time.time()}
        try:
            held = self.path.stat().st_size
        except FileNotFoundError:
            held = 0
        try:
            self._append(line)
        except OSError:
            # a line cut short by a full disk came back after a crash as an edit the lead
            # was told was not made, or as one "missing" (re-attack round, 2026-12-02)
            with contextlib.suppress(OSError):
                os.truncate(self.path, held)
            raise

    def _append(self, line: dict) -> None:
        with self.path.open("a", encoding="utf-8") as journal:
            # A line of its own even after a line a crash cut short: that one is lost, not this
            journal.write("\n" + json.dumps(line) + "\n")
            # Flushed to the system at once: it survives the app crashing (what this is for);
            # no fsync per keystroke-sized edit, which cost milliseconds on some disks.

    def replay(self) -> list[tuple]:
        """The readable lines of every journal no open window writes, oldest first across
        them all (a line's own time; a line written before lines had one, its journal's), as
        (time, journal, rows changed, ids removed, those rows as before, fields named, whether
        "before" is just before this edit or, in a line written before H273, as its window
        began; none before H233). By journal, a crashed window's number typed first came
        back over one another typed after it (re-attack round, H273). Each journal is renamed
        this window's, so no other window takes it too (two windows brought back a crashed
        one's edits, and one's discard lost them: re-attack round, 2026-12-02)."""
        found = []
        for path in unsaved_journals(self.folder):
            if _open_elsewhere(self.folder, path):
                self.elsewhere += len(_lines(path))
                continue
            mine = self.folder / f".navigator-autosave-{self.session}-{len(self.taken)}.jsonl"
            try:
                os.replace(path, mine)  # one window wins it; the mtime (its order) is kept
            except OSError:
                continue  # taken by another window a moment ago
            self.taken.append(mine)
            written = _written(mine)
            for n, (at, *line) in enumerate(self._entries(mine)):
                found.append((at or written, len(self.taken), n, *line))
        return [(at, journal, *line) for at, journal, _, *line in sorted(found, key=_order)]

    def _entries(self, path: Path) -> Iterator[tuple]:
        for line in _lines(path):
            try:
                entry = json.loads(line)
                at = float(entry.get("at") or 0)
                changed = [r for r in entry["rows"] if r.get("id")]
                removed = {str(i) for i in entry["removed"]}
                # None in a line written before H233: its rows are brought back whole
                began = [r for r in entry["began"] if r.get("id")] if "began" in entry else None
                named = [(str(sid), str(name)) for sid, name in entry.get("named", ())]
                step = entry.get("step") == 1  # "began": each row just before this edit
            except (ValueError, TypeError, KeyError, AttributeError):
                self.unreadable += 1  # cut short by a crash: the others still apply
                continue
            yield at, changed, removed, began, named, step

    def restart(self, rows: list[dict[str, str]], began: list[dict[str, str]], named=()) -> None:
        """The edits brought back as the window opens, as one line in a journal of their
        own, dated as the newest taken: dated now, a crashed window's older number beat one
        a window still open typed after it (re-attack round, H273). Written in place before
        the journals taken are removed (a crash between keeps both)."""
        target = self.folder / f".navigator-autosave-{self.session}-brought.jsonl"
        when = max((_written(p) for p in self.taken), default=None)
        if rows:
            line = {"rows": rows, "removed": [], "began": began, "step": 1, "at": when}
            line |= _named(named)
            fresh = target.with_name(target.name + ".new")  # not a journal's name
            fresh.write_text(json.dumps(line) + "\n", encoding="utf-8")
            if when is not None:
                os.utime(fresh, (when, when))
            os.replace(fresh, target)
        for path in self.taken:
            path.unlink(missing_ok=True)
        self.taken = [target] if rows else []

    def forget_own(self) -> None:
        """Saved or discarded: this window's journal and those it took go, no other."""
        for path in (self.path, *self.taken):
            path.unlink(missing_ok=True)
        self.taken = []


def _named(named) -> dict:
    """A line's fields named when brought back over a save, if any (see WorkingCopy.named)."""
    return {"named": [list(pair) for pair in named]} if named else {}


def _order(line: tuple) -> tuple:
    return line[:3]  # time, journal, place in it


def unsaved_journals(folder: Path) -> list[Path]:
    """Every journal of unsaved edits in a working copy, oldest first."""
    found = [p for p in (folder / AUTOSAVE,) if p.is_file()] + list(folder.glob(JOURNALS))
    return sorted(found, key=_written)


def _written(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _lines(path: Path) -> list[str]:
    try:  # line by line: a crash inside a character lost every edit (review 2026-12-01)
        raw = path.read_bytes().splitlines()
    except OSError:
        return []
    return [line for line in (r.decode("utf-8", errors="replace") for r in raw) if line]


def _open_elsewhere(folder: Path, journal: Path) -> bool:
    """Whether the window that writes `journal` is still open: its marker is there and its
    process runs on this computer, or it is another computer's (which cannot be asked).
    A marker and journal untouched for half a day are a crash's whatever they say: a number
    reused by another process, or a laptop renamed, hid the edits for good (re-attack)."""
    session = journal.name.removeprefix(".navigator-autosave-").split("-")[0].split(".")[0]
    place = folder / MARKER.format(session)
    try:
        marker = json.loads(place.read_text(encoding="utf-8"))
        pid, host = int(marker["pid"]), str(marker["host"])
        idle = time.time() - max(place.stat().st_mtime, journal.stat().st_mtime)
    except (OSError, ValueError, KeyError, TypeError):
        return False  # no marker: that window closed or crashed
    if idle > STALE_SECONDS:
        return False
    return host != platform.node() or _running(pid)


STALE_SECONDS = 12 * 3600


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another window of this very process
    if os.name == "nt":  # os.kill(pid, 0) would end the process there
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)  # no signal sent: only whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, another user's: taken as open
    return True


def _running_on_windows(pid: int) -> bool:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    try:
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
    finally:
        kernel.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE
