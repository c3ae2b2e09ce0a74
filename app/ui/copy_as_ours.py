"""Text copied from the plan or the directory search goes through the app's own copy
(ClipboardGuard.put): marked to stay out of Windows clipboard history and the cloud
clipboard, cleared at quick exit and when the app closes. Never straight to the clipboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLineEdit


class CopyAsOurs(QObject):
    """Installed on selectable labels and tables (Ctrl+C), and by guard() on line edits (Ctrl+C,
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
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event.matches(QKeySequence.StandardKey.Copy) and (text := _selected(watched)):
            self.copy(text)
            return True
        cut = event.matches(QKeySequence.StandardKey.Cut)
        if cut and isinstance(watched, QLineEdit) and watched.hasSelectedText():
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
        # gone with its closing, by Qt: deleted while it was open (its field rebuilt), the
        # deleteLater after it raised, and the worker saw an error (full run, 2026-12-04)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.exec(field.mapToGlobal(at))


def _selected(widget) -> str:
    """What Ctrl+C copies: a table's current cell (as Qt's own copy does; a service's name
    copied from the results went unmarked, attack review 2026-12-01), or selected text."""
    if isinstance(widget, QAbstractItemView):
        index = widget.currentIndex()
        return str(index.data() or "") if index.isValid() else ""
    return widget.selectedText().replace("\u2029", "\n") if widget.hasSelectedText() else ""


class CopiesThroughTheApp:
    """Mixed into the read-back's and the walk's tables and lists: Ctrl+C copies the current
    item through its window's own copy (ClipboardGuard.put: marked, taken back at quick
    exit), never Qt's own. The read-back's "Dudley" and "A family member (their carer or
    not)" went onto the clipboard unmarked, kept by Win+V and Klipper's history beyond quick
    exit (privacy attack, 2026-12-07; H574). They are made deep in pages made anew, so the
    copy is their window's, found when it is needed."""

    def keyPressEvent(self, event) -> None:
        if not event.matches(QKeySequence.StandardKey.Copy):
            super().keyPressEvent(event)
            return
        put = getattr(getattr(self.window(), "clipboard", None), "put", None)
        if put is not None and (text := _selected(self)):
            put(text)
