"""Proof over every path: the engine is walked down every branch and every plan is checked.

The walk itself chooses what is asked: at each question the enumeration branches on every
value in that question's test domain, so only the answers a path asks are ever given.
The full cross-product of every domain is about 10^12 plans, so the proof is a union of
sweeps, one for each group of rules: each sweep crosses every question its rules read (and
the questions that decide whether those are asked), every other question held at a
baseline. A new rule adds a sweep, so the cost grows with the rules, not their product.
The domains come from the policy, not from the graph: a value the policy tells apart is
walked even if the graph forgot to.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from app.pathways.engine import Pathway
from app.pathways.graph import Graph
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
DISCLOSERS = ["person_harmed", "concerned_other", "person_causing_harm"]
AGES = ["adult", "16_17", "under_16"]
ABUSE = [
    ["domestic_abuse"],
    ["sexual_assault_abuse"],
    ["other_abuse"],
    ["domestic_abuse", "sexual_assault_abuse"],
    ["sexual_assault_abuse", "other_abuse"],
    ["domestic_abuse", "other_abuse"],
]
ABOUT = [[], ["under_18"], ["works_with_children"], ["works_with_adults_at_risk"]]
ABOUT += [["contact_with_children"], ["under_18", "works_with_children"]]
RELATIONSHIPS = ["partner_or_ex", "family_member", "other", "not_known"]


def dash(yes: int, rest: str = "") -> dict[str, str]:
    """A completed Dash with `yes` yes answers; the rest `rest`, or alternately no and not
    known (so that 13 yes and 11 more may still reach 14: R38)."""
    others = [rest] if rest else ["no", "not_known"]
    return {
        item: "yes" if i < yes else others[i % len(others)] for i, item in enumerate(DASH_ITEMS)
    }


def only(item: int) -> dict[str, str]:
    """Every Dash item no, except one yes."""
    return {name: "yes" if n == item else "no" for n, name in enumerate(DASH_ITEMS, start=1)}


INCOMPLETE = dash(10, rest="no") | {f"dash_{n:02d}": "not_known" for n in range(11, 15)}
DASHES = [dash(0), dash(13, rest="no"), INCOMPLETE, dash(14), dash(24), None]
NEED_SETS = [[], *([n] for n in NEEDS), *(list(p) for p in combinations(NEEDS, 2))]

BASELINE: dict[str, Any] = {
    "immediate_danger": False,
    "discloser": "person_harmed",
    "tier": 2,
    "age_group": "adult",
    "abuse_types": ["domestic_abuse"],
    "about_abuser": [],
    "relationship_to_abuser": "other",
    "borough": "walsall",
    "perpetrator_nearby": False,
    "police_aware": "no",
    "saa_timing": "within_7_days",
    "safe_tonight": "yes",
    "dash_answers": dash(0, rest="no"),
    "children_in_household": False,
    "pregnant_or_recent_birth": False,
    "care_and_support_needs": False,
    "additional_needs": [],
    "strangulation_recent": "yes",
    "regulated_professional": False,
    "professional_judgement_high_risk": False,
    "incidents_12_months": 0,
    "marac_in_last_12_months": "no",
    "consent_to_share": "yes",
}

# Each sweep: the rules it proves, and a domain for each question it varies.
SWEEPS: dict[str, dict[str, list[Any]]] = {
    # Who is telling you, what kind of abuse, by whom: R2-R5, R26-R29, R34-R37, R39, R42.
    "who, what and by whom": {
        "discloser": DISCLOSERS,
        "tier": [1, 2],
        "age_group": AGES,
        "abuse_types": ABUSE,
        "about_abuser": ABOUT,
        "relationship_to_abuser": RELATIONSHIPS,
        "children_in_household": [True, False],
        "consent_to_share": ["yes", "no", "not_asked"],
        "dash_answers": [dash(0, rest="no")],
    },
    # Risk: §3 criteria, R6-R8, R34-R35 (judgement only), R38, R41.
    "risk": {
        "discloser": DISCLOSERS,
        "tier": [1, 2],
        "age_group": ["adult", "16_17"],
        "abuse_types": [["domestic_abuse"], ["sexual_assault_abuse"]],
        "relationship_to_abuser": ["partner_or_ex", "other"],
        "dash_answers": DASHES,
        "professional_judgement_high_risk": [True, False],
        "incidents_12_months": [2, 3],
        "marac_in_last_12_months": ["yes", "no", "not_known"],
        "consent_to_share": ["yes", "no"],
    },
    # Safety now and at home: R1, R5, R13, R22-R25, R30-R31, R33, R36.
    "safety and household": {
        "discloser": DISCLOSERS,
        "age_group": AGES,
        "abuse_types": [["domestic_abuse"], ["sexual_assault_abuse"], ["other_abuse"]],
        "immediate_danger": [True, False],
        "perpetrator_nearby": [True, False],
        "police_aware": ["yes", "no", "not_known"],
        "safe_tonight": ["yes", "no", "not_known"],
        "pregnant_or_recent_birth": [True, False],
        "care_and_support_needs": [True, False],
        "children_in_household": [True, False],
    },
    # Every additional need, singly and in pairs: R14-R19b, §5 reminders.
    "additional needs": {
        "additional_needs": NEED_SETS,
        "discloser": DISCLOSERS,
        "age_group": AGES,
        "abuse_types": [["domestic_abuse"], ["sexual_assault_abuse"]],
        "children_in_household": [True, False],
    },
    # An interpreter needed, said before the cards unless another notice or 999 stands (§5).
    "interpreter": {
        "additional_needs": [["interpreter"], []],
        "perpetrator_nearby": [True, False],
        "immediate_danger": [True, False],
        "discloser": DISCLOSERS,
    },
    # FGM and strangulation in depth: R15 duty, R30, R32.
    "fgm and strangulation": {
        "additional_needs": [[], ["fgm"], ["non_fatal_strangulation"], ["fgm", "stalking"]],
        "strangulation_recent": ["yes", "no", "not_known"],
        "regulated_professional": [True, False],
        "police_aware": ["yes", "no", "not_known"],
        "discloser": DISCLOSERS,
        "age_group": AGES,
        "children_in_household": [True, False],
        "immediate_danger": [True, False],
    },
    # Sexual assault: R10-R12, R39, forensic options.
    "sexual assault": {
        "abuse_types": [["sexual_assault_abuse"], ["domestic_abuse", "sexual_assault_abuse"]],
        "saa_timing": [
            "within_7_days",
            "8_to_21_days",
            "22_days_to_12_months",
            "over_12_months",
            "over_12_months_under_16",
            "unknown",
        ],
        "age_group": AGES,
        "discloser": DISCLOSERS,
        "relationship_to_abuser": ["partner_or_ex", "family_member", "other"],
        "about_abuser": [[], ["under_18"]],
        "tier": [1, 2],
    },
    # Dash items that count as other answers: R40.
    "dash items": {
        "dash_answers": [only(n) for n in range(1, 25)] + [None],
        "additional_needs": [[], ["non_fatal_strangulation"], ["suicide_risk", "stalking"]],
        "pregnant_or_recent_birth": [True, False],
        "age_group": ["adult", "16_17"],
        "strangulation_recent": ["yes", "no", "not_known"],
    },
    # Every area against every action's services, ages and audiences (§4 services, R21).
    "areas and services": {
        "borough": BOROUGHS,
        "age_group": AGES,
        "abuse_types": ABUSE[:4],
        "discloser": DISCLOSERS,
        "additional_needs": [
            [],
            ["male_victim"],
            ["lgbtq"],
            ["male_victim", "lgbtq"],
            ["immigration_insecure"],
            ["honour_based_abuse", "suicide_risk"],
        ],
        "about_abuser": [[], ["works_with_children", "works_with_adults_at_risk"]],
        "safe_tonight": ["no"],
        "immediate_danger": [True],
        "dash_answers": [dash(14), None],
        "care_and_support_needs": [True],
    },
}


@dataclass
class ProofResult:
    plans: int = 0
    paths: set[tuple[str, ...]] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)
    per_sweep: dict[str, int] = field(default_factory=dict)
    fired: set[tuple[str, str]] = field(default_factory=set)  # (category, id) seen in a plan
    fired_in: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # by each sweep
    # (question, answers before it) -> whether two of its answers gave different plans
    matters: dict[tuple[str, str], bool] = field(default_factory=dict)

    def merge(self, other: ProofResult) -> None:
        self.plans += other.plans
        self.paths |= other.paths
        self.failures += other.failures
        self.per_sweep.update(other.per_sweep)
        self.fired |= other.fired
        self.fired_in.update(other.fired_in)
        for key, matters in other.matters.items():
            self.matters[key] = self.matters.get(key, False) or matters

    def moot(self) -> list[str]:
        """Questions asked where no answer could change the plan: not worth asking.
        Judged over every sweep that branches on the question after the same answers."""
        return [f"{q} asked after {before}" for (q, before), m in self.matters.items() if not m]


class _Stop(Exception):
    """The first failure was found (stop_at_first): no need to walk further."""


def prove_sweep(pathway: Pathway, name: str, stop_at_first: bool = False) -> ProofResult:
    """Walk the sweep's tree: branch on each asked question's domain (or its baseline),
    check every plan, and note at each branching whether the answer changed the plan."""
    result = ProofResult()
    domains = SWEEPS[name]

    def walk(answers: dict[str, Any]) -> frozenset:
        step = pathway.step(answers, guidance=False)  # the plans are what it proves
        if step.plan is not None:
            result.plans += 1
            result.paths.add(step.asked)
            result.fired.update(_fired(step.plan))
            for failure in plan_failures(step.answers, step.plan, pathway.graph):
                result.failures.append(f"[{name}] {failure} | answers: {_short(step.answers)}")
                if stop_at_first:
                    raise _Stop
            return frozenset([_seen(step.plan)])
        qid = step.question.id
        values = domains.get(qid, [BASELINE[qid]])
        outcomes = [walk({**answers, qid: value}) for value in values]
        if len(values) > 1:
            key = (qid, json.dumps(answers, sort_keys=True))
            result.matters[key] = len(set(outcomes)) > 1
        return frozenset().union(*outcomes)

    try:
        walk({})
    except _Stop:
        return result
    result.per_sweep[name] = result.plans
    result.fired_in[name] = result.fired
    return result


def fresh_pool(workers: int) -> ProcessPoolExecutor:
    """Workers started afresh, not forked from pytest. A forked worker inherits pytest's deep
    call stack, and the walk's recursion then crossed a 16 KiB frame-stack chunk boundary on
    nearly every step: Python 3.11 maps and unmaps a chunk each time (4 million system calls,
    the mutation check 212 s against 137 s started afresh)."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def _prove_in_worker(job: tuple[Graph, str, bool]) -> ProofResult:
    graph, name, stop_at_first = job
    return prove_sweep(Pathway(graph), name, stop_at_first)


