"""The page of tick boxes: each key ticks its box, 0 is "None of these" at once, Enter goes
on with what is ticked; each box is named for a screen reader and carries its hint."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from app.ui.case import CaseSession
from app.ui.walk.box_lines import BoxWords
from app.ui.walk.page_panel import TickBoxPage


@pytest.fixture(autouse=True)
def usual_text_size(qapp):
    """What is on screen at once depends on the text size a window before left set."""
    from PySide6.QtGui import QFont

    before = qapp.font()
    qapp.setFont(QFont(before.family(), 10))
    yield
    qapp.setFont(before)


def page_for(pathway, given=None):
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 1, "borough": "walsall"})
    for value in (False, "person_harmed", "adult", ["domestic_abuse"]):
        session.answer(value)
    session.answers.update(given or {})
    return session.page


def page_in_a_small_view(qtbot, pathway, shown=None, size=(600, 150)):
    """The page (`shown`, or the first tick page) in a view 150 px tall: its later boxes
    below the fold."""
    holder = QScrollArea()
    holder.setWidgetResizable(True)
    panel = TickBoxPage(shown or page_for(pathway))
    holder.setWidget(panel)
    qtbot.addWidget(holder)
    holder.resize(*size)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, panel


def shown_panel(qtbot, shown):
    panel = TickBoxPage(shown)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_none_of_these_answers_every_question_with_one_key(qtbot, pathway):
    panel = shown_panel(qtbot, page_for(pathway))
    assert list(panel.boxes) == ["1", "2", "3", "4", "5", "6"]
    with qtbot.waitSignal(panel.answered) as answered:
        qtbot.keyClicks(panel, "0")
    assert answered.args[0] == {
        "about_abuser": [],
        "perpetrator_nearby": False,
        "police_aware": "not_known",  # not ticking is not saying no
    }


def test_ticked_boxes_give_their_answers_on_enter(qtbot, pathway):
    panel = shown_panel(qtbot, page_for(pathway))
    qtbot.keyClicks(panel, "2")
    qtbot.keyClicks(panel, "5")
    qtbot.keyClicks(panel, "6")
    qtbot.keyClicks(panel, "6")  # a second press unticks
    with qtbot.waitSignal(panel.answered) as answered:
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert answered.args[0] == {
        "about_abuser": ["works_with_children"],
        "perpetrator_nearby": True,
        "police_aware": "not_known",
    }


def test_enter_with_nothing_ticked_asks_for_none_of_these(qtbot, pathway):
    """An Enter meant for the Dash's "Done [Enter]", after its last item had moved the walk
    on, answered the next page: no children, not pregnant, no care needs, unseen (officer
    walk, H231). Nothing ticked is said with 0; Enter keeps it on a page answered so."""
    panel = shown_panel(qtbot, page_for(pathway))
    with qtbot.assertNotEmitted(panel.answered):
        qtbot.keyClick(panel, Qt.Key.Key_Return)
        panel.go_on.click()
    assert panel.more.isVisible() and "press 0 for none of these" in panel.more.text()
    with qtbot.waitSignal(panel.answered):
        qtbot.keyClicks(panel, "0")
    answered = {"about_abuser": [], "perpetrator_nearby": False, "police_aware": "not_known"}
    again = shown_panel(qtbot, page_for(pathway, answered))  # back on it, to change another
    with qtbot.waitSignal(again.answered) as kept:
        qtbot.keyClick(again, Qt.Key.Key_Return)
    assert kept.args[0] == answered


def test_answers_given_before_are_ticked_and_boxes_are_named(qtbot, pathway):
    shown = page_for(pathway, {"police_aware": "yes", "about_abuser": ["under_18"]})
    panel = shown_panel(qtbot, shown)
    assert panel.boxes["1"].isChecked() and panel.boxes["6"].isChecked()
    assert not panel.boxes["5"].isChecked()
    nearby = panel.boxes["5"]
    assert nearby.accessibleName().startswith("The person causing harm came with them")
    assert "do not alert them" in nearby.accessibleDescription()  # the question's help
    assert panel.accessibleName() == shown.page.prompt


def test_none_of_these_with_boxes_ticked_only_unticks_them(qtbot, pathway):
    panel = shown_panel(qtbot, page_for(pathway))
    qtbot.keyClicks(panel, "6")
    with qtbot.assertNotEmitted(panel.answered):
        qtbot.keyClicks(panel, "0")  # a 0 typed by mistake loses nothing unseen
    assert not any(box.isChecked() for box in panel.boxes.values())
    panel.none.setFocus()
    with qtbot.waitSignal(panel.answered) as answered:
        qtbot.keyClick(panel.none, Qt.Key.Key_Return)  # Enter on "None of these" is none
    assert answered.args[0]["police_aware"] == "not_known"


def test_a_page_whose_end_was_not_on_screen_is_not_answered_unseen(qtbot, pathway):
    # the boxes for the nearby abuser and the police below the fold
    _holder, panel = page_in_a_small_view(qtbot, pathway)
    with qtbot.assertNotEmitted(panel.answered):
        qtbot.keyClicks(panel, "0")
    assert panel.more.isVisible()  # says why; the buttons take the focus (scrolled to)
    panel.keys_held_until = 0.0  # a moment later, read
    with qtbot.waitSignal(panel.answered):
        qtbot.keyClicks(panel, "0")  # seen now: none of these


def test_words_squashed_before_the_page_is_laid_out_are_not_yet_read(qtbot, pathway):
    """At the page's first paint, before its layout settled, every box's words stood
    squashed on screen and were noted read; laid out, the last stood below the fold and 0
    answered the page unseen (housing officer's walk, 2026-12-02)."""
    panel = shown_panel(qtbot, page_for(pathway))
    qtbot.waitExposed(panel)
    words = panel.words[-1]
    needed = words.heightForWidth(words.width())
    words.setFixedHeight(needed - 4)  # squashed, as the layout had it at first
    words.read = False
    qtbot.waitUntil(lambda: words.height() == needed - 4)
    panel.grab()  # painted
    assert not words.read
    words.setMinimumHeight(0)
    words.setMaximumHeight(16777215)  # laid out: its own height
    qtbot.waitUntil(lambda: words.height() == needed)
    panel.grab()
    assert words.read


def test_keys_typed_ahead_past_an_unseen_end_tick_nothing(qtbot, pathway):
    """ "0, 2, 1" typed ahead for the next pages: the 0 brought this page's end into view
    and the 2 and the 1 ticked its boxes, unseen (review 2026-12-01)."""
    _holder, panel = page_in_a_small_view(qtbot, pathway)
    qtbot.keyClicks(panel, "021")
    assert not any(box.isChecked() for box in panel.boxes.values())
    assert panel.more.isVisible()
    panel.keys_held_until = 0.0  # a moment later, read: the 0 left the page open, so a
    last = list(panel.boxes)[-1]  # box's key asks first (H400), and pressed again ticks
    qtbot.keyClicks(panel, last)
    assert not panel.boxes[last].isChecked() and panel.more.text().startswith("Still on")
    panel.keys_held_until = 0.0
    qtbot.keyClicks(panel, last)
    assert panel.boxes[last].isChecked()


def needs_in_view(qtbot, pathway, size):
    holder = QScrollArea()
    holder.setWidgetResizable(True)
    panel = TickBoxPage(needs_page(pathway, "adult"))
    holder.setWidget(panel)
    qtbot.addWidget(holder)
    holder.resize(*size)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, panel


@pytest.mark.parametrize("tight", [False, True])
def test_a_page_taller_than_two_views_is_read_a_view_at_a_time(qtbot, pathway, tight):
    """At the largest text the first Enter went to the page's end: the boxes between (the
    needs: pregnancy, care and support, an interpreter…) were answered "no" unseen
    (officer's walk, 2026-12-02). Each press now brings the first box not yet seen to the
    top of the view; only a page read whole is answered. Words nearly as tall as the view
    were put 8 px down, a few pixels left out, for ever (re-attack round)."""
    holder, panel = needs_in_view(qtbot, pathway, (500, 140))
    if tight:  # as narrow as the page goes, and the tallest words 4 px short of the view
        frame = holder.height() - holder.viewport().height()
        holder.resize(panel.minimumSizeHint().width() + 20, 100)
        qtbot.wait(20)
        size = (holder.width(), max(w.height() for w in panel.words) + 4 + frame)
        holder, panel = needs_in_view(qtbot, pathway, size)  # none of it seen at another size
    assert panel.height() > 2 * holder.viewport().height()
    every_box_words = panel.findChildren(BoxWords)
    answered, seen, presses = [], set(), 0
    panel.answered.connect(answered.append)
    while not answered and presses < 60:
        view = holder.viewport().rect()
        for i, words in enumerate(every_box_words):
            place = words.rect().translated(words.mapTo(holder.viewport(), QPoint(0, 0)))
            if view.contains(place):
                seen.add(i)
        panel.keys_held_until = 0.0  # a moment later each time
        qtbot.keyClicks(panel, "0")  # none of these, once read whole
        presses += 1
    assert answered and seen == set(range(len(every_box_words)))


def test_enter_held_down_or_pressed_again_at_once_answers_nothing_unseen(qtbot, pathway):
    """Enter held down (30 presses a second) answered the needs page 621 ms after the first
    press, boxes on screen for 37 ms (re-attack round, 2026-12-02): a repeat is not taken,
    and for a moment after more is brought into view neither is Enter, 0 or Continue."""
    from PySide6.QtGui import QKeyEvent

    _holder, panel = needs_in_view(qtbot, pathway, (500, 140))  # the holder kept alive
    with qtbot.assertNotEmitted(panel.answered):
        qtbot.keyClick(panel, Qt.Key.Key_Return)  # brings more into view
        for _ in range(30):
            repeat = QKeyEvent(
                QKeyEvent.Type.KeyPress,
                Qt.Key.Key_Return,
                Qt.KeyboardModifier.NoModifier,
                "\r",
                True,
            )
            panel.keys_held_until = 0.0  # even a second later, a repeat is not a press
            QApplication.sendEvent(panel, repeat)
        panel.hold_keys()
        qtbot.keyClick(panel, Qt.Key.Key_Return)
        qtbot.keyClicks(panel, "0")
        panel.go_on.click()


def test_someone_telling_about_themselves_is_asked_in_their_own_words(qtbot, pathway):
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    for value in (False, "person_causing_harm", "adult", ["domestic_abuse"], []):
        session.answer(value)
    panel = shown_panel(qtbot, session.page)
    legend = panel.findChild(QLabel, "Legend").text()
    assert "needs are those of the person being harmed" in legend
    names = [box.accessibleName() for box in panel.boxes.values()]
    assert any(name.startswith("Do any children live in their household") for name in names)


NEEDS_BEFORE = {
    "immediate_danger": False,
    "discloser": "person_harmed",
    "abuse_types": ["domestic_abuse"],
    "about_abuser": [],
    "perpetrator_nearby": False,
    "police_aware": "no",
    "relationship_to_abuser": "partner_or_ex",
    "safe_tonight": "yes",
}


def needs_page(pathway, age_group):
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 1, "borough": "walsall"})
    answers = {**NEEDS_BEFORE, "age_group": age_group}
    while (shown := session.page) is None or "additional_needs" not in shown.page.questions:
        question = session.question
        session.answer(
            {q.id: answers[q.id] for q in shown.questions} if shown else answers[question.id]
        )
    return shown


