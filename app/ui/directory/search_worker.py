"""The directory search off the GUI thread: each query runs on a worker thread with its
own SQLite connection (a connection belongs to the thread that opened it), so typing never
waits for the database. Every request carries a number; the tab shows only the answer to
its latest request, so a slow answer to an older query can never replace a newer one."""

from __future__ import annotations

import atexit
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QThread, Signal, Slot

Search = Callable[..., list]  # search(text, borough=, kind=, open_24_7=) -> hits
SearchOpener = Callable[[], Search]  # opens its own connection, on the thread that calls it
_RUNNING: set[QThread] = set()  # Qt aborts if a running QThread is destroyed: stop them first


def _stop(thread: QThread) -> None:
    if thread in _RUNNING:
        _RUNNING.discard(thread)
        thread.quit()
        thread.wait(2000)  # a search takes milliseconds; a hung disk must not hang the close


@atexit.register
def _stop_all() -> None:  # a window that was never closed (the self-test, a crash report)
    for thread in list(_RUNNING):
        _stop(thread)


class _Worker(QObject):
    found = Signal(int, object)  # request number, hits (or the error's message)

    def __init__(self, opener: SearchOpener, latest: Callable[[], int]) -> None:
        super().__init__()
        self.opener = opener
        self.latest = latest
        self.search: Search | None = None

    @Slot(int, object)
    def run(self, number: int, query: tuple) -> None:
        if number != self.latest():  # overtaken (typing on) or forgotten (quick exit): the
            return  # words of an old request are never run, nor kept waiting in the queue
        text, borough, kind, open_24_7 = query
        try:
            if self.search is None:
                self.search = self.opener()  # here, on the worker thread
            hits = self.search(text, borough=borough, kind=kind, open_24_7=open_24_7)
        except Exception as error:
            hits = f"The search could not run ({error.__class__.__name__})."
        self.found.emit(number, hits)


class SearchThread(QObject):
    """Owns the worker thread; `ask` returns at once and `answered` comes back later."""

    answered = Signal(object)  # the hits for the latest request, or a message
    _requested = Signal(int, object)

    def __init__(self, opener: SearchOpener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest = 0
        self.thread = QThread()
        self.thread.setObjectName("directory search")
        self.worker = _Worker(opener, lambda: self.latest)
        self.worker.moveToThread(self.thread)
        # The worker goes with its thread, on that thread: deleted from here after the
        # thread had gone, it corrupted memory (a crash a few windows later).
        self.thread.finished.connect(self.worker.deleteLater)
        self._requested.connect(self.worker.run)  # queued: it crosses threads
        self.worker.found.connect(self._found)
        self.thread.start()
        _RUNNING.add(self.thread)
        self.destroyed.connect(partial(_stop, self.thread))  # its window deleted unclosed

    def ask(self, text: str, borough: str | None, kind: str | None, open_24_7: bool) -> None:
        self.latest += 1
        self._requested.emit(self.latest, (text, borough, kind, open_24_7))

    def forget(self) -> None:
        """Answers already on their way are dropped (quick exit, a cleared search)."""
        self.latest += 1

    def _found(self, number: int, hits: object) -> None:
        if number == self.latest:
            self.answered.emit(hits)

    def stop(self) -> None:
        _stop(self.thread)

    def retire(self) -> None:
        """Answer no more and end the thread without waiting for it: a new directory comes
        into use at a quick exit, which must not wait for a search still running on a slow
        disk (it waited up to 2 s with the case on screen). Deleted once its thread ends."""
        self.forget()
        self.thread.finished.connect(self.deleteLater)
        self.thread.quit()
