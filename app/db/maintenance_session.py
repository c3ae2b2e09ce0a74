"""What the maintenance window works with (no Qt): one working copy, its vocabulary, and
the directory in use it is compared with and takes its pathway from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.db.checks import version_key
from app.db.copy_marks import keeping_note
from app.db.coverage import COLUMNS, STATUTORY_DOORS, Cell, Tally, contribution, left_without
from app.db.directory_diff import DirectoryDiff, area_names, service_changes, still_given
from app.db.loader import Source
from app.db.maintenance import (
    Vocabulary,
    open_copy,
    publish_copy,
    service_from_row,
    start_copy,
)
from app.db.publish_versions import dated_ahead
from app.db.published import Published, behind_untrusted
from app.db.service_checks import service_problems
from app.db.working_copy import WorkingCopy
from app.pathways.graph import Graph
from app.pathways.phone_numbers import format_uk_phone
from app.pathways.services import WIDE_AREAS


@dataclass
class Maintenance:
    """Checks and differences are kept per row and redone only for rows that changed (an
    edit replaces a row object; the others stay the same objects), so an edit costs the
    same at 60 services or 10,000."""

    copy: WorkingCopy
    words: Vocabulary
    in_use: Graph
    in_use_database: Source  # the start of a new copy
    # what this computer can see published (IT's update folder, keys trusted), read when
    # asked: editing needs none of it
    published: Callable[[], Published] = Published
    release: Source | None = None  # the pathway a publish carries (H345)
    _checked: dict = field(default_factory=dict)  # id -> its problems (only those with any)
    _compared: dict = field(default_factory=dict)  # id -> (row object, Service, changes)
    _counted: dict = field(default_factory=dict)  # id -> (row object, its grid contribution)
    _tally: Tally = field(default_factory=Tally)  # the grid's running totals
    _read_up_to: dict = field(default_factory=dict)  # each view's position in the edit log

    @classmethod
    def open(
        cls,
        folder: Path,
        in_use: Graph,
        database: Source,
        published: Callable[[], Published] = Published,
        release: Source | None = None,
        bundle: Path | None = None,
    ) -> Maintenance:
        """The working copy in folder; a new folder starts from the directory in use (from
        the signed update `bundle`, when it came from one)."""
        if not (folder / "services.csv").is_file():
            start_copy(folder, database, bundle)
        copy, words = open_copy(folder, in_use)
        return cls(copy, words, in_use, database, published, release)

    @property
    def boroughs(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.words.areas.items() if k not in WIDE_AREAS]

    def opening_note(self) -> str:
        """What the lead is told as the window opens, the most pressing first ("" if none):
        each that holds, not the first alone (with the copy behind the directory in use,
        edits brought back after a crash went unsaid: lead's attack, 2026-12-02)."""
        copy = self.copy
        said = [self.published_warning()]
        if self.copy_is_older:
            said.append(
                f"This working copy holds directory {copy.version}, older than "
                f"{self.in_use.directory_version} in use here: publishing it would undo "
                "the changes since. Start a new working copy (a new folder)."
            )
        if copy.edits_elsewhere:
            said.append(
                f"Another maintenance window open on this working copy has "
                f"{copy.edits_elsewhere} unsaved edit(s): they are not shown here. Save or "
                "close that window first, then open this copy again."
            )
        if copy.recovered:
            said.append("Unsaved edits from last time were brought back: check the changes below.")
        if both := copy.brought_back_over:  # never "a save since" where none was (re-attack)
            said.append(
                "Also changed elsewhere (by a save, or a window that ended unsaved): "
                f"{'; '.join(both)}: the edit brought back last stands, check it."
            )
        if lost := copy.unreadable_edits:
            said.append(f"{lost} edit(s) could not be read (cut short) and are missing.")
        return " ".join(filter(None, said))

    def left_without_words(self, service_id: str, becomes: dict | None = None) -> str:
        """What retiring a service (or editing it into `becomes`) leaves no service for, in
        words ("" when nothing)."""
        names = dict(self.boroughs)
        left = left_without(self.copy.rows, service_id, list(names), becomes)
        if not left:
            return ""
        cells = "; ".join(f"{column} in {names[borough]}" for column, borough in left)
        said = (
            f" No other service held here covers: {cells}. Workers there would be given "
            "only the fallback numbers (999, 101, a national line)."
        )
        if any(column in STATUTORY_DOORS for column, _ in left):  # refused at publish (H508)
            said += (
                " Every council has a children's front door and adult safeguarding: an update "
                "without one is not published (add the service that replaces it first)."
            )
        return said

    @property
    def columns(self) -> list[str]:
        return [name for name, _ in COLUMNS]

    def coverage(self, today: date) -> dict[tuple[str, int], tuple[str, str]]:
        """Each (borough, column) cell for the grid: (as shown, as read out in full)."""
        boroughs = [b for b, _ in self.boroughs]
        for sid, row in self._changed("coverage"):
            known = self._counted.pop(sid, None)
            if known is not None:
                self._tally.add(known[1], -1)
            if row is not None:
                self._counted[sid] = (row, contribution(row, boroughs))
                self._tally.add(self._counted[sid][1])
        return {
            (borough, column): _both(self._tally.cell((borough, column)), today)
            for borough, _ in self.boroughs
            for column in range(len(COLUMNS))
        }

    def problems(self, row: dict[str, str]) -> dict[str, list[str]]:
        return service_problems(row, self.words.kinds, self.words.areas)

    def all_problems(self) -> dict[str, dict[str, list[str]]]:
        """Every service with a problem (only the rows edited since are checked again)."""
        for sid, row in self._changed("problems"):
            problems = self.problems(row) if row is not None else {}
            if problems:
                self._checked[sid] = problems
            else:
                self._checked.pop(sid, None)
        return dict(self._checked)

    def _changed(self, view: str):
        """(id, row or None if gone) for each service changed since `view` last looked:
        every service the first time."""
        copy = self.copy
        if view not in self._read_up_to:
            self._read_up_to[view] = len(copy.log)
            return [(row["id"], row) for row in copy.rows]
        ids, self._read_up_to[view] = copy.changed_since(self._read_up_to[view])
        return [(sid, copy.row_of(sid)) for sid in ids]

    def diff(self) -> DirectoryDiff:
        """What publishing would change against the directory in use."""
        before = {i: s for i, s in self.in_use.services.items() if s.status != "retired"}
        added, changes, seen, after = [], [], set(), {}
        for row in self.copy.rows:
            known = self._compared.get(row["id"])
            if known is None or known[0] is not row:
                service = service_from_row(row)
                old = before.get(row["id"])
                known = (row, service, service_changes(old, service) if old else [])
                self._compared[row["id"]] = known
            _, service, changed = known
            if service.status == "retired":
                continue
            seen.add(service.id)
            after[service.id] = service
            if service.id not in before:
                added.append(service)
            changes += changed
        retired = [before[i] for i in sorted(before.keys() - seen)]
        versions = (self.in_use.directory_version, "working copy")
        names = area_names(self.in_use)
        ordered = sorted(added, key=lambda s: s.id)
        kinds = self._kind_changes()
        said = f"the words of {len(kinds)} service kind(s) changed" if kinds else ""
        return DirectoryDiff(
            *versions,
            tuple(ordered),
            tuple(retired),
            tuple(changes),
            names,
            said,
            kinds,
            still_given(tuple(changes), after),
        )

    def _kind_changes(self) -> tuple[str, ...]:
        """The search filter's words for each kind: swapped, a worker picking "Children's
        front door" was given housing services, and no view said so before signing (review
        2026-12-01)."""
        before, after = self.in_use.kind_labels, self.copy.kinds
        return tuple(
            f"service kind {kind}: {before.get(kind, '(none)')!r} → {after.get(kind, '(none)')!r}"
            # publishing refuses it (H363): said where the lead reads the changes first
            + (" (not published: a kind's words come with the release)" if kind in before else "")
            for kind in sorted(before.keys() | after.keys())
            if before.get(kind) != after.get(kind)
        )

    @staticmethod
    def tidy_phone(text: str) -> str:
        return format_uk_phone(text) or text

    def names(self) -> dict[str, str]:
        """Borough and action ids in the words a reader of returns knows."""
        actions = {kind: a.title for kind, a in self.in_use.actions.items()}
        return {**actions, **dict(self.boroughs)}

    @property
    def copy_is_older(self) -> bool:
        """The copy predates the directory in use: publishing it would undo changes."""
        return version_key(self.copy.version) < version_key(self.in_use.directory_version)

    def published_warning(self) -> str:
        """Why a publish from this copy would be refused for what is published already, said
        when the window opens, not only after the lead has edited and typed a passphrase:
        a second laptop's copy began from the shipped directory, unsaid (review)."""
        seen = self.published()
        if seen.unreachable:
            return (
                f"{seen.unreachable}: this copy began from directory {self.copy.version}, and "
                "a newer one may be published there. Publishing waits until it can be read."
            )
        newest = seen.newest(self.copy.folder / "published", {})
        if newest and version_key(self.copy.version) < version_key(newest[0]):
            if seen.untrusted_here(newest[1]):
                said = behind_untrusted(self.copy.version, newest)
                return said[0].upper() + said[1:] + "."
            return (
                f"This working copy holds directory {self.copy.version}, older than "
                f"{newest[0]} published already ({newest[1]}): install that one here, then "
                "start a new working copy (a new folder) from it."
            )
        return ""

    def publish_summary(self) -> str:
        """What a publish would change, said against the directory in use; and, where this
        copy holds a newer directory (published from it, not yet installed here), that
        those changes are in the count: a second publish listed the first's changes again,
        unexplained (lead review, 2026-12-02)."""
        said = f"Against the directory in use: {self.diff().summary()}."
        held, in_use = self.copy.version, self.in_use.directory_version
        if version_key(held) > version_key(in_use):
            said += (
                f" This copy holds directory {held}, newer than {in_use} in use on this "
                f"computer: these changes include what {held} changed, as well as edits since."
            )
        return said

    def keeping_note(self, bundle: Path) -> str:
        """What the lead must do if the copy could not keep the update it signed ("")."""
        return keeping_note(self.copy.folder, bundle)

    @staticmethod
    def version_note(version: str, today: date) -> str:
        """What the lead is told of a version as they type it: one dated ahead, and what
        that means (the lead's walk, 2026-12-06, F14)."""
        return dated_ahead(version, today)

    def suggested_version(self, today: date) -> str:
        stamp = f"{today.year}.{today.month}.{today.day}"
        newest = self.published().newest(self.copy.folder / "published", {})
        known = (self.in_use.directory_version, self.copy.version, newest[0] if newest else "0")
        current = max(known, key=version_key)
        if version_key(stamp) > version_key(current):
            return stamp
        # the day's second as the lead's guide names it (2026.12.4, then 2026.12.4.2: the
        # window suggested .1, the guide said .2; the lead's walk, 2026-12-07)
        return f"{current}.2" if len(current.split(".")) < 4 else _bump(current)

    def publish(
        self, key: Path, passphrase: str | None, out_dir: Path, version: str, days: int = 180
    ) -> tuple[Path, DirectoryDiff]:
        return publish_copy(
            self.copy,
            self.words,
            self.in_use,
            self.in_use_database,
            key,
            passphrase,
            out_dir,
            version,
            days,
            self.published(),
            self.release,
        )


def _both(cell: Cell, today: date) -> tuple[str, str]:
    return cell.short(today), cell.text(today)


def _bump(version: str) -> str:
    *head, last = version.split(".")
    return ".".join([*head, str(int(last) + 1)])
