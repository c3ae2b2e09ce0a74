"""The directory search runs on its own thread with its own connection; typing is debounced
and only the answer to the latest request is shown (quick exit drops any in flight)."""

import os
import subprocess
import sys
import threading
import time

import pytest

from app.ui.directory.directory_tab import DirectoryTab
from app.ui.directory.search_worker import SearchThread
from tests.conftest import REPO
from tests.ui.conftest import open_search


class Recorder:
    """A search that notes its thread and queries, and can be held back by a gate."""

    def __init__(self, gate: threading.Event | None = None, fails: bool = False):
        self.gate, self.fails = gate, fails
        self.queries, self.threads = [], set()
        self.real = None

    def open(self):
        self.threads.add(threading.get_ident())
        self.real = open_search()  # the shipped directory, opened here on the worker thread
        return self.search

    def search(self, text, **filters):
        self.threads.add(threading.get_ident())
        self.queries.append(text)
        if self.gate is not None and text == "slow":
            self.gate.wait(5)
        if self.fails:
            raise OSError("disk I/O error")
        return self.real(text, **filters)


@pytest.fixture
def searches(qtbot):
    made = []

    def make(recorder):
        thread = SearchThread(recorder.open)
        made.append(thread)
        return thread

    yield make
    for thread in made:
        thread.stop()


@pytest.fixture
def held_back(searches):
    """A search thread whose "slow" query waits for the gate; what it shows, in `shown`."""
    gate = threading.Event()
    recorder = Recorder(gate)
    thread = searches(recorder)
    shown = []
    thread.answered.connect(shown.append)
    return thread, recorder, gate, shown


def test_queries_and_the_connection_live_on_the_worker_thread(qtbot, searches):
    recorder = Recorder()
    thread = searches(recorder)
    with qtbot.waitSignal(thread.answered) as answer:
        thread.ask("walsall", None, None, False)
    assert answer.args[0] and all(hit.id for hit in answer.args[0])
    assert recorder.threads and threading.get_ident() not in recorder.threads


def test_the_directory_is_open_before_the_first_search_is_asked(qtbot, searches):
    recorder = Recorder()
    searches(recorder)
    qtbot.waitUntil(lambda: recorder.real is not None)  # the first search will not wait
    assert recorder.queries == []


def test_a_directory_that_cannot_open_at_first_is_tried_again_when_asked(qtbot, searches):
    class FailsFirst(Recorder):
        opens = 0

        def open(self):
            self.opens += 1
            if self.opens == 1:
                raise OSError("disk I/O error")  # a share or disk not ready yet
            return super().open()

    recorder = FailsFirst()
    thread = searches(recorder)
    qtbot.waitUntil(lambda: recorder.opens == 1)
    with qtbot.waitSignal(thread.answered) as answer:
        thread.ask("walsall", None, None, False)
    assert recorder.opens == 2 and answer.args[0] and not isinstance(answer.args[0], str)


def test_a_slow_answer_to_an_older_query_never_replaces_the_newer_one(qtbot, held_back):
    thread, recorder, gate, shown = held_back
    thread.ask("slow", None, None, False)
    thread.ask("rape crisis", None, None, False)
    gate.set()
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.wait(50)
    assert len(shown) == 1 and shown[0][0].id == "rape-crisis-247"
    assert recorder.queries[-1] == "rape crisis"


def test_an_answer_in_flight_is_dropped_when_the_search_is_forgotten(qtbot, held_back):
    thread, _, gate, shown = held_back
    thread.ask("slow", None, None, False)
    thread.forget()  # quick exit
    gate.set()
    qtbot.wait(200)
    assert shown == []


def test_typing_is_debounced_to_one_search(qtbot, pathway):
    recorder = Recorder()
    tab = DirectoryTab(recorder.open, [("walsall", "Walsall")], pathway.graph.kind_labels, 80)
    qtbot.addWidget(tab)
    qtbot.keyClicks(tab.query, "walsall")
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    assert recorder.queries == ["walsall"]
    tab.searches.stop()


