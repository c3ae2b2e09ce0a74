"""Quick exit (Shift pressed 3 times) and the inactivity clear, watched for the whole app."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.ui import qt_types

SHIFT_PRESSES = 3
SHIFT_WINDOW_S = 1.5
# the countdown says "move the mouse to keep it": a worker who did lost the case (verifier)
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}
KEYS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease}
MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta}
# how often the deadline is read on a clock that counts sleep: Qt's timers (and
# time.monotonic) do not count a laptop's sleep on Linux
AWAKE_CHECK_MS = 5000


def asleep_or_awake() -> float:
    """Seconds on a clock that counts a laptop's sleep and that no change of the wall clock
    moves: Linux's boot clock; elsewhere time.monotonic, which counts sleep on Windows. The
    wall clock cleared a case typed into every second when NTP put it forward (verifier,
    2026-12-07)."""
    boot = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(boot) if boot is not None else time.monotonic()


def physical_key(event) -> int:
    """The key on the keyboard: Shift+Tab is pressed as Backtab and released as Tab, so
    Backtab was held for good and later presses of it no longer broke a run of Shifts:
    Shift+Tab three times cleared the case (review 2026-12-01). Events made by software
    have no scan code: their key code names them."""
    return event.nativeScanCode() or event.key()


class QuickExitController(QObject):
    """Emits exit_requested on Shift ×3; counts down and emits idle after inactivity."""

    exit_requested = Signal()
    idle = Signal()
    countdown = Signal(int)  # seconds left in the last minute; -1 when activity resumes

    def __init__(self, idle_ms: int, warn_ms: int = 60_000, parent: QObject | None = None) -> None:
        super().__init__(parent)  # owned by its window: it goes, and stops filtering, with it
        self.presses: list[float] = []
        self.held: set[int] = set()  # keys pressed and not yet released
        self.warn_ms = warn_ms
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._idle)
        self.warn_timer = QTimer(self)
        self.warn_timer.setSingleShot(True)
        self.warn_timer.timeout.connect(self._start_countdown)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        self.deadline = 0.0  # on asleep_or_awake's clock
        self.awake_check = QTimer(self)
        self.awake_check.setInterval(AWAKE_CHECK_MS)
        self.awake_check.timeout.connect(self._if_overdue)
        self.awake_check.start()
        self.set_idle_ms(idle_ms)
        self.watching = False
        self.pointer_at = None
        self.keeping = None  # a shortcut's key held back at its override: its press too
        self.chord_kept = False  # a modifier pressed over the countdown kept the case
        qt_types.when_made(self._watch)  # never before every Qt type is made (H57)

    def _watch(self) -> None:
        if shiboken6.isValid(self):  # its window may have closed while the types were made
            QApplication.instance().installEventFilter(self)
            self.watching = True

    def set_idle_ms(self, idle_ms: int) -> None:
        self.idle_ms = idle_ms
        self.activity()

    def activity(self) -> None:
        self.warned = False  # said again, if at all, by the next countdown
        if self.tick.isActive():
            self.tick.stop()
            self.countdown.emit(-1)
        self.active_at = asleep_or_awake()
        self.deadline = self.active_at + self.idle_ms / 1000
        self.idle_timer.start(self.idle_ms)
        self.warn_timer.start(max(self.idle_ms - self.warn_ms, 0))

    def _start_countdown(self) -> None:
        self.tick.start()
        self._tick()

    def _tick(self) -> None:
        self.countdown.emit(max(round(self.deadline - asleep_or_awake()), 0))

    def overdue(self) -> bool:
        """The period has passed on a clock that counts a laptop's sleep: a lid closed on a
        case kept its timer's remaining time on waking, and the first key or click then
        counted as activity, the case still on screen (privacy attack, 2026-12-07; H575)."""
        return asleep_or_awake() >= self.deadline

    def _if_overdue(self) -> None:
        if self.overdue():
            self._idle()

    def _idle(self) -> None:
        self.tick.stop()
        self.idle.emit()
        self.activity()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyRelease:
            self.held.discard(physical_key(event))
            if event.key() in MODIFIERS:
                self.chord_kept = False
            return False
        if kind == QEvent.Type.ShortcutOverride and self._keeps(event):
            # a shortcut's key (Backspace: back a question) fires before any key press is
            # seen: it went back and kept nothing, and the case was cleared (verifier, H598)
            event.accept()  # no shortcut: the press that follows is this filter's
            self.keeping = physical_key(event)
            self.activity()
            return True
        if kind == QEvent.Type.ApplicationDeactivate:  # a release may go to another window
            self.held.clear()
            self.chord_kept = False
        if kind not in ACTIVITY:
            return False
        if kind == QEvent.Type.MouseMove:  # one a system sends where the pointer stands still
            # (a window shown or moved under it) is no worker at the laptop
            where = event.globalPosition().toPoint()
            if where == self.pointer_at:
                return False
            self.pointer_at = where
        if self.overdue():  # woken after the period: this press clears, and is not taken
            self._idle()
            return True
        keeps = False
        if kind == QEvent.Type.KeyPress:
            # One press reaches the filter once for each object it passes through (the
            # window, the focus widget, its parents): count it once, until it is released.
            if physical_key(event) in self.held:
                return False
            self.held.add(physical_key(event))
            self._count_shift(event)
            keeps = self._keeps(event) or physical_key(event) == self.keeping
            self.keeping = None
            # Alt+Left: the Alt kept the case, and the Left went back a question (H604)
            self.chord_kept = event.key() in MODIFIERS and self._countdown_said()
        self.activity()
        # the countdown says "press any key to keep it": the key kept it, and answered the
        # question too ("Item 2: No" over a Yes: screen-reader walk, 2026-12-07; H591)
        return keeps

    def _keeps(self, event) -> bool:
        """Whether this key only keeps the case: said over the countdown, or pressed with a
        modifier that was (Alt+Left, Ctrl+C). A modifier itself is let through."""
        if event.key() in MODIFIERS:
            return False
        return self.chord_kept or self._countdown_said()

    def _countdown_said(self) -> bool:
        """The countdown has been said over a case (the window sets `warned`; a key was
        swallowed unsaid with no case, on the disguise screen too: verifier, H598): shown
        for the last minute, or, where the whole period is that minute, half of it gone
        (its 30 s are announced)."""
        said_after = min(self.warn_ms, self.idle_ms / 2) / 1000
        counting = self.tick.isActive() and asleep_or_awake() - self.active_at >= said_after
        return counting and self.warned

    def _count_shift(self, event) -> None:
        if event.key() != Qt.Key.Key_Shift or event.isAutoRepeat():
            self.presses.clear()
            return
        now = time.monotonic()
        self.presses = [t for t in self.presses if now - t < SHIFT_WINDOW_S] + [now]
        if len(self.presses) >= SHIFT_PRESSES:
            self.presses.clear()
            # once this Shift is delivered: emitted inside it, the clear took a plan card
            # with the focus while the key was still being given to it, and the app ended
            # with a segmentation fault (keyboard walk, 2026-12-02)
            QTimer.singleShot(0, self, self.exit_requested.emit)
