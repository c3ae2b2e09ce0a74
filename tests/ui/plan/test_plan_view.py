"""The plan as care cards: Now, Today and Offer, the risk in a line, red flags in a line."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.pathways.summary import grouped
from app.ui.plan.plan_view import GROUP_MARKS, PlanView
from tests.conftest import DATA
from tests.ui.conftest import TODAY

CASES = {
    c["name"]: c["scenario"]
    for name in ("reference.json", "reference-v2.json")
    for c in json.loads((DATA / name).read_text())
}


def plan_for(pathway, name):
    from app.cli.route import answers_for

    return pathway.step(answers_for(pathway, CASES[name])).plan


def view_of(qtbot, plan, **options):
    view = PlanView(**options)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.show_plan(plan, TODAY)
    return view


def test_actions_are_grouped_now_today_offer_with_marks_in_words(qtbot, pathway):
    plan = plan_for(pathway, "recent strangulation: medical check today, right after 999")
    view = view_of(qtbot, plan)
    assert [g.group for g in view.groups] == [group for group, _, _ in grouped(plan)]
    assert [g.heading.text() for g in view.groups] == [GROUP_MARKS[g.group] for g in view.groups]
    assert view.groups[0].group == "now" and view.groups[0].lineWidth() == 3
    assert view.groups[-1].group == "offer" and view.groups[-1].lineWidth() == 1
    now = [card.kind for card in view.groups[0].findChildren(type(view.cards[0]))]
    assert now == ["emergency_999", "urgent_medical_check"]


def test_each_groups_first_card_is_heard_with_its_group_in_words(qtbot, pathway):
    """Tabbing card to card a screen reader's user never heard Now, Today or Offer: "do this
    now" sounded as "their choice" (accessibility audit, 2026-12-07)."""
    view = view_of(
        qtbot, plan_for(pathway, "recent strangulation: medical check today, right after 999")
    )
    said = [card.accessibleName() for card in view.cards]
    assert said[0].startswith("Now: do this first. 1. ")
    assert said[1].startswith("2. ")  # once a group
    for group in view.groups:
        assert group.accessibleName() == group.heading.accessibleName()
        assert group.heading.accessibleName().isascii()  # the words, not the mark's name
    firsts = [g.findChildren(type(view.cards[0]))[0].accessibleName() for g in view.groups]
    assert [f.split(". ")[0] for f in firsts] == [
        "Now: do this first",
        "Today",
        "Offer: their choice",
    ]


def test_the_risk_is_one_line_and_red_flags_one_line_folded_sources(qtbot, pathway):
    plan = plan_for(pathway, "16-17, DA, high risk")
    view = view_of(qtbot, plan)
    assert view.risk.text().startswith("Risk: HIGH")
    assert "\n" not in view.risk.text()
    flags = [label for label in view.scroll.widget().findChildren(type(view.risk))]
    line = next(label.text() for label in flags if label.text().startswith("Red flags: "))
    assert all(flag.id.replace("_", " ") in line for flag in plan.red_flags)
    assert all(flag.text in view.flags.body.text() for flag in plan.red_flags)
    assert view.flags is not None and not view.flags.is_open
    view.flags.button.click()
    assert view.flags.is_open and view.flags.body.isVisible()
    assert "judgement" not in line  # the risk is high already: nothing for it to raise
    # heard on the plan's first stop: tabbing on went to the first card, and the risk and
    # red flags were never heard (officer walk, 2026-12-02)
    assert view.scroll.accessibleDescription() == f"{view.risk.text()}. {line}"


def test_red_flags_below_high_ask_for_professional_judgement(qtbot, pathway):
    plan = plan_for(pathway, "adult DA, 8 yes: not high")
    assert plan.red_flags and plan.risk.level != "high"
    view = view_of(qtbot, plan)
    labels = view.scroll.widget().findChildren(type(view.risk))
    line = next(label.text() for label in labels if label.text().startswith("Red flags: "))
    assert line.endswith(". Consider professional judgement.")


def test_why_and_sources_are_folded_on_every_card_and_open_by_keyboard(qtbot, pathway):
    plan = plan_for(pathway, "adult DA, 15 yes, children at home (Walsall)")
    view = view_of(qtbot, plan)
    assert view.cards and not any(card.why.is_open for card in view.cards)
    card = view.cards[1]
    card.why.button.setFocus()
    qtbot.keyClick(card.why.button, " ")
    assert card.why.is_open and "Sources:" in card.why.body.text()


