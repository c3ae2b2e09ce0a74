"""The generic walk: follows the flow to the next question, or builds the plan from rules.

The engine knows conditions, edges, rules and services; it knows nothing of MARAC or
SARCs. Every rule it applies comes from the graph it is given.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from app.pathways.conditions import Context, Env, compile_condition
from app.pathways.graph import PLAN_NODE, Graph, Guidance, Question, Settings, Wording
from app.pathways.plan import Plan, PlannedAction, Reason, Step
from app.pathways.referral_details import referral_details
from app.pathways.risk import FactDeriver, assess_risk, filled_in, settings_values
from app.pathways.services import Person, ServiceIndex, ServiceMatch

AGE_QUESTION = "age_group"
AREA_QUESTION = "borough"


class GraphError(RuntimeError):
    """The graph cannot be walked (a cycle, or a node with no edge that applies)."""


class Pathway:
    """A graph with its conditions compiled once, ready to walk many times."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        env = Env(
            named=graph.named,
            option_attrs={
                q.id: {o.value: o.attrs for o in q.options} for q in graph.questions.values()
            },
        )
        self._edges = {
            node: [(edge, compile_condition(edge.when, env)) for edge in edges]
            for node, edges in graph.edges.items()
        }
        self._rules = [(rule, compile_condition(rule.when, env)) for rule in graph.rules]
        self._guidance = {
            category: [(g, compile_condition(g.when, env)) for g in graph.by_category(category)]
            for category in ("reminder", "red_flag", "notice")
        }
        self._audiences = [(a.id, compile_condition(a.when, env)) for a in graph.audiences]
        self._wordings = {
            owner: [(w, compile_condition(w.when, env)) for w in wordings]
            for owner, wordings in [
                *((q.id, q.wordings) for q in graph.questions.values()),
                *((a.kind, a.wordings) for a in graph.actions.values()),
            ]
            if wordings
        }
        self._ticks = {  # options shown ticked when earlier answers already give them (R40)
            q.id: [(o.value, compile_condition(o.attrs["ticked_when"], env)) for o in ticked]
            for q in graph.questions.values()
            if (ticked := [o for o in q.options if "ticked_when" in o.attrs])
        }
        self._ticks |= {  # a page's tick boxes not asked when the answers before give them
            m.question: [(m.tick, compile_condition(m.given_when, env))]
            for page in graph.pages
            for m in page.members
            if m.given_when is not None
        }
        self._facts = FactDeriver(graph.facts, env)
        self._services = ServiceIndex(graph.services)

    def forget_case(self) -> None:
        """Drop what earlier cases left in memory (service choices remembered by area, age
        and audience): after a quick exit nothing derived from a case remains."""
        self._services.forget()

    def holds_case(self) -> bool:
        return self._services.remembered() > 0

    def step(
        self, answers: dict[str, Any], settings: Settings | None = None, guidance: bool = True
    ) -> Step:
        """Walk from the start with these answers: the next question, or the plan.
        `guidance=False`: at a question, no reminders or red flags so far (a walker that
        reads only the question and the plan, as the proof does, takes half the time)."""
        settings = settings or self.graph.settings
        values = settings_values(settings)
        path: dict[str, Any] = {}
        asked: list[str] = []
        node = self.graph.start
        so_far = Context(path, final=True, settings=values)  # edges read answers given
        while node != PLAN_NODE:
            if node in path or node not in self.graph.questions:
                raise GraphError(f"the walk cannot go on at {node!r}")
            asked.append(node)
            if node not in answers:
                question = self.present(self.graph.questions[node], settings, path)
                if not guidance:
                    return Step(tuple(asked), path, (), question=question)
                # with the facts and actions the answers so far decide: "never ask for proof"
                # (when the plan has emergency accommodation) came only with the plan
                given = self._so_far(Context(path, settings=values), values)
                reminders = self._matching("reminder", given)
                flags = self._matching("red_flag", given)
                return Step(tuple(asked), path, reminders, question=question, red_flags=flags)
            path[node] = answers[node]
            node = self._next(node, so_far, values)
        plan = self._plan(path, values, settings)
        return Step(tuple(asked), path, plan.reminders, plan=plan)

    def _next(self, node: str, ctx: Context, values: Mapping[str, Any]) -> str:
        for edge, holds in self._edges.get(node, []):
            truth = holds(ctx)
            if truth is None and edge.when is not None:
                # An edge may read the plan so far (validate checks that nothing asked
                # from here on can change what it reads): ask a question only if it matters.
                truth = holds(self._so_far(ctx, values))
            if truth is True:
                return edge.target
        raise GraphError(f"no edge from {node!r} applies")

    def still_askable(
        self, start: str, answers: dict[str, Any], settings: Settings | None = None
    ) -> frozenset[str]:
        """The questions a walk at `start` may yet ask, whatever is answered from there: an
        edge the answers given rule out is never followed, one that reads an answer not yet
        given may be. Sections none of whose questions can be asked stood "to do" beside an
        under-16's sexual abuse, where Risk is never asked (officer walk F13, 2026-12-05)."""
        values = settings_values(settings or self.graph.settings)
        given = Context(answers, settings=values)
        seen, ahead = set(), [start]
        while ahead:
            node = ahead.pop()
            if node in seen or node not in self.graph.questions:
                continue
            seen.add(node)
            for edge, holds in self._edges.get(node, []):
                truth = holds(given)
                if truth is not False:
                    ahead.append(edge.target)
                if truth is True:
                    break  # the edges after one that holds are never taken
        return frozenset(seen)

    def interruption(
        self, question_id: str, answers: dict[str, Any], settings: Settings | None = None
    ) -> PlannedAction | None:
        """The action a question's answer calls for at once, before the walk goes on (999
        for danger now), given the answers so far; None if it does not apply."""
        kind = self.graph.questions[question_id].interrupt
        if not kind:
            return None
        values = settings_values(settings or self.graph.settings)
        ctx = self._so_far(Context(answers, final=True, settings=values), values)
        rules = [
            rule for rule, holds in self._rules if rule.action_kind == kind and holds(ctx) is True
        ]
        if not rules:
            return None
        (action,) = self._actions({kind: rules}, self._person(ctx))
        return _filled(self._worded(action, ctx), settings or self.graph.settings)

    @property
    def ticking(self) -> tuple[str, ...]:
        """The questions with options shown ticked when earlier answers give them."""
        return tuple(self._ticks)

    def ticked_already(
        self, question_id: str, answers: dict[str, Any], settings: Settings | None = None
    ) -> list[Any]:
        """The options of a multiple choice (or a page's tick box: its tick) that the answers
        before it already give (R40: a Dash "yes" counts as the answer another question
        would give), to show ticked: the
        worker told of a strangulation in the Dash left its box unticked, and a correction
        that took the Dash off the path took the medical check with it (review 2026-12-01)."""
        truths = self.tick_truths(question_id, answers, settings, final=True)
        return [value for value, truth in truths.items() if truth is True]

    def with_ticks_given(
        self, answers: dict[str, Any], settings: Settings | None = None
    ) -> dict[str, Any]:
        """The answers with each multiple choice given as the window shows it before the
        worker touches it: the options its other answers already give ticked too (R40).
        For a scenario or a vignette, which has no screen to keep a tick on: without it,
        `route` listed no needs where the window's summary listed the Dash's (review)."""
        answers = dict(answers)
        for question_id in self.ticking:
            given = answers.get(question_id)
            if not isinstance(given, list):
                continue
            others = {q: a for q, a in answers.items() if q != question_id}
            implied = self.ticked_already(question_id, others, settings)
            if implied:
                values = [o.value for o in self.graph.questions[question_id].options]
                answers[question_id] = [v for v in values if v in given or v in implied]
        return answers

    def tick_truths(
        self,
        question_id: str,
        answers: dict[str, Any],
        settings: Settings | None = None,
        final: bool = False,
    ) -> dict[Any, bool | None]:
        """For each option shown ticked when earlier answers give it: whether the answers
        give it (True), rule it out (False), or neither (None: a Dash left not completed
        or not reached says nothing either way; `final`: what is not answered is not)."""
        values = settings_values(settings or self.graph.settings)
        ctx = Context(answers, final=final, settings=values)
        return {value: holds(ctx) for value, holds in self._ticks.get(question_id, [])}

    def _so_far(self, ctx: Context, values: Mapping[str, Any]) -> Context:
        """The answers given so far, with the facts and the actions they already decide."""
        facts = self._facts.derive(ctx.answers, values).values
        fired = dataclasses.replace(ctx, facts=facts)
        kinds = frozenset(rule.action_kind for rule, holds in self._rules if holds(fired) is True)
        return dataclasses.replace(fired, action_kinds=kinds)

    def _matching(self, category: str, ctx: Context) -> tuple[Guidance, ...]:
        return tuple(g for g, holds in self._guidance[category] if holds(ctx) is True)

    def _wording(self, owner: str, ctx: Context) -> Wording | None:
        return next((w for w, holds in self._wordings.get(owner, []) if holds(ctx) is True), None)

    def present(
        self,
        question: Question,
        settings: Settings | None = None,
        answers: dict[str, Any] | None = None,
    ) -> Question:
        """The question as shown: in the words for who is telling you, settings filled in."""
        wording = self._wording(question.id, Context(answers or {}, final=True))
        prompt = wording.prompt if wording and wording.prompt else question.prompt
        help_text = wording.help if wording and wording.help else question.help
        prompt = filled_in(prompt, settings or self.graph.settings)
        help_text = filled_in(help_text, settings or self.graph.settings)
        if (prompt, help_text) == (question.prompt, question.help):
            return question
        return dataclasses.replace(question, prompt=prompt, help=help_text)

    def _plan(self, path: dict[str, Any], values: Mapping[str, Any], settings: Settings) -> Plan:
        derived = self._facts.derive(path, values)
        facts = derived.values
        risk = assess_risk(self.graph.risk, derived, {**values, **path, **facts})
        ctx = Context(path, final=True, facts=facts, settings=values)
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
            actions=tuple(_filled(self._worded(action, done), settings) for action in actions),
            reminders=self._matching("reminder", done),
            red_flags=self._matching("red_flag", done),
            notices=self._matching("notice", done),
            assured_within_months=settings.assured_within_months,
            referral_details=referral_details(self, path, settings),
        )

    def _worded(self, action: PlannedAction, ctx: Context) -> PlannedAction:
        """The action in the words its template gives for this plan (consent refused…)."""
        wording = self._wording(action.kind, ctx)
        if wording is None:
            return action
        # a rule's group stands (it differs from the action's own); else the wording's
        by_rule = action.group != self.graph.actions[action.kind].group
        group = action.group if by_rule or not wording.group else wording.group
        return dataclasses.replace(
            action,
            title=wording.prompt or action.title,
            say=wording.help or action.say,
            group=group,
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
            preferred = tuple(k for r in rules for k in r.service_kinds)
            ages = next((r.service_ages for r in rules if r.service_ages), None)
            services, unmet = self._services.select(
                template, (*template.service_kinds, *preferred), person, matched, ages, preferred
            )
            matched[template.kind] = services
            title = _title(rules) or template.title
            sources = tuple(dict.fromkeys(s for r in rules for s in r.sources))
            actions.append(
                PlannedAction(
                    kind=template.kind,
                    priority=template.priority,
                    title=title,
                    reasons=_reasons(rules, services),
                    sources=sources,
                    services=tuple(services),
                    no_confirmed_service=unmet,
                    fallback_note=template.fallback_note if unmet else "",
                    group=next((r.group for r in rules if r.group), template.group),
                    say=template.say,
                )
            )
        return tuple(actions)


def _title(rules: list) -> str:
    """The first fired rule's title, and the reason of a later one saying the same less
    urgently ("Phone the children's front door: nowhere safe to stay tonight" after "Phone
    the children's front door now: sexual assault in the last 7 days"): a 16-year-old
    assaulted this week with nowhere safe tonight got the second alone, the assault and
    its hours unsaid where the worker scans (policy audit, 2026-12-07)."""
    titles = [rule.title for rule in rules if rule.title]
    if not titles:
        return ""
    head = titles[0].split(": ", 1)[0]
    more = [
        tail
        for later_head, _, tail in (title.partition(": ") for title in titles[1:])
        if tail and head.startswith(later_head)
    ]
    return "; ".join([titles[0], *more])


def _reasons(rules: list, services: list[ServiceMatch]) -> tuple[Reason, ...]:
    """Each rule's why, but none for a line this person is not given while another rule's
    line is: a 14-year-old's helpline card read "A free national line for domestic abuse"
    above Childline alone, the national line being 16+ (policy attack, 2026-12-07). Every
    rule stays named; with no rule's line given, each why stands beside the fallback."""
    given = {kind for m in services if not m.fallback for kind in m.service.kinds}

    def gives(rule) -> bool:
        return not rule.service_kinds or bool(given & set(rule.service_kinds))

    if not any(rule.service_kinds and gives(rule) for rule in rules):
        return tuple(Reason(rule.id, rule.why) for rule in rules)
    return tuple(Reason(rule.id, rule.why if gives(rule) else "") for rule in rules)


def _filled(action: PlannedAction, settings: Settings) -> PlannedAction:
    """The action's words with the settings in force: IT's 21-day SARC window made the
    plan urgent at day 15, and its cards said "in the last 7 days" (words audit, 12-07)."""
    words = (action.title, action.say, *(r.why for r in action.reasons))
    if not any("{" in text for text in words):
        return action  # the usual case: nothing to fill in, nothing made anew
    return dataclasses.replace(
        action,
        title=filled_in(action.title, settings),
        say=filled_in(action.say, settings),
        reasons=tuple(
            dataclasses.replace(r, why=filled_in(r.why, settings)) for r in action.reasons
        ),
    )
