"""Danger now stops the walk: the 999 card at once, the walk goes on when safe."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import continue_when_safe, press, wait_in_view


def shown_text(widget):
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def test_yes_to_danger_now_shows_999_before_any_other_question(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Y)
    assert window.pages.currentWidget() is window.emergency
    card = window.emergency.card
    assert card.kind == "emergency_999"
    assert [row.number.text() for row in card.rows] == ["999"]
    assert card.rows[0].number.font().pointSizeF() >= 2 * card.title.font().pointSizeF()
    text = shown_text(window.emergency)
    assert "press 55" in text  # not safe to speak: shown, not folded away
    assert "999" in card.accessibleName()
    assert window.emergency.go_on.hasFocus() or not window.isActiveWindow()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):  # with Ctrl or Alt: no press of Back
        for held in (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier):
            qtbot.keyClick(window.emergency.back, key, held)
    assert window.pages.currentWidget() is window.emergency


def test_the_999_card_is_heard_as_it_opens(qtbot, window, monkeypatch):
    """The focus lands on "Continue …"; "Call 999 now …" was only a container's name, never
    heard on the bus (a11y walk on AT-SPI, 2026-12-07)."""
    heard = []
    monkeypatch.setattr("app.ui.walk.emergency_page.announce", lambda _w, text: heard.append(text))
    press(qtbot, window, Qt.Key.Key_Y)
    assert heard == [f"Emergency: {window.emergency.card.accessibleName()}"]
    assert heard[0].startswith("Emergency: Call 999") and ": Emergency services" in heard[0]


def test_the_999_card_comes_first_even_when_the_reminders_fail(qtbot, window, monkeypatch):
    def broken(*_):
        raise RuntimeError("a fault in the reminders")

    monkeypatch.setattr(window.reminders, "show_reminders", broken)
    with qtbot.capture_exceptions() as raised:
        press(qtbot, window, Qt.Key.Key_Y)
    assert window.pages.currentWidget() is window.emergency
    assert [row.number.text() for row in window.emergency.card.rows] == ["999"]
    assert raised  # reported as any error is (logged, a message)


def test_continue_when_safe_carries_on_with_the_answers_kept(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Y)
    continue_when_safe(qtbot, window)
    assert window.pages.currentWidget() is window.question_page
    assert window.session.question.id == "discloser"
    assert window.session.answers["immediate_danger"] is True


def test_an_enter_typed_after_yes_is_said_and_never_takes_the_card_away(qtbot, window):
    """ "Y" then Enter, as after any answer: the card went before it was seen (officer's
    walk, 2026-12-07; H502). Held, said, and the next Enter goes on."""
    page = window.emergency
    press(qtbot, window, Qt.Key.Key_Y)
    qtbot.wait(1300)  # as the walk's driver pressed it: past the second keys are held for
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is page and page.held.isVisible()
    assert "Press Enter again to continue when it is safe" in shown_text(page)
    press(qtbot, window, Qt.Key.Key_Return)  # typed ahead too: held again (re-attack)
    assert window.pages.currentWidget() is page
    qtbot.wait(600)  # pressed again, a moment later
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.session.question.id == "discloser"
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.session.question.id == "immediate_danger"
    press(qtbot, window, Qt.Key.Key_Y)  # the card again
    assert window.pages.currentWidget() is page and not page.held.isVisible()
    page.go_on.click()  # clicked as it opened: held too
    assert window.pages.currentWidget() is page and page.held.isVisible()


def test_alt_left_on_the_card_goes_back_to_the_question_and_enter_then_answers_it(qtbot, window):
    """A "yes" by mistake: Alt+← moved the focus to the summary strip, and the next Enter
    opened the tier question (officer review 2026-12-01)."""
    press(qtbot, window, Qt.Key.Key_Y)
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.pages.currentWidget() is window.question_page
    assert window.session.question.id == "immediate_danger"
    press(qtbot, window, Qt.Key.Key_N)
    assert window.session.question.id == "discloser" and not window.emergency.holds_case()
    assert window.session.answers["immediate_danger"] is False


def test_back_from_a_card_brought_from_read_back_goes_to_the_danger_question(qtbot, window):
    """It went to the last question asked, and the plan kept 999 (officer review)."""
    import json

    from tests.conftest import DATA
    from tests.ui.conftest import walk

    walk(qtbot, window, json.loads((DATA / "reference.json").read_text())[0]["scenario"])
    assert window.session.question is None  # the plan
    window.read_back()
    window.edit("immediate_danger")  # Enter on its row
    press(qtbot, window, Qt.Key.Key_Y)
    assert window.pages.currentWidget() is window.emergency
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.session.question.id == "immediate_danger"
    press(qtbot, window, Qt.Key.Key_N)
    assert window.session.question is None  # back to the plan, as any correction
    assert "emergency_999" not in window.plan_view.action_kinds


def test_no_to_danger_now_goes_straight_on(qtbot, window):
    press(qtbot, window, Qt.Key.Key_N)
    assert window.pages.currentWidget() is window.question_page
    assert not window.emergency.holds_case()


def test_the_card_is_forgotten_at_quick_exit(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Y)
    window.quick_exit()
    assert window.emergency.card is None and "emergency card" not in window.holds_case()


def test_a_setting_changed_on_the_card_redraws_it_and_never_moves_on(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Y)
    for change in ({"text_size": 24}, {"colours": "high_contrast"}, {"text_size": 11}):
        window.replace_settings(**change)
        assert window.pages.currentWidget() is window.emergency, change
        assert [row.number.text() for row in window.emergency.card.rows] == ["999"]
    window.replace_settings(colours="system")
    assert window.session.question.id == "discloser"  # the walk waits where it was


def test_tab_goes_from_the_card_to_continue_and_back_as_they_stand(qtbot, window):
    """The card, made as it is shown, came after the reminders in the Tab order, and Tab from
    "Continue when safe" went to Back, then the reminders, before the 999 card above them."""
    press(qtbot, window, Qt.Key.Key_Y)
    qtbot.wait(50)
    page = window.emergency
    order = [window.focusWidget()]
    for _ in range(2):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Backtab)
        order.append(window.focusWidget())
    copy = page.card.rows[0].copy_button
    assert order[:2] == [page.go_on, page.card.why.button] and page.card.isAncestorOf(order[2])
    copy.setFocus()
    qtbot.keyClick(copy, Qt.Key.Key_Tab)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is page.go_on
    qtbot.keyClick(page.go_on, Qt.Key.Key_Tab)
    assert window.focusWidget() is page.back


def test_the_cards_control_with_the_focus_is_in_view_at_the_largest_text(qtbot, window):
    window.resize(1366, 768)
    window.replace_settings(text_size=24)
    press(qtbot, window, Qt.Key.Key_Y)
    qtbot.wait(50)
    page = window.emergency
    qtbot.keyClick(page.go_on, Qt.Key.Key_Backtab)  # to "Why, and sources", above it
    why = page.card.why.button
    assert window.focusWidget() is why
    wait_in_view(qtbot, why)


def test_the_card_taller_than_the_view_shows_its_instruction_when_focused(qtbot, window):
    """Focused whole (a screen reader reads it so), a card taller than the view was centred,
    its "Call 999 now" above the view (review 2026-12-04)."""
    window.resize(1366, 768)
    window.replace_settings(text_size=24)
    press(qtbot, window, Qt.Key.Key_Y)
    qtbot.wait(50)
    card = window.emergency.card
    assert card.height() > window.emergency.scroll.viewport().height()
    above = [button for button in window.strip.buttons.values() if button.isVisible()][-1]
    above.setFocus()
    qtbot.keyClick(above, Qt.Key.Key_Tab)  # from the strip, outside the card's scroll
    assert window.focusWidget() is card
    wait_in_view(qtbot, card.title)
