"""Proof over every path: the engine is walked down every branch and every plan is checked.

The walk itself chooses what is asked: at each question the enumeration branches on every
value in that question's test domain, so only the answers a path asks are ever given.
The full cross-product of every domain is about 10^9 plans, so the proof is a union of
sweeps. Each sweep is the full cross-product of the questions it varies, every other
question held at a baseline; together they cross every pair of questions a rule reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from app.pathways.engine import Pathway
from app.pathways.plan import Plan
from app.pathways.validate import validate
from tests.pathways.plan_checks import plan_failures

DASH_ITEMS = [f"dash_{n:02d}" for n in range(1, 25)]
NEEDS = [
    "interpreter",
    "honour_based_abuse",
    "forced_marriage",
    "fgm",
    "non_fatal_strangulation",
    "stalking",
    "suicide_risk",
    "male_victim",
    "lgbtq",
    "disability",
    "learning_disability",
    "immigration_insecure",
    "substance_use",
    "mental_health",
    "sex_work",
]
BOROUGHS = [
    "birmingham",
    "coventry",
    "dudley",
    "sandwell",
    "solihull",
    "walsall",
    "wolverhampton",
    "outside_west_midlands",
]


def dash(yes: int) -> dict[str, str]:
    """A completed Dash with `yes` yes answers; the rest alternate no and not known."""
    rest = ["no", "not_known"]
    return {item: "yes" if i < yes else rest[i % 2] for i, item in enumerate(DASH_ITEMS)}


NEED_SETS = [[], *([n] for n in NEEDS), *(list(p) for p in combinations(NEEDS, 2))]
FULL: dict[str, list[Any]] = {
    "immediate_danger": [True, False],
    "tier": [1, 2],
    "age_group": ["adult", "16_17", "under_16"],
    "abuse_types": [
        ["domestic_abuse"],
        ["sexual_assault_abuse"],
        ["domestic_abuse", "sexual_assault_abuse"],
    ],
    "borough": BOROUGHS,
    "perpetrator_nearby": [True, False],
    "saa_timing": [
        "within_7_days",
        "8_to_21_days",
        "22_days_to_12_months",
        "over_12_months",
        "unknown",
    ],
    "dash_answers": [dash(0), dash(13), dash(14), dash(24), None],
    "professional_judgement_high_risk": [True, False],
    "incidents_12_months": [2, 3],
    "marac_in_last_12_months": ["yes", "no", "not_known"],
    "children_in_household": [True, False],
    "pregnant_or_recent_birth": [True, False],
    "care_and_support_needs": [True, False],
    "additional_needs": NEED_SETS,
    "regulated_professional": [True, False],
    "consent_to_share": ["yes", "no", "not_asked"],
}
BASELINE: dict[str, Any] = {q: values[0] for q, values in FULL.items()} | {
    "immediate_danger": False,
    "borough": "walsall",
    "dash_answers": dash(0),
    "incidents_12_months": 2,
    "marac_in_last_12_months": "no",
    "professional_judgement_high_risk": False,
    "children_in_household": False,
    "care_and_support_needs": False,
    "regulated_professional": False,
}


def _vary(*questions: str, **narrowed: list[Any]) -> dict[str, list[Any]]:
    return {q: FULL[q] for q in questions} | narrowed


ROUTING = ("tier", "age_group", "abuse_types", "children_in_household", "consent_to_share")
SWEEPS: dict[str, dict[str, list[Any]]] = {
    # Safety and household triggers against routing and every Dash outcome.
    "safety and household": _vary(
        *ROUTING,
        "immediate_danger",
        "perpetrator_nearby",
        "pregnant_or_recent_birth",
        "care_and_support_needs",
        "professional_judgement_high_risk",
        dash_answers=[dash(0), dash(14), None],
        borough=["walsall", "outside_west_midlands"],
    ),
    # Every additional need, singly and in pairs, against everything needs interact with.
    "additional needs": _vary(
        *ROUTING,
        "additional_needs",
        "regulated_professional",
        "immediate_danger",
        consent_to_share=["yes", "no"],
    ),
    # Risk, routing and reminders: every combination, in one area with no extra needs.
    "routing and risk": _vary(
        *ROUTING,
        "immediate_danger",
        "saa_timing",
        "dash_answers",
        "professional_judgement_high_risk",
        "incidents_12_months",
        "marac_in_last_12_months",
        "care_and_support_needs",
    ),
    # Every area against every action's services, ages and audiences.
    "areas and services": _vary(
        "borough",
        "age_group",
        "abuse_types",
        "saa_timing",
        "children_in_household",
        "care_and_support_needs",
        "tier",
        dash_answers=[dash(0), dash(14), None],
        additional_needs=[
            [],
            *([n] for n in NEEDS[:9]),
            ["immigration_insecure"],
            ["male_victim", "lgbtq"],
        ],
        immediate_danger=[True],
    ),
}


@dataclass
class ProofResult:
    plans: int = 0
    paths: set[tuple[str, ...]] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)
    per_sweep: dict[str, int] = field(default_factory=dict)
    fired: set[tuple[str, str]] = field(default_factory=set)  # (category, id) seen in a plan


def walk_all(
    pathway: Pathway, domains: dict[str, list[Any]]
) -> Iterator[tuple[dict[str, Any], tuple[str, ...], Plan]]:
    """Every plan reachable by branching on each asked question's domain (or its baseline)."""
    stack: list[dict[str, Any]] = [{}]
    while stack:
        answers = stack.pop()
        step = pathway.step(answers)
        if step.plan is not None:
            yield step.answers, step.asked, step.plan
            continue
        qid = step.question.id
        for value in reversed(domains.get(qid, [BASELINE[qid]])):
            stack.append({**answers, qid: value})


def prove(pathway: Pathway, stop_at_first: bool = False) -> ProofResult:
    """Validate, then walk every sweep and check every plan; stops early when asked."""
    result = ProofResult()
    result.failures = [f"invalid graph: {p}" for p in validate(pathway.graph)]
    if result.failures and stop_at_first:
        return result
    for name, domains in SWEEPS.items():
        count = 0
        for answers, asked, plan in walk_all(pathway, domains):
            count += 1
            result.paths.add(asked)
            result.fired.update(_fired(plan))
            for failure in plan_failures(answers, plan, pathway.graph):
                result.failures.append(f"[{name}] {failure} | answers: {_short(answers)}")
                if stop_at_first:
                    result.plans += count
                    return result
        result.per_sweep[name] = count
        result.plans += count
    return result


def _fired(plan: Plan) -> set[tuple[str, str]]:
    seen = {(a.kind, r.rule_id) for a in plan.actions for r in a.reasons}
    for category, items in (
        ("reminder", plan.reminders),
        ("red_flag", plan.red_flags),
        ("notice", plan.notices),
    ):
        seen.update((category, item.id) for item in items)
    return seen


def _short(answers: dict[str, Any]) -> dict[str, Any]:
    shown = dict(answers)
    if isinstance(shown.get("dash_answers"), dict):
        yes = list(shown["dash_answers"].values()).count("yes")
        shown["dash_answers"] = f"<{yes} yes>"
    return shown