def test_exports_off_means_no_copy_buttons_and_no_selecting(qtbot, pathway):
    plan = plan_for(pathway, "adult DA, 15 yes, children at home (Walsall)")
    view = view_of(qtbot, plan, allow_exports=False, copy=QApplication.clipboard().setText)
    assert not any(hasattr(row, "copy_button") for card in view.cards for row in card.rows)
    assert all(
        label.textInteractionFlags().value == 0
        for label in view.scroll.widget().findChildren(type(view.risk))
    )


def test_tab_goes_through_the_cards_in_order_before_the_buttons(qtbot, window):
    """The cards, made after every other control, came last: after the buttons, the
    reminders and "Always" (a keyboard user met the plan last)."""
    from app.ui.plan.action_card import ActionCard
    from tests.ui.conftest import walk

    walk(qtbot, window, json.loads((DATA / "reference.json").read_text())[0]["scenario"])
    plan = window.plan_view
    plan.scroll.setFocus()
    met = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        met.append(QApplication.focusWidget())
    cards = [w for w in met if isinstance(w, ActionCard)]
    assert cards[: len(plan.cards)] == plan.cards  # in reading order
    first_button = met.index(plan.buttons["read_back"])
    assert met.index(plan.cards[-1]) < first_button
    reminders = [i for i, w in enumerate(met) if window.reminders.isAncestorOf(w)]
    assert all(i > first_button for i in reminders)


def test_the_plan_takes_the_focus_named_and_scrolls_by_page_down(qtbot, window):
    """The plan view itself took the focus, unnamed and with no ring, and PageDown did
    nothing until Tab (officer review 2026-12-01)."""
    from tests.ui.conftest import focused, press, walk

    window.resize(1366, 768)
    walk(qtbot, window, json.loads((DATA / "reference.json").read_text())[0]["scenario"])
    plan = window.plan_view
    assert focused(window) is plan.scroll and plan.scroll.accessibleName() == "Plan"
    bar = plan.scroll.verticalScrollBar()
    assert bar.value() == 0 < bar.maximum()
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert bar.value() > 0


def test_ctrl_c_as_the_plan_opens_copies_the_first_cards_number(qtbot, pathway):
    """Ctrl+C with the plan just opened (the focus on the plan, no card yet) copied nothing
    and said nothing (officer walk, 2026-12-07): as on the first card with a number."""
    copied = []
    plan = next(plan_for(pathway, name) for name in CASES)
    view = view_of(qtbot, plan, copy=lambda text, whose: copied.append((text, whose)))
    qtbot.keyClick(view.scroll, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    first = next(card for card in view.cards if card.rows)
    assert [text for text, _whose in copied] == [first.rows[0].number.text()]


def test_the_number_ctrl_c_copied_stays_in_view_when_the_plan_loses_height(qtbot, pathway):
    """The status line saying "Copied …" took two lines at 24 pt and pushed the number the
    worker was about to read out under the fold (look on Xvfb, 2026-12-07)."""
    plan = plan_for(pathway, "recent strangulation: medical check today, right after 999")
    room = []  # the status line saying so takes it from the plan, as the copy is made
    view = view_of(qtbot, plan, copy=lambda text, whose: view.resize(900, *room))
    qtbot.waitExposed(view)
    view.activateWindow()
    view.scroll.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.scroll)
    number = next(card for card in view.cards if card.rows).rows[0].number
    qtbot.waitUntil(lambda: number.visibleRegion().boundingRect().height() == number.height())
    room.append(number.mapTo(view, number.rect().topLeft()).y())  # and a little more
    qtbot.keyClick(view.scroll, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: number.visibleRegion().boundingRect().height() == number.height())
    bar = view.scroll.verticalScrollBar()
    bar.setValue(at := bar.maximum())  # read on to the last card: a later change keeps it
    view.resize(900, room[0] - 40)
    qtbot.wait(50)
    assert bar.value() == at and number.visibleRegion().isEmpty()
    view.resize(900, 700)
    view.show_plan(plan, TODAY)  # a plan drawn again: nothing copied from it yet
    number = next(card for card in view.cards if card.rows).rows[0].number
    view.resize(900, *room)
    qtbot.wait(100)
    assert number.visibleRegion().isEmpty() and view.scroll.verticalScrollBar().value() == 0


