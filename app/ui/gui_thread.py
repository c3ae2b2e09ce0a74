"""Work handed back to the GUI thread from a plain Python thread (the directory search, and
the check of IT's update folder).

Plain Python threads, not QThreads, for the reason the search thread gives
(app/ui/directory/search_worker.py): Qt ends the process when a running QThread's object is
deleted, and a thread stuck on a hung share must never hold up closing the app. Such a
thread touches one Qt object, the mailbox, made on the GUI thread and kept for the app's
life; what it posts runs on the GUI thread, never on the thread itself."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot


class _Mailbox(QObject):
    arrived = Signal(object)  # a call to make on the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self.run)

    @Slot(object)
    def run(self, call: Callable[[], None]) -> None:
        call()


_mailbox: list[_Mailbox] = []
_posting = threading.Lock()  # held while a thread posts, and while the mailbox is dropped


@atexit.register  # before PySide's own clean-up deletes the mailbox (atexit runs last first)
def _close_mailbox() -> None:
    with _posting:
        _mailbox.clear()


def open_mailbox() -> None:
    """Made on the GUI thread, before any thread posts."""
    if not _mailbox:
        _mailbox.append(_Mailbox())


def post(call: Callable[[], None]) -> bool:
    """`call` made on the GUI thread soon; False when Python is exiting (no one waits)."""
    with _posting:
        if not _mailbox:
            return False
        _mailbox[0].arrived.emit(call)
        return True
