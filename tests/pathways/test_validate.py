"""The validator lists every problem with a graph, so a content editor can fix them at once."""

import dataclasses

from app.pathways.graph import Edge, Guidance, OutcomeRule
from app.pathways.validate import validate


def test_the_shipped_graph_is_valid(graph):
    assert validate(graph) == []


def broken(graph, **changes):
    return validate(dataclasses.replace(graph, **changes))


def test_every_problem_is_listed_not_just_the_first(graph):
    rules = [
        *graph.rules,
        OutcomeRule("R99", "no_such_action", "why", (), {"q": "colour", "eq": "red"}),
        OutcomeRule("R98", "helpline", "why", ("x",), {"q": "age_group", "eq": "toddler"}),
    ]
    problems = broken(graph, rules=rules)
    assert any("R99" in p and "no such action kind" in p for p in problems)
    assert any("R99" in p and "has no source" in p for p in problems)
    assert any("R99" in p and "no question 'colour'" in p for p in problems)
    assert any("R98" in p and "'toddler'" in p for p in problems)


def test_unreachable_nodes_and_missing_ends_are_found(graph):
    edges = dict(graph.edges)
    for source in edges:  # nothing leads to the timing question or the plan any more
        edges[source] = [e for e in edges[source] if e.target not in ("saa_timing", "plan")]
    del edges["consent_to_share"]
    problems = broken(graph, edges=edges)
    assert any("'saa_timing' is unreachable" in p for p in problems)
    assert any("'consent_to_share' has no edge out" in p for p in problems)
    assert any("'plan' is unreachable" in p for p in problems)


def test_a_cycle_is_found(graph):
    edges = {**graph.edges, "consent_to_share": [Edge("consent_to_share", "tier")]}
    assert any(p.startswith("cycle:") for p in broken(graph, edges=edges))


def test_an_edge_reading_a_later_answer_is_found(graph):
    edges = dict(graph.edges)
    edges["tier"] = [
        Edge("tier", "age_group", {"q": "consent_to_share", "eq": "yes"}),
        Edge("tier", "age_group"),
    ]
    assert any("reads 'consent_to_share', asked later" in p for p in broken(graph, edges=edges))


def test_an_edge_reading_a_plan_that_later_answers_change_is_found(graph):
    """MARAC depends on the Dash: an edge before the Dash cannot know whether it is made."""
    edges = dict(graph.edges)
    edges["tier"] = [
        Edge("tier", "age_group", {"plan_has_any": ["marac_referral"]}),
        Edge("tier", "age_group"),
    ]
    problems = broken(graph, edges=edges)
    assert any(
        "tier -> age_group: reads the plan or a fact that 'dash_answers'" in p for p in problems
    )
    assert not any("consent_to_share" in p for p in validate(graph))  # its edges read the plan


def test_last_edge_must_be_unconditional(graph):
    edges = {**graph.edges, "tier": [Edge("tier", "age_group", {"q": "tier", "eq": 1})]}
    assert any("the last edge must have no condition" in p for p in broken(graph, edges=edges))


def test_guidance_without_source_or_with_a_bad_fact_is_found(graph):
    extra = [
        Guidance("x", "reminder", "t", (), {"fact": "risk.level", "eq": "medium"}),
        Guidance("y", "reminder", "t", ("s",), {"fact": "mood", "eq": "calm"}),
    ]
    problems = broken(graph, guidance=[*graph.guidance, *extra])
    assert any("reminder x: has no source" in p for p in problems)
    assert any("'medium'" in p for p in problems)
    assert any("no fact 'mood'" in p for p in problems)


def test_services_with_unknown_kinds_or_areas_are_found(graph):
    service = graph.services["ndah"]
    odd = dataclasses.replace(service, kinds=("teleport",), areas=("atlantis",), min_age=121)
    problems = broken(graph, services={**graph.services, "ndah": odd})
    assert any("unknown service kind 'teleport'" in p for p in problems)
    assert any("unknown area 'atlantis'" in p for p in problems)
    assert any("minimum age above maximum age" in p for p in problems)


def test_a_fallback_to_a_missing_service_is_found(graph):
    services = {k: v for k, v in graph.services.items() if k != "wmp-marac"}
    assert any("'wmp-marac' is not in the directory" in p for p in broken(graph, services=services))


def test_an_option_shown_ticked_must_be_a_multiple_choices_and_its_condition_known(graph):
    from app.pathways.graph import AnswerOption

    def with_tick(question_id, when):
        question = graph.questions[question_id]
        first = question.options[0]
        ticked = AnswerOption(first.value, first.label, {**first.attrs, "ticked_when": when})
        changed = dataclasses.replace(question, options=(ticked, *question.options[1:]))
        return broken(graph, questions={**graph.questions, question_id: changed})

    problems = with_tick("additional_needs", {"is": "no_such_condition"})
    assert any("additional_needs option interpreter ticked_when" in p for p in problems)
    assert any("only a multiple choice" in p for p in with_tick("safe_tonight", {"is": "stalking"}))


def test_a_tick_box_given_by_earlier_answers_is_a_tick_box_and_its_condition_known(graph):
    def with_given(question_id, when):
        pages = []
        for page in graph.pages:
            members = tuple(
                dataclasses.replace(m, given_when=when) if m.question == question_id else m
                for m in page.members
            )
            pages.append(dataclasses.replace(page, members=members))
        return broken(graph, pages=tuple(pages))

    problems = with_given("pregnant_or_recent_birth", {"is": "no_such_condition"})
    assert any(
        "page household_and_needs, pregnant_or_recent_birth given_when" in p for p in problems
    )
    multi = with_given("additional_needs", {"is": "stalking"})
    assert any("a multiple choice's options use ticked_when" in p for p in multi)


def test_a_wordings_group_must_be_a_group(graph):
    sarc = graph.actions["sarc_referral"]
    (child, *rest) = sarc.wordings
    assert child.group == "today"  # the shipped words: a child's SARC is not their choice
    odd = dataclasses.replace(sarc, wordings=(dataclasses.replace(child, group="later"), *rest))
    problems = broken(graph, actions={**graph.actions, "sarc_referral": odd})
    assert any("wording: group 'later' not one of" in p for p in problems)


def test_every_wording_of_the_dash_names_a_professional_interpreter(graph):
    """The needs (an interpreter among them) are asked after the Dash, so its own help says
    never to use family (H236); the 16-17 wording added later left it out (walk, 2026-12-07)."""
    dash = graph.questions["dash_answers"]
    helps = [dash.help, *(w.help for w in dash.wordings if w.help)]
    assert len(helps) >= 2
    for text in helps:
        assert "professional one: never family, friends or children" in text, text
