"""Knows which clipboard text came from Navigator, so quick exit can take it back.

Text is Navigator's when it was put there by the copy-summary button, when it arrived
while Navigator was the active application (text selected in the plan and copied with
Ctrl+C), or when it is a piece of what Navigator is showing about the case (the copy might
have been made through a context menu). Anything else another program copied is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication


def normalised(text: str) -> str:
    return " ".join(text.replace("\u2029", " ").split())


class ClipboardGuard(QObject):
    def __init__(self, shown: Callable[[], Iterable[str]] = tuple) -> None:
        super().__init__()
        self.shown = shown  # the texts Navigator shows about the case right now
        self.ours: set[str] = set()
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def _changed(self) -> None:
        clipboard = QGuiApplication.clipboard()
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if clipboard.text() and (active or clipboard.ownsClipboard()):
            self.ours.add(clipboard.text())

    def put(self, text: str) -> None:
        self.ours.add(text)
        QGuiApplication.clipboard().setText(text)

    def holds_case(self) -> bool:
        text = QGuiApplication.clipboard().text()
        if not text:
            return False
        if text in self.ours:
            return True
        wanted = normalised(text)
        return bool(wanted) and any(wanted in normalised(shown) for shown in self.shown())

    def forget_case(self) -> None:
        """Empty the clipboard if what it holds came from Navigator."""
        if self.holds_case():
            QGuiApplication.clipboard().clear()
        self.ours.clear()