def test_a_box_keeps_its_key_whoever_the_case_is_about(qtbot, pathway):
    """ "8" ticked strangulation for an adult and stalking for a child: the adult's care
    and support box, not asked of a child, moved every key after it (review 2026-12-01)."""
    keys = []
    for age_group in ("adult", "under_16"):
        panel = shown_panel(qtbot, needs_page(pathway, age_group))
        of_box = {id(box): (question, str(value)) for question, value, box in panel.ticks}
        keys.append({of_box[id(box)]: key for key, box in panel.boxes.items()})
    adult, child = keys
    assert len(child) < len(adult)  # fewer boxes for the child, the same key for each
    assert all(adult[name] == key for name, key in child.items())


def test_a_box_the_dash_already_answered_says_so_and_where_to_change_it(qtbot, pathway):
    """Unticked, strangulation stayed in the plan (the Dash's "yes" counts), with no word
    on the page that it would (officer review 2026-12-01)."""
    from app.ui.walk.page_panel import GIVEN_BEFORE
    from tests.ui.test_case import at_the_needs_after_a_dash_strangulation

    session, _ = at_the_needs_after_a_dash_strangulation(pathway)
    panel = shown_panel(qtbot, session.page)
    described = {
        value: box.accessibleDescription()
        for question, value, box in panel.ticks
        if question == "additional_needs"
    }
    assert described["non_fatal_strangulation"] == GIVEN_BEFORE
    assert {text for value, text in described.items() if value != "non_fatal_strangulation"} == {""}
    hints = [w.text() for w in panel.findChildren(QLabel) if w.objectName() == "Hint"]
    assert hints.count(GIVEN_BEFORE) == 1


