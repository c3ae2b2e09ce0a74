"""Item models: one per list on screen, each with named roles."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QTableView

from app.pathways.graph import ChecklistItem
from app.ui.palettes import GAP, RING
from app.ui.viewport import viewport_size

SourcesRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
STATE_MARK = {
    "completed": "✓",
    "in progress": "▶",
    "part done": "◐",
    "not needed": "–",
    "to do": "•",
}


class ItemListModel(QAbstractListModel):
    """A list of `self.items`."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)


class ReminderListModel(ItemListModel):
    """Safe-response reminders (Guidance), each with its sources; those shown for the first
    time in this conversation say so in words ("New:") and in bold, never by colour alone.
    Not "new since the last page": an answer corrected hides some for a page or two, and
    they came back marked "New:" though the worker had read them."""

    def __init__(self, marks_new: bool = True) -> None:
        super().__init__()
        self.marks_new = marks_new
        self.new_ids: set[str] = set()
        self.seen: set[str] = set()  # shown in this conversation (forget_seen: a new one)

    def set_items(self, items: list) -> None:
        ids = {item.id for item in items}
        self.new_ids = ids - self.seen if self.marks_new else set()
        self.seen |= ids
        super().set_items(items)

    def forget_seen(self) -> None:
        self.seen = set()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        new = item.id in self.new_ids
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            flag = "Red flags: " if item.category == "red_flag" else ""
            return f"{'New: ' if new else ''}{flag}{item.text}\n[{'; '.join(item.sources)}]"
        if role == Qt.ItemDataRole.FontRole and new:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole or role == SourcesRole:
            return "; ".join(item.sources)
        if role == IdRole:
            return item.id
        return None


class SectionListModel(ItemListModel):
    """The sections of the walk as a task list (SectionState), the state in words."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{STATE_MARK[item.state]} {item.name}\n   {item.state}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.name}: {item.state}"
        return None


class HeaderedTableModel(QAbstractTableModel):
    """A table of `self.rows` under fixed column headers."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None


class AnswerTableModel(HeaderedTableModel):
    """The read-back: each question asked and its answer (rows of (question, its answer in
    words: Session.answered))."""

    HEADERS = ("Question", "Answer")

    def texts(self) -> list[tuple[str, str]]:
        return [(q.prompt, said) for q, said in self.rows]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        question, said = self.rows[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # a screen reader moving down the questions heard no answer: each is read with
            # its question, as the worker checks them with the person
            return f"{question.prompt} {said}" if index.column() == 0 else said
        if role == Qt.ItemDataRole.DisplayRole:
            return question.prompt if index.column() == 0 else said
        if role == IdRole:
            return question.id
        return None


class DashTableModel(HeaderedTableModel):
    """The Dash checklist: each item and its answer (yes, no, not known or blank)."""

    HEADERS = ("#", "Question", "Answer")
    SHOWN: ClassVar = {"yes": "Yes", "no": "No", "not_known": "Not known"}

    def __init__(self, items: tuple[ChecklistItem, ...]) -> None:
        super().__init__()
        self.items = self.rows = list(items)
        self.answers: dict[str, str] = {}

    def set_answers(self, answers: dict[str, str] | None) -> None:
        self.beginResetModel()
        self.answers = dict(answers or {})
        self.endResetModel()

    def set_answer(self, row: int, value: str | None) -> None:
        """`value` None: the item's answer taken back (blank again)."""
        if value is None:
            self.answers.pop(self.items[row].id, None)
        else:
            self.answers[self.items[row].id] = value
        changed = self.index(row, 2)
        self.dataChanged.emit(changed, changed)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            flag = " (red flag)" if item.red_flag and index.column() == 1 else ""
            blank = "not answered yet" if role == Qt.ItemDataRole.AccessibleTextRole else ""
            return (
                str(index.row() + 1),
                item.text + flag,
                self.SHOWN.get(self.answers.get(item.id, ""), blank),
            )[index.column()]
        if role == IdRole:
            return item.id
        return None


class ServiceTableModel(HeaderedTableModel):
    """Directory search results (plain ServiceHit objects handed in by the caller)."""

    HEADERS = ("Service", "Number or e-mail", "Confidence", "Check")

    @property
    def hits(self) -> list:
        return self.rows

    def set_hits(self, hits: list) -> None:
        self.set_rows(hits)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            check = "check before use" if hit.check_before_use else ""
            # the e-mail the plan gives where no number is held: "no number held" hid it
            contact = hit.phone or hit.email or "no number held"
            return (hit.name, contact, hit.confidence, check)[index.column()]
        if role == IdRole:
            return hit.id
        return None


class WrappingDelegate(QStyledItemDelegate):
    """Sizes each item to its wrapped text at the view's width, so none is cut short."""

    def sizeHint(self, option, index: QModelIndex) -> QSize:
        view = option.widget
        width = (viewport_size(view).width() if view else 260) - 16
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        # the style draws the words inside a margin each side (its focus frame's, and the
        # ring's is wider): measured at the item's full width, a last line and its sources
        # were elided ("…agree what to do in an emergency.…": officer walk, 2026-12-02)
        words = width - 2 * (RING + GAP + 1)
        # in the item's own font: a new reminder is bold, and measured in the view's font
        # its last line and its sources were cut ("tell them why.…": officer review)
        option = type(option)(option)  # a copy (its type is made where it is handed here)
        self.initStyleOption(option, index)
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, max(words, 80), 100_000), Qt.TextFlag.TextWordWrap, text
        )
        # a quarter line above and below the text (half a line each cut the second line of
        # a new reminder in the two the panel keeps at the largest text: officer review)
        return QSize(width, bounds.height() + option.fontMetrics.lineSpacing() // 2)


class StoredTableModel(HeaderedTableModel):
    """Everything kept on this computer: rows of (kind, name, value)."""

    HEADERS = ("Kind", "Name", "Value")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return str(self.rows[index.row()][index.column()])
        return None


def table_view(model: QAbstractTableModel, name: str, stretch: int | None = 0) -> QTableView:
    """A table a keyboard user can leave: Tab goes to the next control (arrow keys move
    between cells), not from cell to cell, which trapped Tab in the first table met."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)
    # rows as tall as their text: at 24 pt a row's fixed height cut the descenders, and an
    # underscore (an e-mail address's) did not show at all (review 2026-12-01)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
