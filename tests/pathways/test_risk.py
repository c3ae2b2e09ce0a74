"""Derived facts on the shipped pathway: the Dash count, the four MARAC criteria, the
incomplete Dash (R38) and the SARC windows, with the settings the pathway ships."""

import dataclasses

from app.cli.route import answers_for
from app.pathways.risk import filled_in
from tests.pathways.proof import dash

ADULT_DA = {
    "tier": 2,
    "immediate_danger": False,
    "age_group": "adult",
    "abuse_types": ["domestic_abuse"],
    "borough": "walsall",
    "perpetrator_nearby": False,
    "dash_answers": dash(0),
    "professional_judgement_high_risk": False,
    "incidents_12_months": 0,
    "marac_in_last_12_months": "no",
    "children_in_household": False,
    "pregnant_or_recent_birth": False,
    "care_and_support_needs": False,
    "additional_needs": [],
    "consent_to_share": "yes",
}


def plan(pathway, settings=None, **changes):
    answers = answers_for(pathway, {**ADULT_DA, **changes})
    return pathway.step(answers, settings).plan


def risk(pathway, settings=None, **changes):
    return plan(pathway, settings, **changes).risk


def test_the_thresholds_are_the_shipped_pathways(graph):
    assert graph.settings.dash_high_risk_threshold == 14
    assert graph.settings.escalation_incidents == 3


def test_dash_14_or_more_is_high(pathway):
    assert risk(pathway, dash_answers=dash(13, rest="no")).level == "not_high"
    high = risk(pathway, dash_answers=dash(14))
    assert (high.level, high.criteria, high.dash_yes_count) == ("high", ("dash_14_plus",), 14)


def test_not_known_answers_could_reach_the_threshold_so_risk_is_not_assessed(pathway):
    """R38: 5 yes and 10 not known is not "not high"."""
    answers = dash(5, rest="no") | {f"dash_{n:02d}": "not_known" for n in range(6, 16)}
    found = risk(pathway, dash_answers=answers)
    assert (found.level, found.dash_yes_count) == ("not_assessed", 5)
    assert "Dash incomplete: 10 not known" in found.basis
    assert "dash_assessment" in plan(pathway, dash_answers=answers).action_kinds
    few = dash(5, rest="no") | {"dash_06": "not_known"}
    assert risk(pathway, dash_answers=few).level == "not_high"


def test_not_high_says_how_many_answers_are_not_known(pathway):
    """ "NOT HIGH: Dash 3 of 24" stood in bold over 10 answers not known, and read as the
    end of professional judgement (officer walk, 2026-12-08; H631)."""
    answers = dash(3, rest="no") | {f"dash_{n:02d}": "not_known" for n in range(4, 14)}
    found = risk(pathway, dash_answers=answers)
    assert (found.level, found.basis) == ("not_high", "Dash 3 of 24; 10 not known")
    assert risk(pathway, dash_answers=dash(3, rest="no")).basis == "Dash 3 of 24"


def test_each_criterion_alone_makes_high_and_is_named(pathway):
    assert risk(pathway, professional_judgement_high_risk=True).criteria == (
        "professional_judgement",
    )
    assert risk(pathway, incidents_12_months=3).criteria == ("escalation",)
    assert risk(pathway, incidents_12_months=2).level == "not_high"
    assert risk(pathway, marac_in_last_12_months="yes").criteria == ("repeat_marac",)
    assert risk(pathway, marac_in_last_12_months="not_known").level == "not_high"


def test_judgement_never_lowers_a_high_dash_count(pathway):
    assert risk(pathway, dash_answers=dash(20), professional_judgement_high_risk=False).level == (
        "high"
    )


def test_dash_not_completed_is_not_assessed_unless_another_criterion_holds(pathway):
    assert risk(pathway, dash_answers=None).level == "not_assessed"
    assert risk(pathway, dash_answers=None, incidents_12_months=5).level == "high"
    assert risk(pathway, dash_answers=None).basis == "Dash not completed"


def test_no_risk_questions_asked_is_not_applicable(pathway):
    assert risk(pathway, age_group="under_16").level == "not_applicable"


def test_thresholds_are_settings(pathway, graph):
    strict = dataclasses.replace(graph.settings, escalation_incidents=2)
    assert risk(pathway, strict, incidents_12_months=2).criteria == ("escalation",)


SAA = {
    "abuse_types": ["sexual_assault_abuse"],
    "relationship_to_abuser": "other",
}


def sarc(pathway, timing, settings=None):
    found = plan(pathway, settings, **SAA, saa_timing=timing).action("sarc_referral")
    if found is None:
        return "none"
    return "urgent" if "Urgent" in found.title else "offered"


def test_sarc_windows_follow_the_settings(pathway, graph):
    assert sarc(pathway, "within_7_days") == "urgent"
    assert sarc(pathway, "8_to_21_days") == "offered"
    assert sarc(pathway, "22_days_to_12_months") == "none"
    assert sarc(pathway, "unknown") == "urgent"  # it may have been within 72 hours (README)
    narrow = dataclasses.replace(graph.settings, sarc_window_days=7)
    assert sarc(pathway, "8_to_21_days", narrow) == "none"
    wide = dataclasses.replace(graph.settings, sarc_urgent_days=10)
    assert sarc(pathway, "8_to_21_days", wide) == "urgent"


def test_basis_reads_like_a_form(pathway):
    assert risk(pathway, dash_answers=dash(15)).basis == (
        "Dash 15 of 24; 14 or more Dash 'yes' answers"
    )


def test_a_text_naming_no_setting_in_braces_is_shown_as_written(pathway, graph):
    """A signed update's prompt with braces of its own ("{name}", "{"): shown as written,
    never an error mid-conversation."""
    assert filled_in("Ask {name} {", graph.settings) == "Ask {name} {"
    assert filled_in("in {escalation_period_months} months", graph.settings) == "in 12 months"