@pytest.mark.parametrize("width", [420, 640, 900])
def test_a_hint_is_never_drawn_over_or_cut_short(qtbot, pathway, width):
    """At 24 pt the Dash's "it counts however this is ticked" was given its one-line height
    beside a box whose words wrapped, and drawn over the words above it, its end cut off
    (officer's walk, 2026-12-02): each box's words and hint now have their wrapped height."""
    from tests.ui.test_case import at_the_needs_after_a_dash_strangulation

    session, _ = at_the_needs_after_a_dash_strangulation(pathway)
    _holder, panel = page_in_a_small_view(qtbot, pathway, session.page, (width, 300))
    labels = [w for w in panel.findChildren(QLabel) if w.isVisible() and w.text()]
    assert any(w.objectName() == "Hint" for w in labels)
    places = [w.geometry().translated(w.parentWidget().mapTo(panel, QPoint(0, 0))) for w in labels]
    for label, place in zip(labels, places, strict=True):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
        others = [p for p in places if p is not place]
        assert not any(place.intersects(other) for other in others), label.text()


def test_a_child_is_asked_about_other_children(qtbot, pathway):
    """A 15-year-old is a child in contact with the person causing harm: the box went
    unticked and "No" went to the front door (officer's walk, 2026-12-02)."""
    said = {}
    for age_group in ("under_16", "adult"):
        panel = shown_panel(qtbot, needs_page(pathway, age_group))
        said[age_group] = next(w.text() for w in panel.words if "children" in w.text().lower())
    assert said["under_16"].startswith("Do any other children live with them")
    assert said["adult"].startswith("Children live in the household")
    # whoever tells of a child, and in the summary the front door reads (re-attack round)
    child = pathway.graph.questions["children_in_household"]
    assert child.summary_label.startswith("Other children (not the person harmed)")
    worded = [w.prompt for w in child.wordings if "under_18" in str(w.when)]
    assert len(worded) == 5 and all("other children" in prompt for prompt in worded)


