"""Every answer on one screen; Enter (or double-click) on one goes back to change it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.pathways.graph import Question
from app.ui.copy_as_ours import CopiesThroughTheApp
from app.ui.models import AnswerTableModel, IdRole


class AnswerTable(CopiesThroughTheApp, QTableView):
    activated_row = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().data(IdRole))
        else:
            super().keyPressEvent(event)


class ReadBackView(QWidget):
    edit_requested = Signal(str)
    done_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.model = AnswerTableModel()
        self.table = AnswerTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Your answers: press Enter on one to change it")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Both columns share the width and each row is as tall as its words: the worker
        # checks every answer whole ("The perso…", "Tier 2 …" told them nothing)
        for column in (0, 1):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.activated_row.connect(self.edit_requested.emit)
        self.table.doubleClicked.connect(lambda index: self.edit_requested.emit(index.data(IdRole)))
        done = QPushButton("&Back to the plan  [Esc]")
        done.setAutoDefault(True)  # Enter on it goes back, as Space does
        done.setAccessibleName("Back to the plan")
        done.clicked.connect(self.done_requested.emit)
        # only Tab to the button or the mouse left it: Esc, Alt+← and Alt+B did nothing
        # (housing officer's walk, 2026-12-02)
        for keys in (
            QKeySequence(Qt.Key.Key_Escape),
            QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left),
        ):
            back = QShortcut(keys, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            back.activated.connect(self.done_requested.emit)
        layout.addWidget(self.table, 1)
        layout.addWidget(done)

    def holds_case(self) -> bool:
        return self.model.rowCount() > 0

    def forget_case(self) -> None:
        self.model.set_rows([])

    def show_answers(self, rows: list[tuple[Question, Any]]) -> None:
        self.model.set_rows(rows)
        self.table.setFocus()
        self.table.selectRow(0)
