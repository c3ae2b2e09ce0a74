"""A count question ("how many incidents…"): a number box that refuses to be empty."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QSpinBox

from app.pathways.graph import Question
from app.ui.field_style import use_field_style
from app.ui.labels import plain_label
from app.ui.walk.panel_base import ENTER, AnswerPanel


@dataclass(frozen=True)
class Typed:
    """What a box holds that is not a number (empty, "2-3"), carried to the box drawn anew
    at another text size: shown and refused again, never a number."""

    text: str


class NumberBox(QSpinBox):
    """A number box that knows when what it shows is not a number. Qt puts the last number
    back on Enter, or when the box loses the focus or is shown: 4 typed and deleted was
    answered 4 incidents, a high risk the worker never gave (H69). And Qt dropped what it
    could not read as it was typed: "2-3" became 23, "1.5" 15 (review 2026-12-01). Now
    every key typed stays on screen, and text that is not one whole number in range
    (empty, "+" alone, "2-3", "1 or 2") is `wrong`; typing a number or stepping (arrows, the
    wheel) gives a number the worker sees."""

    def __init__(self) -> None:
        super().__init__()
        self.wrong: str | None = None
        self.lineEdit().textEdited.connect(self._edited)

    def validate(self, text: str, position: int) -> object:
        state, _, _ = super().validate(text, position)  # and as typed: no space dropped
        if state == QValidator.State.Invalid:  # kept to be seen and refused, never dropped
            state = QValidator.State.Intermediate
        return state, text, position

    def _edited(self, text: str) -> None:
        digits = text.strip().removeprefix("+")
        number = digits.isascii() and digits.isdigit() and int(digits) <= self.maximum()
        self.wrong = None if number else text

    def stepBy(self, steps: int) -> None:
        self.wrong = None  # a number the worker can see, chosen with the arrows or wheel
        super().stepBy(steps)

    def show_wrong(self, text: str) -> None:
        self.wrong = text
        self.lineEdit().setText(text)

    def _keep_wrong(self) -> None:
        if self.wrong is not None:  # Qt has put the last number back: what was typed again
            self.lineEdit().setText(self.wrong)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._keep_wrong()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._keep_wrong()

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:  # scrolling the page over the box never changes the count
            event.ignore()


def refusal(shown: str, top: int) -> str:
    """What is wrong with what was typed, and what is allowed (one line at 24 pt when
    nothing was typed)."""
    allowed = f"Type a whole number from 0 to {top:,}"
    # a comma only as thousands are written ("1,000"): "1,2" is one or two, never 12; a
    # leading "+" is allowed, as the box takes "+5"
    grouped = re.fullmatch(r"[-+]?[0-9]{1,3}(,[0-9]{3})+|-?[0-9]+", shown, re.ASCII)
    digits = shown.replace(",", "").lstrip("+-")
    number = grouped is not None
    if not any(c.isdigit() for c in shown):
        return f"{allowed}."
    if number and shown.startswith("-"):
        return f"“{shown}” is less than 0. {allowed}."
    if number and int(digits) > top:
        return f"“{shown}” is more than {top:,}. {allowed}."
    if number:  # "1,000": the box reads digits only
        return f"“{shown}”: type the digits only, without commas ({digits})."
    return f"“{shown}” is not one number. {allowed}, digits only."


class CountPanel(AnswerPanel):
    def __init__(self, question: Question, current: Any) -> None:
        typed = current if isinstance(current, Typed) else None
        super().__init__(question, None if typed else current)
        self.spin = NumberBox()
        self.spin.setRange(0, 10_000)
        self.spin.setValue(self.current or 0)
        self.spin.setAccessibleName("Number")
        use_field_style(self.spin)  # its edge seen in high contrast
        self.spin.setMinimumHeight(44)
        if typed:
            self.spin.show_wrong(typed.text)
        done = QPushButton("Continue    [Enter]")
        done.setAccessibleName("Continue")
        done.clicked.connect(self.confirm)
        for control in (self.spin, done):  # their own width: not the page's, as answers
            control.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        # The refusal beside the box, so it is on screen whenever the box is: under it, at
        # 24 pt the page's scroll kept the box in view and the words below the fold.
        self.problem = plain_label("", "Problem with the number")
        self.problem.hide()
        row = QHBoxLayout(self)
        row.addWidget(self.spin, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(done, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.problem, 1)
        row.addStretch(0)  # the room left when no refusal is shown: the box and button stretched
        row.setAlignment(Qt.AlignmentFlag.AlignTop)

    def pending(self) -> Any:
        return self.spin.value() if self.spin.wrong is None else Typed(self.spin.wrong)

    def in_view(self, focused):
        """The box with its refusal: at 24 pt on 1280x720 the refusal's second line, what
        is allowed, was below the fold while the box had the focus."""
        return self if self.problem.isVisible() else focused

    def focus_first(self) -> None:
        self.spin.setFocus()
        self.spin.selectAll()

    def confirm(self) -> None:
        wrong = self.spin.wrong
        if wrong is not None:
            self.problem.setText(refusal(wrong.strip(), self.spin.maximum()))
            self.problem.show()
            self.spin.show_wrong(wrong)  # not the number the box put back
            self.spin.setFocus()
            return
        self.spin.interpretText()
        self.answered.emit(self.spin.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER:
            self.confirm()
        else:
            super().keyPressEvent(event)
