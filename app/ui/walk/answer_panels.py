"""Large answer controls, one panel per answer type, each usable by keyboard alone.

Keys: Y/N for yes or no; 1-9 then A, B… for a choice; the same keys toggle a multiple
choice; Enter confirms (or keeps the answer already given). On the Dash checklist, Y, N or K
(not known) answers the highlighted item and moves on; S leaves Dash not completed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.pathways.conditions import same
from app.pathways.graph import Question
from app.ui.labels import key_label, plain_label, scaled
from app.ui.models import DashTableModel
from app.ui.tick_box import TickBox

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


CURRENT = "\u2713 "  # marks the answer already given, in words for a screen reader too


def big_button(text: str, name: str, current: bool = False) -> QPushButton:
    """An answer: a push button (one press answers, it is not a check box), sized to its
    words; the answer already given is marked with a tick and said to be the current one."""
    button = QPushButton((CURRENT if current else "") + text)
    button.setAccessibleName(name)
    if current:
        button.setAccessibleDescription("Your answer so far: Enter keeps it")
    button.setMinimumHeight(44)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    button.setFont(scaled(button.font(), 1.2, bold=current))
    return button


class AnswerPanel(QWidget):
    answered = Signal(object)

    def __init__(self, question: Question, current: Any) -> None:
        super().__init__()
        self.question = question
        self.current = current
        self.setAccessibleName(question.prompt)  # the answers are read with their question
        self.setAccessibleDescription(question.help)

    def pending(self) -> Any:
        """What the panel holds that is not an answer yet (ticks, Dash items, a number
        typed): a page drawn again at a new text size starts from it, never loses it."""
        return self.current

    def focus_first(self) -> None:
        controls = [
            w for w in self.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        (controls[0] if controls else self).setFocus()


class ButtonsPanel(AnswerPanel):
    """Yes/no and single choice: one press answers."""

    def __init__(self, question: Question, current: Any) -> None:
        super().__init__(question, current)
        layout = QVBoxLayout(self) if question.answer_type == "choice" else QHBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.keys: dict[str, Any] = {}
        if question.answer_type == "yes_no":
            choices = [("Y", True, "Yes"), ("N", False, "No")]
        else:
            choices = [(key_label(i), o.value, o.label) for i, o in enumerate(question.options)]
        self.buttons = []
        self.current_button: QPushButton | None = None
        for key, value, label in choices:
            chosen = current is not None and same(current, value)
            button = big_button(f"{label}    [{key}]", label, chosen)
            button.clicked.connect(lambda _=False, v=value: self.answered.emit(v))
            layout.addWidget(button)
            self.buttons.append(button)
            self.keys[key] = value
            if chosen:
                self.current_button = button

    def focus_first(self) -> None:
        (self.current_button or self.buttons[0]).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().upper()
        if text in self.keys:
            self.answered.emit(self.keys[text])
        elif event.key() in ENTER and self.current is not None:
            self.answered.emit(self.current)
        else:
            super().keyPressEvent(event)


class MultiPanel(AnswerPanel):
    def __init__(self, question: Question, current: Any) -> None:
        super().__init__(question, current)
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        chosen = set(current or [])
        for i, option in enumerate(question.options):
            box = TickBox(f"{option.label}    [{key_label(i)}]")
            box.setAccessibleName(option.label)
            box.setChecked(option.value in chosen)
            layout.addWidget(box)
            self.boxes[key_label(i)] = box
        done = QPushButton("Continue    [Enter]")
        done.setAccessibleName("Continue")
        done.setMinimumHeight(44)
        done.clicked.connect(self.confirm)
        layout.addWidget(done)
        layout.addStretch(1)

    def value(self) -> list[Any]:
        boxes = list(self.boxes.values())
        return [
            o.value for o, box in zip(self.question.options, boxes, strict=True) if box.isChecked()
        ]

    def pending(self) -> list[Any]:
        return self.value()

    def confirm(self) -> None:
        if len(self.value()) >= self.question.min_choices:
            self.answered.emit(self.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().upper()
        if text in self.boxes:
            self.boxes[text].toggle()
        elif event.key() in ENTER:
            self.confirm()
        else:
            super().keyPressEvent(event)


class CountPanel(AnswerPanel):
    def __init__(self, question: Question, current: Any) -> None:
        super().__init__(question, current)
        self.spin = QSpinBox()
        self.spin.setRange(0, 10_000)
        self.spin.setValue(current or 0)
        self.spin.setAccessibleName("Number")
        self.spin.setMinimumHeight(44)
        # Emptied by the worker: the box puts its last number back on Enter or when it
        # loses the focus (4 typed and deleted was answered 4 incidents, a high risk the
        # worker never gave), so an emptied box is noted as it is typed, and refused.
        self.emptied = False
        self.spin.lineEdit().textEdited.connect(self._edited)
        done = QPushButton("Continue    [Enter]")
        done.setAccessibleName("Continue")
        done.clicked.connect(self.confirm)
        row = QHBoxLayout()
        row.addWidget(self.spin)
        row.addWidget(done)
        row.addStretch(1)
        self.problem = plain_label("", "Problem with the number")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def _edited(self, text: str) -> None:
        self.emptied = not text.strip()

    def pending(self) -> Any:
        return self.current if self.emptied else self.spin.value()

    def focus_first(self) -> None:
        self.spin.setFocus()
        self.spin.selectAll()

    def confirm(self) -> None:
        if self.emptied:
            top = self.spin.maximum()
            self.problem.setText(f"Type a whole number from 0 to {top:,} (0 if there were none).")
            self.problem.show()
            self.spin.lineEdit().clear()  # not the number the box put back
            self.spin.setFocus()
            return
        self.spin.interpretText()
        self.answered.emit(self.spin.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER:
            self.confirm()
        else:
            super().keyPressEvent(event)


class DashTable(QTableView):
    """Passes the answer keys up to its panel instead of using them to search, and
    Ctrl+Tab up to the tabs (a table keeps it to move between cells)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl_tab = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )
        if ctrl_tab or event.text().upper() in ("Y", "N", "K", "S") or event.key() in ENTER:
            event.ignore()
            return
        super().keyPressEvent(event)


