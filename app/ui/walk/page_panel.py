"""A page of tick boxes with "None of these": several yes/no questions, and the options of
a multiple choice, asked together (flow.toml [[page]]; the GOV.UK checkboxes pattern with an
exclusive "none").

Keys: 1-9 then A, B… tick or untick a box; 0 answers "none of these" and moves on at once;
Enter goes on with what is ticked (nothing ticked is also "none").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.pathways.conditions import same
from app.ui.case import PageOnScreen, unticked
from app.ui.labels import key_label, plain_label, scaled
from app.ui.walk.answer_panels import ENTER

NONE_KEY = "0"


class BoxWords(QLabel):
    """A tick box's words: clicking them ticks the box, as a label does on the web."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self.setBuddy(box)
        self.box = box

    def mousePressEvent(self, event) -> None:
        self.box.toggle()
        self.box.setFocus()


class TickBoxPage(QWidget):
    answered = Signal(object)

    def __init__(self, shown: PageOnScreen) -> None:
        super().__init__()
        self.shown = shown
        self.setAccessibleName(shown.page.prompt)
        self.setAccessibleDescription(shown.page.help)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.boxes: dict[str, QCheckBox] = {}  # by key
        self.ticks: list[tuple[str, Any, QCheckBox]] = []  # (question, value ticked, box)
        for question in shown.questions:
            member = shown.member(question.id)
            given = shown.answers.get(question.id)
            if question.answer_type == "multi":
                legend = plain_label(member.legend, "Legend")
                legend.setFont(scaled(legend.font(), 1.0, bold=True))
                layout.addWidget(legend)
                for option in question.options:
                    chosen = given is not None and option.value in given
                    self._add_box(layout, option.label, "", chosen, question.id, option.value)
            else:
                chosen = given is not None and same(given, member.tick)
                self._add_box(layout, member.label, question.help, chosen, question.id, None)
        self.none = self._button("None of these    [0]", "None of these")
        self.none.clicked.connect(self.none_apply)
        self.go_on = self._button("Continue    [Enter]", "Continue with what is ticked")
        self.go_on.clicked.connect(self.confirm)
        layout.addWidget(self.none, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.go_on, 0, Qt.AlignmentFlag.AlignLeft)

    def _add_box(self, layout, label: str, hint: str, chosen: bool, question: str, value) -> None:
        """A tick box with its words beside it, wrapped to the page (a check box's own text
        never wraps: at large text it would widen the window), and its hint under them."""
        key = key_label(len(self.boxes))
        box = QCheckBox()
        box.setAccessibleName(label)
        box.setAccessibleDescription(hint)
        box.setChecked(chosen)
        words = BoxWords(f"{label}    [{key}]", box)
        row = QGridLayout()
        row.addWidget(box, 0, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(words, 0, 1)
        if hint:  # the question's help, read under its words (the box's description too)
            row.addWidget(plain_label(hint, "Hint"), 1, 1)
        row.setColumnStretch(1, 1)
        layout.addLayout(row)
        self.boxes[key] = box
        self.ticks.append((question, value, box))

    @staticmethod
    def _button(text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setMinimumHeight(44)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return button

    def value(self) -> dict[str, Any]:
        """Each question's answer: a yes/no or choice its tick or no-tick answer, a multiple
        choice the options ticked, in their order."""
        answers: dict[str, Any] = {}
        for question in self.shown.questions:
            member = self.shown.member(question.id)
            boxes = [(v, box) for q, v, box in self.ticks if q == question.id]
            if question.answer_type == "multi":
                answers[question.id] = [v for v, box in boxes if box.isChecked()]
            else:
                ticked = boxes[0][1].isChecked()
                answers[question.id] = member.tick if ticked else unticked(member, question)
        return answers

    def confirm(self) -> None:
        self.answered.emit(self.value())

    def none_apply(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)
        self.confirm()

    def focus_first(self) -> None:
        next(iter(self.boxes.values())).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().upper()
        if text in self.boxes:
            self.boxes[text].toggle()
            self.boxes[text].setFocus()
        elif text == NONE_KEY:
            self.none_apply()
        elif event.key() in ENTER:
            self.confirm()
        else:
            super().keyPressEvent(event)
