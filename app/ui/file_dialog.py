"""Choosing where to save a file without leaving a trace of where plans were saved.

Qt's own file dialog (never the system's, whose history the app cannot control) starts in
the user's Documents folder, keeps no history, and afterwards the app puts Qt's shared
"QtProject" settings back exactly as they were, so no folder name is left behind.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QWidget

QT_SETTINGS = ("QtProject",)  # where QFileDialog keeps its state (file or registry)


def documents_folder() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def ask_save_path(
    parent: QWidget, title: str, suggested: str, name_filter: str, note: str = ""
) -> str | None:
    """A path chosen by the worker, or None. `note` is shown in the dialog itself."""
    saved = _snapshot()  # before the dialog exists: it reads and writes Qt's settings
    dialog = QFileDialog(parent, title, documents_folder(), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(suggested)
    if note:  # in the dialog, under the file name, read before the worker presses Save
        warning = QLabel(note)
        warning.setObjectName("save_warning")
        warning.setWordWrap(True)
        font = warning.font()
        font.setBold(True)
        warning.setFont(font)
        grid = dialog.layout()
        if isinstance(grid, QGridLayout):
            grid.addWidget(warning, grid.rowCount(), 0, 1, grid.columnCount())
        dialog.setAccessibleDescription(note)
    return _chosen(parent, dialog, saved)


def ask_open_path(parent: QWidget, title: str, name_filter: str) -> str | None:
    """An existing file chosen by the worker (a directory update), or None."""
    chosen = ask_open_paths(parent, title, name_filter, many=False)
    return chosen[0] if chosen else None


def ask_open_paths(parent: QWidget, title: str, name_filter: str, many: bool = True) -> list[str]:
    """Existing files chosen (the lead's returns); [] when none."""
    saved = _snapshot()
    dialog = QFileDialog(parent, title, documents_folder(), name_filter)
    mode = QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile
    dialog.setFileMode(mode)
    return _chosen_all(parent, dialog, saved)


def _chosen(parent: QWidget, dialog: QFileDialog, saved) -> str | None:
    chosen = _chosen_all(parent, dialog, saved)
    return chosen[0] if chosen else None


def _chosen_all(parent: QWidget, dialog: QFileDialog, saved) -> list[str]:
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([])
    _fit_over(dialog, parent.window())
    parent.active_file_dialog = dialog  # tests, and quick exit, can reach it
    try:
        chosen = dialog.selectedFiles() if dialog.exec() else []
    finally:
        parent.active_file_dialog = None
        shiboken6.delete(dialog)  # now: Qt writes its settings as the dialog is destroyed
        _restore(saved)
    return chosen


def _fit_over(dialog: QFileDialog, window: QWidget) -> None:
    """Nearly as large as the window it opens over: Qt's own size (733x478) at the largest
    text cut the folder's path to "/tm…tP2" and showed one row of files, so the worker could
    not see where the plan would be saved (officer walk F20, 2026-12-06)."""
    room = window.size()
    if (screen := window.screen()) is not None:
        room = room.boundedTo(screen.availableGeometry().size())
    dialog.resize(room.width() * 9 // 10, room.height() * 9 // 10)


def _settings() -> QSettings:
    return QSettings(QSettings.Scope.UserScope, *QT_SETTINGS)


def _snapshot() -> tuple[bool, dict[str, object]]:
    settings = _settings()
    existed = Path(settings.fileName()).exists()
    return existed, {key: settings.value(key) for key in settings.allKeys()}


def _restore(saved: tuple[bool, dict[str, object]]) -> None:
    """Put Qt's shared settings back as they were before the dialog opened."""
    existed, values = saved
    settings = _settings()
    settings.clear()
    for key, value in values.items():
        settings.setValue(key, value)
    settings.sync()
    path = Path(settings.fileName())
    if not existed and not values and path.is_file():
        path.unlink(missing_ok=True)
