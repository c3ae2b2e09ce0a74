"""Everything a window forgets on quick exit, and the neutral screen it leaves behind."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.records import record


@record
class CaseHolder:
    name: str
    holds: Callable[[], bool]
    forget: Callable[[], None]


def open_dialogs() -> bool:
    return any(_dialogs())


def _dialogs():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            yield widget


def close_dialogs() -> None:
    for dialog in list(_dialogs()):
        dialog.reject()


def neutral_screen(reopen: Callable[[], None]) -> QWidget:
    """Where quick exit leaves the window: a blank notes page, nothing of the app's purpose."""
    page = QWidget()
    layout = QVBoxLayout(page)
    title = QLabel("<h2>Notes</h2><p>No notes.</p>")
    title.setAccessibleName("Notes")
    button = QPushButton("&Open")
    button.setAccessibleName("Open")
    button.clicked.connect(reopen)
    layout.addWidget(title)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addStretch(1)
    return page
