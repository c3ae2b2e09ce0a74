"""Conditions are data; this compiles them to functions with three-valued logic.

A condition on a question not yet answered is *unknown* (None) while the walk is under
way, so a reminder shows only once the answer that triggers it is given. Once the walk
reaches the plan, a question that was never asked is simply not true of the person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from app.pathways.graph import Condition

Truth = bool | None
Predicate = Callable[["Context"], Truth]

COMBINATORS = ("all", "any", "not", "always")
QUESTION_OPS = ("eq", "in", "has", "has_any", "gte", "lt")
ATOM_KEYS = ("q", "fact", "plan_has_any")


@dataclass(frozen=True)
class Context:
    answers: dict[str, Any]  # only the answers given on the current path
    final: bool = False  # the walk has reached the plan
    facts: dict[str, Any] | None = None
    action_kinds: frozenset[str] | None = None


def same(a: Any, b: Any) -> bool:
    """Equality that keeps true/false apart from 1/0."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def _all(parts: list[Predicate]) -> Predicate:
    def run(ctx: Context) -> Truth:
        result: Truth = True
        for part in parts:
            value = part(ctx)
            if value is False:
                return False
            if value is None:
                result = None
        return result

    return run


def _any(parts: list[Predicate]) -> Predicate:
    def run(ctx: Context) -> Truth:
        result: Truth = False
        for part in parts:
            value = part(ctx)
            if value is True:
                return True
            if value is None:
                result = None
        return result

    return run


def _not(part: Predicate) -> Predicate:
    def run(ctx: Context) -> Truth:
        value = part(ctx)
        return None if value is None else not value

    return run


def _test(op: str, expected: Any) -> Callable[[Any], bool]:
    if op == "eq":
        is_bool = isinstance(expected, bool)
        return lambda value: value == expected and isinstance(value, bool) == is_bool
    if op == "in":
        allowed = {(isinstance(e, bool), e) for e in expected}
        return lambda value: (isinstance(value, bool), value) in allowed
    if op == "has":
        return lambda value: isinstance(value, list) and expected in value
    if op == "has_any":
        return lambda value: isinstance(value, list) and any(e in value for e in expected)
    if op == "gte":
        return lambda value: isinstance(value, int) and value >= expected
    if op == "lt":
        return lambda value: isinstance(value, int) and value < expected
    raise ValueError(f"unknown comparison {op!r}")


def _question_atom(cond: Condition) -> Predicate:
    qid, item = cond["q"], cond.get("item")
    op = next(k for k in QUESTION_OPS if k in cond)
    test = _test(op, cond[op])

    def run(ctx: Context) -> Truth:
        if qid not in ctx.answers:
            return False if ctx.final else None
        value = ctx.answers[qid]
        if item is not None:  # one item of a checklist; "not completed" answers nothing
            value = value.get(item) if isinstance(value, dict) else None
        return test(value)

    return run


def _fact_atom(cond: Condition) -> Predicate:
    name = cond["fact"]
    op = next(k for k in QUESTION_OPS if k in cond)
    test = _test(op, cond[op])

    def run(ctx: Context) -> Truth:
        if ctx.facts is None:
            return None
        return test(ctx.facts.get(name))

    return run


def _plan_atom(kinds: list[str]) -> Predicate:
    wanted = frozenset(kinds)

    def run(ctx: Context) -> Truth:
        if ctx.action_kinds is None:
            return None
        return bool(wanted & ctx.action_kinds)

    return run


def compile_condition(cond: Condition | None) -> Predicate:
    """Turn a condition into a function of a Context; raises ValueError on a bad shape."""
    if not isinstance(cond, dict | None):
        raise ValueError(f"a condition must be a table, not {cond!r}")
    if cond is None or cond.get("always") is True:
        return lambda ctx: True
    if "all" in cond:
        return _all([compile_condition(c) for c in cond["all"]])
    if "any" in cond:
        return _any([compile_condition(c) for c in cond["any"]])
    if "not" in cond:
        return _not(compile_condition(cond["not"]))
    if "q" in cond and any(k in cond for k in QUESTION_OPS):
        return _question_atom(cond)
    if "fact" in cond and any(k in cond for k in QUESTION_OPS):
        return _fact_atom(cond)
    if "plan_has_any" in cond:
        return _plan_atom(cond["plan_has_any"])
    raise ValueError(f"not a condition: {cond!r}")


def atoms(cond: Condition | None) -> Iterator[Condition]:
    """Every leaf comparison in a condition, for the validator."""
    if not isinstance(cond, dict) or cond.get("always") is True:
        return
    for key in ("all", "any"):
        if key in cond:
            for part in cond[key]:
                yield from atoms(part)
            return
    if "not" in cond:
        yield from atoms(cond["not"])
        return
    yield cond
