"""Knows which clipboard text came from Navigator, so quick exit can take it back.

Anything put on the clipboard while Navigator is the active application came from it:
the copy-summary button, or text the worker selected in the plan and copied with Ctrl+C.
Text another program copies later is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication


class ClipboardGuard(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.ours: set[str] = set()
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def _changed(self) -> None:
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        text = QGuiApplication.clipboard().text()
        if text and (active or QGuiApplication.clipboard().ownsClipboard()):
            self.ours.add(text)

    def put(self, text: str) -> None:
        self.ours.add(text)
        QGuiApplication.clipboard().setText(text)

    def holds_case(self) -> bool:
        return QGuiApplication.clipboard().text() in self.ours

    def forget_case(self) -> None:
        """Empty the clipboard if what it holds came from Navigator."""
        if self.holds_case():
            QGuiApplication.clipboard().clear()
        self.ours.clear()
