"""Practice on the real rules: a vignette's expected plan checked against its learning
points, and a worker's walk compared with the expected one. Every difference shown is
found by walking both answer sets with the engine, never written by hand."""

from __future__ import annotations

from typing import Any

from app.pathways.engine import Pathway
from app.pathways.graph import Guidance, Question, Settings, Vignette
from app.pathways.plan import PlannedAction, Step
from app.pathways.referral_details import form_answer
from app.records import record

POLICY_RULES = (*(f"R{n}" for n in range(1, 44)), "R19b")


@record
class Change:
    """What the plan gains and loses: action kinds, reminder ids."""

    gained: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()
    reminders_missed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.gained or self.lost or self.reminders_missed)


@record
class AnswerDifference:
    question: Question
    given: Any
    expected: Any
    effect: Change | None  # this answer alone changed in the expected plan (None: unknown)
    # as the worker's walk showed it: a box left unticked read "You answered No" (walks)
    given_words: str


@record
class Feedback:
    differences: tuple[AnswerDifference, ...]  # asked in both walks, answered differently
    only_yours: tuple[Question, ...]  # asked only because of a different earlier answer
    only_expected: tuple[Question, ...]
    missed: tuple[PlannedAction, ...]  # in the expected plan, not in the worker's
    added: tuple[PlannedAction, ...]
    reminders_missed: tuple[Guidance, ...]
    risk: tuple[str, str] | None  # (yours, expected) when they differ

    @property
    def all_matched(self) -> bool:
        return not (
            self.differences
            or self.only_yours
            or self.only_expected
            or self.missed
            or self.added
            or self.reminders_missed
            or self.risk
        )


def expected_step(pathway: Pathway, vignette: Vignette, settings: Settings | None = None) -> Step:
    """The vignette's walk. As in a `route` scenario, a skippable question it leaves out
    (the Dash) is "not completed": TOML has no null to write it with. A need its Dash
    answers already give is ticked, as the window shows it (R40): a worker who kept the
    app's tick was told "1 answer differed" (review 2026-12-01)."""
    answers = pathway.with_ticks_given(vignette.answers, settings)
    while (step := pathway.step(answers, settings)).question is not None:
        if not step.question.skippable or step.question.id in answers:
            return step  # stops short of the plan: check() names the question
        answers[step.question.id] = None
    return step


def compare(
    pathway: Pathway,
    vignette: Vignette,
    given: dict[str, Any],
    settings: Settings | None = None,
) -> Feedback:
    """The worker's walk (given: their answers) against the vignette's expected one."""
    mine, theirs = pathway.step(given, settings), expected_step(pathway, vignette, settings)
    if mine.plan is None or theirs.plan is None:
        raise ValueError("both walks must reach the plan")

    def questions(q: str) -> Question:  # in the words the walk asked it
        return pathway.present(pathway.graph.questions[q], settings, theirs.answers)

    differences = tuple(
        AnswerDifference(
            questions(q),
            mine.answers[q],
            theirs.answers[q],
            _effect(
                pathway, theirs, {**mine.answers, **theirs.answers, q: mine.answers[q]}, settings
            ),
            form_answer(pathway.graph, q, mine.answers[q], mine.asked),
        )
        for q in theirs.asked
        if q in mine.answers
        and mine.answers[q] != theirs.answers[q]  # the same answer is never a difference
        and _own(pathway, mine, q, settings) != _own(pathway, theirs, q, settings)
    )
    mine_plan, their_plan = mine.plan, theirs.plan
    reminders = {r.id for r in mine_plan.reminders}
    risk = (mine_plan.risk.level, their_plan.risk.level)
    return Feedback(
        differences=differences,
        only_yours=tuple(questions(q) for q in mine.asked if q not in theirs.asked),
        only_expected=tuple(questions(q) for q in theirs.asked if q not in mine.asked),
        missed=tuple(a for a in their_plan.actions if a.kind not in mine_plan.action_kinds),
        added=tuple(a for a in mine_plan.actions if a.kind not in their_plan.action_kinds),
        reminders_missed=tuple(r for r in their_plan.reminders if r.id not in reminders),
        risk=risk if risk[0] != risk[1] else None,
    )


