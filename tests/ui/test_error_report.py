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
