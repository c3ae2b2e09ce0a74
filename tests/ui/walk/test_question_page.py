"""One question a page: read by a screen reader as its question, with its hint."""

from PySide6.QtCore import Qt

from app.ui.walk.question_page import QuestionPage


def test_the_page_is_named_by_its_question_and_described_by_its_hint(qtbot, graph):
    page = QuestionPage()
    qtbot.addWidget(page)
    question = graph.questions["perpetrator_nearby"]
    page.show_question(question, None, 7)
    assert page.accessibleName() == question.prompt
    assert page.accessibleDescription() == question.help
    assert page.prompt.text() == question.prompt
    assert page.prompt.accessibleName() == ""  # read as its text, never a generic word
    assert page.section.text() == f"{question.section} · question 7"


def test_the_question_follows_a_text_size_change_at_once(qtbot, make_window):
    window = make_window()
    window.replace_settings(text_size=24)
    assert window.question_page.prompt.font().pointSizeF() == 30  # six points above, at most
    window.replace_settings(text_size=11)
    assert window.question_page.prompt.font().pointSizeF() == 16.5


def test_enter_on_back_goes_back_and_never_answers(qtbot, graph):
    page = QuestionPage()
    qtbot.addWidget(page)
    page.show_question(graph.questions["children_in_household"], None, 7)
    page.show()
    page.back.setFocus()
    with qtbot.assertNotEmitted(page.answered), qtbot.waitSignal(page.back_requested):
        qtbot.keyClick(page.back, Qt.Key.Key_Return)
    # as on the answers, Enter or Space with Ctrl or Alt held is no press of Back
    with qtbot.assertNotEmitted(page.back_requested), qtbot.assertNotEmitted(page.answered):
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
            for held in (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier):
                qtbot.keyClick(page.back, key, held)


