"""A newer directory reaches the window between conversations, never during one: IT's
update folder is checked every 15 minutes (issue 14 §3) and a directory the worker installs
waits the same way, until nothing of a case is held.

The 15-minute check reads IT's folder on a thread of its own: on a share that hangs, or is
out of reach (a laptop off the VPN waits out the network's time-out), reading it on the
window's thread froze the window, quick exit with it, mid-conversation (IT review
2026-12-01). One check runs at a time; what it finds is taken on the window's thread. One
still reading at the next tick is said, in About and the log: a share hung for hours left
the laptop on old numbers with no word to anyone (attack F19)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from app.directory_updates import CHECK_EVERY_MS, DirectoryUpdates, Loaded
from app.event_log import EventLog, printable
from app.ui.gui_thread import in_background

NOT_ANSWERED = "IT's update folder has not answered since"


class DirectorySwitch(QObject):
    def __init__(
        self,
        updates: DirectoryUpdates,
        holds_case: Callable[[], bool],
        use: Callable[[Loaded, str], None],  # the directory, and what changed
        parent: QObject,
        check_every_ms: int = CHECK_EVERY_MS,
        waiting: Callable[[Loaded | None], None] = lambda _loaded: None,
    ) -> None:
        super().__init__(parent)
        self.waiting = waiting  # told of a directory held for the case's end, or of none
        self.updates = updates
        self.holds_case = holds_case
        self.use = use
        self.pending: Loaded | None = None
        self.confirmed = False  # by the last check (not with a key caught unread: H587)
        self.logged: set[str] = set(updates.refused)  # said at start already
        self.checking = False  # a check's thread is reading IT's folder
        self.began: tuple[str, str] = ("", "")  # what was in hand when it began
        self.began_at = datetime.now()  # said if it has not answered by the next tick
        self.again = False  # asked for while one read: it runs when that one is back
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.check_in_background)
        self.timer.start()

    def check_in_background(self) -> None:
        """The check on a thread of its own; none while one is still reading (a hung share)."""
        if self.checking:
            self._say_not_answered()
            return
        self.checking = True
        self.began, self.began_at = self.in_hand(), datetime.now()
        in_background(self.updates.check, self._checked, "directory-check")

    def look_again(self) -> None:
        """A check now, or as soon as the one reading is back (a worker's install found
        another directory had come while it read)."""
        if self.checking:
            self.again = True
        else:
            self.check_in_background()

    def _say_not_answered(self) -> None:
        began = self.began_at
        at = began.strftime("%H:%M" if began.date() == datetime.now().date() else "%H:%M on %d %b")
        said = (
            f"{NOT_ANSWERED} {at}: no update reaches this laptop until it does (the directory "
            "in use stays)"
        )
        self._drop_not_answered()
        self.updates.refused.append(said)  # the check, when it returns, says afresh
        if said not in self.logged:
            EventLog().event(f"directory check: {said}")
            self.logged.add(said)

    def _drop_not_answered(self) -> None:
        refused = self.updates.refused
        refused[:] = [line for line in refused if not line.startswith(NOT_ANSWERED)]

    def in_hand(self) -> tuple[str, str]:
        """The directory in use and the one waiting: a check compares against these."""
        waiting = self.pending.in_force.selection.sha256 if self.pending is not None else ""
        return self.updates.current.in_force.selection.sha256, waiting

    def _checked(self, found) -> None:
        self.checking = False
        try:
            if isinstance(found, Exception):
                self._drop_not_answered()  # it answered, with an error (raised, so logged)
                raise found
            # The worker installed one, or the window switched, while it read: what it
            # found was against what is gone. Taken, it put an older directory back in use
            # over the one just installed, or dropped the one waiting (eleventh attack
            # round): the next check looks again.
            if self.began == self.in_hand():
                self.take(found)
        finally:
            if self.again:
                self.again = False
                self.check_in_background()

    def check(self) -> None:
        """The same check on this thread, waiting for it (the tests drive it so)."""
        self.take(self.updates.check())

    def take(self, found: Loaded | None) -> None:
        """What is waiting is what the check finds now: one found before and withdrawn since
        (its key, its file) is not switched to at the end of the case (review 2026-12-01)."""
        # IT reads the log: a laptop open all day switched and refused updates unlogged
        new = [problem for problem in self.updates.refused if problem not in self.logged]
        for problem in new:
            EventLog().event(f"directory check: {printable(problem)}")
        self.logged |= set(new)
        in_use = self.updates.current.in_force.selection.sha256
        if found is None and self.updates.keys_unread:
            # the keys could not be read: nothing was checked, so what waits, confirmed or
            # not, stands as the last check left it. Read as nothing found, a withdrawal
            # confirmed was undone and a number said was said withdrawn (verifier, H600).
            # Said again, now that it cannot be checked: "Use these" stood (H610)
            if self.pending is not None:
                self.waiting(self.pending)
            return
        if found is not None and found.in_force.selection.sha256 != in_use:
            self.offer(found)  # (one the worker installed while the check read is in use)
        elif self.updates.keys_in_doubt:
            # a key caught unread: what waits is still said (its numbers were right a check
            # ago), but not switched to until a check confirms it; the next check tells. A
            # withdrawal confirmed before stands: a glitch put a new case on the withdrawn
            # key's directory (verifier, 2026-12-07)
            going_back = self.pending is not None and self.updates.goes_back(self.pending)
            self.confirmed = self.confirmed and going_back
        else:
            self.pending = None
            self.waiting(None)  # one said to be waiting was withdrawn since

    def offer(self, loaded: Loaded) -> None:
        self.pending, self.confirmed = loaded, True
        # checked just now against keys read (a check, or the worker's install): the keys
        # unread at a check before held a worker's install back, "Installed" said (H609)
        self.updates.keys_unread = False
        if not self.apply_if_idle():
            self.waiting(loaded)  # a number on the plan in front of the worker may be old now

    def apply_if_idle(self) -> bool:
        """Switch now if no case is held; otherwise the next call (a new conversation)."""
        if self.pending is None or not self.confirmed or self.holds_case():
            return False
        if self.updates.keys_unread and not self.updates.goes_back(self.pending):
            return False  # nothing can be checked now: a key withdrawn meanwhile (verifier)
        loaded, self.pending = self.pending, None
        change = self.updates.adopt(loaded)
        EventLog().event(f"now in use: {loaded.in_force.describe()} ({printable(change)})")
        self.use(loaded, change)
        return True
