"""Question pages: the shipped ones hold, and a page the window could not show honestly is
refused at build with words a content editor can act on."""

import dataclasses

from app.pathways.graph import PageMember, QuestionPage
from app.pathways.validate import validate


def with_page(graph, *members):
    page = QuestionPage("test_page", "Does any of this apply?", "", tuple(members))
    return validate(dataclasses.replace(graph, pages=(*graph.pages, page)))


def test_the_shipped_pages_are_valid_and_cover_the_one_key_questions(graph):
    assert validate(graph) == []
    on_pages = {q for page in graph.pages for q in page.questions}
    assert {"perpetrator_nearby", "police_aware", "children_in_household"} <= on_pages
    assert {"professional_judgement_high_risk", "marac_in_last_12_months"} <= on_pages


def test_a_question_whose_asking_reads_another_on_the_page_is_refused(graph):
    recent = PageMember("strangulation_recent", label="Recent", tick="yes", untick="no")
    regulated = PageMember("regulated_professional", label="A regulated professional")
    assert with_page(graph, recent, regulated) == []  # neither is asked on the other's answer
    problems = with_page(graph, regulated, recent)
    assert any("strangulation_recent is asked before regulated_professional" in p for p in problems)
    pages = tuple(p for p in graph.pages if p.id != "household_and_needs")
    fgm = QuestionPage(
        "fgm",
        "Does any of this apply?",
        "",
        (
            PageMember("additional_needs", legend="Needs"),
            PageMember("strangulation_recent", label="Recent", tick="yes", untick="not_known"),
        ),
    )
    problems = validate(dataclasses.replace(graph, pages=(*pages, fgm)))
    assert any("fgm" in p and "depends on another question on the page" in p for p in problems)


def test_questions_that_do_not_follow_one_another_are_refused(graph):
    problems = with_page(
        graph,
        PageMember("immediate_danger", label="Danger now"),
        PageMember("consent_to_share", label="Consent", tick="yes", untick="not_asked"),
    )
    assert any("can be asked between immediate_danger and consent_to_share" in p for p in problems)


def test_a_member_that_cannot_be_a_tick_box_is_named(graph):
    problems = with_page(
        graph,
        PageMember("abuse_types", legend="What happened"),
        PageMember("incidents_12_months", label="Incidents"),
        PageMember("safe_tonight", label="Safe tonight", tick="maybe", untick="yes"),
        PageMember("discloser"),
    )
    assert any("abuse_types: needs at least one choice" in p for p in problems)
    assert any("incidents_12_months: a count question cannot be a tick box" in p for p in problems)
    assert any("safe_tonight: tick 'maybe' is not one of its answers" in p for p in problems)
    assert any("discloser: a tick box needs a label" in p for p in problems)


def test_a_question_on_two_pages_or_alone_on_a_page_is_refused(graph):
    problems = with_page(graph, PageMember("perpetrator_nearby", label="Nearby"))
    assert any("needs two questions or more" in p for p in problems)
    assert any(
        "perpetrator_nearby is already on about_the_person_causing_harm" in p for p in problems
    )