def test_back_says_once_what_it_would_leave_behind(qtbot, window):
    """Back from a half-given Dash lost its answers without a word."""
    import json

    from tests.conftest import DATA
    from tests.ui.conftest import walk

    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    page = window.question_page
    page.panel.table.setFocus()
    for _ in range(3):
        qtbot.keyClick(page.panel.table, Qt.Key.Key_Y)
    window.replace_settings(text_size=16)  # drawn anew: the answers are still unconfirmed
    qtbot.keyClick(page.panel.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.session.question.id == "dash_answers" and not page.losing.isHidden()
    assert page.losing.text().startswith("Back leaves the answers given on this page")
    qtbot.keyClick(page.panel.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.session.question.id != "dash_answers"  # the second press goes back
    assert page.losing.isHidden()


def test_back_from_an_untouched_page_goes_at_once(qtbot, window):
    qtbot.keyClick(window.question_page.panel, Qt.Key.Key_N)  # not in danger
    page = window.question_page
    page.back.click()
    assert window.session.question.id == "immediate_danger" and page.losing.isHidden()


def test_a_change_from_the_summary_strip_says_so_too(qtbot, window):
    import json

    from tests.conftest import DATA
    from tests.ui.conftest import walk

    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, scenario, stop_before="dash_answers")
    page = window.question_page
    qtbot.keyClick(page.panel.table, Qt.Key.Key_N)
    window.correct("borough")
    assert window.session.question.id == "dash_answers"
    assert page.losing.text().startswith("Changing an answer leaves the answers given")
    window.correct("borough")
    assert window.session.question.id == "borough"


def about_the_person(qtbot, pathway, width: int) -> QuestionPage:
    """The page of tick boxes about the person causing harm, with room for a box or two:
    the rest below the fold."""
    from app.ui.case import CaseSession

    session = CaseSession(pathway, pathway.graph.settings, {"tier": 1, "borough": "walsall"})
    for value in (False, "person_harmed", "adult", ["domestic_abuse"]):
        session.answer(value)
    page = QuestionPage()
    qtbot.addWidget(page)
    page.resize(width, 260)
    page.show_from(session, None)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_tick_pages_words_stay_on_screen_beside_back(qtbot, pathway):
    """At 24 pt "press 0 for none of these" was below the fold: 0 was pressed three times
    with no word why (officer walks, 2026-12-02). It is beside Back, outside what scrolls."""
    page = about_the_person(qtbot, pathway, 600)
    panel = page.panel
    assert not page.holder.widget().isAncestorOf(panel.more)
    for _ in range(len(panel.boxes) + 1):  # a view at a time, then the ask for 0
        panel.keys_held_until = 0.0
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert panel.more.isVisible() and panel.more.text().startswith("Nothing is ticked")
    assert page.rect().contains(panel.more.geometry())


def test_a_tick_pages_words_take_backs_row_not_a_row_under_it(qtbot, pathway):
    """At 24 pt on a 1366x768 laptop "There was more below" and Back under it left one box
    in view, and "none of these" took seven presses (officer walk, 2026-12-06)."""
    from PySide6.QtCore import QPoint

    page = about_the_person(qtbot, pathway, 900)
    page.panel.keys_held_until = 0.0
    qtbot.keyClick(page.panel, Qt.Key.Key_0)  # before every box is read: "more below"
    more = page.panel.more
    qtbot.waitUntil(more.isVisible)
    said, back = more.mapTo(page, QPoint(0, 0)), page.back.mapTo(page, QPoint(0, 0))
    assert said.y() < back.y() + page.back.height()  # on Back's row
    assert said.x() >= back.x() + page.back.width()  # to its right


def test_a_box_ticked_by_its_key_below_the_fold_is_brought_into_view(qtbot, pathway):
    """At 24 pt only "Domestic abuse [1]" showed: 2 ticked "Sexual assault or abuse" out of
    view, unseen, and 2 again took it off (officer walk, 2026-12-02)."""
    from app.ui.case import CaseSession

    session = CaseSession(pathway, pathway.graph.settings, {"tier": 1, "borough": "walsall"})
    for value in (False, "person_harmed", "adult"):
        session.answer(value)
    assert session.question.id == "abuse_types"
    page = QuestionPage()
    qtbot.addWidget(page)
    page.resize(600, 200)  # room for the first box: the second below the fold
    page.show_from(session, None)
    page.show()
    qtbot.waitExposed(page)
    box = page.panel.boxes["2"]

    def seen():
        return box.visibleRegion().boundingRect().height() == box.height()

    assert not seen()
    qtbot.keyClick(page.panel, Qt.Key.Key_2)
    assert box.isChecked()
    qtbot.waitUntil(seen)


def test_the_words_asking_for_a_second_press_never_squeeze_the_answers(qtbot, window):
    """At 24 pt "There were more answers below" ran over the answers, and "Someone else (a
    carer, landlord, acquaintance or stranger)" lost its second line and its key [3]: the
    list, aligned left as a whole, wrapped the words to a guessed width (officer walk)."""
    from tests.ui.conftest import walk

    scenario = {"tier": 2, "immediate_danger": False, "discloser": "person_harmed"}
    scenario |= {"age_group": "adult", "abuse_types": ["sexual_assault_abuse"]}
    window.resize(1280, 640)  # at 1366x768 the versions' line is the page's now: all fit
    window.replace_settings(text_size=24)
    walk(qtbot, window, scenario, stop_before="relationship_to_abuser")
    panel = window.question_page.panel
    qtbot.wait(50)  # laid out at 24 pt: "Not known" below the fold
    assert not panel._all_seen("3")  # the last answer below the fold: the words show
    qtbot.waitUntil(panel.more.isVisible)
    qtbot.wait(50)
    for button in panel.buttons:
        assert button.height() >= button.sizeHint().height(), button.text()
    assert panel.more.geometry().top() >= panel.buttons[-1].geometry().bottom()
    assert panel.more.width() > panel.buttons[2].width()  # the page's width, not a guess


def test_a_tick_pages_room_to_spare_goes_below_its_buttons(qtbot, pathway):
    """The spare height stood as empty bands under each hint, the buttons at the page's foot
    (officer walk, 2026-12-02): "no dead areas"."""
    from itertools import pairwise

    from PySide6.QtCore import QPoint

    from app.ui.case import CaseSession

    session = CaseSession(pathway, pathway.graph.settings, {"tier": 1, "borough": "walsall"})
    for value in (False, "person_harmed", "adult", ["domestic_abuse"]):
        session.answer(value)
    page = QuestionPage()
    qtbot.addWidget(page)
    page.resize(900, 2400)  # taller than the page at any font size a test leaves
    page.show_from(session, None)
    page.show()
    qtbot.waitExposed(page)
    panel = page.panel

    def top(widget):
        return widget.mapTo(panel, QPoint(0, 0)).y()

    words = [top(w) for w in panel.words]
    gaps = [after - before for before, after in pairwise(words)]
    tallest = max(w.height() for w in panel.words)
    hint = panel.fontMetrics().height() * 3  # a box's words and a two-line hint under them
    assert all(gap <= tallest + hint for gap in gaps), gaps
    below = panel.height() - (top(panel.go_on) + panel.go_on.height())
    assert below > 200, below  # the room to spare, under the buttons


def test_a_tick_key_held_as_the_page_opens_after_the_dash_is_said(qtbot, window):
    """The page's own hold dropped a "1" for the children typed as the Dash moved on, with
    no word, and the plan had no children's front door (officer walk, 2026-12-03, H329)."""
    import json

    from tests.conftest import DATA
    from tests.ui.conftest import press, walk

    case = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    walk(qtbot, window, case, stop_before="children_in_household")
    page = window.question_page
    page.hold_keys()  # as the Dash's last item does
    press(qtbot, window, Qt.Key.Key_1)
    panel = page.panel
    assert not panel.boxes["1"].isChecked()
    assert panel.more.isVisible() and panel.more.text().startswith("Not ticked: 1 was pressed")


def test_tab_goes_through_the_answers_to_back_as_they_stand(qtbot, make_window):
    """Tab from the last answer went to the tab bar, and Back came before the answers: a
    page's answers joined the window's Tab order at its end (officer walk, 2026-12-03)."""
    window = make_window()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N)  # on to "who is telling you"
    qtbot.wait(50)  # answers added to a shown page are shown once events run
    page = window.question_page
    order = [window.focusWidget()]
    for _ in page.panel.buttons:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        order.append(window.focusWidget())
    assert order == [*page.panel.buttons, page.back]
    above = [button for button in window.strip.buttons.values() if button.isVisible()][-1]
    above.setFocus()  # from the summary strip over the page, Tab comes to the first answer
    qtbot.keyClick(above, Qt.Key.Key_Tab)
    assert window.focusWidget() is page.panel.buttons[0]


def test_a_screen_reader_reading_from_the_top_hears_the_question_first(qtbot, window):
    """Held above what scrolls, the question came last among the page's parts: read from
    the top, the hint and the answers came before it (accessibility audit, 2026-12-07)."""
    from PySide6.QtGui import QAccessible

    page = window.question_page
    shown = []

    def read(iface):
        for at in range(iface.childCount()):
            child = iface.child(at)
            if child is not None and not child.state().invisible:
                shown.append(child.text(QAccessible.Text.Name))
                read(child)

    read(QAccessible.queryAccessibleInterface(page))
    question = page.prompt.text()
    assert shown.index(question) < shown.index("Yes") and shown[0] == page.section.text()
