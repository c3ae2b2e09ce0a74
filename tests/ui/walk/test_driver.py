"""The walk driver on a real Conversation: questions, the 999 card, a correction from the
summary strip, the plan."""

from app.ui.case import CaseSession
from app.ui.conversation import Conversation
from app.ui.walk.driver import WalkDriver
from tests.ui.conftest import TODAY


def test_it_walks_to_the_plan_through_the_999_card_and_corrections(qtbot, pathway, graph):
    conversation = Conversation(allow_exports=False, copy=lambda _text: None)
    qtbot.addWidget(conversation)
    driver = WalkDriver(conversation, lambda: TODAY)
    plans = []
    driver.plan_shown.connect(lambda: plans.append(driver.session.plan))
    driver.start(CaseSession(pathway, graph.settings, {}))
    assert conversation.pages.currentWidget() is conversation.question_page
    driver.answer(True)  # danger now: the card, the answers kept
    assert conversation.pages.currentWidget() is conversation.emergency
    conversation.emergency.continue_requested.emit()
    assert driver.session.question.id == "discloser"
    case = next(v for v in graph.vignettes if v.id == "claire-he-is-outside")
    while driver.session.question is not None:
        driver.answer(driver.session.value_on_screen(lambda q: case.answers[q.id]))
        if conversation.pages.currentWidget() is conversation.emergency:
            conversation.emergency.continue_requested.emit()
    assert conversation.plan_view.action_kinds[0] == "emergency_999" and len(plans) == 1
    driver.correct("borough")
    assert driver.session.question.id == "borough"
    driver.answer("dudley")
    assert driver.session.plan is not None and driver.session.answers["borough"] == "dudley"
    driver.forget()
    assert driver.session is None and not conversation.plan_view.holds_case()