def test_a_box_the_dash_ticked_is_not_the_workers_tick(qtbot, pathway):
    """The needs page opens with "Non-fatal strangulation" ticked by Dash item 15: a stray
    Enter took it as the worker's tick and answered no children, not pregnant, no care needs
    unseen (re-attack round, H240). 0 answers none of these besides it, in one press."""
    from tests.ui.test_case import at_the_needs_after_a_dash_strangulation

    session, _ = at_the_needs_after_a_dash_strangulation(pathway)
    panel = TickBoxPage(session.page)
    qtbot.addWidget(panel)
    panel.resize(900, 1400)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.from_dash and any(box.isChecked() for box in panel.boxes.values())
    with qtbot.assertNotEmitted(panel.answered):
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert "besides what the Dash answered" in panel.more.text()
    with qtbot.waitSignal(panel.answered) as answered:
        qtbot.keyClicks(panel, "0")
    given = answered.args[0]
    assert given["children_in_household"] is False
    assert "non_fatal_strangulation" in given["additional_needs"]  # the Dash's, kept


def test_a_box_the_dash_ticked_stays_ticked_and_its_key_says_why(qtbot, pathway):
    """Unticked with its key, "Non-fatal strangulation" read no while the Dash's yes still
    counted (officer walk, 2026-12-02)."""
    from tests.ui.test_case import at_the_needs_after_a_dash_strangulation

    session, _ = at_the_needs_after_a_dash_strangulation(pathway)
    panel = shown_panel(qtbot, session.page)
    (key,) = [k for k, box in panel.boxes.items() if id(box) in panel.from_dash]
    qtbot.keyClicks(panel, key)
    assert panel.boxes[key].isChecked() and not panel.boxes[key].isEnabled()
    said = panel.more.text()
    assert said.startswith("Non-fatal strangulation") and "is answered yes in the Dash" in said


def test_a_tick_box_the_dash_answered_is_shown_ticked_in_its_place(qtbot, pathway):
    """The Dash said pregnant: the page left its box out, pregnancy shown nowhere, and the
    keys went 1, 3, 4 (officer walk, 2026-12-05, F14). Not asked again (R40): shown ticked,
    as the Dash's strangulation is, and never answered from the page."""
    from app.ui.walk.page_panel import GIVEN_BEFORE
    from tests.ui.test_case import at_the_needs_after_a_dash

    session, _ = at_the_needs_after_a_dash(pathway, yes=(9,))
    assert "pregnant_or_recent_birth" not in {q.id for q in session.page.questions}
    panel = shown_panel(qtbot, session.page)
    box = panel.boxes["2"]
    assert [question for question, _, b in panel.ticks if b is box] == ["pregnant_or_recent_birth"]
    assert box.isChecked() and not box.isEnabled()
    assert box.accessibleDescription() == GIVEN_BEFORE
    qtbot.keyClicks(panel, "2")
    assert box.isChecked() and "is answered yes in the Dash" in panel.more.text()
    with qtbot.waitSignal(panel.answered) as answered:
        qtbot.keyClicks(panel, "0")
    assert "pregnant_or_recent_birth" not in answered.args[0]
    assert answered.args[0]["children_in_household"] is False
    holder = QScrollArea()  # out of view, as at the largest text: its key brings it there
    holder.setWidgetResizable(True)
    holder.setWidget(panel := TickBoxPage(session.page))
    qtbot.addWidget(holder)
    holder.resize(600, 120)
    holder.show()
    qtbot.waitExposed(holder)
    holder.verticalScrollBar().setValue(holder.verticalScrollBar().maximum())
    assert panel.boxes["2"].visibleRegion().isEmpty()
    qtbot.keyClicks(panel, "2")
    assert not panel.boxes["2"].visibleRegion().isEmpty()


def test_0_with_boxes_ticked_says_what_it_did_and_a_tick_answers_the_words(qtbot, pathway):
    """0 took the ticks and their reminders off with no word (officer walk, 2026-12-02);
    "Nothing is ticked: press 0" stayed on screen after a box was ticked."""
    panel = shown_panel(qtbot, page_for(pathway))
    qtbot.keyClicks(panel, "5")
    qtbot.keyClicks(panel, "0")
    label = panel._label_of(panel.boxes["5"])  # which, by name (re-walk F21)
    assert panel.more.isVisible() and f"(taken off: {label}): press 0 again" in panel.more.text()
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert panel.more.text().startswith("Nothing is ticked")
    qtbot.keyClicks(panel, "5")
    assert not panel.more.isVisible()


