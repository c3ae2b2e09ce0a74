from PySide6.QtCore import Qt

from app.ui import error_report


def test_an_error_naming_a_file_is_shown_as_typed(qtbot):
    """An error's words may name a file, whose name is anyone's (H473)."""
    error_report.show_message("Could not read <b>a.navdir<!-- the rest")
    box = error_report._open_messages[-1]
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "Could not read <b>a.navdir<!-- the rest"
    box.done(0)
    assert box not in error_report._open_messages


def test_what_the_failing_code_held_is_let_go_once_logged(tmp_path, monkeypatch):
    """Python kept the last uncaught error's traceback, and the answer its frame held, past
    a quick exit (helper-275, 2026-12-07)."""
    import sys

    from app.event_log import EventLog

    def answer(value):
        raise ValueError("a slot failed")

    try:
        answer("someone is in danger now")
    except ValueError:
        kind, error, tb = sys.exc_info()
    frame = tb.tb_next.tb_frame
    assert frame.f_locals == {"value": "someone is in danger now"}
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(sys, "last_traceback", tb, raising=False)  # as PyErr_Print sets it
    shown = []
    error_report.install_error_handler(EventLog(tmp_path), shown.append)
    sys.excepthook(kind, error, tb)
    assert shown and frame.f_locals == {}
    assert sys.last_traceback is None
