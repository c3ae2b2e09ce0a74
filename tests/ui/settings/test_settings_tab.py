"""Settings typed as numbers: used when the worker is done, refused by name when unusable."""

import pytest
from PySide6.QtCore import Qt

from app.settings import UserSettings
from app.ui.settings.settings_tab import SettingsTab


@pytest.fixture
def tab(qtbot):
    shown = SettingsTab(UserSettings(), [("walsall", "Walsall")])
    qtbot.addWidget(shown)
    shown.show()
    shown.saved = []
    shown.changed.connect(shown.saved.append)
    return shown


def type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_a_text_size_too_big_is_refused_by_name_and_the_size_kept(qtbot, tab):
    """Qt dropped the second 9 of "99" and used 9 at once: the text shrank (review)."""
    type_into(qtbot, tab.text_size, "99")
    assert tab.saved == []
    assert tab.problem.isVisible()
    assert tab.problem.text() == (
        "Text size: “99” is more than 24. Type a whole number from 8 to 24. Still 11."
    )
    assert tab.text_size.text() == "99"  # what was typed, to correct


def test_a_size_typed_is_used_once_whole_and_the_refusal_goes(qtbot, tab):
    type_into(qtbot, tab.text_size, "5")
    assert "“5” is less than 8" in tab.problem.text()
    type_into(qtbot, tab.text_size, "16")
    assert [s.text_size for s in tab.saved] == [16]  # never 1 on the way to 16
    assert not tab.problem.isVisible()


def test_minutes_refused_with_their_unit_kept(qtbot, tab):
    type_into(qtbot, tab.inactivity, "0")
    assert tab.problem.text().startswith("Clear the case after no activity for: “0” is less")
    assert tab.problem.text().endswith("Still 10 minutes.")
    assert tab.inactivity.text() == "0 minutes"
    assert tab.saved == []
    type_into(qtbot, tab.inactivity, "30")
    assert [s.inactivity_minutes for s in tab.saved] == [30]


def test_settings_shown_anew_drop_what_was_typed_and_refused(qtbot, tab):
    type_into(qtbot, tab.text_size, "99")
    tab.show_settings(UserSettings(text_size=16))
    assert tab.text_size.text() == "16" and not tab.problem.isVisible()
    tab.hide()
    tab.show()  # the box shown again shows the setting, not the 99 refused before
    assert tab.text_size.text() == "16"


def test_shift_tab_from_the_tab_bar_brings_the_last_control_into_view(
    qtbot, make_window, tmp_path, graph
):
    """At 24 pt the page's last control is below the fold: Shift+Tab from the tab bar left
    the focus there, its ring out of sight (Xvfb walk, 2026-12-04)."""
    from app.db.user_store import open_user_store
    from app.user_data import UserData
    from tests.ui.conftest import TODAY, wait_in_view

    data = UserData(open_user_store(tmp_path), graph, lambda: TODAY)
    window = make_window(user_data=data)
    window.resize(1366, 768)
    window.replace_settings(text_size=24)
    window.tabs.setCurrentWidget(window.settings_page)
    qtbot.wait(50)
    bar = window.tabs.tabBar()
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Backtab)
    qtbot.wait(50)
    last = window.focusWidget()
    assert window.settings_page.widget().isAncestorOf(last)
    wait_in_view(qtbot, last)
    data.store.close()


def test_the_counts_box_is_heard_with_its_own_words(tab):
    """ "Counts" alone named it; its words are "Keep anonymised counts for reports" (a11y
    walk on AT-SPI, 2026-12-07)."""
    assert tab.record_activity.accessibleName() == "Counts: Keep anonymised counts for reports"


def test_one_minute_is_said_as_one_minute(qtbot):
    """The countdown's setting read "1 minutes" (screen-reader walk, 2026-12-07)."""

    tab = SettingsTab(UserSettings(inactivity_minutes=1), [])  # as set, and as changed
    qtbot.addWidget(tab)
    assert tab.inactivity.text() == "1 minute"
    tab.inactivity.setValue(2)
    assert tab.inactivity.text() == "2 minutes"