def test_space_typed_ahead_after_the_dash_ticks_nothing(qtbot, window):
    """After the Dash's last item moved the walk on, a Space typed ahead ticked the focused
    first box, and a later Enter answered the rest of the page unseen (re-attack rounds,
    H244 and H248: the hold was the page's, and the box took Space itself)."""
    import json

    from tests.ui.conftest import press, walk
    from tests.ui.test_walk import DATA

    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    for n in range(1, 25):
        press(qtbot, window, Qt.Key.Key_Y if n == 15 else Qt.Key.Key_N)
    panel = window.question_page.panel
    focused = QApplication.focusWidget()
    assert focused in panel.boxes.values()
    qtbot.keyClick(focused, Qt.Key.Key_Space)  # typed ahead, within the moment held
    assert not panel._ticked_here()
    panel.keys_held_until = window.question_page.keys_held_until = 0.0
    before = window.session.position
    press(qtbot, window, Qt.Key.Key_Return)  # and the Enter meant for the Dash's Done
    assert window.session.position == before


def test_space_typed_ahead_on_the_focused_box_ticks_nothing(qtbot, pathway):
    """The panel's own hold (above, through the window)."""
    panel = shown_panel(qtbot, page_for(pathway))
    first = panel.boxes["1"]
    first.setFocus(Qt.FocusReason.TabFocusReason)  # moved to by the worker: Space ticks it
    panel.hold_keys()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert not first.isChecked()
    panel.keys_held_until = 0.0  # a moment later: read, and meant
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert first.isChecked()


@pytest.mark.parametrize("held", ["alt", "ctrl"])
def test_a_key_pressed_with_alt_or_ctrl_ticks_nothing(qtbot, pathway, held):
    """Alt+C, meant to copy, ticked "LGBTQ+ [C]" on the needs page unseen, and the plan
    gained "Offer LGBTQ+ specialist support" (officer walk, 2026-12-02)."""
    modifier = {
        "alt": Qt.KeyboardModifier.AltModifier,
        "ctrl": Qt.KeyboardModifier.ControlModifier,
    }[held]
    panel = shown_panel(qtbot, needs_page(pathway, "adult"))
    letters = [key for key in panel.boxes if key.isalpha()]
    assert letters  # the needs page has more boxes than digits
    emitted = []
    panel.answered.connect(emitted.append)
    for key in [*letters, "1", "0"]:
        qtbot.keyClick(panel, key.lower(), modifier)
    qtbot.keyClick(panel, "0", modifier)
    assert not any(box.isChecked() for box in panel.boxes.values()) and emitted == []
    qtbot.keyClick(panel, letters[0].lower())  # the key alone still ticks
    assert panel.boxes[letters[0]].isChecked()


def test_a_key_held_as_the_page_opened_is_said_not_dropped_unsaid(qtbot, pathway):
    """After the Dash moved on, a "1" for the children typed at once was held and dropped
    with no word: the walk went on without them, and the plan had no children's front door
    (officer walk, 2026-12-03)."""
    panel = shown_panel(qtbot, page_for(pathway))
    panel.hold_keys()
    qtbot.keyClicks(panel, "1")
    assert not panel.boxes["1"].isChecked() and panel.more.isVisible()
    assert panel.more.text().startswith("Not ticked: 1 was pressed as this page opened.")
    panel.keys_held_until = 0.0  # pressed again, once read: ticked, and the words go
    qtbot.keyClicks(panel, "1")
    assert panel.boxes["1"].isChecked() and not panel.more.isVisible()


def test_keys_typed_ahead_one_after_another_are_all_held(qtbot, pathway):
    """At 24 pt, after a 0 that only brought the rest into view, "1" was held but the "2"
    typed after it, for the next question, ticked "They work or volunteer with children"
    (officer's walk F21, 2026-12-06): a key held keeps the hold on for the next."""
    import time

    panel = shown_panel(qtbot, page_for(pathway))
    panel.hold_keys(0.05)
    qtbot.keyClicks(panel, "1")
    time.sleep(0.1)  # past the first hold, within a moment of the held key
    qtbot.keyClicks(panel, "2")
    assert not panel.boxes["1"].isChecked() and not panel.boxes["2"].isChecked()
    assert panel.more.text().startswith("Not ticked: 1 and 2 were pressed")
    panel.keys_held_until = 0.0  # a worker who reads, then presses: taken
    qtbot.keyClicks(panel, "2")
    assert panel.boxes["2"].isChecked()