def test_a_copied_number_is_left_behind_once_the_worker_reads_on(qtbot, pathway):
    """With no change of height at the copy (the status line already there), the number
    stayed marked, and a banner minutes later took a worker reading step 3 back to it
    (verifier, 2026-12-07)."""
    plan = plan_for(pathway, "recent strangulation: medical check today, right after 999")
    view = view_of(qtbot, plan, copy=lambda text, whose: None)
    qtbot.waitExposed(view)
    view.activateWindow()
    view.scroll.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.scroll)
    qtbot.keyClick(view.scroll, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    bar = view.scroll.verticalScrollBar()
    for _ in range(3):
        qtbot.keyClick(view.scroll, Qt.Key.Key_PageDown)
    at = bar.value()
    assert at > 0
    view.resize(900, 420)  # the banner, minutes later
    qtbot.wait(50)
    assert bar.value() == at


def test_outside_the_west_midlands_is_said_before_the_cards(qtbot, pathway):
    """Below the cards, it came after each said no local number was confirmed (review)."""
    from app.cli.route import answers_for
    from tests.pathways.test_summary import child_under_16

    child = child_under_16(borough="outside_west_midlands")
    view = view_of(qtbot, pathway.step(answers_for(pathway, child)).plan)
    (note,) = [w for w in view.findChildren(QLabel) if w.text().startswith("Note: ")]
    assert "outside the West Midlands" in note.text()
    assert (
        note.mapTo(view, note.rect().topLeft()).y()
        < view.groups[0].mapTo(view, view.groups[0].rect().topLeft()).y()
    )


def test_shift_tab_from_the_plans_buttons_brings_the_last_card_into_view(qtbot, make_window):
    """Shift+Tab from "Read back answers" put the focus on the last card's "Why, and
    sources", scrolled out of view: the focus ring nowhere on screen (Xvfb walk, 2026-12-04)."""
    from tests.ui.conftest import wait_in_view, walk

    window = make_window()
    window.resize(1366, 768)
    walk(qtbot, window, json.loads((DATA / "reference.json").read_text())[0]["scenario"])
    qtbot.wait(50)
    read_back = window.plan_view.buttons["read_back"]
    read_back.setFocus()
    qtbot.keyClick(read_back, Qt.Key.Key_Backtab)
    focused = window.focusWidget()
    assert window.plan_view.scroll.widget().isAncestorOf(focused)
    wait_in_view(qtbot, focused)


def test_a_helplines_card_points_to_the_card_above_that_gives_its_line(qtbot, pathway):
    """Two Respect Phone Line cards, each with the number and its "unconfirmed", read as two
    actions to a worker with a person causing harm opposite (officer walk F8)."""
    plan = plan_for(
        pathway, "tenant says he hurts his partner (person causing harm), children at home"
    )
    view = view_of(qtbot, plan)
    respect, helpline = view.cards[-2:]
    assert [row.number.text() for row in respect.rows] == ["0808 802 4040"]
    assert helpline.kind == "helpline" and helpline.rows == []
    said = "The same line as in 3 above: Respect Phoneline (for people who harm)."
    assert helpline.above.text() == said and not hasattr(helpline, "fallback")
    assert helpline.accessibleName() == f"4. Give them the Respect Phone Line: {said}"
    assert sum("unconfirmed" in t.lower() for card in view.cards for t in card.texts()) == 2


def test_a_plan_a_correction_changed_says_first_what_changed(qtbot, pathway):
    """The area changed from the plan (Alt+A), the cards came back looking the same, and
    nothing said they were now another area's (officer walk F19, 2026-12-06)."""
    from app.cli.route import answers_for

    answers = answers_for(pathway, CASES["16-17, DA, high risk"])
    view = view_of(qtbot, pathway.step(answers).plan)
    moved = pathway.step(answers | {"borough": "dudley"}).plan

    def first_line():
        return view.scroll.widget().findChildren(QLabel)[0].text()

    assert view.updated == "" and not first_line().startswith("Plan updated")
    view.show_plan(moved, TODAY)
    said = "Plan updated for your change: Area: Dudley (was Walsall)."
    assert first_line() == said and view.scroll.accessibleDescription().startswith(said)
    view.show_plan(moved, TODAY)  # drawn again (another text size): still said
    assert first_line() == said
    view.show_plan(pathway.step(answers | {"borough": "dudley"}).plan, TODAY)  # as it was
    assert view.updated == "" and not first_line().startswith("Plan updated")
    view.show_plan(pathway.step(answers).plan, TODAY)
    assert view.updated.startswith("Plan updated for your change: Area: Walsall (was Dudley)")
    view.clear()  # a new conversation, quick exit
    assert view.updated == ""
