"""The lead's working copy of the directory (issue 14 §1): `services.csv` and
`directory.toml`, the reviewable source form, so every change is a readable diff. Never
the installed directory: a working copy becomes a directory only when it is published.

Edits are whole-row replacements kept on an undo stack; every edit appends the rows it
changed to a journal beside the copy (app.db.edit_journal), so a crash loses nothing and an
edit costs the same at 60 services or 10,000; opening replays the journal over the saved
files; saving writes both files atomically and takes this window's lines out of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.db.brought_back import bring_back
from app.db.copy_files import (
    CHECK_CLEARED,
    CHECK_FIELDS,
    CONTACT_FIELDS,
    FIELDS,
    VERSION_LINE,
    WorkingCopyError,
    complete_row,
    contact_of,
    csv_text,
    fingerprint,
    merged,
    read_copy,
    said_of,
    write_atomic,
)
from app.db.edit_journal import AUTOSAVE, EditJournal
from app.db.field_rules import FORMULA_STARTS
from app.db.service_rows import ASSURED_METHODS
from app.pathways.phone_numbers import contact_record
from app.pathways.services import clock_words

__all__ = ["AUTOSAVE", "CHECK_METHODS", "WorkingCopy", "WorkingCopyError"]
CHECK_METHODS = (*ASSURED_METHODS, "web")
FIRST_CHECK_DAY = date(2000, 1, 1)  # the earliest day a check is taken as typed


def checked_contact(row: dict[str, str]) -> str:
    """What a person's check confirms, as it records it: the number (by its digits), the
    number's note (it holds numbers too: "Out of hours: 0300 …") and the e-mail address, of
    this service, on this day, by this person this way."""
    contact = tuple(row[f] for f in CONTACT_FIELDS)
    return contact_record(row["id"], contact, tuple(row[f] for f in CHECK_FIELDS))


def _check_stands(row: dict[str, str], in_use: dict[str, str]) -> bool:
    """A row's check stands when its record is of this service, contact and check; or when
    the directory in use holds this very check of this contact (a check recording nothing,
    made before records, or recorded another way). A check's three cells pasted or filled
    down onto another row took no record with them (seventh attack round, 2026-12-01)."""
    mine = checked_contact(row)
    return mine in (row["checked_contact"], in_use.get(row["id"]))


@dataclass
class WorkingCopy:
    folder: Path
    version: str
    kinds: dict[str, str]
    rows: list[dict[str, str]]
    protected: frozenset[str] = frozenset()  # services a pathway fallback names
    recovered: bool = False  # unsaved edits from an earlier session were brought back
    unsaved: bool = False  # this window's edits (those brought back too) not yet saved
    on_disk: str = ""  # the saved files as opened: a save refuses to overwrite other changes
    log: list[set[str]] = field(default_factory=list)  # ids each edit changed, in order
    _index: tuple[int, dict[str, int]] = (0, {})  # (id of the rows list, id -> position)
    undo_stack: list[list[dict[str, str]]] = field(default_factory=list)
    redo_stack: list[list[dict[str, str]]] = field(default_factory=list)
    journal: EditJournal | None = None  # set by open()
    began: dict[str, dict[str, str]] = field(default_factory=dict)  # rows as saved at opening
    brought_back_over: list[str] = field(default_factory=list)  # fields a crash and a save changed
    # (id, field) brought back over a save ("" a service added in both): carried in this
    # window's journal, so that an opening after a crash names them again until saved
    named: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def open(cls, folder: Path, protected: frozenset[str] = frozenset()) -> WorkingCopy:
        version, kinds, rows = read_copy(folder)
        copy = cls(folder, version, kinds, rows, protected, on_disk=fingerprint(folder))
        copy.began = {row["id"]: row for row in rows}
        copy.journal = EditJournal(folder)
        lines = copy.journal.replay()
        brought = bring_back(copy.rows, lines)
        copy.rows, copy.brought_back_over, copy.named = brought.rows, brought.said, brought.named
        copy.journal.unreadable += brought.unreadable
        copy.recovered = copy.unsaved = bool(lines)
        if copy.recovered:  # the journals taken become one of this window's, read as one:
            copy._restart_journal()  # apart, after a second crash a service brought back
        return copy  # and edited was named "added in both" (H252)

    def rebase(self) -> list[str]:
        """The saved files as they are now, with this window's changes put on top, field by
        field: a save refused as another window or check-service had saved told the lead to
        open the folder again, and the window opened sent them back to this one, whose only
        ways out were a save refused again or a discard (re-attack round, 2026-12-02).
        Returns the fields both changed (this window's stands). Undo starts again here."""
        self.version, self.kinds, saved = read_copy(self.folder)
        self.on_disk = fingerprint(self.folder)
        self.rows, both = merged(self.began, self.rows, saved)
        # nothing journalled: each journal line is one edit's step, brought back over the
        # rows as saved whatever they are; a journal rewritten here stopped a merge half
        # way on a full disk, and dated the edits brought back as now (re-attack, H273)
        self.began = {row["id"]: row for row in saved}
        self.undo_stack.clear()
        self.redo_stack.clear()
        self.log.append({r["id"] for r in self.rows})  # every view reads its rows again
        return said_of(both)

    # Reading
    def service(self, service_id: str) -> dict[str, str]:
        row = self.row_of(service_id)
        if row is None:
            raise WorkingCopyError(f"no service with id {service_id!r} in {self.folder}")
        return dict(row)

    def row_of(self, service_id: str) -> dict[str, str] | None:
        """The row itself (not a copy: views compare rows by identity), or None."""
        if self._index[0] != id(self.rows):
            self._index = (id(self.rows), {r["id"]: n for n, r in enumerate(self.rows)})
        at = self._index[1].get(service_id)
        return self.rows[at] if at is not None else None

    def changed_since(self, position: int) -> tuple[set[str], int]:
        """The ids changed by the edits after `position` in the log, and the new position."""
        return set().union(*self.log[position:]), len(self.log)

    @property
    def unreadable_edits(self) -> int:
        return self.journal.unreadable if self.journal else 0

    # Editing (each is one undoable step)
    def update(self, service_id: str, changes: dict[str, str]) -> None:
        unknown = set(changes) - set(FIELDS)
        if unknown:
            raise WorkingCopyError(f"unknown fields {sorted(unknown)}; allowed: {FIELDS}")
        if "id" in changes and changes["id"] != service_id:
            raise WorkingCopyError("a service id never changes: the pathway and counts use it")
        before = self.service(service_id)
        row = {**before, **changes}
        # by digits: "02476788555" tidied to "024 7678 8555" is the number checked (review)
        # A person confirmed the old number, not this one, or a daytime line, not one open
        # day and night (H405): it is unconfirmed again
        new_line = contact_of(row) != contact_of(before) or row["open_24_7"] != before["open_24_7"]
        if new_line and "assured_date" not in changes:
            row.update(dict.fromkeys(CHECK_CLEARED, ""))
        self._replace(service_id, row)

    def new_id_problem(self, service_id: str) -> str:
        """Why a new service cannot have this id ("" if it can)."""
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,60}", service_id):
            return f"id {service_id!r}: allowed are lower-case letters, digits and hyphens"
        if any(r["id"] == service_id for r in self.rows):
            return f"id {service_id!r} is already used (ids are never reused)"
        return ""

    def add(self, row: dict[str, str]) -> None:
        row = complete_row(row)
        if problem := self.new_id_problem(row["id"]):
            raise WorkingCopyError(problem)
        self._step([*self.rows, {**row, "status": row["status"] or "active"}])

    def retire(self, service_id: str) -> None:
        """Retired, not deleted: it stays in the history and the ids stay unique."""
        if service_id in self.protected:
            raise WorkingCopyError(
                f"{service_id} cannot be retired: a pathway fallback names it (the plan must "
                "always have it); correct its details instead"
            )
        if self.service(service_id)["status"] == "retired":
            raise WorkingCopyError(f"{service_id} is already retired")
        self.update(service_id, {"status": "retired"})

    def reinstate(self, service_id: str) -> None:
        """A retired service back in use (its id was never reused)."""
        if self.service(service_id)["status"] != "retired":
            raise WorkingCopyError(f"{service_id} is not retired")
        self.update(service_id, {"status": "active"})

    def mark_checked(self, service_id: str, method: str, by: str, on: date, page: str = "") -> None:
        """Phoned or provider-confirmed: a person confirmed it (clears "check before use"
        within the review window). A public web page records the page and the date only."""
        if method not in CHECK_METHODS:
            raise WorkingCopyError(f"how it was checked: one of {', '.join(CHECK_METHODS)}")
        by = by.strip()
        if not by:
            raise WorkingCopyError("who checked it: a role is enough (e.g. DA co-ordinator)")
        # "=HYPERLINK(…)" went into the services.csv the lead opens in Excel (review)
        if len(by) > 120 or not by.isprintable() or "<" in by or by.startswith(FORMULA_STARTS):
            raise WorkingCopyError(
                "who checked it: plain text up to 120 characters (a role), not starting "
                f"with {' '.join(FORMULA_STARTS)}"
            )
        if on > date.today():
            raise WorkingCopyError(  # a lead's clock behind was never named (verifier, 12-07)
                f"{on}: give the day it was checked (not in the future; "
                f"{clock_words(date.today())})"
            )
        if on < FIRST_CHECK_DAY:  # a check that old is a slip of the keys, not a check
            raise WorkingCopyError(f"{on}: give the day it was checked (from {FIRST_CHECK_DAY})")
        if method == "web":
            if not re.fullmatch(r"https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/\S*)?", page):
                raise WorkingCopyError("a web check needs the page's https:// address")
            self.update(service_id, {"source": page, "source_seen": on.isoformat()})
            return
        from app.db.phone_rules import phone_problems

        phone = self.service(service_id).get("phone", "")
        if wrong := phone and phone_problems(phone):  # "confirmed" then refused at publish
            raise WorkingCopyError(  # (the lead's walk, 2026-12-06)
                f"{service_id}: {wrong[0]}: a number written so cannot be confirmed; put it "
                "right, then record the check"
            )
        changes = {"assured_date": on.isoformat(), "assured_method": method, "assured_by": by}
        changes["checked_contact"] = checked_contact({**self.service(service_id), **changes})
        self.update(service_id, changes)

    def checks_of_other_contacts(self, in_use: dict[str, str]) -> list[str]:
        """Services whose person's check was made on another contact than the one they now
        hold: a number changed in Excel after the check, or a row sorted or copied onto
        another service (attack reviews 2026-12-01). A check recording no contact, or none
        of its service (made before checks recorded them, or its record deleted) stands only
        as the directory in use's check of its contact (`in_use`: id -> the record of its
        check there); a check that directory does not hold is made again."""
        return [
            row["id"] for row in self.rows if row["assured_date"] and not _check_stands(row, in_use)
        ]

    def undo(self) -> bool:
        return self._back_to(self.undo_stack, self.redo_stack)

    def redo(self) -> bool:
        return self._back_to(self.redo_stack, self.undo_stack)

    def _back_to(self, source: list, other: list) -> bool:
        """The rows on top of `source` again; the present ones kept on `other`."""
        if not source:
            return False
        self._journal(self.rows, source[-1])
        other.append(self.rows)
        self.rows = source.pop()
        return True

    # Files
    def check_unchanged(self) -> None:
        """WorkingCopyError when the saved files changed since this copy was opened."""
        if fingerprint(self.folder) != self.on_disk:
            raise WorkingCopyError(
                f"{self.folder / 'services.csv'} was changed since this copy was opened (by "
                "check-service or another window?): nothing was saved. Your edits are kept: "
                "the maintenance window's Save applies them on top of the other changes"
            )

    def changed_on_disk(self) -> bool:
        return fingerprint(self.folder) != self.on_disk

    def save(self, version: str | None = None) -> None:
        self.check_unchanged()
        version = version or self.version
        toml = (self.folder / "directory.toml").read_text(encoding="utf-8-sig")
        toml = VERSION_LINE.sub(rf'\g<1>"{version}"', toml, count=1)  # a comment kept
        try:
            write_atomic(
                (self.folder / "services.csv", csv_text(self.rows)),
                (self.folder / "directory.toml", toml),
            )
        except OSError as error:  # "[Errno 28] …" said neither where nor what to do (re-attack)
            raise WorkingCopyError(
                f"{self.folder} could not be written ({error.strerror or error}): your edits "
                "are kept here; make room there, or ask IT, then save again"
            ) from error
        self.version = version
        self._forget_edits()
        self.on_disk = fingerprint(self.folder)
        self.began, self.named = {row["id"]: row for row in self.rows}, []

    def discard(self) -> None:
        """Forget this window's unsaved edits: the saved files as they are."""
        self._forget_edits()

    def mark_open(self) -> None:
        """A window is open on this copy: its unsaved edits are never taken by another."""
        if self.journal is not None:
            self.journal.mark_open()

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()

    @property
    def edits_elsewhere(self) -> int:
        """Unsaved edits of other windows still open on this copy (not shown here)."""
        return self.journal.elsewhere if self.journal else 0

    def _forget_edits(self) -> None:
        if self.journal is not None:
            self.journal.forget_own()
        self.unsaved = False

    def _replace(self, service_id: str, row: dict[str, str]) -> None:
        self.row_of(service_id)  # the index, current
        positions = self._index[1]
        rows = list(self.rows)  # the others stay the same objects (views compare by identity)
        rows[positions[service_id]] = row
        self._step(rows)
        self._index = (id(self.rows), positions)  # every row is where it was

    def _step(self, rows: list[dict[str, str]]) -> None:
        self._journal(self.rows, rows)
        self.undo_stack.append(self.rows)
        self.redo_stack.clear()
        self.rows = rows

    def _journal(self, before: list[dict[str, str]], after: list[dict[str, str]]) -> None:
        """Append what changes from `before` to `after` (unchanged rows are the same objects),
        before the rows change: on a full disk the edit was made, "Not changed" was said,
        and a later save wrote it (lead's attack, 2026-12-02)."""
        kept = {id(r) for r in before}
        rows = [r for r in after if id(r) not in kept]
        removed = []
        if len(after) < len(before):
            removed = sorted({r["id"] for r in before} - {r["id"] for r in after})
        if self.journal is not None:
            was = [self.row_of(r["id"]) for r in rows]  # each just before: `before` is held
            try:
                self.journal.append(rows, removed, [row for row in was if row is not None])
            except OSError as error:
                raise WorkingCopyError(
                    f"the edit could not be kept in {self.folder} ({error.strerror or error}): "
                    "nothing was changed; make room there, or ask IT, then make it again"
                ) from error
        self.log.append({r["id"] for r in rows} | set(removed))
        self.unsaved = True

    def _restart_journal(self) -> None:
        """The rows brought back, changed from those saved, as one journal line."""
        if self.journal is not None:
            changed = [r for r in self.rows if self.began.get(r["id"]) != r]
            bases = [self.began[r["id"]] for r in changed if r["id"] in self.began]
            self.journal.restart(changed, bases, self.named)
