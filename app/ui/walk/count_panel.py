"""A count question ("how many incidents…"): a number box that refuses to be empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSpinBox

from app.pathways.graph import Question
from app.ui.labels import plain_label
from app.ui.walk.panel_base import ENTER, AnswerPanel

# What an emptied box holds, carried to the box drawn anew at another text size: empty again
EMPTIED = object()


class NumberBox(QSpinBox):
    """A number box that knows when the worker emptied it. Qt puts the last number back on
    Enter, or when the box loses the focus or is shown: 4 typed and deleted was answered 4
    incidents, a high risk the worker never gave (H69). Emptied means no digit is left ("+"
    alone too); typing a digit or stepping (arrows, the wheel) gives a number the worker sees.
    An emptied box stays empty on screen, so it never shows a number it would refuse."""

    def __init__(self) -> None:
        super().__init__()
        self.emptied = False
        self.lineEdit().textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        self.emptied = not any(character.isdigit() for character in text)

    def stepBy(self, steps: int) -> None:
        self.emptied = False  # a number the worker can see, chosen with the arrows or wheel
        super().stepBy(steps)

    def empty(self) -> None:
        self.lineEdit().clear()
        self.emptied = True

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)  # puts the last number back on screen
        if self.emptied:
            self.lineEdit().clear()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.emptied:
            self.lineEdit().clear()

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:  # scrolling the page over the box never changes the count
            event.ignore()


class CountPanel(AnswerPanel):
    def __init__(self, question: Question, current: Any) -> None:
        emptied = current is EMPTIED
        super().__init__(question, None if emptied else current)
        self.spin = NumberBox()
        self.spin.setRange(0, 10_000)
        self.spin.setValue(self.current or 0)
        self.spin.setAccessibleName("Number")
        self.spin.setMinimumHeight(44)
        if emptied:
            self.spin.empty()
        done = QPushButton("Continue    [Enter]")
        done.setAccessibleName("Continue")
        done.clicked.connect(self.confirm)
        # The refusal beside the box, so it is on screen whenever the box is: under it, at
        # 24 pt the page's scroll kept the box in view and the words below the fold.
        self.problem = plain_label("", "Problem with the number")
        self.problem.hide()
        row = QHBoxLayout(self)
        row.addWidget(self.spin, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(done, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.problem, 1)
        row.setAlignment(Qt.AlignmentFlag.AlignTop)

    def pending(self) -> Any:
        return EMPTIED if self.spin.emptied else self.spin.value()

    def focus_first(self) -> None:
        self.spin.setFocus()
        self.spin.selectAll()

    def confirm(self) -> None:
        if self.spin.emptied:
            top = self.spin.maximum()
            self.problem.setText(f"Type a whole number from 0 to {top:,}.")  # one line at 24 pt
            self.problem.show()
            self.spin.empty()  # not the number the box put back
            self.spin.setFocus()
            return
        self.spin.interpretText()
        self.answered.emit(self.spin.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER:
            self.confirm()
        else:
            super().keyPressEvent(event)