def test_a_key_pressed_again_as_asked_is_taken_a_moment_later(qtbot, pathway):
    """ "Press 1 again to tick it", pressed every 0.85 s: each press in the hold began a
    whole second's hold again, and the box was never ticked (a11y walk, 2026-12-07)."""
    import time

    panel = shown_panel(qtbot, page_for(pathway))
    panel.hold_keys()
    for _ in range(2):  # held: said, and the hold kept a moment for a key after it
        qtbot.keyClicks(panel, "1")
        assert not panel.boxes["1"].isChecked()
        time.sleep(0.6)  # a worker pressing again as asked
    qtbot.keyClicks(panel, "1")  # 1.2 s on: taken
    assert panel.boxes["1"].isChecked()


def test_a_box_out_of_view_is_brought_into_view_before_its_key_changes_it(qtbot, pathway):
    """A key meant for the next page, typed after an Enter that only scrolled, took
    "Children live in the household" off unseen: the children's front door went from the
    plan (housing officer's walk, 2026-12-04; H391)."""
    holder, panel = page_in_a_small_view(qtbot, pathway)
    qtbot.keyClicks(panel, "1")  # in view: ticked at once
    assert panel.boxes["1"].isChecked()
    holder.verticalScrollBar().setValue(holder.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: panel.boxes["1"].visibleRegion().isEmpty())
    qtbot.keyClicks(panel, "1")  # out of view: brought into view, still ticked
    assert panel.boxes["1"].isChecked()
    assert panel.more.text().startswith("Not in view: ") and "again to take it off" in (
        panel.more.text()
    )
    qtbot.waitUntil(lambda: not panel.boxes["1"].visibleRegion().isEmpty())
    qtbot.keyClicks(panel, "1")  # in the same moment: typed ahead, not taken (H400)
    assert panel.boxes["1"].isChecked()
    panel.keys_held_until = 0.0
    qtbot.keyClicks(panel, "1")  # a moment later, seen: taken off, and said so (walk F21)
    assert not panel.boxes["1"].isChecked() and panel.more.text().startswith("Taken off: ")


def test_boxes_out_of_view_are_ticked_as_they_come_into_view(qtbot, pathway):
    """At 24 pt, 1, 2, 8 ticked 1 only: 2 (pregnant) only scrolled, the words asking for
    it again were replaced by 8's, and the plan lost the midwife (officer walk, 2026-12-05;
    H446)."""
    _holder, panel = page_in_a_small_view(qtbot, pathway)
    *_, middle, last = panel.boxes
    for key in (last, middle):  # the last brought into view, then one above it
        qtbot.waitUntil(lambda key=key: not panel._in_view(panel.boxes[key], key))
        panel.keys_held_until = 0.0  # a moment after the last key
        qtbot.keyClicks(panel, key)
        assert panel.boxes[key].isChecked()
        label = panel._label_of(panel.boxes[key])
        assert panel.more.text() == (
            f"Ticked as it came into view: {label}. Press {key} again to take it off."
        )
    assert [key for key, box in panel.boxes.items() if box.isChecked()] == [middle, last]
    qtbot.keyClicks(panel, middle)  # again in the same moment: typed ahead, not taken (H400)
    assert panel.boxes[middle].isChecked()
    panel.keys_held_until = 0.0
    qtbot.keyClicks(panel, middle)  # again, a moment later: taken off, and said
    assert not panel.boxes[middle].isChecked()
    # pressed twice from habit (an answer below the fold takes two), it went in silence, and
    # the immigration advice card with it (officer's walk F21, 2026-12-06)
    label = panel._label_of(panel.boxes[middle])
    assert panel.more.isVisible()
    assert panel.more.text() == f"Taken off: {label}. Press {middle} again to tick it."
    panel.keys_held_until = 0.0
    qtbot.keyClicks(panel, middle)
    assert panel.boxes[middle].isChecked() and not panel.more.isVisible()


def test_space_on_a_box_the_page_focused_asks_before_it_ticks(qtbot, pathway):
    """A stray Space took "Children live in the household" off, and at tier 1 ticked "high
    risk" (housing officer's re-walk, 2026-12-04; H400)."""
    panel = shown_panel(qtbot, page_for(pathway))
    qtbot.waitExposed(panel)
    panel.focus_first()
    first = panel.boxes["1"]
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert not first.isChecked() and panel.more.text().startswith("Space would tick it")
    panel.keys_held_until = 0.0  # a moment later: meant
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert first.isChecked()


def test_a_key_after_an_enter_that_left_the_page_open_asks_first(qtbot, pathway):
    """The next page's key, typed after an Enter that only scrolled, ticked "care and support
    needs" in view at once (housing officer's re-walk, 2026-12-04; H400)."""
    _holder, panel = page_in_a_small_view(qtbot, pathway)
    qtbot.keyClick(panel, Qt.Key.Key_Return)  # more below: the page stays open
    panel.keys_held_until = 0.0
    last = list(panel.boxes)[-1]
    qtbot.keyClicks(panel, last)
    assert not panel.boxes[last].isChecked()
    assert panel.more.text().startswith("Still on this page: ")


