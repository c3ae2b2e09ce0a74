"""Reminders: this case's first, new ones marked and announced; the always-on ones folded."""

import json

from PySide6.QtCore import QPoint, Qt

from tests.conftest import DATA
from tests.ui.conftest import (
    answer_by_keys,
    continue_when_safe,
    go_on,
    press,
    scenario_value,
    tick,
    walk,
)

SCENARIO = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
TWO_ARRIVE = json.loads((DATA / "reference.json").read_text())[7]["scenario"]  # 2 before the Dash


def shown(panel):
    model = panel.case_model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_a_new_conversation_shows_the_always_reminders_open(window):
    panel = window.reminders
    assert panel.case_model.items == [] and panel.none_yet.isVisibleTo(window)
    assert panel.always.is_open and panel.general_model.rowCount() > 0
    assert all(r.general for r in panel.general_model.items)
    assert panel.always.button.text() == f"Always ({panel.general_model.rowCount()})"


def test_always_folds_once_the_conversation_is_under_way_and_can_be_opened(qtbot, window):
    press(qtbot, window, Qt.Key.Key_N)
    assert not window.reminders.always.is_open
    assert window.reminders.always.button.accessibleName().endswith("(collapsed)")
    window.reminders.always.button.click()
    qtbot.keyClicks(window.question_page.panel, "1")
    assert window.reminders.always.is_open  # the worker's choice stands


def test_a_reminder_this_case_triggers_is_marked_new_and_announced(qtbot, window):
    walk(qtbot, window, SCENARIO, stop_before="perpetrator_nearby")
    panel = window.reminders
    heard = len(panel.announced)
    tick(qtbot, window, "nearby")  # the person causing harm is nearby: new at the tick
    assert "perpetrator_nearby_plan" in panel.case_model.new_ids
    row = [r.id for r in panel.case_model.items].index("perpetrator_nearby_plan")
    assert shown(panel)[row].startswith("New: ")
    assert panel.case_model.index(row).data(Qt.ItemDataRole.FontRole).bold()
    assert panel.announced[heard:] and panel.announced[-1].startswith("New reminder: ")
    before = window.session.position
    go_on(qtbot, window)  # the next page: no longer new
    assert window.session.position > before
    assert "perpetrator_nearby_plan" not in panel.case_model.new_ids
    assert not shown(panel)[row].startswith("New: ")


def test_a_reminder_read_before_an_answer_was_corrected_is_not_new_again(qtbot, window):
    walk(qtbot, window, SCENARIO, stop_before="perpetrator_nearby")
    tick(qtbot, window, "nearby")
    go_on(qtbot, window)
    qtbot.keyClicks(window.question_page.panel, "1")  # read, and on to the next page
    panel = window.reminders
    window.correct("perpetrator_nearby")  # from the summary strip: back to that page
    # its box still ticked there: the reminder stays, read already, so not new
    assert "perpetrator_nearby_plan" in [r.id for r in panel.case_model.items]
    assert "perpetrator_nearby_plan" not in panel.case_model.new_ids
    go_on(qtbot, window)
    assert window.session.answers["perpetrator_nearby"] is True  # still ticked: it is back
    assert "perpetrator_nearby_plan" in [r.id for r in panel.case_model.items]
    assert "perpetrator_nearby_plan" not in panel.case_model.new_ids
    window.new_conversation()
    walk(qtbot, window, SCENARIO, stop_before="perpetrator_nearby")
    tick(qtbot, window, "nearby")
    assert "perpetrator_nearby_plan" in panel.case_model.new_ids  # a new conversation


def test_folded_always_leaves_its_room_to_this_cases_reminders(qtbot, window):
    """Folded, "Always" kept two fifths of the column empty while "For this case" scrolled
    with its sources cut off (review 2026-12-01)."""
    from PySide6.QtWidgets import QApplication

    window.resize(1366, 768)
    walk(qtbot, window, SCENARIO)
    QApplication.processEvents()
    panel = window.reminders
    assert not panel.always.is_open and panel.case_view.isVisible()
    assert panel.always.height() < panel.always.button.height() + 20  # no empty share
    assert panel.case_view.geometry().bottom() > panel.height() - panel.always.height() - 20


