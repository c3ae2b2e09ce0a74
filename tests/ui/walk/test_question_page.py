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
    assert window.question_page.prompt.font().pointSizeF() == 36
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
