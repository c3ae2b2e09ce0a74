"""The window around the walk: quick exit, inactivity, directory, settings, accessibility."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QMessageBox,
    QTabBar,
    QWidget,
)

from app.settings import UserSettings
from app.ui.main_window import MainWindow
from app.ui.models import (
    AnswerTableModel,
    DashTableModel,
    ReminderListModel,
    SectionListModel,
    ServiceTableModel,
)
from tests.conftest import DATA
from tests.ui.conftest import (
    TODAY,
    focused,
    go_on,
    open_search,
    press,
    press_alt,
    read_for_the_hold,
    tick,
    walk,
    windows_shown,
)

SCENARIO = json.loads((DATA / "reference.json").read_text())[0]["scenario"]


def test_title_is_neutral(window):
    assert window.windowTitle() == "Navigator"


def test_the_countdown_is_heard_only_over_a_case_and_not_on_every_key(qtbot, window, monkeypatch):
    """Heard on the disguise screen after quick exit, and on every key with inactivity at
    1 minute (the whole period the last minute): verifier on AT-SPI, 2026-12-07."""
    heard = []
    monkeypatch.setattr("app.ui.labels.announce", lambda _widget, text: heard.append(text))
    walk(qtbot, window, SCENARIO)
    window.show_countdown(60)
    assert heard and heard[-1].startswith("No activity: this conversation will be cleared in 60 s")
    window.show_countdown(-1)
    window.guard.set_idle_ms(window.guard.warn_ms)  # IT's 1 minute
    heard.clear()
    window.show_countdown(60)
    window.show_countdown(45)
    assert heard == []
    window.show_countdown(30)
    assert len(heard) == 1
    window.show_countdown(-1)
    window.quick_exit()
    heard.clear()
    for seconds in (60, 30, 10):
        window.show_countdown(seconds)
    assert heard == []


def test_back_from_the_read_back_the_focus_is_where_the_worker_left_the_plan(qtbot, window):
    """From the second card's Copy button, Alt+R then Esc put the focus at the plan's top,
    far from the card the worker had left (a11y walk, 2026-12-07)."""
    from PySide6.QtWidgets import QApplication

    walk(qtbot, window, SCENARIO)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    numbered = [card for card in window.plan_view.cards if card.rows][1]
    at = window.plan_view.cards.index(numbered)
    numbered.rows[0].copy_button.setFocus()
    window.read_back()
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.plan_view)
    card = window.plan_view.cards[at]  # drawn again: the same card, a new widget
    assert QApplication.focusWidget() is card.rows[0].copy_button
    window.plan_view.buttons["read_back"].setFocus()
    window.read_back()
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.plan_view)
    assert QApplication.focusWidget() is window.plan_view.buttons["read_back"]


def test_enter_on_the_plans_buttons_presses_them_as_space_does(qtbot, window):
    """Enter on "Read back answers", "Back to the plan", "Why, and sources" and the Notes
    screen's "Open" did nothing (review 2026-12-01): Space alone pressed them."""
    from PySide6.QtWidgets import QApplication

    walk(qtbot, window, SCENARIO)

    def enter_on(button):
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Return)
        QApplication.processEvents()

    enter_on(window.plan_view.buttons["read_back"])
    assert window.pages.currentWidget() is window.readback
    done = next(
        b for b in window.readback.findChildren(QAbstractButton) if "Back to the plan" in b.text()
    )
    enter_on(done)
    assert window.pages.currentWidget() is window.plan_view
    # and by keys alone: only Tab to the button, or the mouse, left it (officer's walk,
    # 2026-12-02)
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier),
    ):
        window.read_back()
        assert window.pages.currentWidget() is window.readback
        press(qtbot, window, key, modifier)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.plan_view, timeout=5000)
    why = window.plan_view.cards[0].why
    enter_on(why.button)
    assert why.is_open
    window.quick_exit()
    (open_button,) = window.neutral.findChildren(QAbstractButton)
    enter_on(open_button)
    assert window.screens.currentWidget() is not window.neutral


def test_shift_three_times_is_a_quick_exit_that_clears_everything(qtbot, window):
    walk(qtbot, window, SCENARIO)
    window.tabs.setCurrentWidget(window.directory)
    qtbot.keyClicks(window.directory.query, "marac")
    dialog = QMessageBox(window)
    dialog.setText("anything open")
    dialog.show()
    for _ in range(3):
        qtbot.keyClick(window.directory.query, Qt.Key.Key_Shift)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.neutral)  # once delivered
    assert window.screens.currentWidget() is window.neutral
    assert window.windowTitle() == "Notes"
    assert window.isMinimized() or window.windowState() & Qt.WindowState.WindowMinimized
    assert window.session.answers == {"tier": 2} and window.session.plan is None
    assert window.plan_view.action_kinds == []
    assert window.directory.query.text() == "" and window.directory.model.rowCount() == 0
    assert not dialog.isVisible()
    assert "perpetrator_nearby_plan" not in window.reminders.ids()


