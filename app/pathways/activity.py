"""The anonymised counts a completed plan adds (001 §9.4; 000 "Data Collection").

Only month, borough, age group, abuse types, risk level, each action kind and unmet need
(an action with no confirmed service). Every value is one the pathway itself defines (an
option id, a risk level, an action kind), so no free text can reach the counts.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from app.pathways.graph import Graph
from app.pathways.plan import Plan, Step

NOT_GIVEN = "not_given"
MEASURES = ("plans", "age_group", "abuse_type", "risk_level", "action", "unmet_need")


class CountKey(NamedTuple):
    month: str  # YYYY-MM: never a finer date
    borough: str
    measure: str
    value: str


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def activity_keys(graph: Graph, step: Step, day: date) -> tuple[CountKey, ...]:
    """The keys to add one to for this completed plan; () when there is no plan."""
    if step.plan is None:
        return ()
    answers = step.answers
    borough = _option(graph, "borough", answers.get("borough"))
    pairs = [
        ("plans", "completed"),
        ("age_group", _option(graph, "age_group", answers.get("age_group"))),
    ]
    types = answers.get("abuse_types") or [None]
    pairs += [("abuse_type", _option(graph, "abuse_types", value)) for value in types]
    pairs += _plan_pairs(step.plan)
    month = month_of(day)
    return tuple(CountKey(month, borough, measure, value) for measure, value in pairs)


def _plan_pairs(plan: Plan) -> list[tuple[str, str]]:
    pairs = [("risk_level", plan.risk.level)]
    for action in plan.actions:
        pairs.append(("action", action.kind))
        if action.no_confirmed_service:
            pairs.append(("unmet_need", action.kind))
    return pairs


def _option(graph: Graph, question_id: str, value) -> str:
    """The answer if it is one of the question's options; anything else is not kept."""
    question = graph.questions.get(question_id)
    if question is not None and value in question.allowed_values:
        return str(value)
    return NOT_GIVEN
