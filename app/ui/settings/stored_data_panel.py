"""What Navigator keeps on this computer, and the counts' CSV export.

The counts are shown only when the worker asks: with one case in a month and area, a
table in plain view would describe that case to anyone who opens Settings. On screen a
count under 3 reads "fewer than 3"; the CSV for the lead stays exact (001 §9.4).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHeaderView, QPushButton, QVBoxLayout, QWidget

from app.ui.file_dialog import ask_save_path
from app.ui.labels import plain_label
from app.ui.models import StoredTableModel, table_view
from app.user_data import UserData, shown_count

# It said "never … an answer": age group and kind of abuse are answers, and in a quiet month
# a count of 1 points to one conversation (officer review 2026-12-01)
EXPLAINED = (
    "Kept on this computer: your settings, and, unless you or IT turn them off, counts for "
    "your organisation's reports (001 §9.4): month, area, age group, kind of abuse, risk "
    "level, actions and unmet need, each counted on its own. Never a name, a day or anything "
    "typed. In a quiet month a count of 1 points to one conversation, so the counts are "
    "shown here only when you ask."
)
EXPORTS_OFF = "Turned off by your organisation's IT policy"
# what each kept value is, in words: "active_directory_version" and "schema user_0002" told
# the worker nothing (officer walk, 2026-12-03); the name as kept follows, in brackets
IN_WORDS = {
    "tier": "Your tier",
    "default_borough": "Default area",
    "organisation": "Organisation",
    "text_size": "Text size",
    "colours": "Colours",
    "inactivity_minutes": "Clear the case after no activity (minutes)",
    "record_activity": "Keep anonymised counts",
    "active_directory_version": "Directory version last used",
    "newest_directory_used": "Newest directory version used",
    "schema": "Version of this file's layout",
    "practice_done": "Practice cases done",
    "free_space_cleared": "Earlier counts wiped from the file's free space",
}


def on_screen(rows: list[tuple[str, str, object]]) -> list[tuple[str, str, object]]:
    """Each row in words: a yes or no as Yes or No, nothing as "Not set" ("True" and "None"
    read as code: officer walk, 2026-12-07)."""
    return [
        (kind, name, shown_count(value))
        if kind == "Count"
        else (
            kind,
            f"{IN_WORDS[name]} ({name})" if name in IN_WORDS else name,
            _in_words(value),
        )
        for kind, name, value in rows
    ]


def _in_words(value: object) -> object:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return "Not set" if value is None else value


class StoredDataPanel(QWidget):
    def __init__(self, user_data: UserData, allow_exports: bool = True) -> None:
        super().__init__()
        self.user_data = user_data
        self.export_path_provider = self._ask_export_path
        self.counts_shown = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        explained = plain_label(EXPLAINED, "What Navigator keeps")
        self.model = StoredTableModel()
        self.table = table_view(self.model, "Everything Navigator keeps on this computer", 1)
        header = self.table.horizontalHeader()
        for column in (0, 2):  # "Setting", "light": whole ("Set…" at 24 pt), the name wraps
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.show_counts_button = QPushButton("&Show activity counts")
        self.show_counts_button.setAutoDefault(True)  # Enter presses it, as Space
        self.show_counts_button.setAccessibleName("Show the anonymised activity counts")
        self.show_counts_button.setCheckable(True)
        self.show_counts_button.toggled.connect(self.show_counts)
        self.export_button = QPushButton("&Export counts (CSV)…")
        self.export_button.setAutoDefault(True)  # Enter presses it, as Space
        self.export_button.setAccessibleName("Export the counts to a CSV file")
        self.export_button.clicked.connect(self.export)
        if not allow_exports:
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(EXPORTS_OFF)
        self.result = plain_label("", "Export result")
        for widget in (
            explained,
            self.table,
            self.show_counts_button,
            self.export_button,
            self.result,
        ):
            layout.addWidget(widget)
        self.refresh()

    def refresh(self) -> None:
        rows = self.user_data.stored()
        if not self.counts_shown:
            rows = [row for row in rows if row[0] != "Count"]
        self.model.set_rows(on_screen(rows))

    def show_counts(self, shown: bool) -> None:
        self.counts_shown = shown
        self.show_counts_button.setText(
            "&Hide activity counts" if shown else "&Show activity counts"
        )
        self.refresh()

    def showEvent(self, event) -> None:
        self.refresh()  # counts change as plans are completed
        super().showEvent(event)

    def holds_case(self) -> bool:
        return self.counts_shown or bool(self.result.text())

    def forget_case(self) -> None:
        self.show_counts_button.setChecked(False)
        self.result.setText("")

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
        return ask_save_path(self, "Export counts", "counts.csv", "CSV (*.csv)")