def test_shift_three_times_on_a_plan_card_exits_and_never_stops_the_app(qtbot, window):
    """With the keyboard focus on a plan card, the third Shift cleared the plan, the card
    with it, while the key was still being delivered to it: the app ended with a
    segmentation fault (keyboard walk, 2026-12-02). A crash leaves the case on screen."""
    walk(qtbot, window, SCENARIO)
    card = window.plan_view.cards[0]
    card.setFocus()
    for _ in range(3):
        qtbot.keyClick(card if card.hasFocus() else focused(window), Qt.Key.Key_Shift)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.neutral, timeout=5000)
    assert window.session.plan is None and window.plan_view.action_kinds == []


def test_shift_among_other_keys_is_not_an_exit(qtbot, window):
    window.tabs.setCurrentWidget(window.directory)
    for key in (Qt.Key.Key_Shift, Qt.Key.Key_A, Qt.Key.Key_Shift, Qt.Key.Key_B, Qt.Key.Key_Shift):
        qtbot.keyClick(window.directory.query, key)
    assert window.screens.currentWidget() is window.work


def test_the_quick_exit_button_is_always_there(qtbot, window):
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert window.exit_button.isVisible()
    qtbot.mouseClick(window.exit_button, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is window.neutral
    window.reopen()
    assert window.session.question.id == "immediate_danger"


def test_inactivity_warns_then_clears(qtbot, make_window):
    window = make_window(UserSettings(inactivity_minutes=1), warn_ms=59_800)
    press(qtbot, window, Qt.Key.Key_N)
    window.guard.set_idle_ms(400)  # 0.4 s of inactivity; the warning starts at once
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=2000)
    assert "will be cleared in" in window.banner.text()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.neutral, timeout=3000)
    assert window.session.answers == {"tier": 2}


def test_activity_keeps_the_case(qtbot, make_window):
    window = make_window(warn_ms=59_800)
    window.guard.set_idle_ms(600)
    for _ in range(4):
        qtbot.wait(250)
        qtbot.keyClick(window.question_page.panel, Qt.Key.Key_Down)
    assert window.screens.currentWidget() is window.work


def test_every_control_has_an_accessible_name(qtbot, window):
    """On every tab, whatever takes the focus is named: the directory's details, Settings and
    the practice case scroll in areas that take it, read as "scroll area" (review 2026-12-04)."""
    walk(qtbot, window, SCENARIO)
    unnamed = []
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(20)  # a tab's page is built when first asked for
        unnamed += [
            f"{window.tabs.tabText(tab)}: {type(w).__name__}"
            for w in window.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not w.accessibleName()
            and not (isinstance(w, QAbstractButton) and w.text())
            and not isinstance(w, QTabBar)  # read as its tabs, each named by its words
            and w.objectName() != "qt_spinbox_lineedit"  # a part of its named spin box
            and w.isVisibleTo(window)
        ]
    assert unnamed == []


def test_plan_buttons_are_reachable_by_tab(qtbot, window):
    walk(qtbot, window, SCENARIO)
    window.plan_view.setFocus()
    seen = set()
    for _ in range(300):  # every card, copy button and "why" on the way
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
        if window.focusWidget() is not None:
            seen.add(window.focusWidget().accessibleName())
    assert {
        "Read back answers",
        "Copy summary for a referral form",
        "Save the plan as PDF",
        "Quick exit: clear everything and hide",
    } <= seen


def test_item_models_pass_the_model_tester(qtmodeltester, window, graph, finder):
    reminders = ReminderListModel()
    reminders.set_items(graph.by_category("reminder"))
    sections = SectionListModel()
    sections.set_items(window.session.sections())
    answers = AnswerTableModel()
    answers.set_rows([(graph.questions["tier"], "Tier 2"), (graph.questions["dash_answers"], "")])
    dash = DashTableModel(graph.questions["dash_answers"].items)
    dash.set_answers({"dash_01": "yes"})
    services = ServiceTableModel()
    services.set_hits(finder.search("abuse"))
    for model in (reminders, sections, answers, dash, services):
        qtmodeltester.check(model)


def test_directory_search_as_you_type_with_filters(qtbot, window):
    window.tabs.setCurrentWidget(window.directory)
    qtbot.keyClicks(window.directory.query, "rape")
    qtbot.waitUntil(lambda: window.directory.model.rowCount() > 0, timeout=5000)
    assert window.directory.model.hits[0].id == "rsvp-birmingham" or any(
        h.id == "rape-crisis-247" for h in window.directory.model.hits
    )
    window.directory.borough.setCurrentIndex(window.directory.borough.findData("coventry"))
    qtbot.waitUntil(lambda: all(h.id != "rsvp-birmingham" for h in window.directory.model.hits))
    window.directory.table.selectRow(0)
    assert "Source:" in window.directory.details.text()


def test_settings_change_tier_borough_and_text_size(qtbot, window):
    window.settings_tab.tier.setCurrentIndex(0)
    window.settings_tab.borough.setCurrentIndex(window.settings_tab.borough.findData("walsall"))
    window.settings_tab.text_size.setValue(16)
    assert window.settings.tier == 1 and window.settings.default_borough == "walsall"
    qtbot.waitUntil(lambda: window.font().pointSize() == 16)  # applied on the next events
    window.new_conversation()
    assert window.session.answers["tier"] == 1


