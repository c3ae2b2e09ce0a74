"""What Navigator keeps on this computer, shown in full, and the counts' CSV export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.models import StoredTableModel
from app.user_data import UserData

EXPLAINED = (
    "<b>Kept on this computer</b><br>Your settings, and, if you allow it, counts for your "
    "organisation's reports (001 §9.4): month, area, age group, kind of abuse, risk level, "
    "actions and unmet need. Never a name, a date, an answer or anything typed."
)


class StoredDataPanel(QWidget):
    def __init__(self, user_data: UserData) -> None:
        super().__init__()
        self.user_data = user_data
        self.export_path_provider = self._ask_export_path
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        explained = QLabel(EXPLAINED)
        explained.setWordWrap(True)
        self.model = StoredTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Everything Navigator keeps on this computer")
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton("&Export counts (CSV)…")
        self.export_button.setAccessibleName("Export the counts to a CSV file")
        self.export_button.clicked.connect(self.export)
        self.result = QLabel()
        self.result.setAccessibleName("Export result")
        for widget in (explained, self.table, self.export_button, self.result):
            layout.addWidget(widget)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.user_data.stored())

    def showEvent(self, event) -> None:
        self.refresh()  # counts change as plans are completed
        super().showEvent(event)

    def export(self) -> None:
        target = self.export_path_provider()
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        try:
            rows = self.user_data.export_counts(path)
        except OSError as error:
            self.result.setText(f"Not exported: {path} could not be written ({error.strerror}).")
            return
        self.result.setText(f"Exported {rows} count rows to {path}.")

    def _ask_export_path(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, "Export counts", "counts.csv", "CSV (*.csv)")
        return path or None
