"""The working copy's journal of unsaved edits: a crash loses nothing.

Every edit appends the rows it changed as a line beside the copy (directory data only,
never case data); opening replays the lines over the saved files. Each line names the
window that wrote it: two maintenance windows on one copy (two leads on a shared folder,
or `maintain FOLDER` run twice) wrote to one journal, and the first one's save deleted it,
the second one's edits with it, while the second was told "your edits are kept" (the
lead's and IT's walk, 2026-12-02). A save or a discard now takes out only the lines of the
window that made it (those it brought back at opening among them).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

AUTOSAVE = ".navigator-autosave.jsonl"  # one line per edit: {"rows": [...], "removed": [...]}


class EditJournal:
    def __init__(self, folder: Path) -> None:
        self.path = folder / AUTOSAVE
        self.session = secrets.token_hex(8)  # this window's lines
        self.taken: set[str] = set()  # lines brought back at opening: this window's to save
        self.unreadable = 0  # lines that could not be read (cut short by a crash)

    def append(self, rows: list[dict[str, str]], removed: list[str]) -> None:
        entry = {"session": self.session, "rows": rows, "removed": removed}
        with self.path.open("a", encoding="utf-8") as journal:
            # A line of its own even after a line a crash cut short: that one is lost, not this
            journal.write("\n" + json.dumps(entry, ensure_ascii=False) + "\n")
            # Flushed to the system at once: it survives the app crashing (what this is for);
            # no fsync per keystroke-sized edit, which cost milliseconds on some disks.

    def replay(self) -> Iterator[tuple[list[dict], set[str]]]:
        """Each readable line's (rows changed, ids removed), in order; each is this
        window's from now on."""
        for line in self._lines():
            try:
                entry = json.loads(line)
                changed = [r for r in entry["rows"] if r.get("id")]
                removed = {str(i) for i in entry["removed"]}
            except (ValueError, TypeError, KeyError, AttributeError):
                self.unreadable += 1  # cut short by a crash: the others still apply
                continue
            self.taken.add(line)
            yield changed, removed

    def forget_own(self) -> None:
        """Saved or discarded: this window's lines go, another window's stay."""
        others = [
            line
            for line in self._lines()
            if line not in self.taken and _session(line) not in (self.session, "")
        ]
        if not others:
            self.path.unlink(missing_ok=True)
            return
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text("".join(f"\n{line}\n" for line in others), encoding="utf-8")
        os.replace(partial, self.path)

    def _lines(self) -> list[str]:
        try:  # line by line: a crash inside a character lost every edit (review 2026-12-01)
            raw = self.path.read_bytes().splitlines()
        except OSError:
            return []
        return [line for line in (r.decode("utf-8", errors="replace") for r in raw) if line]


def _session(line: str) -> str:
    """The window that wrote a line; "" for one no window names (cut short, or written
    before lines named theirs): brought back at opening, it is that window's."""
    try:
        entry = json.loads(line)
    except ValueError:
        return ""
    return entry.get("session", "") if isinstance(entry, dict) else ""
