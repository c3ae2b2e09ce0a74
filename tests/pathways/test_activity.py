"""The anonymised counts a plan adds: only the keys the standards ask for (001 §9.4)."""

import json
from datetime import date

from app.cli.route import answers_for
from app.pathways.activity import MEASURES, NOT_GIVEN, activity_keys, month_of
from tests.conftest import DATA

REFERENCE = {c["name"]: c["scenario"] for c in json.loads((DATA / "reference.json").read_text())}
DAY = date(2026, 11, 21)


def step_for(pathway, name):
    return pathway.step(answers_for(pathway, REFERENCE[name]))


def keys_for(pathway, name):
    return activity_keys(pathway.graph, step_for(pathway, name), DAY)


def test_one_plan_adds_month_borough_and_each_measure(pathway):
    keys = keys_for(pathway, "adult DA, 15 yes, children at home (Walsall)")
    assert {k.month for k in keys} == {"2026-11"} and {k.borough for k in keys} == {"walsall"}
    pairs = {(k.measure, k.value) for k in keys}
    plan = step_for(pathway, "adult DA, 15 yes, children at home (Walsall)").plan
    expected = {("plans", "completed"), ("age_group", "adult"), ("abuse_type", "domestic_abuse")}
    expected |= {("risk_level", plan.risk.level)} | {("action", k) for k in plan.action_kinds}
    assert pairs == expected


def test_an_action_with_no_confirmed_service_is_unmet_need(pathway):
    keys = keys_for(pathway, "adult sexual assault 3 days ago (Coventry)")
    assert {k.value for k in keys if k.measure == "unmet_need"} == {"isva_referral"}


def test_only_pathway_values_reach_the_counts(pathway, graph):
    step = step_for(pathway, "adult DA, 8 yes: not high")
    tampered = type(step)(
        step.asked,
        {**step.answers, "borough": "Flat 2, 14 High St"},
        step.reminders,
        plan=step.plan,
    )
    keys = activity_keys(graph, tampered, DAY)
    assert {k.borough for k in keys} == {NOT_GIVEN}
    allowed = {str(v) for q in graph.questions.values() for v in q.allowed_values}
    allowed |= {"completed", NOT_GIVEN, step.plan.risk.level, *step.plan.action_kinds}
    assert all(k.measure in MEASURES and k.value in allowed for k in keys)


def test_no_plan_no_counts_and_months_only(pathway, graph):
    assert activity_keys(graph, pathway.step({}), DAY) == ()
    assert month_of(date(2027, 1, 9)) == "2027-01"
