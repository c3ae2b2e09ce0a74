"""The Conversation tab: an answer's key typed beside the question still answers it."""

import json

import pytest
from PySide6.QtCore import Qt

from tests.conftest import DATA
from tests.ui.conftest import after_the_dash, read_for_the_hold, walk

HIGH_RISK = json.loads((DATA / "reference.json").read_text())[0]["scenario"]  # 15 Dash yes


def beside_the_question(window):
    reminders = window.reminders
    strip = [button for button in window.strip.buttons.values() if button.isVisible()]
    return {
        "strip": strip[-1],
        "always": reminders.always.button,
        "list": reminders.case_view,
        "tab bar": window.tabs.tabBar(),
        "quick exit": window.exit_button,
    }


@pytest.mark.parametrize("where", ["strip", "always", "list", "tab bar", "quick exit"])
def test_an_answer_key_typed_beside_the_question_answers_it(qtbot, make_window, where):
    """With the focus on the summary strip or the reminders (Tab, a click), "1" for "the
    person it is happening to" did nothing, or searched the reminders (walk, 2026-12-03)."""
    window = make_window()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N)
    qtbot.wait(50)
    assert window.session.question.id == "discloser"
    control = beside_the_question(window)[where]
    control.setFocus()
    qtbot.keyClick(control, Qt.Key.Key_1)
    assert window.session.answers["discloser"] == "person_harmed"
    assert window.session.question.id != "discloser"


def test_space_and_enter_beside_the_question_stay_that_controls_own(qtbot, make_window):
    window = make_window()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N)
    qtbot.wait(50)
    always = window.reminders.always
    opened = always.is_open
    always.button.setFocus()
    qtbot.keyClick(always.button, Qt.Key.Key_Space)
    assert always.is_open is not opened and window.session.question.id == "discloser"
    tier = window.strip.buttons["tier"]
    tier.setFocus()
    qtbot.keyClick(tier, Qt.Key.Key_Return)  # opens the answer it shows, to change it
    assert window.session.question.id == "tier"


def test_a_key_typed_beside_a_tick_page_as_it_opens_after_the_dash_is_held(qtbot, make_window):
    """Sent to the answers, the key meets their hold: after the Dash, a "1" typed ahead on
    the strip ticks nothing unseen (H231), and is said (H329)."""
    window = make_window()
    walk(qtbot, window, HIGH_RISK, stop_before="children_in_household")
    page = window.question_page
    page.hold_keys()
    strip = beside_the_question(window)["strip"]
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_1)
    ticked = [box for box in page.panel.boxes.values() if box.isChecked() and box.isEnabled()]
    assert ticked == []  # the Dash's own ticks are fixed (disabled), and not the worker's
    assert "1 was pressed as this page opened" in page.panel.more.text()
    after_the_dash(qtbot)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_1)
    assert page.panel.boxes["1"].isChecked()


def test_on_the_plan_a_key_beside_it_answers_nothing(qtbot, make_window):
    window = make_window()
    walk(qtbot, window, HIGH_RISK)
    plan = window.session.plan
    strip = beside_the_question(window)["strip"]
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_1)
    assert window.pages.currentWidget() is window.plan_view and window.session.plan == plan


def test_a_dash_key_typed_beside_it_answers_the_item_the_worker_was_on(qtbot, make_window):
    """Gone back up to item 2 to change it, then on the reminders, "N" changed the first
    item not answered: the answers' first control is that one (focus_first)."""
    window = make_window()
    walk(qtbot, window, HIGH_RISK, stop_before="dash_answers")
    qtbot.wait(50)
    table = window.question_page.panel.table
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Y)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert table.currentIndex().row() == 1
    always = window.reminders.always.button
    always.setFocus()
    qtbot.keyClick(always, Qt.Key.Key_N)
    answers = window.question_page.panel.model.answers
    assert answers["dash_02"] == "no" and "dash_04" not in answers


def test_a_key_on_the_tab_bar_of_another_tab_answers_nothing(qtbot, make_window):
    """The question behind the Directory tab is never answered from its tab bar."""
    window = make_window()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N)
    qtbot.wait(50)
    window.tabs.setCurrentWidget(window.directory)
    bar = window.tabs.tabBar()
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_1)
    assert (
        window.session.question.id == "discloser"
        and window.tabs.currentWidget() is window.directory
    )


def test_a_number_typed_beside_its_box_replaces_the_one_there(qtbot, make_window):
    """Back in its box as Tab would bring it, the number there is selected: "3" typed on the
    strip after "1" was typed and left made the count 13, not 3."""
    window = make_window()
    walk(qtbot, window, HIGH_RISK, stop_before="incidents_12_months")
    read_for_the_hold(qtbot, window)
    spin = window.question_page.panel.spin
    spin.selectAll()
    qtbot.keyClicks(spin, "1")
    strip = beside_the_question(window)["strip"]
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_3)
    assert spin.text().strip() == "3"
