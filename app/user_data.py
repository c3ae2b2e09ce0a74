"""What the app keeps about its use (no Qt): the worker's settings and anonymised counts.

A conversation adds its counts once, when its plan is first shown; if the read-back then
changes the plan, the conversation's counts are swapped for the new plan's, so one
conversation is always counted once. Nothing else about the conversation is kept.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.db.checks import Refused, version_key
from app.db.user_store import UserStore
from app.pathways.activity import CountKey, activity_keys
from app.pathways.graph import Graph
from app.pathways.plan import Step
from app.settings import UserSettings, settings_from

COUNT_COLUMNS = ("month", "borough", "measure", "value", "count")
PRACTICE_KEY = "practice_done"
LAST_USED = "active_directory_version"
NEWEST_USED = "newest_directory_used"
SMALL = 3  # on screen, a count below this reads "fewer than 3": it could single someone out
POLICY_NOTE = "policy: "  # a note on IT's policy, not the worker's own settings: IT acts on it


def shown_count(count: int) -> str | int:
    return "fewer than 3" if count < SMALL else count


def newer_than(version: str, newest: Any) -> str:
    """`newest` if it is a version newer than `version`, else "" (none, or not a version)."""
    try:
        return newest if version_key(newest) > version_key(version) else ""
    except Refused:
        return ""


def newest_used_only_read(version: str) -> str:
    """The newest directory the window used on this laptop, if newer than `version`, read
    without making or changing any file: `route` printed a plan from a directory older than
    one used here, unsaid, where the window says "Numbers may be out of date" (attack)."""
    from app.db.user_store import saved_states

    states = saved_states()
    return newer_than(version, states.get(NEWEST_USED) or states.get(LAST_USED))


class UserData:
    def __init__(
        self, store: UserStore, graph: Graph, today: Callable[[], date] = date.today
    ) -> None:
        self.store = store
        self.graph = graph
        self.today = today
        self.recording = True
        self.counted: tuple[CountKey, ...] = ()  # this conversation's counts, in memory
        self.write_problem = ""  # set when a save failed after start (disk full, file gone)

    @property
    def notes(self) -> list[str]:
        """What the worker is told about their settings file (empty when all is well)."""
        notes = list(self.store.notes)
        return [*notes, self.write_problem] if self.write_problem else notes

    @property
    def saving(self) -> bool:
        return self.store.persistent and not self.write_problem

    def _write(self, change: Callable[[], None]) -> bool:
        try:
            change()
        except (sqlite3.Error, OSError) as error:
            self.write_problem = f"Settings and counts could not be saved ({error})."
            return False
        return True

    def load_settings(self, policy: dict[str, Any] | None = None) -> tuple[UserSettings, list[str]]:
        """Defaults, then the worker's saved choices, then IT's policy on top, locked."""
        boroughs = set(self.graph.questions["borough"].allowed_values)
        settings, problems = settings_from(self.store.settings(), None, boroughs)
        if policy:
            fixed, policy_problems = settings_from(policy, settings, boroughs)
            problems += [f"{POLICY_NOTE}{problem}" for problem in policy_problems]
            locked = {key for key in policy if getattr(fixed, key, None) == policy[key]}
            settings = dataclasses.replace(fixed, locked=frozenset(locked))
        self.recording = settings.record_activity
        return settings, problems

    def save_settings(self, settings: UserSettings) -> None:
        self.recording = settings.record_activity
        self._write(lambda: self.store.save_settings(settings.stored()))

    def plan_shown(self, step: Step) -> None:
        if not self.recording:
            return
        keys = activity_keys(self.graph, step, self.today())
        changed = keys and keys != self.counted
        if changed and self._write(lambda: self.store.change_counts(self.counted, keys)):
            self.counted = keys

    def conversation_ended(self) -> None:
        self.counted = ()
        if self.store.persistent:  # once, never on the path to the first question
            self._write(self.store.clear_free_space_once)

    def withdraw_conversation(self) -> None:
        """Take this conversation's counts back out (the self-test leaves no trace)."""
        self._write(lambda: self.store.change_counts(self.counted, ()))
        self.counted = ()

    def use_directory(self, graph: Graph) -> str:
        """Counts from now on are of this directory's plans (a newer one came into use).
        The newest directory used here, if newer than this one, else "" (said until one as
        new is in use): a correction the worker installed, deleted from the profile, put
        the old number back unsaid (attack F17). A tripwire only: whoever can delete the
        update can edit this record too."""
        self.graph = graph
        version = graph.directory_version
        try:
            kept = self.store.state(NEWEST_USED)
            newest = newer_than(version, kept or self.store.state(LAST_USED))
        except (sqlite3.Error, ValueError):  # no record
            kept, newest = None, ""
        self._write(lambda: self.store.set_state(LAST_USED, version))
        if newest:
            return newest
        if kept != version:  # once for each newer directory, not a write at every start
            self._write(lambda: self.store.set_state(NEWEST_USED, version))
        return ""

    def practice_done(self) -> dict[str, dict]:
        """Vignettes practised on this laptop: id -> {"date", "matched"} (no answers kept)."""
        value = self.store.state(PRACTICE_KEY)
        return value if isinstance(value, dict) else {}

    def practice_finished(self, vignette_id: str, matched: bool) -> None:
        """A vignette walked to its feedback: once all matched, it stays matched."""
        earlier = self.practice_done().get(vignette_id, {})
        record = {
            "date": self.today().isoformat(),
            "matched": matched or bool(earlier.get("matched")),
        }
        done = {**self.practice_done(), vignette_id: record}
        self._write(lambda: self.store.set_state(PRACTICE_KEY, done))

    def stored(self) -> list[tuple[str, str, Any]]:
        """Every value kept on disk, as (kind, name, value) rows the worker can read."""
        rows = [("Setting", key, value) for key, value in sorted(self.store.settings().items())]
        rows += [("App", key, value) for key, value in sorted(self.store.states().items())]
        rows += [("Count", " · ".join(row[:4]), row[4]) for row in self.store.counts()]
        return rows

    def export_counts(self, target: Path) -> int:
        return write_counts_csv(self.store.counts(), target)


def write_counts_csv(rows: list[tuple], target: Path) -> int:
    """The counts and nothing else, written whole or not at all; the number of rows."""
    from app.csv_cells import write_safe_csv  # the csv module is off the launch path

    return write_safe_csv(COUNT_COLUMNS, rows, target)
