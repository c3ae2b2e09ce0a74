"""The Dash: one key an item (or an item and its button), each item whole, never an item
the worker did not select, and nothing lost at a new text size."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.ui.palettes import use_text_size
from app.ui.walk.answer_panels import panel_for
from app.ui.walk.dash_panel import ChecklistPanel
from tests.conftest import DATA
from tests.ui.conftest import after_the_dash, walk


def dash_panel(qtbot, graph, current=None):
    panel = panel_for(graph.questions["dash_answers"], current)
    qtbot.addWidget(panel)
    panel.show()
    panel.focus_first()
    return panel


def test_the_dash_moves_on_after_its_last_item(qtbot, graph):
    panel = dash_panel(qtbot, graph)
    items = graph.questions["dash_answers"].items
    for _ in items[:-1]:
        qtbot.keyClick(panel, Qt.Key.Key_N)
    with qtbot.waitSignal(panel.answered) as answered:
        qtbot.keyClick(panel, Qt.Key.Key_Y)  # the 24th key: no Enter needed
    assert answered.args[0][items[-1].id] == "yes"
    assert list(answered.args[0].values()).count("no") == len(items) - 1


def test_a_dash_key_pressed_with_alt_or_ctrl_answers_no_item(qtbot, graph):
    """Alt and Ctrl keys are the window's shortcuts, never an item's answer (Alt+C on a
    tick page ticked a box: officer walk, 2026-12-02)."""
    panel = dash_panel(qtbot, graph)
    for key in (Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_K, Qt.Key.Key_S):
        for modifier in (Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier):
            qtbot.keyClick(panel, key, modifier)
            qtbot.keyClick(panel.table, key, modifier)
    assert panel.table.currentIndex().row() == 0  # still the first item, none answered
    qtbot.keyClick(panel, Qt.Key.Key_Y)
    assert panel.table.currentIndex().row() == 1


def test_an_item_skipped_needs_enter_and_counts_as_not_known(qtbot, graph):
    panel = dash_panel(qtbot, graph)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # item 1 left blank
    emitted = []
    panel.answered.connect(emitted.append)
    for _ in range(23):
        qtbot.keyClick(panel, Qt.Key.Key_N)
    assert emitted == []  # not every item answered: the worker confirms
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert emitted[0]["dash_01"] == "not_known"


def test_dash_items_wrap_and_show_the_red_flag_tag_whole(qtbot, graph):
    panel = dash_panel(qtbot, graph)
    panel.resize(700, 600)
    assert isinstance(panel, ChecklistPanel) and panel.table.wordWrap()
    row = next(i for i, item in enumerate(panel.model.items) if item.red_flag)
    text = panel.model.index(row, 1).data()
    assert text.endswith("(red flag)")
    one_line = panel.table.fontMetrics().height()
    long_row = max(range(panel.model.rowCount()), key=lambda r: len(panel.model.items[r].text))
    qtbot.waitUntil(lambda: panel.table.rowHeight(long_row) > one_line * 1.5)  # wrapped


@pytest.mark.parametrize("points", [11, 24])
def test_the_dash_number_and_answer_columns_show_their_whole_text(qtbot, graph, points):
    """At 24 pt the header's "Answer" was cut to "nswe"; an answer must never be cut either,
    nor widen its column as it is given (the questions, read aloud, would move)."""
    usual = QApplication.font().pointSize()
    use_text_size(points)
    try:
        panel = dash_panel(qtbot, graph)
        header, metrics = panel.table.horizontalHeader(), panel.table.fontMetrics()
        for column in (0, 2):
            assert header.sectionSize(column) >= header.sectionSizeHint(column)
        assert header.sectionSize(2) > metrics.horizontalAdvance("Not known")
        before = header.sectionSize(2)
        qtbot.keyClick(panel.table, Qt.Key.Key_K)  # "not known"
        assert panel.model.index(0, 2).data() == "Not known"
        assert header.sectionSize(2) == before
    finally:
        use_text_size(usual)


def test_the_dash_answers_by_mouse_with_its_keys_shown(qtbot, graph):
    panel = dash_panel(qtbot, graph)
    by_key = {b.text().rsplit("[", 1)[-1].rstrip("]"): b for b in panel.findChildren(QPushButton)}
    shown = {key: by_key[key].text().split("  ")[0] for key in "YNK"}
    assert shown == {"Y": "Yes", "N": "No", "K": "Not known"}  # the keys, shown
    panel.table.selectRow(4)  # the item clicked
    qtbot.mouseClick(by_key["N"], Qt.MouseButton.LeftButton)
    assert panel.model.answers == {"dash_05": "no"}
    assert panel.table.currentIndex().row() == 5 and panel.focusWidget() is panel.table
    qtbot.keyClick(panel, Qt.Key.Key_Y)  # the keys go on working after a click
    assert panel.model.answers["dash_06"] == "yes"


def test_ctrl_tab_leaves_the_dash_for_the_next_tab(qtbot, window):
    """The Dash table kept Ctrl+Tab: a keyboard-only worker could not reach Directory or
    Settings from the Dash page."""
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    table = window.question_page.panel.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1


def test_enter_on_a_focused_button_presses_that_button(qtbot, graph):
    """Enter on "Not completed" recorded the Dash as done, every item "not known"."""
    panel = dash_panel(qtbot, graph)
    skip = next(b for b in panel.findChildren(QPushButton) if b.text().endswith("[S]"))
    skip.setFocus()
    with qtbot.waitSignal(panel.answered) as answered:
        qtbot.keyClick(skip, Qt.Key.Key_Return)
    assert answered.args == [None]
    keys = [b for b in panel.findChildren(QPushButton) if b.text()[-3:] in ("[Y]", "[N]", "[K]")]
    assert len(keys) == 3 and all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in keys)


def test_with_no_item_selected_a_button_answers_none(qtbot, graph):
    panel = dash_panel(qtbot, graph)
    panel.table.selectRow(4)
    panel.table.clearSelection()  # e.g. Ctrl+click on the selected item
    yes = next(b for b in panel.findChildren(QPushButton) if b.text().endswith("[Y]"))
    yes.click()
    assert panel.model.answers == {}
    assert [i.row() for i in panel.table.selectionModel().selectedRows()] == [4]  # now shown
    yes.click()
    assert panel.model.answers == {"dash_05": "yes"}


def test_a_new_text_size_keeps_the_item_the_worker_is_on(qtbot, window):
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    panel = window.question_page.panel
    for _ in range(5):
        qtbot.keyClick(panel, Qt.Key.Key_Y)
    panel.table.selectRow(10)
    qtbot.keyClick(panel, Qt.Key.Key_N)  # item 11 answered: on to item 12
    window.replace_settings(text_size=16)
    again = window.question_page.panel
    assert again is not panel and again.model.answers["dash_11"] == "no"
    assert again.cursor() == 11


def test_backspace_takes_back_the_last_answer_and_never_goes_back(qtbot, window):
    """Backspace on the Dash went Back and lost 14 answers."""
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    panel = window.question_page.panel
    panel.table.setFocus()
    for _ in range(14):
        qtbot.keyClick(panel.table, Qt.Key.Key_N)
    qtbot.keyClick(panel.table, Qt.Key.Key_Backspace)
    assert window.session.question.id == "dash_answers" and window.question_page.panel is panel
    assert len(panel.model.answers) == 13 and "dash_14" not in panel.model.answers
    assert panel.cursor() == 13  # item 14, to answer again
    qtbot.keyClick(panel.table, Qt.Key.Key_Y)
    assert panel.model.answers["dash_14"] == "yes"


def test_tab_leaves_the_dash_table_for_its_buttons(qtbot, graph):
    panel = dash_panel(qtbot, graph)
    assert not panel.table.tabKeyNavigation()


def test_a_dash_left_not_completed_stays_so_when_the_walk_comes_back_to_it(qtbot, window):
    """An earlier answer corrected walks the later pages again: on the Dash, left not
    completed, Enter recorded 24 "not known" (review 2026-12-01). It says how it was left,
    and Enter keeps it; answering items completes it."""
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    qtbot.keyClick(window.question_page.panel, Qt.Key.Key_S)
    assert window.session.answers["dash_answers"] is None
    after_the_dash(qtbot)  # keys are taken again a moment after the Dash
    window.edit("dash_answers")
    panel = window.question_page.panel
    note = window.question_page.note
    assert window.session.question.id == "dash_answers" and not note.isHidden()
    assert note.text().startswith("Dash not completed, as answered before")
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.session.answers["dash_answers"] is None
    after_the_dash(qtbot)
    window.edit("dash_answers")
    panel = window.question_page.panel
    qtbot.keyClick(panel.table, Qt.Key.Key_Y)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    answers = window.session.answers["dash_answers"]
    assert answers["dash_01"] == "yes" and list(answers.values()).count("not_known") == 23


def test_a_dash_never_answered_says_nothing_of_before(qtbot, window):
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    assert window.question_page.note.isHidden()


def test_a_red_flag_is_in_view_as_its_dash_item_is_answered(qtbot, window):
    """Strangulation answered "yes" on the Dash showed nothing new beside it until the
    whole Dash was done (review 2026-12-01)."""
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    panel = window.question_page.panel
    items = [item.id for item in panel.question.items]
    qtbot.keyClicks(panel.table, "N" * items.index("dash_15"))
    assert not any(r.id.startswith("red_flags:") for r in window.reminders.case_model.items)
    qtbot.keyClicks(panel.table, "Y")  # item 15: strangulation
    shown = [r for r in window.reminders.case_model.items if r.id.startswith("red_flags:")]
    assert shown and "strangulation" in shown[0].text.lower()
    assert window.session.question.id == "dash_answers"  # still answering the Dash


def test_a_figure_typed_ahead_never_moves_the_dash_to_another_item(qtbot, graph):
    """A "3" typed ahead for the page before moved the cursor to item 3, and the next Y
    answered item 3 (housing officer's re-walk, 2026-12-04; H402)."""
    panel = dash_panel(qtbot, graph)
    items = graph.questions["dash_answers"].items
    qtbot.keyClicks(panel.table, "3")
    qtbot.keyClick(panel.table, Qt.Key.Key_Y)
    assert panel.model.answers == {items[0].id: "yes"}


def test_the_item_being_asked_has_the_focus_and_an_answer_is_heard(qtbot, graph, monkeypatch):
    """The number's cell had the focus: a screen reader read "2", "3", never the item to
    read aloud, and an answer given was not heard (accessibility audit, 2026-12-07)."""
    heard = []
    monkeypatch.setattr("app.ui.walk.dash_panel.announce", lambda _widget, text: heard.append(text))
    panel = dash_panel(qtbot, graph)
    panel.focus_first()
    current = panel.table.currentIndex()
    assert (current.row(), current.column()) == (0, 1)
    items = graph.questions["dash_answers"].items
    said = current.data(Qt.ItemDataRole.AccessibleTextRole)
    assert said == items[0].text
    # the item heard on arrival, and an answer with the next item's words: alone after them,
    # "Item 1: Yes." sounded like item 2's answer (a11y walk on AT-SPI, 2026-12-07)
    assert heard[-1] == f"Item 1 of 24: {items[0].text}"
    qtbot.keyClick(panel.table, Qt.Key.Key_Y)
    assert heard[-1] == f"Item 1: Yes. Item 2 of 24: {items[1].text}"
    current = panel.table.currentIndex()
    assert (current.row(), current.column()) == (1, 1)
    assert panel.cursor() == 1  # the row still selected as a whole


def test_taking_an_answer_back_is_heard_and_the_arrows_keep_to_the_items_words(
    qtbot, graph, monkeypatch
):
    """Backspace took an answer back in silence, and Left or Home put the focus on the
    number's cell, heard as "9" (accessibility re-check, 2026-12-07)."""
    heard = []
    monkeypatch.setattr("app.ui.walk.dash_panel.announce", lambda _widget, text: heard.append(text))
    panel = dash_panel(qtbot, graph)
    qtbot.keyClick(panel.table, Qt.Key.Key_Y)
    qtbot.keyClick(panel.table, Qt.Key.Key_Backspace)
    assert heard[-1] == "Item 1: answer taken back."
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_End):
        qtbot.keyClick(panel.table, key)
        assert panel.table.currentIndex().column() == 1, key


