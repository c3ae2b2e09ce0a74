"""The Dash risk checklist: 24 items in a table, each read aloud word for word and answered
with one key (Y yes, N no, K not known) or, with the mouse, an item and then its button."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.pathways.graph import Question
from app.ui.copy_as_ours import CopiesThroughTheApp
from app.ui.flow_layout import wrapping_row
from app.ui.labels import announce, plain_label
from app.ui.models import DashTableModel
from app.ui.walk.panel_base import ENTER, AnswerPanel, entered, ignores_chords, typed

BACK = Qt.Key.Key_Backspace
MAXIMUM = 16777215  # Qt's QWIDGETSIZE_MAX: no limit
QUESTION_COLUMN = DashTableModel.HEADERS.index("Question")


class DashTable(CopiesThroughTheApp, QTableView):
    """Passes the answer keys up to its panel instead of using them to search, Ctrl+Tab up
    to the tabs (a table keeps it to move between cells), and keeps Backspace from the page's
    Back: here it takes back the last answer (it went Back and lost 14 answers)."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Backspace:
            event.accept()  # a key press of ours, not the Back shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl_tab = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )
        passed = typed(event) in ("Y", "N", "K", "S") or event.key() in (*ENTER, BACK)
        if ctrl_tab or passed:
            event.ignore()
            return
        super().keyPressEvent(event)

    def moveCursor(self, action, modifiers) -> QModelIndex:
        """Up and down the items, always on an item's words: Left or Home put the focus on
        the number's cell, heard as "9" (accessibility re-check, 2026-12-07)."""
        moved = super().moveCursor(action, modifiers)
        return moved.siblingAtColumn(QUESTION_COLUMN) if moved.isValid() else moved

    def keyboardSearch(self, search: str) -> None:
        """No search by what is typed: a "3" typed ahead for the page before moved the
        cursor to item 3, and the next Y answered item 3, not the item on screen (housing
        officer's re-walk, 2026-12-04; H402). The arrows still move it."""


