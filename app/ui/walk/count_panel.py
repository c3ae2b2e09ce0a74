"""A count question ("how many incidents…"): a number box that starts empty and refuses
to be left so.

It held 0 until a number was typed, and Enter took it: an Enter pressed for the page
before (or, at 24 pt, one more than the scrolling page needed) answered "0 incidents" to a
question never on screen, and the MARAC referral for 3 went (housing officer's walk,
2026-12-07; H606). So the box is empty until the worker types, every number (0 too) is
given with Enter, and keys pressed as the question came into view are not taken, and said.
A 0 that answered at once was as bad: "0" pressed a little over a second after the "0" that
answered the page before (the rhythm the tick pages' own hold teaches) answered it unseen,
and a 0 typed after a 3 shown selected, to make 30, answered 0 (verifier, H611)."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QSizePolicy

from app.pathways.graph import Question
from app.ui.field_style import use_field_style
from app.ui.labels import announce, plain_label
from app.ui.number_box import NumberBox, Typed
from app.ui.walk.panel_base import (
    TYPED_AHEAD_S,
    AnswerPanel,
    KeyHold,
    entered,
    ignores_chords,
    typed,
)

TYPE_IT = "type the number, 0 if none are known"
SOON_AFTER_S = 2.0  # after the hold: a number begun then is asked about once
# Keys that step the number never make a count: Up in the hold made 1 of a 0 given before
# (H615), and the number pad with Num Lock off sends them for its digits: 9 (Page Up) made 10
# of an empty box, "1 2" made 2 of a 3 unsaid (helper-284, 2026-12-07; H621)
STEPS = {
    Qt.Key.Key_Up: "Up",
    Qt.Key.Key_Down: "Down",
    Qt.Key.Key_PageUp: "Page Up",
    Qt.Key.Key_PageDown: "Page Down",
}
NUM_LOCK_OFF = (  # the pad's 7, 1, 0, ".", 4, 6 and 5 (re-attack, 2026-12-07; H624)
    *(Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Insert, Qt.Key.Key_Delete),
    *(Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Clear),
)
NO_STEPS = "Not taken: {} does not change the count: type the number, then press Enter."
NUMBER_PAD = (
    "Not taken: the number pad gives no figures while Num Lock is off. Turn Num Lock on "
    "(or use the number keys), then type the number."
)
READ_IT = f"Read it, then {TYPE_IT}."


class CountPanel(AnswerPanel, KeyHold):
    def __init__(self, question: Question, current: Any) -> None:
        typed_before = current if isinstance(current, Typed) else None
        super().__init__(question, None if typed_before else current)
        self.spin = NumberBox()
        self.spin.setRange(0, 10_000)
        if self.current is None and typed_before is None:
            typed_before = Typed("")  # no number until the worker gives one
        else:
            self.spin.setValue(self.current or 0)
        # named by its question: "Number" alone was all a screen reader said on it, the
        # question out of earshot (officer walk, 2026-12-06)
        self.spin.setAccessibleName(question.prompt)
        self.spin.setAccessibleDescription(f"A whole number: {TYPE_IT}, then press Enter")
        self.spin.installEventFilter(self)
        self.hold_keys()  # keys pressed for the page before are not taken here
        self.early = False  # a number begun soon after the hold
        self.refused_on: str | None = None  # what the box showed as a digit was not taken
        self.asked_until = 0.0  # "Check the number" read before an Enter gives it
        use_field_style(self.spin)  # its edge seen in high contrast
        self.spin.setMinimumHeight(44)
        if typed_before:
            self.spin.show_wrong(typed_before.text)
        self.done = done = ignores_chords(QPushButton("Continue    [Enter]"))
        done.setAccessibleName("Continue")
        done.clicked.connect(self.confirm)
        done.installEventFilter(self)  # Backspace on it is the box's, never Back
        for control in (self.spin, done):  # their own width: not the page's, as answers
            control.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        # The refusal beside the box, so it is on screen whenever the box is: under it, at
        # 24 pt the page's scroll kept the box in view and the words below the fold.
        self.problem = plain_label("", "Problem with the number")
        self.problem.hide()
        # a number made since (typed, arrows) stood beside "Nothing typed yet" (verifier)
        self.spin.valueChanged.connect(lambda _: self.problem.hide())
        self.spin.lineEdit().textEdited.connect(
            lambda _: self.spin.wrong is None and self.problem.hide()  # 0 over an empty box
        )
        row = QHBoxLayout(self)
        row.addWidget(self.spin, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(done, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.problem, 1)
        row.addStretch(0)  # the room left when no refusal is shown: the box and button stretched
        row.setAlignment(Qt.AlignmentFlag.AlignTop)

    def _backspace_on_continue(self, event: QEvent) -> bool:
        """Backspace with Continue focused (Tab, or a refused click) went back a page, the
        count typed lost: two meant to clear the box went back two (re-attack, 2026-12-07;
        H624). It edits the box, as digits typed there do."""
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if event.type() not in kinds or event.key() != Qt.Key.Key_Backspace:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # delivered as a key press, not as Back's shortcut
            return True
        self.spin.setFocus(Qt.FocusReason.OtherFocusReason)
        QApplication.sendEvent(self.spin, QKeyEvent(event.type(), event.key(), event.modifiers()))
        return True

    @property
    def refused(self) -> bool:
        """A key meant to change the number was not taken, and the number shown is as it
        was: a 3 clicked up to with the box's arrows after a refused Up was said "not yet
        changed" (re-attack, 2026-12-07; H624)."""
        return self.refused_on is not None and self.spin.text() == self.refused_on

    def pending(self) -> Any:
        return self.spin.value() if self.spin.wrong is None else Typed(self.spin.wrong)

    def cursor(self) -> tuple[str | None, bool, bool]:
        """What is still to be asked, kept at a new text size: redrawn, the next Enter kept
        the 0 shown over a digit not taken, or gave a number begun early unasked (third
        look, 2026-12-07; H615); and a number being typed, to go on with: selected whole,
        "1", a text-size change, "2" made 2, where a look at the Directory tab made 12
        (helper-284, 2026-12-07; H621)."""
        return self.refused_on, self.early, self.spin.typed_here

    def restore(self, cursor: tuple[str | None, bool, bool] | None) -> None:
        if cursor is None:
            return
        self.refused_on, self.early, self.spin.typed_here = cursor
        if self.spin.typed_here:
            self.spin.lineEdit().deselect()
            self.spin.lineEdit().end(False)

    def in_view(self, focused):
        """The box with its refusal: at 24 pt on 1280x720 the refusal's second line, what
        is allowed, was below the fold while the box had the focus."""
        return self if self.problem.isVisible() else focused

    def focus_first(self) -> None:
        self.spin.setFocus()
        self.spin.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.spin:  # Continue (the box's events come before it is made)
            return watched is getattr(self, "done", None) and self._backspace_on_continue(event)
        if event.type() != QEvent.Type.KeyPress:
            return False
        pad = bool(event.modifiers() & Qt.KeyboardModifier.KeypadModifier)
        if event.key() in STEPS or (pad and event.key() in NUM_LOCK_OFF):
            self.refused_on = self.spin.text()  # a number was meant: the one shown is not it
            off = pad and not event.text()
            self._say(NUMBER_PAD if off else NO_STEPS.format(STEPS.get(event.key(), "It")))
            return True
        pasted = event.matches(QKeySequence.StandardKey.Paste)
        key = "Enter" if entered(event) else "a paste" if pasted else typed(event)
        if not (key in ("Enter", "a paste") or key.isdigit()):
            return False
        if self.keys_held():
            self.hold_keys()  # and the next typed after it
            if key == "Enter" and self.refused:
                return True  # the digit refused stays said ("3" then Enter: re-attack)
            if key != "Enter":
                self.refused_on = self.spin.text()
            # a paste as the question came was taken unasked (helper-284; H621)
            what = "a paste was made" if pasted else f"{key} was pressed"
            self._say(f"Not taken: {what} as this question came into view. {READ_IT}")
            return True
        if key != "Enter":
            # typed soon after the hold: a key meant for the page before ("0 … 0" a second
            # apart) put 0 in the box, and Enter gave it (verifier, 2026-12-07; H612)
            line = self.spin.lineEdit()
            if not line.text().strip() or line.selectedText() == line.text():  # a new number
                self.early = time.monotonic() < self.keys_held_until + SOON_AFTER_S
            self.refused_on = None
        return False

    def _asks_first(self) -> bool:
        """Whether Enter waits, said: after a digit not taken, the number shown was kept
        with the worker's 3 unseen (a correction of 0 to 3: verifier, H612); after a number
        begun soon after the question came, once, to be checked."""
        if self.refused and self.spin.wrong is None:
            self._say(
                "The number shown is not yet changed: type the number (0 if none are "
                "known), then press Enter."
            )
            return True
        if self.early and self.spin.wrong is None:
            # an Enter a moment later is the same press twice, never a reading: the second
            # gave the number 0.3 s after the question was asked (third look; H615)
            self.early, self.asked_until = False, time.monotonic() + TYPED_AHEAD_S
            number = self.spin.text().strip()
            self._say(
                f"Check the number: {number} was begun as this question came into view. "
                f"Press Enter again to give {number}, or type the number."
            )
            return True
        return False

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        announce(self.problem, text)

    def confirm(self) -> None:
        if self.keys_held():  # Tab and Enter (or Space) on Continue, typed ahead (H621)
            self._say(f"Not taken: Continue was pressed as this question came into view. {READ_IT}")
        elif time.monotonic() < self.asked_until or self._asks_first():
            pass
        elif (wrong := self.spin.wrong) is not None:
            self._say(
                f"Nothing typed yet: {TYPE_IT}." if not wrong.strip() else self.spin.refusal()
            )
            self.spin.show_wrong(wrong)  # not the number the box put back
        else:
            self.spin.interpretText()
            self.answered.emit(self.spin.value())
            return
        # the focus back in the box: left on Continue, Backspace meant for the box went
        # back a page, the count typed lost (re-attack, 2026-12-07; H624)
        self.spin.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if entered(event):
            self.confirm()
        elif typed(event).isdigit():
            # typed with Back focused (clicked, then "Back leaves the answers…"): the digits
            # were lost unsaid (third look, 2026-12-07; H615); the box takes them, and holds
            self.spin.setFocus(Qt.FocusReason.OtherFocusReason)
            QApplication.sendEvent(self.spin, event)
        else:
            super().keyPressEvent(event)
