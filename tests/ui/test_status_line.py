"""The line under the tabs: what was just done, else the versions in use; at a large text
size the versions alone give their line to the page."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.labels import plain_label
from app.ui.status_line import StatusLine


def test_the_versions_alone_give_their_line_to_the_page_where_room_is_short(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    line = plain_label("", "Status", StatusLine)
    QVBoxLayout(holder).addWidget(line)
    holder.show()
    line.show_versions("2026.1", "2026.11.30")
    assert line.text() == "Pathway 2026.1 · directory 2026.11.30" and line.isVisible()
    line.use_room(False)
    assert not line.isVisible()
    line.setText("Copied 0121 303 1888: paste it where you dial or write.")
    assert line.isVisible()  # what was just done is always said
    line.setText(line.versions)
    assert not line.isVisible()
    line.use_room(True)
    assert line.isVisible()


def test_never_a_window_of_its_own_before_it_is_placed(qtbot):
    line = plain_label("", "Status", StatusLine)
    qtbot.addWidget(line)
    line.show_versions("2026.1", "2026.11.30")
    line.use_room(True)
    assert not line.isVisible()


def test_at_the_largest_text_the_window_gives_the_versions_line_to_the_page(qtbot, make_window):
    """At 24 pt on a 1366x768 laptop a tick page showed two boxes of six under the strip,
    its words and the reminders (officer walk, 2026-12-06)."""
    window = make_window()
    window.resize(1366, 720)
    assert window.status.isVisible()
    window.replace_settings(text_size=24)
    qtbot.waitUntil(lambda: not window.status.isVisible())
    window.copy_contact("0121 303 1888")
    assert window.status.isVisible()
    window.replace_settings(text_size=11)
    window.status.setText(window.status.versions)
    qtbot.waitUntil(window.status.isVisible)


def test_a_window_opened_at_the_largest_text_starts_without_the_versions_line(qtbot, make_window):
    from app.settings import UserSettings

    window = make_window(UserSettings(text_size=24))
    window.resize(1366, 720)
    qtbot.waitUntil(lambda: not window.status.isVisible())
