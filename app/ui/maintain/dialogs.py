"""The lead's two dialogs: "Mark checked" (who, how, when) and "Publish" (version, key,
passphrase). Both open window-modal and report back by signal; an error stays in the
dialog with what was typed, except the passphrase."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.pathways.services import clock_words, typed_day
from app.ui.field_style import edge_fields_within
from app.ui.file_dialog import ask_open_path, ask_open_paths
from app.ui.labels import ask_yes_no, plain_label

METHODS = (
    ("phoned", "Phoned the service"),
    ("provider", "Provider confirmed in writing"),
    ("web", "Public web page (not a person: the number stays unconfirmed)"),
)


def read_day(text: str, today: date) -> date:
    """The day a check was made, as a UK lead types it (24/11/2026, or 2026-11-24); a
    ValueError saying what is allowed. A date box took "24/11/2026" typed in as 1 November,
    and a day to come as today, without a word (lead review 2026-12-01)."""
    text = text.strip()
    day = typed_day(text)
    if day is None:
        raise ValueError(f"{text!r} is not a day: type day/month/year, e.g. 24/11/2026")
    if day > today:
        raise ValueError(
            f"{day:%d/%m/%Y} is after today: type the day it was checked ({clock_words(today)})"
        )
    return day


class CheckDialog(QDialog):
    chosen = Signal(str, str, object, str)  # method, by, date, page

    def __init__(self, parent, service_name: str, today: date, numbers: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Mark checked: {service_name}")
        form = QFormLayout(self)
        # what is vouched for, in view: the dialog named no number, and a check of the day
        # line alone showed "Confirmed" under the out-of-hours line too (lead walk, H578)
        self.numbers = plain_label(
            f"Confirms: {numbers}. Record it only if each was confirmed."
            if numbers
            else "Confirms: no number is held for it.",
            "What the check confirms",
        )
        self.numbers.setWordWrap(True)
        form.addRow(self.numbers)
        self.method = QComboBox()
        for value, label in METHODS:
            self.method.addItem(label, value)
        self.by = QLineEdit()
        self.by.setPlaceholderText("your role, e.g. DA co-ordinator, Coventry")
        self.today = today
        self.day = QLineEdit(f"{today:%d/%m/%Y}")
        self.day.setPlaceholderText("day/month/year, e.g. 24/11/2026")
        self.day_read = plain_label("", "The day as read")
        self.day.textChanged.connect(self._read_back_day)
        self.page = QLineEdit()
        self.page.setPlaceholderText("https:// address of the page (web only)")
        for label, widget in (
            ("How", self.method),
            ("Who (a role)", self.by),
            ("When", self.day),
            ("", self.day_read),
            ("Page", self.page),
        ):
            widget.setAccessibleName(label or "The day as read")
            form.addRow(label, widget)
        self.method.setAccessibleDescription("how the number was confirmed")
        self._read_back_day()
        self.error = plain_label("", "Why it was not recorded")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        edge_fields_within(self)

    def _read_back_day(self) -> None:
        """The day in words as it is typed, so 24/11 is never read as November 24th."""
        try:
            said = f"{read_day(self.day.text(), self.today):%A %d %B %Y}"
        except ValueError as error:
            said = str(error)
        self.day_read.setText(said)
        self.day.setAccessibleDescription(said)

    def _record(self) -> None:
        try:
            day = read_day(self.day.text(), self.today)
        except ValueError as error:
            self.refused(str(error))
            return
        self.chosen.emit(self.method.currentData(), self.by.text(), day, self.page.text().strip())

    def refused(self, reason: str) -> None:
        self.error.setText(f"Not recorded: {reason}")


class PublishDialog(QDialog):
    def __init__(
        self,
        parent,
        summary: str,
        version: str,
        out_dir: Path,
        publish: Callable,
        key: str = "",
        of_version: Callable[[str], str] = lambda _: "",
    ) -> None:
        """`key`: the key file chosen before in this window, kept: the lead looked for it
        again at every publish (lead review, 2026-12-02). Never the passphrase.
        `of_version`: what is to be said of a version as it is typed ("" if nothing)."""
        super().__init__(parent)
        self.setWindowTitle("Publish the directory")
        self.publish = publish
        column = QVBoxLayout(self)
        self.summary = plain_label(summary, "Changes")
        column.addWidget(self.summary)
        form = QFormLayout()
        self.version = QLineEdit(version)
        self.key = QLineEdit(key)
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
        for label, widget, said in (
            ("New version", self.version, "today's date as year.month.day; a second update "
             "the same day adds .2"),
            ("Your key file", key_row, ""),
            ("Passphrase", self.passphrase, "your key file's passphrase: never kept"),
            ("Save the bundle in", self.out_dir, "the folder the .navdir file is written to"),
        ):  # fmt: skip
            if isinstance(widget, QLineEdit):  # a screen reader hears what each one wants
                widget.setAccessibleName(label)
                widget.setAccessibleDescription(said)
            form.addRow(label, widget)
        self.key.setAccessibleName("Your key file")
        self.key.setAccessibleDescription(self.key.placeholderText())
        column.addLayout(form)
        self.ahead = plain_label("", "Version dated ahead")  # said before it is signed (F14)
        self.version.textChanged.connect(lambda text: self.ahead.setText(of_version(text)))
        self.ahead.setText(of_version(version))
        column.addWidget(self.ahead)
        self.error = plain_label("", "Why nothing was published")
        column.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = buttons.addButton("&Publish", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._publish)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        # errors fit, yet never wider than the screen: at the largest text the note under
        # the version, Browse and Cancel went off a 1366-px screen (review, 2026-12-06)
        room = self.screen().availableGeometry().width() - 32
        self.setMinimumWidth(min(self.fontMetrics().averageCharWidth() * 90, room))
        edge_fields_within(self)

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


def ask_confirm(parent: QWidget, title: str, question: str) -> bool:
    """Yes only when chosen: Enter said Yes, and one key took a service off every plan
    (the lead's walk, 2026-12-06)."""
    return ask_yes_no(parent, title, question)


def ask_close(parent: QWidget, title: str) -> str:
    """Save, discard or cancel: unsaved edits are never lost silently."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        title,
        "Save your edits to the working copy before closing?",
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def ask_returns(parent: QWidget) -> list[str]:
    return ask_open_paths(parent, "Read returns: counts exports", "Counts CSV (*.csv)")
