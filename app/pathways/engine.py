"""The generic walk: follows the flow to the next question, or builds the plan from rules.

The engine knows conditions, edges, rules and services; it knows nothing of MARAC or
SARCs. Every rule it applies comes from the graph it is given.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any

from app.pathways.conditions import Context, compile_condition
from app.pathways.graph import PLAN_NODE, Graph, Guidance, Question, Settings
from app.pathways.plan import Plan, PlannedAction, Reason, Step
from app.pathways.risk import SAA_TIMING, assess_risk, sarc_window
from app.pathways.services import Person, ServiceIndex, ServiceMatch

AGE_QUESTION = "age_group"
AREA_QUESTION = "borough"


class GraphError(RuntimeError):
    """The graph cannot be walked (a cycle, or a node with no edge that applies)."""


class Pathway:
    """A graph with its conditions compiled once, ready to walk many times."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._edges = {
            node: [(edge, compile_condition(edge.when)) for edge in edges]
            for node, edges in graph.edges.items()
        }
        self._rules = [(rule, compile_condition(rule.when)) for rule in graph.rules]
        self._guidance = {
            category: [(g, compile_condition(g.when)) for g in graph.by_category(category)]
            for category in ("reminder", "red_flag", "notice")
        }
        self._audiences = [(a.id, compile_condition(a.when)) for a in graph.audiences]
        self._services = ServiceIndex(graph.services)

    def forget_case(self) -> None:
        """Drop what earlier cases left in memory (service choices remembered by area, age
        and audience): after a quick exit nothing derived from a case remains."""
        self._services.forget()

    def holds_case(self) -> bool:
        return self._services.remembered() > 0

    def step(self, answers: dict[str, Any], settings: Settings | None = None) -> Step:
        """Walk from the start with these answers: the next question, or the plan."""
        settings = settings or self.graph.settings
        path: dict[str, Any] = {}
        asked: list[str] = []
        node = self.graph.start
        so_far = Context(path, final=True)  # edges read only answers already given
        while node != PLAN_NODE:
            if node in path or node not in self.graph.questions:
                raise GraphError(f"the walk cannot go on at {node!r}")
            asked.append(node)
            if node not in answers:
                question = self.present(self.graph.questions[node], settings)
                reminders = self._matching("reminder", Context(path))
                return Step(tuple(asked), path, reminders, question=question)
            path[node] = answers[node]
            node = self._next(node, so_far)
        plan = self._plan(path, settings)
        return Step(tuple(asked), path, plan.reminders, plan=plan)

    def _next(self, node: str, ctx: Context) -> str:
        for edge, holds in self._edges.get(node, []):
            if holds(ctx) is True:
                return edge.target
        raise GraphError(f"no edge from {node!r} applies")

    def _matching(self, category: str, ctx: Context) -> tuple[Guidance, ...]:
        return tuple(g for g, holds in self._guidance[category] if holds(ctx) is True)

    def present(self, question: Question, settings: Settings | None = None) -> Question:
        """The question as shown: settings filled into its prompt."""
        if "{" not in question.prompt:
            return question
        prompt = question.prompt.format_map(dataclasses.asdict(settings or self.graph.settings))
        return dataclasses.replace(question, prompt=prompt)

    def _plan(self, path: dict[str, Any], settings: Settings) -> Plan:
        risk = assess_risk(path, settings)
        window = sarc_window(self.graph.questions.get(SAA_TIMING), path, settings)
        facts = {"risk.level": risk.level, "sarc.window": window}
        ctx = Context(path, final=True, facts=facts)
        fired = defaultdict(list)
        for rule, holds in self._rules:
            if holds(ctx) is True:
                fired[rule.action_kind].append(rule)
        actions = self._actions(fired, self._person(ctx))
        done = dataclasses.replace(ctx, action_kinds=frozenset(a.kind for a in actions))
        return Plan(
            pathway_version=self.graph.pathway_version,
            directory_version=self.graph.directory_version,
            risk=risk,
            actions=actions,
            reminders=self._matching("reminder", done),
            red_flags=self._matching("red_flag", done),
            notices=self._matching("notice", done),
            assured_within_months=settings.assured_within_months,
        )

    def _person(self, ctx: Context) -> Person:
        age = self.graph.questions[AGE_QUESTION].option(ctx.answers.get(AGE_QUESTION))
        area = self.graph.questions[AREA_QUESTION].option(ctx.answers.get(AREA_QUESTION))
        region = area.attrs.get("region") if area else None
        return Person(
            # An area with no region is outside every area we hold: national services only.
            borough=area.value if area and region else None,
            region=region,
            age_from=age.attrs["age_from"] if age else 0,
            age_to=age.attrs["age_to"] if age else 120,
            audiences=frozenset(a for a, holds in self._audiences if holds(ctx) is True),
        )

    def _actions(self, fired: dict, person: Person) -> tuple[PlannedAction, ...]:
        templates = sorted(
            (self.graph.actions[kind] for kind in fired), key=lambda t: (t.priority, t.kind)
        )
        matched: dict[str, list[ServiceMatch]] = {}
        actions = []
        for template in templates:
            rules = fired[template.kind]
            kinds = [*template.service_kinds, *(k for r in rules for k in r.service_kinds)]
            services, unmet = self._services.select(template, kinds, person, matched)
            matched[template.kind] = services
            title = next((r.title for r in rules if r.title), template.title)
            sources = tuple(dict.fromkeys(s for r in rules for s in r.sources))
            actions.append(
                PlannedAction(
                    kind=template.kind,
                    priority=template.priority,
                    title=title,
                    reasons=tuple(Reason(r.id, r.why) for r in rules),
                    sources=sources,
                    services=tuple(services),
                    no_confirmed_service=unmet,
                    fallback_note=template.fallback_note if unmet else "",
                )
            )
        return tuple(actions)