def test_backspace_takes_back_the_answer_just_given_and_never_says_one_it_did_not(
    qtbot, graph, monkeypatch
):
    """Item 2 corrected, Backspace took item 3's answer instead; on an item with none it
    said "answer taken back" (verifier, 2026-12-07)."""
    heard = []
    monkeypatch.setattr("app.ui.walk.dash_panel.announce", lambda _widget, text: heard.append(text))
    panel = dash_panel(qtbot, graph)
    qtbot.keyClick(panel.table, Qt.Key.Key_Backspace)
    assert heard[-1] == "Item 1: no answer to take back."
    for key in (Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_K, Qt.Key.Key_Up, Qt.Key.Key_Up):
        qtbot.keyClick(panel.table, key)
    qtbot.keyClick(panel.table, Qt.Key.Key_Y)  # item 2 corrected: the cursor on item 3
    qtbot.keyClick(panel.table, Qt.Key.Key_Backspace)
    assert heard[-1] == "Item 2: answer taken back."
    assert panel.model.answers == {"dash_01": "yes", "dash_03": "not_known"}


def test_the_interpreter_line_is_part_of_the_panel_kept_in_view_with_the_table(qtbot, graph):
    """At 24 pt the view opens on the Dash table and the page's help (never a family
    interpreter, H236) is above it, out of sight, while the needs are asked after the Dash:
    the line is in the panel, which in_view keeps on screen with the table (walk, 2026-12-07)."""
    from PySide6.QtWidgets import QLabel

    panel = dash_panel(qtbot, graph)
    assert panel.in_view(panel.table) is panel
    lines = [label.text() for label in panel.findChildren(QLabel)]
    assert any("never family, friends or children" in text for text in lines), lines


def test_back_to_a_dash_answered_whole_says_so_and_each_items_answer(qtbot, graph, monkeypatch):
    """Back to a finished Dash, "Item 1 of 24: …" alone sounded like a fresh start, and the
    spoken item dropped "(red flag)" (verifier on AT-SPI, 2026-12-07)."""
    heard = []
    monkeypatch.setattr("app.ui.walk.dash_panel.announce", lambda _widget, text: heard.append(text))
    items = graph.questions["dash_answers"].items
    panel = dash_panel(qtbot, graph, {item.id: "no" for item in items} | {items[0].id: "yes"})
    assert heard[-1].startswith(f"All 24 answered: Enter goes on. Item 1 of 24: {items[0].text}")
    assert heard[-1].endswith(" Answered: Yes.")
    flagged = next(n for n, item in enumerate(items) if item.red_flag)
    assert "(red flag)" in panel._item_words(flagged)