def test_a_failing_search_says_so_in_words_and_keeps_the_query(qtbot, pathway):
    tab = DirectoryTab(Recorder(fails=True).open, [], pathway.graph.kind_labels, 0)
    qtbot.addWidget(tab)
    qtbot.keyClicks(tab.query, "idva")
    qtbot.waitUntil(lambda: "could not run" in tab.details.text())
    assert tab.query.text() == "idva" and tab.model.rowCount() == 0
    assert "Traceback" not in tab.details.text()
    tab.searches.stop()


def test_requests_overtaken_or_forgotten_are_never_run(qtbot, held_back):
    thread, recorder, gate, shown = held_back
    thread.ask("slow", None, None, False)
    qtbot.waitUntil(lambda: recorder.queries == ["slow"])  # held inside it (no race)
    for text in ("wal", "wals", "walsall"):  # typed while the first is still running
        thread.ask(text, None, None, False)
    thread.forget()  # quick exit: the area typed must not be searched after it
    gate.set()
    qtbot.wait(300)
    assert recorder.queries in ([], ["slow"]) and shown == []  # "slow" if it had started


def test_a_new_directory_comes_in_without_waiting_for_a_search_still_running(qtbot, pathway):
    gate = threading.Event()
    slow = Recorder(gate)
    tab = DirectoryTab(slow.open, [], pathway.graph.kind_labels, 0)
    qtbot.addWidget(tab)
    shown = []
    tab.searches.answered.connect(shown.append)
    tab.searches.ask("slow", None, None, False)
    qtbot.waitUntil(lambda: slow.queries == ["slow"])  # running, held on a slow disk
    old = tab.searches
    thread = old.thread
    started = time.monotonic()
    tab.use_search(Recorder().open)  # e.g. at a quick exit, a waiting update comes in
    assert time.monotonic() - started < 1.0  # it waited 2 s for the search before
    assert thread.is_alive()  # ends on its own once the disk answers
    with qtbot.waitSignal(tab.searches.answered):
        tab.searches.ask("walsall", None, None, False)  # the new directory answers meanwhile
    gate.set()
    qtbot.waitUntil(lambda: not thread.is_alive())
    assert shown == []  # the old directory's answer never shown
    tab.searches.stop()


STUCK_AT_CLOSE = """
import sys, threading
from PySide6.QtWidgets import QApplication
from app.ui.main_window import MainWindow
from app.settings import UserSettings
from app.db.loader import load_valid_graph
from app.pathways.engine import Pathway
from tests.conftest import REPO
from tests.ui.conftest import open_search

hung = threading.Event()  # never set: a disk that stopped answering


def stuck_search():
    search = open_search()
    def wait_forever(text, **filters):
        hung.wait()
        return search(text, **filters)
    return wait_forever


app = QApplication(sys.argv)
pathway = Pathway(load_valid_graph(REPO / "resources" / "directory.sqlite"))
window = MainWindow(pathway, UserSettings(), stuck_search, debounce_ms=0)
window.show()
window.other_tabs.build_directory()
window.directory.searches.ask("walsall", None, None, False)
window.close()
print("closed", flush=True)
"""


def test_closing_with_a_search_stuck_on_a_hung_disk_ends_the_app_cleanly():
    """Qt aborted the process (exit 134) when the window closed with a search still
    running on a QThread after 2 s: a plain thread is left to end with the process."""
    done = subprocess.run(
        [sys.executable, "-c", STUCK_AT_CLOSE],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert "closed" in done.stdout and "Destroyed while thread" not in done.stderr


def test_the_words_searched_are_not_kept_by_the_thread_once_answered(qtbot, searches):
    """The last words searched stayed in the search thread's frame until the next search,
    past a quick exit that had cleared everything else (helper-275, 2026-12-07)."""
    words = "zqx refuge for a man in walsall"
    thread = searches(Recorder())
    with qtbot.waitSignal(thread.answered, timeout=5000):
        thread.ask(words, "walsall", None, False)
    thread.forget()  # as a quick exit does
    qtbot.waitUntil(lambda: thread.thread.ident in sys._current_frames())
    time.sleep(0.2)  # back waiting for the next request
    frame, held = sys._current_frames()[thread.thread.ident], []
    while frame is not None:
        held += [name for name, value in frame.f_locals.items() if words in repr(value)]
        frame = frame.f_back
    assert held == []