def test_a_plan_with_no_reminder_of_its_own_says_so_not_nothing_yet(window):
    panel = window.reminders
    general = tuple(panel.general_model.items)
    panel.show_reminders(general, True, planned=True)
    assert panel.none_yet.text().startswith("None for this case")
    panel.show_reminders(general, True)
    assert panel.none_yet.text().startswith("Nothing yet")


def test_with_nothing_for_this_case_the_column_starts_at_its_top(qtbot, window):
    """The heading, "Nothing yet" and the folded "Always" were spread down the column
    (review 2026-12-01)."""
    from PySide6.QtWidgets import QApplication

    window.resize(1366, 768)
    press(qtbot, window, Qt.Key.Key_N)  # under way: "Always" folded, nothing for this case
    QApplication.processEvents()
    panel = window.reminders
    assert not panel.always.is_open and panel.none_yet.isVisible()
    assert panel.always.geometry().bottom() < panel.height() // 3
    panel.always.button.click()  # opened: its list takes the room
    QApplication.processEvents()
    assert panel.general_view.height() > panel.height() // 2


def test_under_the_page_with_nothing_for_this_case_only_always_is_shown(qtbot, make_window):
    """At the largest text on 1280×720, "For this case" and "Nothing yet" took a fifth of
    the screen from the question's answers (review 2026-12-01)."""
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.replace_settings(text_size=24)
    window.resize(1280, 720)
    QApplication.processEvents()
    panel = window.reminders
    assert not window.conversation.columns.wide
    assert not panel.heading.isVisible() and not panel.none_yet.isVisible()
    assert panel.always.isVisible()
    press(qtbot, window, Qt.Key.Key_N)  # under way: "Always" folds, and gives up its room
    QApplication.processEvents()
    assert panel.height() < panel.always.button.height() + 30, panel.height()
    walk(qtbot, window, SCENARIO, stop_before="dash_answers")  # reminders for this case now
    QApplication.processEvents()
    assert panel.heading.isVisible() and panel.case_view.isVisible()
    assert panel.height() > 2 * panel.always.button.height()  # its share back
    window.replace_settings(text_size=11)
    QApplication.setFont(QApplication.font())


def test_at_the_largest_text_a_new_reminder_for_this_case_is_in_view(qtbot, make_window):
    """At 24 pt on 1366×768 the list showed one line, and "Do not alert the person causing
    harm" arrived scrolled out of sight (officer review 2026-12-01)."""
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.replace_settings(text_size=24)
    window.resize(1366, 768)
    QApplication.processEvents()
    view, model = window.reminders.case_view, window.reminders.case_model
    arrivals = 0
    while window.session.question.id != "dash_answers":
        answer_by_keys(qtbot, window, lambda q: scenario_value(q, TWO_ARRIVE))
        if window.pages.currentWidget() is window.emergency:
            continue_when_safe(qtbot, window)
        QApplication.processEvents()
        if not model.new_ids:
            continue
        arrivals += 1
        assert not window.conversation.columns.wide
        line = view.fontMetrics().lineSpacing()  # two whole lines (1.5 showed: officer review)
        assert view.viewport().height() >= view.spacing() + (9 * line) // 4
        first_new = next(n for n, r in enumerate(model.items) if r.id in model.new_ids)
        top = view.visualRect(model.index(first_new)).top()
        assert 0 <= top < view.viewport().height(), (window.session.question.id, top)
    assert arrivals >= 2  # more than the first, which comes at the top of an empty list
    window.replace_settings(text_size=11)
    QApplication.setFont(QApplication.font())