def test_a_key_held_as_the_page_opened_is_asked_about_before_the_page_is_answered(qtbot, pathway):
    """A box's key pressed as the page opened was held and said; the next box ticked took
    the words away, Enter answered the page, and (3 for care and support needs) the adult
    safeguarding referral went from the plan with nothing on screen (officer walk F19)."""
    for leave, key in ((Qt.Key.Key_Return, "Enter"), (Qt.Key.Key_0, "0")):
        panel = shown_panel(qtbot, page_for(pathway))
        emitted = []
        panel.answered.connect(emitted.append)
        panel.hold_keys()
        qtbot.keyClicks(panel, "3")
        panel.keys_held_until = 0.0  # a moment later
        if key == "Enter":
            qtbot.keyClicks(panel, "1")  # another box ticked: the held one is still said
            assert panel.more.isVisible() and "3 was pressed as this page opened" in (
                panel.more.text()
            )
        qtbot.keyClick(panel, leave)
        assert emitted == [] and not panel.boxes["3"].isChecked()
        assert panel.more.text().startswith("Not ticked: ") and (
            f"Press 3 to tick it, or {key} again to go on without it" in panel.more.text()
        )
        panel.keys_held_until = 0.0  # a moment later (keys typed at once are held again)
        qtbot.keyClick(panel, leave)  # asked once: again, the page is answered as it is
        assert len(emitted) == 1


def test_a_key_pressed_again_at_once_on_a_ticked_box_says_it_is_still_ticked(qtbot, pathway):
    """Ticked, then its key again at once (held): Enter said "Not ticked … go on without
    it" over a ticked box, and a worker believing it took the tick off (officer's re-walk
    F21, 2026-12-06)."""
    panel = shown_panel(qtbot, page_for(pathway))
    emitted = []
    panel.answered.connect(emitted.append)
    qtbot.keyClicks(panel, "3")
    assert panel.boxes["3"].isChecked()
    panel.hold_keys()  # the second press, in the same moment: held
    qtbot.keyClicks(panel, "3")
    panel.keys_held_until = 0.0
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    label = panel._label_of(panel.boxes["3"])
    assert emitted == [] and panel.boxes["3"].isChecked()
    assert panel.more.text() == (
        f"Still ticked: {label} [3]: its key was pressed before it could be read. "
        "Press 3 to change it, or Enter again to go on with it ticked."
    )
    panel.keys_held_until = 0.0
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert len(emitted) == 1 and panel.boxes["3"].isChecked()  # went on with it ticked
    mixed = shown_panel(qtbot, page_for(pathway))  # one ticked, one not: neither word
    qtbot.keyClicks(mixed, "3")
    mixed.hold_keys()
    qtbot.keyClicks(mixed, "31")
    mixed.keys_held_until = 0.0
    qtbot.keyClick(mixed, Qt.Key.Key_Return)
    assert mixed.more.text().startswith("Check these: ") and mixed.more.text().endswith(
        "their keys were pressed before it could be read. Press 3 or 1 to change each, or "
        "Enter again to go on with them as they are."
    )


def test_keys_typed_ahead_fast_are_each_named_and_only_the_asking_key_goes_on(qtbot, pathway):
    """ "3 B Enter 0" typed 0.4 s apart: 3 and B were both held, only 3 was named, and the 0
    meant for the next page went on without them (re-walk F19, 2026-12-06)."""
    panel = shown_panel(qtbot, page_for(pathway))
    emitted = []
    panel.answered.connect(emitted.append)
    panel.hold_keys()
    qtbot.keyClicks(panel, "31")
    assert panel.more.text().startswith("Not ticked: 3 and 1 were pressed as this page opened.")
    panel.keys_held_until = 0.0
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert "[3]; " in panel.more.text() and "Press 3 or 1 to tick each" in panel.more.text()
    panel.keys_held_until = 0.0  # a moment later: the 0 meant for the next page
    qtbot.keyClick(panel, "0")
    assert emitted == [] and "or Enter again to go on without them" in panel.more.text()
    panel.keys_held_until = 0.0
    qtbot.keyClick(panel, "1")  # pressed again, once read: ticked, and Enter goes on
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert emitted and panel.boxes["1"].isChecked() and not panel.boxes["3"].isChecked()


def test_a_key_not_taken_because_more_was_below_is_heard(qtbot, pathway, monkeypatch):
    """At 24 pt 0 moved the focus to a box the worker never chose, the reason shown and
    not said: a screen reader's user heard a box's name and nothing else (accessibility
    audit, 2026-12-07)."""
    heard = []
    monkeypatch.setattr("app.ui.walk.panel_base.announce", lambda _widget, text: heard.append(text))
    _holder, panel = page_in_a_small_view(qtbot, pathway)
    qtbot.keyClicks(panel, "0")
    assert heard and heard[-1] == panel.more.text()
    assert heard[-1].startswith("There was more below")


