"""Danger now stops the walk: a full-page emergency card (the NHS care card, emergency level)
with 999 in large type and what to do when it is not safe to speak; the walk goes on only
when the worker says it is safe. The answers given are kept and the plan still starts with 999.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.pathways.plan import PlannedAction
from app.ui.labels import announce, plain_label, scaled
from app.ui.plan.action_card import ActionCard, Copy
from app.ui.plan.plan_view import GroupFrame
from app.ui.tab_order import place_before
from app.ui.viewport import FocusInView
from app.ui.walk.panel_base import PRESSED_AGAIN_S, KeyHold, entered, ignores_chords

# An Enter typed after "Y", as after any answer, went on at once: the card was gone before it
# was seen (officer's walk, 2026-12-07; H502)
HELD = (
    "Enter was pressed as this card opened. Read it: call 999 if anyone is in danger now. "
    "Press Enter again to continue when it is safe."
)
# long enough to read "Call 999" once: the walk's driver pressed Enter 1.3 s after "Y",
# past the walk's second for keys typed ahead (TYPED_AHEAD_S)
CARD_READ_S = 2.5


class EmergencyPage(KeyHold, QWidget):
    continue_requested = Signal()
    # "yes" given by mistake: back to the question that brought the card (its id), also when
    # given again from read-back (Back went to the last question asked: officer review)
    back_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        page = QVBoxLayout(self)
        self.scroll = QScrollArea()  # at the largest text sizes the card scrolls, never clips
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inside = QWidget()
        self.column = QVBoxLayout(inside)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addStretch(1)
        self.scroll.setWidget(inside)
        page.addWidget(self.scroll, 1)
        self.frame: GroupFrame | None = None
        self.card: ActionCard | None = None
        self.shown: tuple | None = None
        self.asked_by = ""  # the question whose answer brought the card
        self.go_on = ignores_chords(QPushButton("Continue when safe    [Enter]"))
        self.go_on.setAccessibleName("Continue the questions when it is safe")
        self.go_on.setMinimumHeight(44)
        self.go_on.clicked.connect(self._go_on)
        self.held = plain_label(HELD, "Not yet")
        self.held.hide()
        # Back as on every question page: Alt+← moved the focus to the summary strip, and
        # the next Enter opened the tier question (officer review 2026-12-01)
        self.back = ignores_chords(QPushButton("Back    [Alt+←]"))
        self.back.setAccessibleName("Back to the question: is anyone in danger now")
        self.back.setMinimumHeight(44)
        self.back.clicked.connect(self.go_back)
        shortcut = QShortcut(QKeySequence("Alt+Left"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.go_back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.go_on)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        page.addWidget(self.held)
        page.addLayout(buttons)
        # at 24 pt Shift+Tab from "Continue when safe" ringed "Why, and sources" half under
        # the buttons (Xvfb walk, 2026-12-04)
        FocusInView(self.scroll)

    def show_action(
        self,
        action: PlannedAction,
        today: date,
        months: int,
        copy: Copy | None,
        asked_by: str = "",
    ) -> None:
        self.forget_case()
        self.shown = (action, today, months, copy, asked_by)  # redrawn at a new text size
        self.asked_by = asked_by
        self.frame = GroupFrame("now")
        self.card = ActionCard(None, action, today, months, copy)
        self.card.why.set_open(True)  # "not safe to speak: 999 then 55" must not be folded
        for row in self.card.rows:  # the one thing on this page: larger than any plan number
            row.number.setFont(scaled(QApplication.font(), 3.0, bold=True))
        self.frame.layout_.addWidget(self.card)
        note = plain_label("Your answers are kept: the plan will start with this.", "Note")
        note.setFont(scaled(note.font(), 1.0))
        self.frame.layout_.addWidget(note)
        self.column.insertWidget(0, self.frame)
        place_before(self.frame, self.go_on)  # Tab: the card, then Continue and Back
        self.setAccessibleName(f"Emergency: {self.card.accessibleName()}")
        self.go_on.setFocus()
        # heard, after the focus moves: the focus lands on "Continue the questions when it is
        # safe", and "Call 999 now …" was only a container's name (a11y walk, 2026-12-07)
        announce(self.card, self.accessibleName())
        self.held.hide()
        self.hold_keys(CARD_READ_S)

    def _go_on(self) -> None:
        """On, unless the card has only just opened: then said, and the next press goes on."""
        if not self.keys_held():
            self.continue_requested.emit()
            return
        # a moment more: two Enters typed ahead (300 ms, then 420 ms after "Y") took the card
        # away, the first held and the second taken (re-attack, 2026-12-07)
        self.hold_keys(PRESSED_AGAIN_S)
        self.held.show()
        announce(self.held, HELD)

    def go_back(self) -> None:
        asked_by = self.asked_by
        self.forget_case()  # the answer is to be given again: this card no longer stands
        self.back_requested.emit(asked_by)

    def holds_case(self) -> bool:
        return self.frame is not None

    def forget_case(self) -> None:
        if self.frame is not None:
            self.frame.hide()
            self.column.removeWidget(self.frame)
            self.frame.deleteLater()
        self.frame = self.card = self.shown = None
        self.asked_by = ""
        self.held.hide()
        self.setAccessibleName("")  # its card's words stayed after a quick exit (seams review)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if entered(event) and not event.isAutoRepeat():
            self._go_on()
        else:
            super().keyPressEvent(event)
