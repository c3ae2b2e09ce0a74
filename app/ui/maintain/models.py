"""Table models of the maintenance window: the coverage grid and the list of services."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.ui.models import HeaderedTableModel, IdRole

TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


def called(row) -> str:
    """A service as the lead knows it: its name, or its id while the name is blank (a blanked
    name was said ": changes applied.", and listed as an empty row)."""
    return (row["name"] or "").strip() or f"{row['id']} (no name)"


class CoverageModel(QAbstractTableModel):
    """Boroughs down, the kinds a plan needs across; each cell in words with a sign."""

    def __init__(self, boroughs: list[tuple[str, str]], columns: list[str]) -> None:
        super().__init__()
        self.boroughs, self.columns = boroughs, columns
        self.cells: dict[tuple[str, int], tuple[str, str]] = {}

    def set_cells(self, cells: dict[tuple[str, int], tuple[str, str]]) -> None:
        self.cells = cells
        top, bottom = self.index(0, 0), self.index(len(self.boroughs) - 1, len(self.columns) - 1)
        self.dataChanged.emit(top, bottom)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.boroughs)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        full = role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole)
        if not index.isValid() or not (full or role == Qt.ItemDataRole.DisplayRole):
            return None
        short, long = self.cells.get((self.boroughs[index.row()][0], index.column()), ("", ""))
        return long if full else short

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in TEXT_ROLES:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return self.boroughs[section][1]


class ServiceListModel(HeaderedTableModel):
    """The working copy's services (rows of dicts), each with its problem count."""

    HEADERS = ("Service", "Number", "Areas", "Checked", "State")

    def __init__(self) -> None:
        super().__init__()
        self.problems: dict[str, dict] = {}

    def show(self, rows: list[dict], problems: dict[str, dict], filtered: bool = False) -> None:
        """The same services in the same order (an edit): their cells redrawn, the view
        and its selection kept; otherwise the list is reset."""
        self.problems = problems
        # An edit replaces a row where it stands and an added service comes last, so the
        # same number of rows is the same services in the same order.
        same = len(rows) == len(self.rows) and (
            [r["id"] for r in rows] == [r["id"] for r in self.rows]
            if filtered
            else not rows or rows[-1]["id"] == self.rows[-1]["id"]
        )
        if not same:
            self.set_rows(rows)
            return
        self.rows = list(rows)
        if self.rows:
            last = self.index(len(self.rows) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == IdRole:
            return row["id"]
        if role not in TEXT_ROLES:
            return None
        count = sum(len(p) for p in self.problems.get(row["id"], {}).values())
        state = "retired" if row["status"] == "retired" else "active"
        if count:
            state = f"⚠ {count} problem{'s' if count > 1 else ''}"
        checked = (
            f"{row['assured_date']} ({row['assured_method'] or 'by a person'})"
            if row["assured_date"]
            else "never by a person"
        )
        values = (called(row), row["phone"] or row["email"], row["area"], checked, state)
        return values[index.column()]
