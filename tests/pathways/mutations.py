"""Copies of the graph with one thing changed: the proof must fail on every one of them.

Not only deletions: every condition is negated and loses each of its terms in turn (rules,
reminders, red flags, notices, named conditions, fact cases, audiences, flow edges), each
threshold moves across the boundary it draws, each action moves to the front of the plan
or to its end, and each fallback the policy names is taken away.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from app.pathways.graph import Condition, Graph


@dataclasses.dataclass(frozen=True)
class Mutant:
    graph: Graph
    # The one item changed, as the proof records what fired: (action kind, rule id),
    # (category, guidance id), or (action kind, None) for every rule of a kind; None where
    # the change is not to one item (named conditions, facts, audiences, flow, settings).
    touches: tuple[str, str | None] | None = None


# Each threshold moved across a boundary the policy draws (a move within a timing band,
# e.g. 7 to 6 days when the bands start at 0 and 8, changes no plan by design).
THRESHOLDS = {
    "dash_high_risk_threshold": (13, 15),
    "escalation_incidents": (2, 4),
    "sarc_urgent_days": (8,),
    "sarc_window_days": (7, 22),
}
# §4 and §4b fallbacks: what the proof checks is shown when nothing is confirmed.
POLICY_FALLBACKS = (
    "idva_referral",
    "isva_referral",
    "sarc_referral",
    "child_safeguarding_referral",
    "adult_safeguarding_referral",
    "specialist_da_service",
    "specialist_sv_support",
    "emergency_accommodation",
    "lado_referral",
)


def variants(cond: Condition | None) -> Iterator[tuple[str, Condition]]:
    """The condition negated, and with each term of its top all/any taken out."""
    if cond is None or cond.get("always") is True:
        return
    yield "negated", {"not": cond}
    for key in ("all", "any"):
        terms = cond.get(key)
        if terms and len(terms) > 1:
            for i in range(len(terms)):
                rest = terms[:i] + terms[i + 1 :]
                yield f"without term {i + 1}", rest[0] if len(rest) == 1 else {key: rest}


def mutations(graph: Graph) -> dict[str, Mutant]:
    mutants: dict[str, Mutant] = {}

    def add(name: str, touches: tuple[str, str] | None = None, **changes: Any) -> None:
        mutants[name] = Mutant(dataclasses.replace(graph, **changes), touches)

    for i, rule in enumerate(graph.rules):
        name, item = f"rule {rule.action_kind}/{rule.id}", (rule.action_kind, rule.id)
        add(f"{name} removed", item, rules=graph.rules[:i] + graph.rules[i + 1 :])
        for how, cond in variants(rule.when):
            changed = dataclasses.replace(rule, when=cond)
            add(f"{name} {how}", item, rules=[*graph.rules[:i], changed, *graph.rules[i + 1 :]])
    for i, guide in enumerate(graph.guidance):
        name, item = f"{guide.category} {guide.id}", (guide.category, guide.id)
        add(f"{name} removed", item, guidance=graph.guidance[:i] + graph.guidance[i + 1 :])
        for how, cond in variants(guide.when):
            changed = dataclasses.replace(guide, when=cond)
            guidance = [*graph.guidance[:i], changed, *graph.guidance[i + 1 :]]
            add(f"{name} {how}", item, guidance=guidance)
    for name, cond in graph.named.items():
        for how, changed in variants(cond):
            add(f"named {name} {how}", named={**graph.named, name: changed})
    for name, changed_graph in (
        _fact_mutants(graph) | _audience_mutants(graph) | _edge_mutants(graph)
    ).items():
        mutants[name] = Mutant(changed_graph)
    mutants.update(_template_mutants(graph))
    for key, values in THRESHOLDS.items():
        for value in values:
            changed = dataclasses.replace(graph.settings, **{key: value})
            add(f"setting {key} = {value}", settings=changed)
    return mutants


def _fact_mutants(graph: Graph) -> dict[str, Graph]:
    mutants = {}
    for i, fact in enumerate(graph.facts):
        for j, case in enumerate(fact.cases):
            for how, cases in [("removed", fact.cases[:j] + fact.cases[j + 1 :])] + [
                (how, (*fact.cases[:j], dataclasses.replace(case, when=cond), *fact.cases[j + 1 :]))
                for how, cond in variants(case.when)
            ]:
                facts = [
                    *graph.facts[:i],
                    dataclasses.replace(fact, cases=cases),
                    *graph.facts[i + 1 :],
                ]
                mutants[f"fact {fact.id} case {j + 1} ({case.value}) {how}"] = dataclasses.replace(
                    graph, facts=facts
                )
    return mutants


def _audience_mutants(graph: Graph) -> dict[str, Graph]:
    mutants = {}
    for i, audience in enumerate(graph.audiences):
        others = graph.audiences[:i] + graph.audiences[i + 1 :]
        mutants[f"audience {audience.id} removed"] = dataclasses.replace(graph, audiences=others)
        for how, cond in [*variants(audience.when), ("always", {"always": True})]:
            if audience.when == cond:
                continue
            changed = [
                *graph.audiences[:i],
                dataclasses.replace(audience, when=cond),
                *graph.audiences[i + 1 :],
            ]
            mutants[f"audience {audience.id} {how}"] = dataclasses.replace(graph, audiences=changed)
    return mutants


def _edge_mutants(graph: Graph) -> dict[str, Graph]:
    """The flow says when each question is asked (flow.toml); every edge to a question
    carries that condition. Each is negated, loses each term, or the question is never
    asked (its conditional edges taken out)."""
    mutants = {}
    conditions = {
        edge.target: edge.when for edges in graph.edges.values() for edge in edges if edge.when
    }
    for target, when in conditions.items():
        changes = [(how, cond) for how, cond in variants(when)] + [("never asked", None)]
        for how, cond in changes:
            edges = {
                source: [
                    dataclasses.replace(e, when=cond) if e.target == target else e
                    for e in listed
                    if not (cond is None and e.target == target and e.when is not None)
                ]
                for source, listed in graph.edges.items()
            }
            mutants[f"asking {target} {how}"] = dataclasses.replace(graph, edges=edges)
    return mutants


def _template_mutants(graph: Graph) -> dict[str, Mutant]:
    mutants = {}
    first = min(action.priority for action in graph.actions.values())
    for kind, action in graph.actions.items():
        moved = 98 if action.priority == first else 0
        changes = {"priority": (moved, f"moved to priority {moved}")}
        if kind in POLICY_FALLBACKS:
            changes["fallback_service_ids"] = ((), "without its fallback services")
            changes["fallback_kinds"] = ((), "without its fallback kinds")
            changes["fallback_note"] = ("", "without its fallback note")
        for field, (value, how) in changes.items():
            if getattr(action, field) == value:
                continue
            changed = {**graph.actions, kind: dataclasses.replace(action, **{field: value})}
            mutants[f"action {kind} {how}"] = Mutant(
                dataclasses.replace(graph, actions=changed), (kind, None)
            )
    return mutants
