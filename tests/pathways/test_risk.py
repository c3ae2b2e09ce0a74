"""Dash count, the four MARAC criteria, and the SARC window, with settings."""

from app.pathways.graph import Settings
from app.pathways.risk import assess_risk, sarc_window
from tests.pathways.proof import dash

BASE = {
    "dash_answers": dash(0),
    "professional_judgement_high_risk": False,
    "incidents_12_months": 0,
    "marac_in_last_12_months": "no",
}


def risk(settings=None, **answers):
    return assess_risk({**BASE, **answers}, settings or Settings())


def test_dash_14_or_more_is_high():
    assert risk(dash_answers=dash(13)).level == "not_high"
    high = risk(dash_answers=dash(14))
    assert (high.level, high.criteria, high.dash_yes_count) == ("high", ("dash_14_plus",), 14)


def test_not_known_answers_do_not_count():
    answers = {f"dash_{n:02d}": "not_known" for n in range(1, 25)}
    assert risk(dash_answers=answers).dash_yes_count == 0


def test_each_criterion_alone_makes_high_and_is_named():
    assert risk(professional_judgement_high_risk=True).criteria == ("professional_judgement",)
    assert risk(incidents_12_months=3).criteria == ("escalation",)
    assert risk(incidents_12_months=2).level == "not_high"
    assert risk(marac_in_last_12_months="yes").criteria == ("repeat_marac",)
    assert risk(marac_in_last_12_months="not_known").level == "not_high"


def test_judgement_never_lowers_a_high_dash_count():
    assert risk(dash_answers=dash(20), professional_judgement_high_risk=False).level == "high"


def test_dash_not_completed_is_not_assessed_unless_another_criterion_holds():
    assert risk(dash_answers=None).level == "not_assessed"
    assert risk(dash_answers=None, incidents_12_months=5).level == "high"
    assert "Dash not completed" in risk(dash_answers=None).basis


def test_no_risk_questions_asked_is_not_applicable():
    assert assess_risk({"age_group": "under_16"}, Settings()).level == "not_applicable"


def test_escalation_threshold_is_a_setting():
    strict = Settings(escalation_incidents=2)
    assert risk(strict, incidents_12_months=2).criteria == ("escalation",)


def test_sarc_windows_follow_the_settings(graph):
    timing = graph.questions["saa_timing"]

    def window(value, settings=None):
        return sarc_window(timing, {"saa_timing": value}, settings or Settings())

    assert window("within_7_days") == "urgent"
    assert window("8_to_21_days") == "recent"
    assert window("22_days_to_12_months") == "outside"
    assert window("unknown") == "unknown"
    assert window("8_to_21_days", Settings(sarc_window_days=7)) == "outside"
    assert window("8_to_21_days", Settings(sarc_urgent_days=10)) == "urgent"
    assert sarc_window(timing, {}, Settings()) == "not_applicable"


def test_basis_reads_like_a_form(pathway):
    assert risk(dash_answers=dash(15)).basis == "Dash 15 of 24; 14 or more Dash 'yes' answers"