def _own(pathway: Pathway, step: Step, question_id: str, settings: Settings | None) -> Any:
    """An answer as the worker gave it: without the ticks the Dash's answers gave (R40), so a
    Dash item answered otherwise is one difference, not two (the needs it ticked too)."""
    answer = step.answers[question_id]
    if not isinstance(answer, list):
        return answer
    others = {q: a for q, a in step.answers.items() if q != question_id}
    given = set(pathway.ticked_already(question_id, others, settings))
    return [value for value in answer if value not in given]


def _effect(
    pathway: Pathway, expected: Step, answers: dict[str, Any], settings: Settings | None
) -> Change | None:
    """The expected walk with one answer changed: what that answer alone changes."""
    step = pathway.step(answers, settings)
    if step.plan is None:
        return None  # the changed answer leads to a question neither walk answered
    kinds, before = step.plan.action_kinds, expected.plan.action_kinds
    reminders = {r.id for r in step.plan.reminders}
    return Change(
        gained=tuple(k for k in kinds if k not in before),
        lost=tuple(k for k in before if k not in kinds),
        reminders_missed=tuple(r.id for r in expected.plan.reminders if r.id not in reminders),
    )


def check(pathway: Pathway, vignette: Vignette) -> list[str]:
    """Problems with a vignette against these rules: its answers do not reach the plan, or
    its plan no longer shows what a learning point says (each problem names the point)."""
    step = expected_step(pathway, vignette)
    if step.plan is None:
        return [f"{vignette.id}: its answers stop at question {step.question.id!r}"]
    problems = []
    for number, point in enumerate(vignette.points, 1):
        for claim in point.shows:
            problem = _claim_problem(pathway, step, claim)
            if problem:
                problems.append(f"{vignette.id}, point {number}: {problem}")
    return problems


def _claim_problem(pathway: Pathway, step: Step, claim: str) -> str | None:
    kind, _, name = claim.partition(":")
    graph, plan = pathway.graph, step.plan
    known = {
        "action": graph.actions,
        "no_action": graph.actions,
        "reminder": {g.id for g in graph.by_category("reminder")},
        "rule": {rule.id for rule in graph.rules},
        "asked": graph.questions,
        "not_asked": graph.questions,
        "risk": {"high", "not_high", "not_assessed", "not_applicable"},
    }[kind]
    if name not in known:
        return f"{claim!r} names no {kind.replace('_', ' ')} the pathway has"
    holds = {
        "action": lambda: name in plan.action_kinds,
        "no_action": lambda: name not in plan.action_kinds,
        "reminder": lambda: name in {r.id for r in plan.reminders},
        "rule": lambda: name in fired_rules(step),
        "asked": lambda: name in step.asked,
        "not_asked": lambda: name not in step.asked,
        "risk": lambda: plan.risk.level == name,
    }[kind]()
    return None if holds else f"the expected plan no longer shows {claim!r}"


def fired_rules(step: Step) -> set[str]:
    return {reason.rule_id for action in step.plan.actions for reason in action.reasons}


@record
class Coverage:
    rules: set[str]  # graph rule ids fired by some expected plan
    all_rules: set[str]
    reminders: set[str]
    all_reminders: set[str]
    taught: set[str]  # policy rules some learning point teaches


def coverage(pathway: Pathway, vignettes: tuple[Vignette, ...]) -> Coverage:
    steps = [expected_step(pathway, v) for v in vignettes]
    done = [s for s in steps if s.plan is not None]
    graph = pathway.graph
    return Coverage(
        rules=set().union(*(fired_rules(s) for s in done)),
        all_rules={rule.id for rule in graph.rules},
        reminders={r.id for s in done for r in s.plan.reminders},
        all_reminders={g.id for g in graph.by_category("reminder")},
        taught={r for v in vignettes for p in v.points for r in p.rules},
    )
