"""A count question ("how many incidents…"): a number box that refuses to be empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy

from app.pathways.graph import Question
from app.ui.field_style import use_field_style
from app.ui.labels import plain_label
from app.ui.number_box import NumberBox, Typed
from app.ui.walk.panel_base import AnswerPanel, entered, ignores_chords


class CountPanel(AnswerPanel):
    def __init__(self, question: Question, current: Any) -> None:
        typed = current if isinstance(current, Typed) else None
        super().__init__(question, None if typed else current)
        self.spin = NumberBox()
        self.spin.setRange(0, 10_000)
        self.spin.setValue(self.current or 0)
        # named by its question: "Number" alone was all a screen reader said on it, the
        # question out of earshot (officer walk, 2026-12-06)
        self.spin.setAccessibleName(question.prompt)
        self.spin.setAccessibleDescription("A whole number: type it, or use the arrow keys")
        use_field_style(self.spin)  # its edge seen in high contrast
        self.spin.setMinimumHeight(44)
        if typed:
            self.spin.show_wrong(typed.text)
        done = ignores_chords(QPushButton("Continue    [Enter]"))
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
            self.problem.setText(self.spin.refusal())
            self.problem.show()
            self.spin.show_wrong(wrong)  # not the number the box put back
            self.spin.setFocus()
            return
        self.spin.interpretText()
        self.answered.emit(self.spin.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if entered(event):
            self.confirm()
        else:
            super().keyPressEvent(event)
