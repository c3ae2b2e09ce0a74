"""The lead's two dialogs: "Mark checked" (who, how, when) and "Publish" (version, key,
passphrase). Both open window-modal and report back by signal; an error stays in the
dialog with what was typed, except the passphrase."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.ui.file_dialog import ask_open_path
from app.ui.labels import plain_label

METHODS = (
    ("phoned", "Phoned the service"),
    ("provider", "Provider confirmed in writing"),
    ("web", "Public web page (not a person: the number stays unconfirmed)"),
)


class CheckDialog(QDialog):
    chosen = Signal(str, str, object, str)  # method, by, date, page

    def __init__(self, parent, service_name: str, today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Mark checked: {service_name}")
        form = QFormLayout(self)
        self.method = QComboBox()
        for value, label in METHODS:
            self.method.addItem(label, value)
        self.by = QLineEdit()
        self.by.setPlaceholderText("your role, e.g. DA co-ordinator, Coventry")
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.page = QLineEdit()
        self.page.setPlaceholderText("https:// address of the page (web only)")
        for label, widget in (
            ("How", self.method),
            ("Who (a role)", self.by),
            ("When", self.day),
            ("Page", self.page),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.error = plain_label("", "Why it was not recorded")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _record(self) -> None:
        day = self.day.date().toPython()
        self.chosen.emit(self.method.currentData(), self.by.text(), day, self.page.text().strip())

    def refused(self, reason: str) -> None:
        self.error.setText(f"Not recorded: {reason}")


class PublishDialog(QDialog):
    def __init__(
        self, parent, summary: str, version: str, out_dir: Path, publish: Callable
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publish the directory")
        self.publish = publish
        column = QVBoxLayout(self)
        column.addWidget(plain_label(f"Against the directory in use: {summary}.", "Changes"))
        form = QFormLayout()
        self.version = QLineEdit(version)
        self.key = QLineEdit()
        self.key.setPlaceholderText("your .private-key file from `directory keygen`")
        self.browse = QPushButton("&Browse…")
        self.browse.setAccessibleName("Choose your key file")
        self.browse.clicked.connect(self._choose_key)
        self.key_provider = lambda: ask_open_path(self, "Your key file", "Key (*.private-key)")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.out_dir = QLineEdit(str(out_dir))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.browse)
        for label, widget in (
            ("New version", self.version),
            ("Your key file", key_row),
            ("Passphrase", self.passphrase),
            ("Save the bundle in", self.out_dir),
        ):
            if isinstance(widget, QLineEdit):
                widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.key.setAccessibleName("Your key file")
        column.addLayout(form)
        self.error = plain_label("", "Why nothing was published")
        column.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = buttons.addButton("&Publish", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._publish)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)  # errors fit

    def _choose_key(self) -> None:
        chosen = self.key_provider()
        if chosen:
            self.key.setText(chosen)

    def _publish(self) -> None:
        if not self.key.text().strip():
            self.error.setText("Nothing was published: choose your key file (Browse…).")
            return
        reason = self.publish(
            Path(self.key.text().strip()),
            self.passphrase.text(),
            Path(self.out_dir.text().strip()),
            self.version.text().strip(),
        )
        self.passphrase.clear()  # never kept, right or wrong
        if reason:
            self.error.setText(f"Nothing was published: {reason}")
        else:
            self.accept()
