"""Text copied from the plan or the directory search goes through the app's own copy
(ClipboardGuard.put): marked to stay out of Windows clipboard history and the cloud
clipboard, cleared at quick exit and when the app closes. Never straight to the clipboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit


class CopyAsOurs(QObject):
    """Installed on selectable labels (Ctrl+C), and by guard() on line edits (Ctrl+C,
    Ctrl+X, and their menu's Copy and Cut). A search typed and copied went to the
    clipboard unmarked, kept by Win+V and left there when the app closed (privacy review
    2026-12-01)."""

    def __init__(self, copy: Callable[[str], None]) -> None:
        super().__init__()
        self.copy = copy

    def guard(self, field: QLineEdit) -> None:
        field.installEventFilter(self)
        field.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        field.customContextMenuRequested.connect(lambda at: self._menu(field, at))

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or not watched.hasSelectedText():
            return False
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy(watched.selectedText().replace("\u2029", "\n"))
            return True
        if isinstance(watched, QLineEdit) and event.matches(QKeySequence.StandardKey.Cut):
            self._cut(watched)
            return True
        return False

    def _cut(self, field: QLineEdit) -> None:
        if not field.isReadOnly():
            self.copy(field.selectedText())
            field.del_()

    def _menu(self, field: QLineEdit, at: QPoint) -> None:
        """The line edit's own menu (paste, undo, select all) with Copy and Cut made ours."""
        menu = field.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() in ("edit-copy", "edit-cut"):
                action.triggered.disconnect()
                if action.objectName() == "edit-copy":
                    action.triggered.connect(lambda: self.copy(field.selectedText()))
                else:
                    action.triggered.connect(lambda: self._cut(field))
        menu.exec(field.mapToGlobal(at))
        menu.deleteLater()
