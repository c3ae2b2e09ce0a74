"""A newer directory reaches the window between conversations, never during one: IT's
update folder is checked every 15 minutes (issue 14 §3) and a directory the worker installs
waits the same way, until nothing of a case is held."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.directory_updates import CHECK_EVERY_MS, DirectoryUpdates, Loaded
from app.event_log import EventLog, printable


class DirectorySwitch(QObject):
    def __init__(
        self,
        updates: DirectoryUpdates,
        holds_case: Callable[[], bool],
        use: Callable[[Loaded, str], None],  # the directory, and what changed
        parent: QObject,
        check_every_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.updates = updates
        self.holds_case = holds_case
        self.use = use
        self.pending: Loaded | None = None
        self.logged: set[str] = set(updates.refused)  # said at start already
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """What is waiting is what the check finds now: one found before and withdrawn since
        (its key, its file) is not switched to at the end of the case (review 2026-12-01)."""
        found = self.updates.check()
        self.pending = None
        # IT reads the log: a laptop open all day switched and refused updates unlogged
        new = [problem for problem in self.updates.refused if problem not in self.logged]
        for problem in new:
            EventLog().event(f"directory check: {printable(problem)}")
        self.logged |= set(new)
        if found is not None:
            self.offer(found)

    def offer(self, loaded: Loaded) -> None:
        self.pending = loaded
        self.apply_if_idle()

    def apply_if_idle(self) -> bool:
        """Switch now if no case is held; otherwise the next call (a new conversation)."""
        if self.pending is None or self.holds_case():
            return False
        loaded, self.pending = self.pending, None
        change = self.updates.adopt(loaded)
        EventLog().event(f"now in use: {loaded.in_force.describe()} ({printable(change)})")
        self.use(loaded, change)
        return True
