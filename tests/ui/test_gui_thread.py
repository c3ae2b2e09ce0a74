"""A call posted from a plain Python thread runs on the GUI thread; none once Python exits."""

import threading

import shiboken6
from PySide6.QtCore import QObject

from app.ui import gui_thread


def test_a_call_posted_from_a_thread_runs_on_the_gui_thread(qtbot):
    gui_thread.open_mailbox()
    ran_on = []
    poster = threading.Thread(
        target=lambda: gui_thread.post(lambda: ran_on.append(threading.current_thread()))
    )
    poster.start()
    poster.join()
    qtbot.waitUntil(lambda: bool(ran_on))
    assert ran_on == [threading.main_thread()]


def test_nothing_is_posted_once_python_is_exiting(qtbot, monkeypatch):
    monkeypatch.setattr(gui_thread, "_mailbox", [])  # as _close_mailbox leaves it at exit
    assert gui_thread.post(lambda: None) is False


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list = []

    def take(self, outcome) -> None:
        self.got.append((outcome, threading.current_thread()))


def test_work_in_background_hands_its_result_or_its_error_to_the_gui_thread(qtbot):
    receiver, gate = _Receiver(), threading.Event()
    gui_thread.in_background(lambda: gate.wait(5) and 42, receiver.take, "test-work")
    assert receiver.got == []  # the GUI thread went on while the work waited
    gate.set()
    qtbot.waitUntil(lambda: bool(receiver.got))
    gui_thread.in_background(lambda: 1 / 0, receiver.take, "test-error")
    qtbot.waitUntil(lambda: len(receiver.got) == 2)
    assert receiver.got[0] == (42, threading.main_thread())
    assert isinstance(receiver.got[1][0], ZeroDivisionError)


def test_a_widget_deleted_while_its_work_ran_is_not_called(qtbot):
    receiver, gate, worked = _Receiver(), threading.Event(), []
    got = receiver.got
    gui_thread.in_background(lambda: gate.wait(5) and worked.append(1), receiver.take, "test")
    shiboken6.delete(receiver)  # its window closed while the work read
    gate.set()
    qtbot.waitUntil(lambda: bool(worked))
    qtbot.wait(200)  # what the work posted has been handled
    assert got == []
