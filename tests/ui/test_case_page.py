"""A page of questions asked together: each member found by its question, and what a
member gets when nothing of it is ticked."""

from app.ui.case import CaseSession
from app.ui.case_page import unticked


def test_a_member_unticked_gets_its_own_answer_or_none_ticked(pathway):
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 1, "borough": "walsall"})
    for value in (False, "person_harmed", "adult", ["domestic_abuse"]):
        session.answer(value)
    shown = session.page
    questions = pathway.graph.questions
    got = {q.id: unticked(shown.member(q.id), questions[q.id]) for q in shown.questions}
    assert got["about_abuser"] == []  # a multi: nothing ticked
    assert got["perpetrator_nearby"] == shown.member("perpetrator_nearby").untick
