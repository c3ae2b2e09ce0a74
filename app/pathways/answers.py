"""Checks one answer against its question, with a message naming what is allowed."""

from __future__ import annotations

import json
from typing import Any

from app.pathways.graph import Question

MAX_COUNT = 10_000


def describe_allowed(question: Question) -> str:
    """The allowed answers of a question, as a person would type them in a scenario."""
    kind = question.answer_type
    if kind == "yes_no":
        return "true or false"
    if kind == "choice":
        return "one of " + ", ".join(json.dumps(v) for v in question.allowed_values)
    if kind == "multi":
        least = "at least one of" if question.min_choices else "a list (may be empty) of"
        return f"{least} " + ", ".join(json.dumps(v) for v in question.allowed_values)
    if kind == "count":
        return f"a whole number from 0 to {MAX_COUNT}"
    if kind == "checklist":
        items = f"{question.items[0].id} … {question.items[-1].id}" if question.items else ""
        values = ", ".join(json.dumps(o.value) for o in question.item_options)
        return f"null (not completed) or an object mapping items {items} to {values}"
    return "nothing (unknown answer type)"


def answer_problem(question: Question, value: Any) -> str | None:
    """None when the value is allowed, else a message naming the question and what is allowed."""
    problem = _problem(question, value)
    if problem is None:
        return None
    return f"{question.id}: {problem}. Allowed: {describe_allowed(question)}."


def _problem(question: Question, value: Any) -> str | None:
    kind = question.answer_type
    shown = json.dumps(value, ensure_ascii=False, default=str)
    if kind == "yes_no":
        return None if isinstance(value, bool) else f"{shown} is not true or false"
    if kind == "choice":
        return None if question.option(value) is not None else f"{shown} is not allowed"
    if kind == "multi":
        if not isinstance(value, list):
            return f"{shown} is not a list"
        wrong = [v for v in value if question.option(v) is None]
        if wrong:
            return f"{json.dumps(wrong, ensure_ascii=False)} not allowed"
        if len(set(value)) != len(value):
            return "a value is listed twice"
        if len(value) < question.min_choices:
            return f"choose at least {question.min_choices}"
        return None
    if kind == "count":
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT
        return None if ok else f"{shown} is not a whole number from 0 to {MAX_COUNT}"
    if kind == "checklist":
        return _checklist_problem(question, value)
    return f"the question has an unknown answer type {kind!r}"


def _checklist_problem(question: Question, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        return f"{json.dumps(value, default=str)} is not null or an object"
    items = {item.id for item in question.items}
    allowed = {opt.value for opt in question.item_options}
    unknown = sorted(k for k in value if k not in items)
    if unknown:
        return f"unknown items {', '.join(unknown)}"
    wrong = sorted(k for k, v in value.items() if v not in allowed)
    if wrong:
        return f"items {', '.join(wrong)} have answers that are not allowed"
    return None
