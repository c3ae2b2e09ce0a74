"""Work handed back to the GUI thread from a plain Python thread (the directory search, the
check of IT's update folder, and the worker's install of an update).

Plain Python threads, not QThreads, for the reason the search thread gives
(app/ui/directory/search_worker.py): Qt ends the process when a running QThread's object is
deleted, and a thread stuck on a hung share must never hold up closing the app. Such a
thread touches one Qt object, the mailbox, made on the GUI thread and kept for the app's
life; what it posts runs on the GUI thread, never on the thread itself."""

from __future__ import annotations

import atexit
import threading
import weakref
from collections.abc import Callable

import shiboken6
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


def in_background(work: Callable[[], object], then: Callable[[object], None], name: str) -> None:
    """`work()` on a plain thread of its own, then `then` on the GUI thread with its result,
    or with the error it raised. `then`, a method, is held weakly: a widget closed while the
    work read is not called."""
    open_mailbox()
    owner, method = weakref.ref(then.__self__), then.__func__

    def run() -> None:
        try:
            outcome = work()
        except Exception as error:  # handed to `then`, as any error on the window's thread
            outcome = error
        post(lambda: _deliver(owner(), method, outcome))

    threading.Thread(target=run, name=name, daemon=True).start()


def _deliver(owner: QObject | None, method, outcome: object) -> None:
    if owner is not None and shiboken6.isValid(owner):
        method(owner, outcome)
