"""The directory search off the GUI thread: each query runs on a worker thread with its
own SQLite connection (a connection belongs to the thread that opened it), so typing never
waits for the database. Every request carries a number; the tab shows only the answer to
its latest request, so a slow answer to an older query can never replace a newer one.

The worker is a plain Python thread, not a QThread: Qt ends the whole process when a
running QThread's object is deleted, and a search stuck on a hung disk made closing the app
abort (exit 134) after waiting 2 s for it. A daemon thread is left to end with the process,
and stopping never waits. The thread touches one Qt object, the mailbox of
app/ui/gui_thread.py, made once on the GUI thread and kept for the app's life; the window's
objects it never touches, so deleting them is never a race with it."""

from __future__ import annotations

import queue
import threading
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.ui.gui_thread import open_mailbox, post

Search = Callable[..., list]  # search(text, borough=, kind=, open_24_7=) -> hits
SearchOpener = Callable[[], Search]  # opens its own connection, on the thread that calls it
_STOP = None  # in a request queue: the thread ends when it reaches it


class _Requests:
    """What a search thread and its SearchThread share: the queue and the latest number
    (an int read under the GIL), and the SearchThread, weakly (its answer's address)."""

    def __init__(self, owner: SearchThread) -> None:
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.latest = 0
        self.owner = weakref.ref(owner)


def _deliver(requests: _Requests, number: int, hits: object) -> None:
    """On the GUI thread: the answer, if its request is still the latest."""
    owner = requests.owner()
    if owner is not None and number == requests.latest:
        owner.answered.emit(hits)


def _serve(opener: SearchOpener, requests: _Requests) -> None:
    # Opened at once, not at the first request, which would wait for it (a cold directory
    # of 10,000 services: the first search 20 ms, the next 2-5). If it fails here, the first
    # request opens it again and says why.
    try:
        search: Search | None = opener()
    except Exception:
        search = None
    while True:
        request = requests.queue.get()
        if request is _STOP:
            return
        search, asked = _answer(opener, search, requests, request)
        # the words searched go with the request: held here until the next, they outlived a
        # quick exit in the thread's frame (helper-275, 2026-12-07)
        del request
        if not asked:
            return  # Python is exiting: no one is asking any more


def _answer(opener: SearchOpener, search: Search | None, requests: _Requests, request):
    """One request run, unless overtaken; the search (opened here if it was not) and
    whether anyone is still asking."""
    number, (text, borough, kind, open_24_7) = request
    if number != requests.latest:  # overtaken (typing on) or forgotten (quick exit): the
        return search, True  # words of an old request are never run
    try:
        if search is None:
            search = opener()  # here, on the worker thread
        hits = search(text, borough=borough, kind=kind, open_24_7=open_24_7)
    except Exception as error:
        hits = f"The search could not run ({error.__class__.__name__})."
    return search, post(lambda: _deliver(requests, number, hits))


def _stop(requests: _Requests) -> None:
    requests.latest += 1  # an answer on its way is dropped
    requests.queue.put(_STOP)


class SearchThread(QObject):
    """Owns a worker thread; `ask` returns at once and `answered` comes back later."""

    answered = Signal(object)  # the hits for the latest request, or a message

    def __init__(self, opener: SearchOpener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        open_mailbox()
        self.requests = _Requests(self)
        self.thread = threading.Thread(
            target=_serve,
            args=(opener, self.requests),
            name="directory search",
            daemon=True,  # a search stuck on a hung disk never holds the app open
        )
        self.thread.start()
        requests = self.requests  # not self: the thread and this hook never hold the window's
        self.destroyed.connect(lambda *_: _stop(requests))  # its window deleted unclosed

    def ask(self, text: str, borough: str | None, kind: str | None, open_24_7: bool) -> None:
        self.requests.latest += 1
        self.requests.queue.put((self.requests.latest, (text, borough, kind, open_24_7)))

    def forget(self) -> None:
        """Answers already on their way are dropped (quick exit, a cleared search)."""
        self.requests.latest += 1

    def stop(self) -> None:
        """No more answers; the thread ends after the search it may be running. Nothing
        waits for it: closing, or a new directory coming in at a quick exit, never waits
        for a slow disk."""
        _stop(self.requests)

    def retire(self) -> None:
        """Answer no more and end the thread: a new directory has come into use."""
        self.stop()
        self.deleteLater()