def test_locked_settings_are_shown_locked(make_window):
    window = make_window(UserSettings(locked=frozenset({"tier", "inactivity_minutes"})))
    assert not window.settings_tab.tier.isEnabled()
    assert not window.settings_tab.inactivity.isEnabled()
    assert window.settings_tab.organisation.isEnabled()


def test_a_setting_changed_with_the_plan_open_leaves_the_focus_where_it_was(qtbot, window):
    """Redrawing the plan at a new text size must not take the keyboard from the Settings
    control the worker is using (arrow keys would scroll the plan instead)."""
    from tests.conftest import routed_cases

    walk(qtbot, window, routed_cases()[0]["scenario"])
    window.tabs.setCurrentWidget(window.settings_page)
    size = window.settings_tab.text_size
    size.setFocus()
    qtbot.waitUntil(lambda: size.hasFocus())
    qtbot.keyClick(size, Qt.Key.Key_Up)
    assert window.settings.text_size == 12
    assert size.hasFocus()


def test_settings_changed_elsewhere_are_shown_in_the_tab_and_kept(window):
    window.replace_settings(text_size=16, colours="dark")
    try:
        tab = window.settings_tab
        assert tab.text_size.value() == 16 and tab.colours.currentData() == "dark"
        tab.organisation.setText("Walsall Housing")
        tab.organisation.editingFinished.emit()  # the worker leaves the field
        assert (window.settings.text_size, window.settings.colours) == (16, "dark")
    finally:  # the palette and font belong to the whole application: put them back
        window.replace_settings(text_size=11, colours="system")


def test_the_directory_banner_is_never_shown_as_a_window_of_its_own(qtbot, pathway):
    with windows_shown() as shown:
        window = MainWindow(
            pathway, UserSettings(), open_search, lambda: TODAY, directory_notes=["Older."]
        )
        qtbot.addWidget(window)
    assert shown == []
    window.show()
    assert window.directory_banner.isVisible()


def test_a_text_size_change_mid_page_keeps_what_the_page_held(qtbot, window):
    """Boxes ticked, Dash items answered and a number typed, none confirmed yet, were
    thrown away when the page was drawn again at a new size: an under-counted Dash."""
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="perpetrator_nearby")
    page = window.question_page.panel
    tick(qtbot, window, "nearby")
    window.replace_settings(text_size=16)
    assert window.question_page.panel is not page
    assert window.question_page.panel.value()["perpetrator_nearby"] is True
    go_on(qtbot, window)
    walk(qtbot, window, scenario, stop_before="dash_answers")
    for key in (Qt.Key.Key_Y, Qt.Key.Key_Y, Qt.Key.Key_N):
        press(qtbot, window, key)
    window.replace_settings(text_size=20)
    dash = window.question_page.panel
    assert dash.model.answers == {"dash_01": "yes", "dash_02": "yes", "dash_03": "no"}
    assert dash.table.currentIndex().row() == 3  # where the worker left off
    walk(qtbot, window, scenario, stop_before="incidents_12_months")
    read_for_the_hold(qtbot, window)
    spin = window.question_page.panel.spin
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    window.replace_settings(text_size=14)
    assert window.question_page.panel.spin.value() == 3


def test_an_answer_from_a_page_no_longer_shown_changes_nothing(qtbot, window):
    """Keys queued as the plan appeared reached answer() with no question: an unexpected
    error in front of the worker (review 2026-12-01)."""
    import json

    from tests.conftest import DATA
    from tests.ui.conftest import walk

    walk(qtbot, window, json.loads((DATA / "reference.json").read_text())[0]["scenario"])
    kinds = window.session.plan.action_kinds
    window.answer("yes")
    assert window.session.question is None and window.session.plan.action_kinds == kinds


def test_the_dash_card_opens_the_dash_and_the_plan_comes_back_assessed(qtbot, window):
    """ "Complete the Dash" had no way in: with the interpreter ready, the worker pressed
    Alt+R and Down eleven times (officer walk F20, 2026-12-06)."""
    cases = json.loads((DATA / "reference.json").read_text())
    scenario = next(c for c in cases if c["name"] == "tier 2, DA, Dash not completed")["scenario"]
    walk(qtbot, window, scenario)
    card = next(c for c in window.plan_view.cards if c.kind == "dash_assessment")
    assert card.opens.text() == "Answer the Das&h now" and card.opens.isVisible()
    press_alt(qtbot, window, Qt.Key.Key_H)
    assert window.session.question.id == "dash_answers"
    every_yes = {f"dash_{n:02}": "yes" for n in range(1, 25)}
    walk(qtbot, window, {**scenario, "dash_answers": every_yes})
    assert window.session.question is None  # the plan again, the other answers kept
    assert window.session.plan.risk.level == "high"
    assert "dash_assessment" not in window.plan_view.action_kinds
    assert "marac_referral" in window.plan_view.action_kinds
