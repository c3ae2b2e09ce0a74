"""Answers in words: what a question allows (as typed in a scenario), and an answer read back."""

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


def answer_label(question: Question, value: Any) -> str:
    kind = question.answer_type
    if kind == "yes_no":
        return "Yes" if value else "No"
    if kind == "choice":
        option = question.option(value)
        return option.label if option else str(value)
    if kind == "multi":
        labels = [o.label for o in question.options if o.value in (value or [])]
        # what the worker ticked, not a fact: "None" for a stranger's work with children
        # read on a referral form as known (officer walk, 2026-12-02)
        return ", ".join(labels) or "None ticked"
    if kind == "checklist":
        if not isinstance(value, dict):
            return "Not completed"
        # which items, by their number on the checklist: the MARAC form asks for each, and
        # a pregnancy the Dash gave (item 9, not asked again) was nowhere in the summary
        # (officer walks, 2026-12-01 and 2026-12-02)
        yes = [str(n) for n, item in enumerate(question.items, 1) if value.get(item.id) == "yes"]
        items = f" (item{'s' if len(yes) > 1 else ''} {', '.join(yes)})" if yes else ""
        # a Dash with items not known read "Completed" in the read-back (walk, 2026-12-04)
        unknown = sum(value.get(item.id) not in ("yes", "no") for item in question.items)
        said = f"{len(yes)} of {len(question.items)} 'yes'{items}"
        return f"Partly completed: {said}; {unknown} not known" if unknown else f"Completed: {said}"
    return str(value)
