"""A call posted from a plain Python thread runs on the GUI thread; none once Python exits."""

import threading

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
