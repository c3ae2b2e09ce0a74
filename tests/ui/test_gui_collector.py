"""Python's cycle collector runs only on the GUI thread (H603): the directory search thread
allocating never collects, and what it leaves is collected by the GUI thread's timer."""

import gc
import threading
import weakref

import pytest

from app.ui import gui_collector
from app.ui.directory.search_worker import SearchThread


class _Cycle:
    """Garbage only the cycle collector frees."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collections():
    """The name of the thread each collection started on, while the test runs."""
    threads: list[str] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(seen)
    yield threads
    gc.callbacks.remove(seen)


def test_the_search_thread_allocating_never_collects_the_gui_thread_does(qtbot, collections):
    """The hang: a collection on the search thread freed a PySide object there, and Qt's
    lock and the GIL waited on each other with a case on screen."""
    gui_collector.take_over()
    left: list[weakref.ref] = []

    def opener():
        def search(text, **filters):
            for _ in range(20 * gc.get_threshold()[0]):  # many times past the threshold
                _Cycle()
            left.append(weakref.ref(_Cycle()))
            return []

        return search

    searches = SearchThread(opener)
    with qtbot.waitSignal(searches.answered, timeout=5000):
        searches.ask("refuge", None, None, False)
    searches.stop()
    assert "directory search" not in collections
    qtbot.waitUntil(lambda: left[0]() is None, timeout=10 * gui_collector.EVERY_MS)
    assert set(collections) == {threading.main_thread().name}


def test_the_launch_held_is_frozen_once_and_collected_on_the_gui_thread(monkeypatch):
    monkeypatch.setattr(gui_collector, "_launching", [])
    gui_collector.hold_for_launch()
    assert gui_collector.launch_held() and not gc.isenabled()
    try:
        gui_collector.take_over()
        assert gc.get_freeze_count() > 0 and not gui_collector.launch_held()
        assert gui_collector.collecting()
    finally:
        gc.unfreeze()
    gui_collector.take_over()  # again: nothing more is frozen
    assert gc.get_freeze_count() == 0 and gui_collector.collecting()


def test_a_generation_is_collected_only_when_its_threshold_is_passed(qapp):
    gui_collector.take_over()
    gc.collect()
    assert gui_collector.collect_due() is None
    for _ in range(gc.get_threshold()[0] + 1):
        _Cycle()
    assert gui_collector.collect_due() == 0 and gc.get_count()[0] < gc.get_threshold()[0]
