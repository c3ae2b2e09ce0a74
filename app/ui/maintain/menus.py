"""The lead's window's actions, in a toolbar (for the mouse) and in menus (Alt+D, Alt+E: for
the keyboard, as toolbar buttons are not in the tab order)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar


def add_actions(window: QMainWindow) -> tuple[QAction, QAction, QAction]:
    """Undo, Redo, Save, Publish, Read returns and Close on `window` (its slots of those
    names); the Undo, Redo (they follow what the copy can take back) and Close actions."""
    bar = QToolBar("Directory")
    window.addToolBar(bar)
    directory = window.menuBar().addMenu("&Directory")
    edit, keys = window.menuBar().addMenu("&Edit"), QKeySequence.StandardKey
    undo = _action(window, (bar, edit), "&Undo", keys.Undo, window.undo)
    redo = _action(window, (bar, edit), "&Redo", keys.Redo, window.redo)
    _action(window, (bar, directory), "&Save", keys.Save, window.save)
    _action(window, (bar, directory), "&Publish…", None, window.ask_publish)
    _action(window, (bar, directory), "Read r&eturns…", None, window.read_returns)
    # a way out a lead can find (none but the title bar's ×): asks as × does, if unsaved
    close = _action(window, (directory,), "&Close", keys.Close, window.close)
    return undo, redo, close


def _action(window, places, text, keys, slot) -> QAction:
    action = QAction(text, window)
    if keys is not None:
        action.setShortcut(keys)
    action.triggered.connect(slot)
    for place in places:
        place.addAction(action)
    return action
