"""The red flags as one reminder; and a page's ticks bring their reminders before its
Continue (CaseSession.reminders_holding)."""

from app.pathways.graph import Guidance
from app.ui.case import CaseSession
from app.ui.case_reminders import DASH_ITEM, red_flags_in_one


def test_red_flags_cite_their_dash_items_in_one_source():
    """One source for every flag's Dash item, in English: "Dash items 15" for one."""

    def flag(n):
        return Guidance(f"flag_{n}", "red_flag", f"flag {n}", (f"{DASH_ITEM}{n}",), {})

    (one,) = red_flags_in_one((flag(15),))
    assert one.sources == ("national: SafeLives Dash item 15",)
    (two,) = red_flags_in_one((flag(15), flag(14)))
    assert two.sources == ("national: SafeLives Dash items 15, 14",)


WALKED = {"immediate_danger": False, "discloser": "person_harmed", "age_group": "adult"}
WALKED |= {"abuse_types": ["domestic_abuse"], "about_abuser": [], "perpetrator_nearby": False}
WALKED |= {"police_aware": "not_known", "relationship_to_abuser": "partner_or_ex"}
WALKED |= {"safe_tonight": "yes", "dash_answers": None}


def household_page(pathway):
    """A tier 2 adult's walk at the household and needs page, the Dash not completed."""
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    while session.question.id != "children_in_household":
        session.answer(session.value_on_screen(lambda question: WALKED[question.id]))
    assert "additional_needs" in {question.id for question in session.page.questions}
    return session


def test_a_box_ticked_brings_its_reminders_before_the_page_is_confirmed(pathway):
    """Ticking "an interpreter" or "children in the household" said nothing until Continue:
    "never a family interpreter" came after the questions were asked through one (officer
    walk, 2026-12-02). A box not ticked is not "no" until then."""
    session = household_page(pathway)
    held = {"children_in_household": True, "pregnant_or_recent_birth": False}
    held |= {"care_and_support_needs": False, "additional_needs": ["interpreter"]}
    ids = {reminder.id for reminder in session.reminders_holding(held)}
    assert {"no_family_interpreters", "children_not_present"} <= ids
    unticked = held | {"children_in_household": False, "additional_needs": []}
    ids = {reminder.id for reminder in session.reminders_holding(unticked)}
    assert not {"no_family_interpreters", "children_not_present"} & ids
