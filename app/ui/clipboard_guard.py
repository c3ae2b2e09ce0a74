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


# Linux clipboard managers' mark for a secret (KDE's Klipper, and the managers that follow
# it), which they keep out of their history: the copied summary was stored whole by any
# history tool there (privacy attack, 2026-12-05; H409)
SECRET_HINT = ("x-kde-passwordManagerHint", b"secret")
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
            emptied(clipboard)

    atexit.register(clear)


def marked() -> QMimeData:
    """Clipboard data with Navigator's marks: kept out of Windows clipboard history and the
    cloud clipboard, and out of Linux clipboard managers' history, and known as ours."""
    mime = QMimeData()
    for name, value in KEEP_OUT_OF_HISTORY.items():
        mime.setData(f'application/x-qt-windows-mime;value="{name}"', QByteArray(value))
    mime.setData(SECRET_HINT[0], QByteArray(SECRET_HINT[1]))
    mime.setData(OURS, QByteArray(b"1"))
    return mime


def emptied(clipboard: QClipboard, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
    """Our copy taken off by putting there marked data with no text, never by giving the
    clipboard up: GNOME's own clipboard manager (mutter) keeps any text offered and, the
    moment the clipboard has no owner, offers it again, so after clear() the summary was
    still pasted after quick exit, the timeout and closing (privacy attack, 2026-12-07;
    H574)."""
    clipboard.setMimeData(marked(), mode)


def normalised(text: str) -> str:
    return " ".join(text.replace("\u2029", " ").split())


class ClipboardGuard(QObject):
    def __init__(self, shown: Callable[[], Iterable[str]] = tuple) -> None:
        super().__init__()
        self.shown = shown  # the texts Navigator shows about the case right now
        self.ours: set[str] = set()
        # what was last copied from the plan (its summary, a card's number), and which
        self.from_plan: tuple[str, str] | None = None
        self.from_tab: tuple[str, str] | None = None  # a number copied from the Directory tab
        self.whose_copied = ""  # the service (and line) of the last number copied
        self.tab_service = ""  # its id, copied from the Directory tab
        self.tab_told = ""  # the version of the directory waiting when it was copied (H613)
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def _changed(self) -> None:
        clipboard = QGuiApplication.clipboard()
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if clipboard.text() and (active or clipboard.ownsClipboard()):
            self.ours.add(clipboard.text())

    def put(self, text: str, plan_says: str = "", whose: str = "", service_id: str = "") -> None:
        """Copy text, marked on Windows to stay out of clipboard history and the cloud
        clipboard (Win+V), which quick exit could not clear. `plan_says`: what of the plan
        it is ("summary", "number"), taken back if the plan changes from it; `whose`: the
        service whose number it is (from the plan, or the Directory tab with none), and
        `service_id` its id, from the tab (a newer directory is asked about it: H610)."""
        self.ours.add(text)
        self.whose_copied, self.tab_service, self.tab_told = whose, service_id, ""
        if plan_says:
            self.from_plan = (text, plan_says)
        elif whose:
            self.from_tab = (text, "number")
        mime = marked()
        mime.setText(text)
        QGuiApplication.clipboard().setMimeData(mime)
        _clear_ours_at_exit()

    def withdraw_unless_said(self, plan_text: Callable[[], str | None]) -> str:
        """Take what was copied from the plan off the clipboard once the plan no longer says
        it (`plan_text`: the plan's summary now, None while questions remain; asked only
        when something was copied): a summary, so it cannot be pasted into a referral form
        (review 2026-12-01), and a number (Walsall's front door stayed on the clipboard
        after the area was corrected to Dudley: seams review, 2026-12-04). What was taken
        off ("summary", "number"), or ""."""
        if self.from_plan is None:
            return ""
        (copied, what), now = self.from_plan, plan_text()
        if now is not None and copied in now:
            return ""
        self.from_plan = None
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() != copied:
            return ""  # something else copied since: left alone
        emptied(clipboard)
        return what

    def withdraw_if(self, concerned: Callable[[str, str], bool]) -> str:
        """Take what was copied from the plan or the Directory tab off the clipboard where
        `concerned(copied, what)`: what was taken off, or ""."""
        clipboard = QGuiApplication.clipboard()
        for held in (self.from_plan, self.from_tab):
            if held is not None and clipboard.text() == held[0] and concerned(*held):
                emptied(clipboard)
                return held[1]
        return ""

    def take_ours_off(self) -> bool:
        """Empty the clipboard if it holds what Navigator put there; whether it did."""
        clipboard = QGuiApplication.clipboard()
        if not clipboard.text() or clipboard.text() not in self.ours:
            return False
        emptied(clipboard)
        return True

    def holds_summary(self) -> bool:
        """The summary copied from the plan is on the clipboard still (nothing copied since)."""
        return (
            self.from_plan is not None
            and self.from_plan[1] == "summary"
            and QGuiApplication.clipboard().text() == self.from_plan[0]
        )

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
            emptied(clipboard)
        if clipboard.supportsSelection() and clipboard.ownsSelection():
            emptied(clipboard, QClipboard.Mode.Selection)
        self.ours.clear()
        self.from_plan = self.from_tab = None
        # a service looked up says something of the case
        self.whose_copied = self.tab_service = self.tab_told = ""
