"""Conditions are data; this compiles them to functions with three-valued logic.

A condition on a question not yet answered is *unknown* (None) while the walk is under
way, so a reminder shows only once the answer that triggers it is given. Once the walk
reaches the plan, a question that was never asked is simply not true of the person.

Shapes: {q, eq|in|has|has_any|gte|gt|lte|lt} on an answer ({q, item} for one checklist
item, {q, attr} for a fact the chosen option carries); {fact, …} on a fact the engine
derived; {is = name} for a named condition; {plan_has_any = [kinds]}; {all|any = [...]},
{not = {...}}, {always = true}. A number compared may be {setting = name}.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.pathways.graph import Condition
from app.records import record

Truth = bool | None
Predicate = Callable[["Context"], Truth]

COMBINATORS = ("all", "any", "not", "always")
QUESTION_OPS = ("eq", "in", "has", "has_any", "gte", "gt", "lte", "lt")
NUMBER_OPS = ("gte", "gt", "lte", "lt")
ATOM_KEYS = ("q", "fact", "plan_has_any", "is")


@record
class Context:
    answers: dict[str, Any]  # only the answers given on the current path
    final: bool = False  # the walk has reached the plan
    facts: dict[str, Any] | None = None
    action_kinds: frozenset[str] | None = None
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class Env:
    """What compiling needs beyond the condition: named conditions, option facts."""

    named: dict[str, Condition] = field(default_factory=dict)
    option_attrs: dict[str, dict[Any, dict[str, Any]]] = field(default_factory=dict)
    compiled: dict[str, Predicate] = field(default_factory=dict)


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


def _number(expected: Any) -> Callable[[Context], Any]:
    if isinstance(expected, dict) and "setting" in expected:
        name = expected["setting"]
        return lambda ctx: ctx.settings.get(name)
    return lambda ctx: expected


def _is_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _test(op: str, expected: Any) -> Callable[[Any, Context], bool]:
    if op == "eq":
        is_bool = isinstance(expected, bool)
        return lambda value, ctx: value == expected and isinstance(value, bool) == is_bool
    if op == "in":
        allowed = {(isinstance(e, bool), e) for e in expected}
        return lambda value, ctx: (isinstance(value, bool), value) in allowed
    if op == "has":
        return lambda value, ctx: isinstance(value, list) and expected in value
    if op == "has_any":
        return lambda value, ctx: isinstance(value, list) and any(e in value for e in expected)
    if op in NUMBER_OPS:
        limit = _number(expected)
        compare = {
            "gte": lambda a, b: a >= b,
            "gt": lambda a, b: a > b,
            "lte": lambda a, b: a <= b,
            "lt": lambda a, b: a < b,
        }[op]
        return lambda value, ctx: (
            _is_number(value) and _is_number(limit(ctx)) and compare(value, limit(ctx))
        )
    raise ValueError(f"unknown comparison {op!r}")


def _op(cond: Condition) -> str:
    found = [k for k in QUESTION_OPS if k in cond]
    if len(found) != 1:
        raise ValueError(f"a comparison needs exactly one of {QUESTION_OPS}: {cond!r}")
    return found[0]


def _question_atom(cond: Condition, env: Env) -> Predicate:
    qid, item, attr = cond["q"], cond.get("item"), cond.get("attr")
    op = _op(cond)
    test = _test(op, cond[op])
    attrs = env.option_attrs.get(qid, {}) if attr is not None else {}

    def run(ctx: Context) -> Truth:
        if qid not in ctx.answers:
            return False if ctx.final else None
        value = ctx.answers[qid]
        if item is not None:  # one item of a checklist; "not completed" answers nothing
            value = value.get(item) if isinstance(value, dict) else None
        elif attr is not None:  # a fact the chosen option carries (days since, region)
            value = attrs.get(value, {}).get(attr) if isinstance(value, str) else None
        return test(value, ctx)

    return run


def _fact_atom(cond: Condition) -> Predicate:
    name = cond["fact"]
    op = _op(cond)
    test = _test(op, cond[op])

    def run(ctx: Context) -> Truth:
        if ctx.facts is None or name not in ctx.facts:
            return None
        return test(ctx.facts[name], ctx)

    return run


def _plan_atom(kinds: list[str]) -> Predicate:
    wanted = frozenset(kinds)

    def run(ctx: Context) -> Truth:
        if ctx.action_kinds is None:
            return None
        return bool(wanted & ctx.action_kinds)

    return run


def _named(name: str, env: Env) -> Predicate:
    if name not in env.named:
        raise ValueError(f"no named condition {name!r}")
    if name not in env.compiled:
        env.compiled[name] = lambda ctx: None  # a cycle reads unknown, never recurses
        env.compiled[name] = compile_condition(env.named[name], env)
    return env.compiled[name]


def compile_condition(cond: Condition | None, env: Env | None = None) -> Predicate:
    """Turn a condition into a function of a Context; raises ValueError on a bad shape."""
    env = env if env is not None else Env()
    if not isinstance(cond, dict | None):
        raise ValueError(f"a condition must be a table, not {cond!r}")
    if cond is None or cond.get("always") is True:
        return lambda ctx: True
    if "all" in cond:
        return _all([compile_condition(c, env) for c in cond["all"]])
    if "any" in cond:
        return _any([compile_condition(c, env) for c in cond["any"]])
    if "not" in cond:
        return _not(compile_condition(cond["not"], env))
    if "is" in cond:
        return _named(cond["is"], env)
    if "q" in cond:
        return _question_atom(cond, env)
    if "fact" in cond:
        return _fact_atom(cond)
    if "plan_has_any" in cond:
        return _plan_atom(cond["plan_has_any"])
    raise ValueError(f"not a condition: {cond!r}")


def atoms(cond: Condition | None, named: dict[str, Condition] | None = None) -> Iterator[Condition]:
    """Every leaf comparison in a condition (through named conditions when given)."""
    yield from _atoms(cond, named, set())


def _atoms(cond, named, seen: set[str]) -> Iterator[Condition]:
    if not isinstance(cond, dict) or cond.get("always") is True:
        return
    for key in ("all", "any"):
        if key in cond:
            for part in cond[key]:
                yield from _atoms(part, named, seen)
            return
    if "not" in cond:
        yield from _atoms(cond["not"], named, seen)
        return
    if "is" in cond and named is not None:
        name = cond["is"]
        if name not in seen and name in named:
            seen.add(name)
            yield from _atoms(named[name], named, seen)
        return
    yield cond