def test_one_for_every_conversation_brought_by_an_answer_is_said_to_be_new(qtbot, window):
    """Told by the person harmed, "Convey belief…" and "Offer a worker of the same
    gender…" came into the folded "Always" unseen (review 2026-12-01)."""
    panel = window.reminders
    press(qtbot, window, Qt.Key.Key_N)
    before = panel.general_model.rowCount()
    qtbot.keyClicks(window.question_page.panel, "1")  # the person it is happening to
    arrived = panel.general_model.rowCount() - before
    assert arrived > 0
    assert panel.always.button.text() == f"Always ({before + arrived}, {arrived} new)"
    assert "Convey belief" in panel.announced[-1]
    qtbot.keyClicks(window.question_page.panel, "1")  # still new on the next page
    assert panel.always.button.text().endswith(f"{arrived} new)")
    panel.always.button.click()  # read
    assert panel.always.button.text() == f"Always ({before + arrived})"


def test_one_for_every_conversation_gone_and_back_is_new_again(window):
    """Taken away by a corrected answer and brought back by correcting it again, it came
    back unflagged and unannounced (review 2026-12-01)."""
    panel = window.reminders
    first, *others = panel.general_model.items
    panel.show_reminders((first,), False)
    panel.show_reminders((first,), True)  # under way: folded
    panel.show_reminders((first, *others), True)
    panel.show_reminders((first,), True)  # an answer corrected
    panel.show_reminders((first, *others), True)  # and back
    assert panel.always.button.text().endswith(f"{len(others)} new)")
    assert others[0].text in panel.announced[-1]


def test_the_red_flags_raised_are_beside_the_judgement_question(qtbot, window):
    """The question says "Think about the red flags shown beside you", and none were shown
    until the plan (R41: the worker judges with them in view; review 2026-12-01)."""
    walk(qtbot, window, SCENARIO, stop_before="professional_judgement_high_risk")
    (flags,) = [text for text in shown(window.reminders) if "Red flags: " in text]
    for flag in ("Threats to kill", "Use of weapons or objects to hurt"):
        assert f"{flag}; " in flags, flag  # one item: the reminders stay in view below
    walk(qtbot, window, SCENARIO)  # on the plan they stand under the risk heading instead
    assert not any("Red flags: " in text for text in shown(window.reminders))


def test_a_reminder_the_plan_so_far_brings_comes_as_the_answer_is_given(qtbot, window):
    """ "Never ask for proof" (the plan has emergency accommodation) came only with the
    plan, after the worker had asked a dozen more questions (review 2026-12-01)."""
    homeless = {**SCENARIO, "safe_tonight": "no"}
    walk(qtbot, window, homeless, stop_before="children_in_household")
    assert "no_proof_no_contact" in [r.id for r in window.reminders.case_model.items]