class ChecklistPanel(AnswerPanel):
    KEYS: ClassVar = {"Y": "yes", "N": "no", "K": "not_known"}

    def __init__(self, question: Question, current: Any) -> None:
        super().__init__(question, current)
        layout = QVBoxLayout(self)
        self.model = DashTableModel(question.items)
        self.model.set_answers(current)
        self.table = DashTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Dash checklist: Y yes, N no, K not known")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)  # each item is read aloud word for word: never cut off
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 8)
        self._fit_narrow_columns()
        layout.addWidget(self.table)
        answers = QHBoxLayout()  # the keys shown, and the mouse's way to answer
        for key, value in self.KEYS.items():
            words = DashTableModel.SHOWN[value]
            button = QPushButton(f"{words}    [{key}]")
            button.setAccessibleName(f"{words}: answers the item selected")
            button.setMinimumHeight(44)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, v=value: self.answer_item(v))
            answers.addWidget(button)
        answers.addStretch(1)
        layout.addLayout(answers)
        row = QHBoxLayout()
        done = QPushButton("Done    [Enter]")
        done.setAccessibleName("Dash done")
        done.clicked.connect(self.confirm)
        skip = QPushButton("Not completed    [S]")
        skip.setAccessibleName("Dash not completed")
        skip.clicked.connect(lambda: self.answered.emit(None))
        row.addWidget(done)
        row.addWidget(skip)
        layout.addLayout(row)

    def _fit_narrow_columns(self) -> None:
        """The number and answer columns as wide as their widest text at this text size (the
        header's "Answer" was cut off at 24 pt), and fixed: an answer given never widens its
        column and moves the questions, which the worker reads aloud word for word."""
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        widest = {0: str(self.model.rowCount()), 2: max(DashTableModel.SHOWN.values(), key=len)}
        for column, text in widest.items():
            self.table.resizeColumnToContents(column)  # its header's text, at least
            width = max(header.sectionSize(column), metrics.horizontalAdvance(f"  {text}  "))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)

    def pending(self) -> dict[str, str]:
        return dict(self.model.answers)

    def focus_first(self) -> None:
        """On the first item not answered yet: where the worker left off, when the page is
        drawn again or come back to."""
        self.table.setFocus()
        answered = self.model.answers
        rows = [i for i, item in enumerate(self.question.items) if item.id not in answered]
        self.table.selectRow(rows[0] if rows else 0)

    def confirm(self) -> None:
        """Done: an item left blank was not asked, so it counts as not known (R38)."""
        answers = {
            item.id: self.model.answers.get(item.id, "not_known") for item in self.question.items
        }
        self.answered.emit(answers)

    def answer_item(self, value: str) -> None:
        """The selected item answered, and the next selected; the last answered when all are
        goes on at once (no Enter needed)."""
        row = max(self.table.currentIndex().row(), 0)
        self.model.set_answer(row, value)
        last = self.model.rowCount() - 1
        if row == last and len(self.model.answers) == len(self.question.items):
            self.confirm()
            return
        self.table.selectRow(min(row + 1, last))
        self.table.setFocus()  # after a click on an answer button, the keys go on working

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().upper()
        if text in self.KEYS:
            self.answer_item(self.KEYS[text])
        elif text == "S":
            self.answered.emit(None)
        elif event.key() in ENTER:
            self.confirm()
        else:
            super().keyPressEvent(event)


PANELS = {
    "yes_no": ButtonsPanel,
    "choice": ButtonsPanel,
    "multi": MultiPanel,
    "count": CountPanel,
    "checklist": ChecklistPanel,
}


def panel_for(question: Question, current: Any) -> AnswerPanel:
    return PANELS[question.answer_type](question, current)