def prove(
    pathway: Pathway, stop_at_first: bool = False, sweeps: list[str] | None = None
) -> ProofResult:
    """Validate, then walk every sweep (on every core) and check every plan."""
    result = ProofResult()
    result.failures = [f"invalid graph: {p}" for p in validate(pathway.graph)]
    if result.failures and stop_at_first:
        return result
    names = sweeps or list(SWEEPS)
    if stop_at_first:  # one at a time, in the order given: stop at the first failure
        parts = []
        for name in names:
            parts.append(prove_sweep(pathway, name, stop_at_first=True))
            if parts[-1].failures:
                break
    else:
        workers = min(len(names), os.cpu_count() or 1)
        with fresh_pool(workers) as pool:
            parts = list(pool.map(_prove_in_worker, [(pathway.graph, n, False) for n in names]))
    for part in parts:
        result.merge(part)
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


def _seen(plan: Plan) -> tuple:
    """What the worker sees of a plan (risk, each action with its services and the
    reasons it gives, guidance), to tell whether an answer changed it."""
    return (
        plan.risk.level,
        plan.risk.criteria,
        plan.risk.basis,
        tuple(
            (a.kind, a.title, a.say, a.reasons, tuple(m.service.id for m in a.services))
            for a in plan.actions
        ),
        tuple(g.id for g in (*plan.reminders, *plan.red_flags, *plan.notices)),
    )


def _short(answers: dict[str, Any]) -> dict[str, Any]:
    shown = dict(answers)
    if isinstance(shown.get("dash_answers"), dict):
        values = list(shown["dash_answers"].values())
        shown["dash_answers"] = f"<{values.count('yes')} yes, {values.count('not_known')} nk>"
    return shown