def cut_short(view) -> list[str]:
    """The items whose wrapped words need more lines than the item has room for: the style
    draws them inside a margin each side, and elides the rest ("…")."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    cut = []
    for row in range(view.model().rowCount()):
        index = view.model().index(row)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        view.itemDelegate().initStyleOption(option, index)
        room = view.visualRect(index)
        words = option.fontMetrics.boundingRect(
            QRect(0, 0, room.width() - 2 * margin, 100_000), Qt.TextFlag.TextWordWrap, option.text
        )
        if words.height() > room.height():
            cut.append(option.text)
    return cut


def test_no_reminder_is_cut_short_with_the_focus_ring_at_any_size(qtbot, make_window):
    """ "…agree what to do in an emergency.…", its sources lost: each item was measured at
    its full width, but drawn inside the style's margins, wider with the focus ring (officer
    walk, 2026-12-02)."""
    from PySide6.QtWidgets import QApplication

    for size, width in ((11, 1100), (11, 1366), (16, 1100), (24, 1366)):
        window = make_window()
        window.replace_settings(text_size=size)
        window.ring_focus()
        window.resize(width, 720)
        walk(qtbot, window, SCENARIO)
        QApplication.processEvents()
        panel = window.reminders
        assert panel.case_model.rowCount() >= 3
        for view in (panel.case_view, panel.general_view):
            assert cut_short(view) == [], (size, width)
        window.replace_settings(text_size=11)
        QApplication.setFont(QApplication.font())


def test_the_red_flags_are_in_view_when_risk_is_judged(qtbot, make_window):
    """R41: judgement is asked with the red flags in view. The Dash's strangulation reminder
    was scrolled to the top of the list, and the red flags above it stayed out of sight
    (officer walk, 2026-12-02)."""
    from PySide6.QtWidgets import QApplication

    for size, width in ((11, 1100), (24, 1366)):
        window = make_window()
        window.replace_settings(text_size=size)
        window.resize(width, 720)
        while window.session.question.id != "professional_judgement_high_risk":
            answer_by_keys(qtbot, window, lambda q: scenario_value(q, SCENARIO))
            if window.pages.currentWidget() is window.emergency:
                continue_when_safe(qtbot, window)
        QApplication.processEvents()
        view, model = window.reminders.case_view, window.reminders.case_model
        assert model.items[0].category == "red_flag"
        flags, room = view.visualRect(model.index(0)), view.viewport().height()
        assert 0 <= flags.top() < room, size  # their start, where two lines are all there is
        assert size == 24 or flags.bottom() <= room
        # and named on the page itself, whole: at 24 pt the list under it showed two lines
        # of seven (re-attack round, 2026-12-02)
        page = window.question_page
        named = page.red_flags.text()
        ids = model.items[0].id.removeprefix("red_flags:").split("+")
        assert len(ids) >= 3 and all(i.replace("_", " ") in named for i in ids), named
        port = page.holder.viewport()
        top = page.red_flags.mapTo(port, QPoint(0, 0)).y()
        assert (
            page.red_flags.isVisible()
            and top >= 0
            and top + page.red_flags.height() <= port.height()
        )
        window.replace_settings(text_size=11)
        QApplication.setFont(QApplication.font())


def test_every_wording_of_the_judgement_asks_about_the_red_flags(graph):
    """The page names the red flags where its words ask about them (R41): the wording for
    the person causing harm did not, and its page named none (second re-attack round)."""
    question = graph.questions["professional_judgement_high_risk"]
    helps = [question.help, *(wording.help for wording in question.wordings)]
    assert len(helps) >= 4 and all("red flags" in help.casefold() for help in helps)


def test_each_red_flag_is_heard_once_as_the_dash_gives_it(qtbot, window):
    """Each red-flag "yes" in the Dash said every red flag so far, over the next item's
    words (accessibility audit, 2026-12-07): only the flag just given is said."""
    walk(qtbot, window, SCENARIO, stop_before="dash_answers")
    panel = window.reminders
    heard = []
    for item in range(1, 10):  # 6 separation, 8 stalking, 9 pregnancy: red flags
        before = len(panel.announced)
        press(qtbot, window, Qt.Key.Key_Y if item in (6, 8) else Qt.Key.Key_N)
        heard += panel.announced[before:]
    separation = [said for said in heard if "separat" in said.lower()]
    stalking = [said for said in heard if "stalk" in said.lower()]
    assert len(separation) == 1 and len(stalking) == 1, heard  # each once, on its own
    assert separation != stalking and "Red flag: " in stalking[0]
    # each a sentence: said with the next reminder, "…or suffocation Non-fatal
    # strangulation is…" ran on (screen-reader walk, 2026-12-07)
    assert all(said.endswith(".") for said in heard), heard


def test_a_red_flag_taken_off_and_given_again_is_heard_again(qtbot, window):
    """Item 8 answered yes, then no, then yes: the second yes was silent, the flag's
    reminder seen before (accessibility re-check, 2026-12-07)."""
    walk(qtbot, window, SCENARIO, stop_before="dash_answers")
    panel = window.reminders
    for item in range(1, 9):
        press(qtbot, window, Qt.Key.Key_Y if item == 8 else Qt.Key.Key_N)
    assert "stalk" in panel.announced[-1].lower()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_N, Qt.Key.Key_Up):  # taken off
        press(qtbot, window, key)
    heard = len(panel.announced)
    press(qtbot, window, Qt.Key.Key_Y)  # and given again
    assert any("Red flag: " in said and "stalk" in said.lower() for said in panel.announced[heard:])
