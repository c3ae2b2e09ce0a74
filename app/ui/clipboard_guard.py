"""Knows which clipboard text came from Navigator, so quick exit can take it back.

Text is Navigator's when it was put there by the copy-summary button, when it arrived
while Navigator was the active application (text selected in the plan and copied with
Ctrl+C), or when it is a piece of what Navigator is showing about the case (the copy might
have been made through a context menu). Anything else another program copied is left alone.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable, Iterable

from PySide6.QtCore import QByteArray, QMimeData, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication

# Windows clipboard formats that keep a copy out of clipboard history and the cloud
# clipboard (Microsoft: "Clipboard formats", cloud clipboard and clipboard history).
KEEP_OUT_OF_HISTORY = {
    "ExcludeClipboardContentFromMonitorProcessing": b"\x00",
    "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",
    "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",
}


OURS = "application/x-navigator-copy"  # marks what Navigator put on the clipboard
_exit_hook: list[bool] = []


def _clear_ours_at_exit() -> None:
    """Closing Navigator takes its copies with it (as quick exit does); and the clipboard
    then frees them while Python can still let go of them."""
    if _exit_hook:
        return
    _exit_hook.append(True)

    def clear() -> None:
        if QGuiApplication.instance() is None:
            return
        clipboard = QGuiApplication.clipboard()
        data = clipboard.mimeData()
        if data is not None and data.hasFormat(OURS):
            clipboard.clear()

    atexit.register(clear)


def normalised(text: str) -> str:
    return " ".join(text.replace("\u2029", " ").split())


class ClipboardGuard(QObject):
    def __init__(self, shown: Callable[[], Iterable[str]] = tuple) -> None:
        super().__init__()
        self.shown = shown  # the texts Navigator shows about the case right now
        self.ours: set[str] = set()
        self.summary: str | None = None  # the plan's summary, as last copied
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def _changed(self) -> None:
        clipboard = QGuiApplication.clipboard()
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if clipboard.text() and (active or clipboard.ownsClipboard()):
            self.ours.add(clipboard.text())

    def put(self, text: str) -> None:
        """Copy text, marked on Windows to stay out of clipboard history and the cloud
        clipboard (Win+V), which quick exit could not clear."""
        self.ours.add(text)
        mime = QMimeData()
        mime.setText(text)
        for name, value in KEEP_OUT_OF_HISTORY.items():
            mime.setData(f'application/x-qt-windows-mime;value="{name}"', QByteArray(value))
        mime.setData(OURS, QByteArray(b"1"))
        QGuiApplication.clipboard().setMimeData(mime)
        _clear_ours_at_exit()

    def put_summary(self, text: str) -> None:
        self.put(text)
        self.summary = text

    def withdraw_summary_unless(self, current: Callable[[], str | None]) -> bool:
        """Take the summary copied off the clipboard once the plan has changed from it
        (`current`: the plan's summary now, None while questions remain; asked only when a
        summary was copied), so it cannot be pasted into a referral form (review
        2026-12-01). Whether it was still there."""
        copied = self.summary
        if copied is None or copied == current():
            return False
        self.summary = None
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() != copied:
            return False  # something else copied since: left alone
        clipboard.clear()
        return True

    def holds_case(self) -> bool:
        text = QGuiApplication.clipboard().text()
        if not text:
            return False
        if text in self.ours:
            return True
        wanted = normalised(text)
        return bool(wanted) and any(wanted in normalised(shown) for shown in self.shown())

    def forget_case(self) -> None:
        """Empty the clipboard if what it holds came from Navigator, and the X11 selection
        (text selected with the mouse) if Navigator holds it."""
        clipboard = QGuiApplication.clipboard()
        if self.holds_case():
            clipboard.clear()
        if clipboard.supportsSelection() and clipboard.ownsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        self.ours.clear()
        self.summary = None
