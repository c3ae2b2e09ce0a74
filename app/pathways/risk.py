"""Derived facts: counts, the criteria that hold, the first case that holds. The MARAC
criteria, the Dash threshold and the SARC windows are data (resources/pathway/facts.toml);
this module knows only the three kinds of fact, and how a plan reports its risk.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from app.pathways.conditions import Context, Env, Predicate, compile_condition
from app.pathways.graph import Fact, FactCase, RiskFacts, Settings
from app.records import record


@record
class RiskAssessment:
    level: str
    criteria: tuple[str, ...] = ()
    dash_yes_count: int | None = None
    basis: str = ""  # why the level is what it is, in words a worker can repeat on a form


NOT_APPLICABLE = RiskAssessment("not_applicable")


class FactDeriver:
    """The facts of a graph, their conditions compiled once."""

    def __init__(self, facts: list[Fact], env: Env) -> None:
        self.facts = facts
        self.cases: dict[str, list[tuple[Any, Predicate]]] = {
            fact.id: [(case, compile_condition(case.when, env)) for case in fact.cases]
            for fact in facts
        }

    def derive(self, answers: dict[str, Any], settings: dict[str, Any]) -> Derived:
        """Every fact for these answers, each able to read the facts before it."""
        derived = Derived({}, {})
        for fact in self.facts:
            ctx = Context(answers, final=True, facts=derived.values, settings=settings)
            derived.values[fact.id], derived.cases[fact.id] = self._value(fact, ctx)
        return derived

    def _value(self, fact: Fact, ctx: Context) -> tuple[Any, list[FactCase]]:
        if fact.kind == "count":
            checklist = ctx.answers.get(fact.question)
            if not isinstance(checklist, dict):
                return None, []
            return sum(1 for value in checklist.values() if value in fact.values), []
        holding = [case for case, holds in self.cases[fact.id] if holds(ctx) is True]
        if fact.kind == "holds":
            return [case.value for case in holding], holding
        return (holding[0].value, holding[:1]) if holding else (None, [])


@record
class Derived:
    values: dict[str, Any]  # by fact id
    cases: dict[str, list[FactCase]]  # the cases that gave each value, for their words

    def basis(self, fact_id: str, fill_in: dict[str, Any]) -> list[str]:
        return [fill(case.basis, fill_in) for case in self.cases.get(fact_id, []) if case.basis]


PLACE = re.compile(r"\{([A-Za-z0-9_.]+)\}")


def fill(template: str, values: dict[str, Any]) -> str:
    """ "{dash.not_known} not known" with the value named (a fact, a setting or an answer)."""

    def value(match: re.Match) -> str:
        found = values.get(match.group(1))
        return "not known" if found is None else str(found)

    return PLACE.sub(value, template)


@functools.lru_cache(maxsize=8)
def settings_values(settings: Settings) -> Mapping[str, int]:
    """The settings by name, as conditions read them: made once per settings, not at every
    step (a tenth of the proof's time went on making them again)."""
    return MappingProxyType(dataclasses.asdict(settings))


def filled_in(text: str, settings: Settings) -> str:
    """The settings a text names filled in ("in the last {escalation_period_months}
    months": IT's 24 was asked, and the referral's line said 12, review 2026-12-02); any
    other brace left as written, never an error."""
    if "{" not in text:
        return text
    values = settings_values(settings)
    return PLACE.sub(lambda m: str(values.get(m.group(1), m.group())), text)


def assess_risk(
    risk: RiskFacts | None, derived: Derived, fill_in: dict[str, Any]
) -> RiskAssessment:
    """The plan's risk, from the facts the data names for it. `fill_in`: the values its
    words may name (settings, answers, facts)."""
    facts = derived.values
    if risk is None or facts.get(risk.level) in (None, "not_applicable"):
        return NOT_APPLICABLE
    count = facts.get(risk.count)
    parts = [fill(risk.count_text, fill_in)] if count is not None and risk.count_text else []
    parts += derived.basis(risk.criteria, fill_in) + derived.basis(risk.level, fill_in)
    criteria = tuple(facts.get(risk.criteria) or ())
    return RiskAssessment(facts[risk.level], criteria, count, "; ".join(parts))