class ChecklistPanel(AnswerPanel):
    KEYS: ClassVar = {"Y": "yes", "N": "no", "K": "not_known"}
    LINES = 8  # the table's height in lines of text when there is room; 3 at the least

    def __init__(self, question: Question, current: Any) -> None:
        super().__init__(question, current)
        layout = QVBoxLayout(self)
        self.left_not_completed = False
        self.last_answered: int | None = None  # the row Backspace takes back first
        # kept in view with the table (in_view): the page's help says it too, but at 24 pt the
        # view opens on the table and the help is above it, while the needs (an interpreter
        # among them) are asked only after the Dash (H236 at the largest text; walk 2026-12-07)
        interpreter = plain_label(
            "Interpreter: a professional one only, never family, friends or children.",
            "Interpreter",
        )
        layout.addWidget(interpreter)
        self.model = DashTableModel(question.items)
        self.model.set_answers(current)
        self.table = DashTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Dash checklist: Y yes, N no, K not known")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes on to Done and Not completed
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)  # each item is read aloud word for word: never cut off
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(self.table.fontMetrics().height() * self.LINES)
        self._fit_narrow_columns()
        layout.addWidget(self.table)
        # the keys shown (and the mouse's way to answer), then Done and Not completed, in
        # one row that wraps only when it must: two rows left only the item being read in
        # view at the largest text on a 1280×720 screen, Done cut in half (review 2026-12-01)
        keys = QWidget()
        answers = wrapping_row(keys)
        answers.setContentsMargins(0, 0, 0, 0)
        for key, value in self.KEYS.items():
            words = DashTableModel.SHOWN[value]
            button = QPushButton(f"{words}    [{key}]")
            button.setAccessibleName(f"{words}: answers the item selected")
            button.setMinimumHeight(44)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            # never the focus: the keys stay on the table (Enter on a focused button, passed
            # on to the panel, finished the Dash)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, v=value: self.answer_item(v))
            answers.addWidget(button)
        done = QPushButton("Done    [Enter]")
        done.setAccessibleName("Dash done")
        done.clicked.connect(self.confirm)
        skip = QPushButton("Not completed    [S]")
        skip.setAccessibleName("Dash not completed")
        skip.clicked.connect(lambda: self.answered.emit(None))
        for button in (done, skip):  # Enter on the focused one presses it, never "Done"
            ignores_chords(button).setAutoDefault(True)
            button.setMinimumHeight(44)
            answers.addWidget(button)
        layout.addWidget(keys)

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

    def _select(self, row: int) -> None:
        """The item's row, its words the current cell: the number's cell had the focus, and
        a screen reader read "2", "3", never the item (accessibility audit, 2026-12-07)."""
        self.table.setCurrentIndex(self.model.index(row, QUESTION_COLUMN))

    def in_view(self, focused):
        """The table with its keys: at the largest text an 8-line table filled the view and
        the keys (Y, N, K, Done, Not completed) were out of sight below it."""
        return self if focused is self.table else focused

    def fit(self, height: int) -> None:
        """The table as high as the view leaves beside the keys, from its longest item
        whole (each is read aloud word for word) to 8 lines (or more, when the page has room
        to spare)."""
        lines, table = self.table.fontMetrics().height(), self.table
        longest = max(table.rowHeight(row) for row in range(self.model.rowCount()))
        least = max(2 * lines, longest) + table.horizontalHeader().height() + 2 * table.frameWidth()
        keys = self.layout().minimumSize().height() - table.minimumHeight()
        rows = max(least, min(self.LINES * lines, height - keys))
        self.table.setMinimumHeight(rows)
        self.table.setMaximumHeight(rows if rows < self.LINES * lines else MAXIMUM)

    def pending(self) -> dict[str, str]:
        return dict(self.model.answers)

    def cursor(self) -> int | None:
        selected = self.table.selectionModel().selectedRows()
        return selected[0].row() if selected else None

    def restore(self, cursor: int | None) -> None:
        if cursor is not None:
            self._select(cursor)

    def focus_first(self) -> None:
        """On the first item not answered yet: where the worker left off, when the page is
        drawn again or come back to."""
        answered = self.model.answers
        rows = [i for i, item in enumerate(self.question.items) if item.id not in answered]
        self._select(rows[0] if rows else 0)
        self.table.setFocus()  # on the item's words: focused first, "1" was heard (re-check)
        # on the bus only the table was heard arriving, never the item to read aloud: a
        # worker could press Y to an item unheard (a11y walk on AT-SPI, 2026-12-07)
        # back to a Dash answered whole, "Item 1 of 24: …" alone sounded like a fresh start
        # (verifier, 2026-12-07)
        done = f"All {len(self.question.items)} answered: Enter goes on. " if not rows else ""
        announce(self.table, done + self._item_words(rows[0] if rows else 0))

    def _item_words(self, row: int) -> str:
        """As its cell is heard ("(red flag)" with it), and its answer if it has one."""
        words = self.model.index(row, QUESTION_COLUMN).data(Qt.ItemDataRole.AccessibleTextRole)
        given = self.model.answers.get(self.question.items[row].id)
        said = f" Answered: {DashTableModel.SHOWN[given]}." if given else ""
        return f"Item {row + 1} of {len(self.question.items)}: {words}{said}"

    def given_as_none(self) -> str:
        """Coming back to a Dash left not completed (a correction earlier in the walk): Enter
        with no item answered keeps it not completed; it recorded 24 "not known" (review
        2026-12-01)."""
        self.left_not_completed = True
        return (
            "Dash not completed, as answered before: Enter keeps it so. Answer the items to "
            "complete it."
        )

    def confirm(self) -> None:
        """Done: an item left blank was not asked, so it counts as not known (R38)."""
        if self.left_not_completed and not self.model.answers:
            self.answered.emit(None)
            return
        self.answered.emit(self.question.checklist_completed(self.model.answers))

    def answer_item(self, value: str) -> None:
        """The selected item answered, and the next selected; the last answered when all are
        goes on at once (no Enter needed). With none selected, none is answered: the item
        the cursor is on is selected first, for the worker to see what they answer."""
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self._select(max(self.table.currentIndex().row(), 0))
            self.table.setFocus()
            return
        row = selected[0].row()
        self.model.set_answer(row, value)
        self.last_answered = row
        last = self.model.rowCount() - 1
        if row == last and len(self.model.answers) == len(self.question.items):
            self.holding_changed.emit()
            self.confirm()
            return
        self._select(min(row + 1, last))
        self.table.setFocus()  # after a click on an answer button, the keys go on working
        # heard given, after the focus moves (said before it, a screen reader cuts it off),
        # then a red flag it gives (holding_changed: in view as the item is answered); the
        # next item's words with it: heard after them alone, "Item 1: Yes." sounded like
        # the answer to item 2 (a11y walk on AT-SPI, 2026-12-07)
        given = f"Item {row + 1}: {DashTableModel.SHOWN[value]}."
        announce(self.table, f"{given} {self._item_words(row + 1)}" if row < last else given)
        self.holding_changed.emit()

    def take_back(self) -> None:
        """Backspace: the answer just given is taken back, and that item selected to answer
        again. Item 2 corrected, the answer below it (item 3's) went instead (verifier,
        2026-12-07); with none given since the page opened: the selected item's, or the one
        above it when it has none."""
        answers = self.model.answers
        selected = self.table.selectionModel().selectedRows()
        row = selected[0].row() if selected else max(self.table.currentIndex().row(), 0)
        if self.last_answered is not None:
            row = self.last_answered
        elif row > 0 and self.question.items[row].id not in answers:
            row -= 1
        self.last_answered = None  # a second Backspace goes by the selection
        given = self.question.items[row].id in answers
        self.model.set_answer(row, None)
        self.holding_changed.emit()
        self._select(row)
        # heard (it was silent: re-check), and never "taken back" where there was nothing
        said = "answer taken back" if given else "no answer to take back"
        announce(self.table, f"Item {row + 1}: {said}.")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = typed(event)
        if event.key() == BACK:
            self.take_back()
        elif text in self.KEYS:
            self.answer_item(self.KEYS[text])
        elif text == "S":
            self.answered.emit(None)
        elif entered(event):
            self.confirm()
        else:
            super().keyPressEvent(event)