def test_a_worried_friend_is_told_the_interpreter_is_for_them(qtbot, pathway):
    """ "…apply to the person you are worried about?": a worker facing a woman with little
    English, her husband offering to interpret, read the interpreter as the child's need
    (officer's walk, 2026-12-07)."""
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 1, "borough": "walsall"})
    answers = {**NEEDS_BEFORE, "discloser": "concerned_other", "age_group": "under_16"}
    answers |= {"relationship_to_abuser": "family_member"}
    while (shown := session.page) is None or "additional_needs" not in shown.page.questions:
        question = session.question
        session.answer(
            {q.id: answers[q.id] for q in shown.questions} if shown else answers[question.id]
        )
    panel = shown_panel(qtbot, shown)
    legend = panel.findChild(QLabel, "Legend").text()
    assert "the person you are worried about" in legend
    assert legend.endswith("(An interpreter is for whoever you are speaking to.)")


def test_more_below_under_a_box_the_dash_answered_says_its_words(qtbot, pathway):
    """A box the Dash answered takes no focus: "There was more below: read it" sent a screen
    reader's user to nothing (accessibility re-check, 2026-12-07)."""
    from tests.ui.test_case import at_the_needs_after_a_dash_strangulation

    session, _ = at_the_needs_after_a_dash_strangulation(pathway)
    _holder, panel = page_in_a_small_view(qtbot, pathway, session.page)
    (dash_box,) = [box for box in panel.boxes.values() if id(box) in panel.from_dash]
    for words in panel.words:  # every other box read already
        words.read = words.box is not dash_box
    panel.keys_held_until = 0.0
    qtbot.keyClicks(panel, "0")
    assert panel.more.text().startswith("There was more below (Non-fatal strangulation")


def test_a_key_refused_on_a_page_kept_open_is_asked_about_at_enter(qtbot, pathway):
    """At 24 pt, after an Enter that only scrolled, "1" for the children was refused ("Still
    on this page"); boxes not yet seen were then ticked as they came into view, their words
    over it, and Enter went on without the children: the plan lost the children's front
    door (officer walk, 2026-12-07; H572)."""
    _holder, panel = page_in_a_small_view(qtbot, pathway)
    emitted = []
    panel.answered.connect(emitted.append)
    qtbot.keyClick(panel, Qt.Key.Key_Return)  # more below: the page stays open
    panel.keys_held_until = 0.0
    keys = list(panel.boxes)
    first, last = keys[0], keys[-1]
    qtbot.keyClicks(panel, first)
    assert not panel.boxes[first].isChecked()
    assert panel.more.text().startswith("Still on this page: ")
    panel.keys_held_until = 0.0
    qtbot.keyClicks(panel, last)  # not yet seen: ticked as it comes into view
    assert panel.boxes[last].isChecked()
    panel.keys_held_until = 0.0
    while not panel._all_read():  # the rest of the page read, as the worker's Enters do
        panel.keys_held_until = 0.0
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert emitted == [] and not panel.boxes[first].isChecked()
    said = panel.more.text()
    assert said.startswith("Not ticked: ") and "pressed and not taken" in said
    assert f"Press {first} to tick it, or Enter again to go on without it" in said
    panel.keys_held_until = 0.0
    qtbot.keyClicks(panel, first)
    assert panel.boxes[first].isChecked()


def test_a_refused_key_whose_box_is_then_ticked_with_space_is_taken(qtbot, pathway):
    """Refused ("Still on this page"), then ticked with Space twice: "Not ticked … not
    taken" stood over its tick, and Enter asked about it untruly (verifier, 2026-12-07)."""
    _holder, panel = page_in_a_small_view(qtbot, pathway)
    qtbot.keyClick(panel, Qt.Key.Key_Return)  # more below: the page stays open
    panel.keys_held_until = 0.0
    first = next(iter(panel.boxes))
    qtbot.keyClicks(panel, first)
    assert panel.more.text().startswith("Still on this page: ")
    box = panel.boxes[first]
    for _ in range(2):  # Space asks first, then ticks
        panel.keys_held_until = 0.0
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and panel.held == [] and "not taken" not in panel.more.text()


def test_a_list_of_needs_names_its_question_once_not_before_every_box(qtbot, pathway):
    """Each of some 15 boxes was named with the question's 30 words before its own (screen-
    reader walk, 2026-12-07): the first box of the list carries them, the rest their own."""
    panel = shown_panel(qtbot, needs_page(pathway, "adult"))
    legend = panel.findChild(QLabel, "Legend").text()
    names = [box.accessibleName() for box in panel.boxes.values()]
    led = [name for name in names if name.startswith(f"{legend}: ")]
    assert len(led) == 1 and len(names) > 10, names
