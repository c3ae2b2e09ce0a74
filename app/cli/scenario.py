"""Reading a `route` scenario: limits first, then one JSON Schema made from the questions.

The limits come before any parsing cost (size, nesting) or during it (duplicate keys,
decimal numbers, integers longer than any count): a hostile file gets a short message and
exit 2, never a traceback, a hang, or its own 50 MB quoted back.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from app.pathways.answers import MAX_COUNT, describe_allowed
from app.pathways.graph import Question

MAX_BYTES = 1_000_000
MAX_DEPTH = 8  # a scenario needs 2: the answers, and the Dash inside them
MAX_ITEMS = 64  # entries in one list or object (the Dash has 24; a list of needs, 15)
MAX_DIGITS = len(str(MAX_COUNT)) + 2
SHOWN = 80  # characters of a bad value quoted back


class ScenarioError(ValueError):
    """The scenario cannot be walked; carries every problem found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def quote(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = json.dumps(text, ensure_ascii=False) if isinstance(value, str) else text
    # a right-to-left override quoted back turned the rest of the terminal's line round
    # (review 2026-12-02): controls and format characters are written as escapes
    text = "".join(_escaped(char) for char in text)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _escaped(char: str) -> str:
    return f"\\u{ord(char):04x}" if unicodedata.category(char) in ("Cc", "Cf") else char


def parse(text: str) -> Any:
    """The scenario's JSON, or ScenarioError saying which limit it broke."""
    if len(text) > MAX_BYTES:
        # only the first part of a larger one is read: its size was said as 4,000,004 (F17)
        raise ScenarioError(
            [f"the scenario is longer than allowed: at most {MAX_BYTES:,} characters"]
        )
    depth = nesting(text)
    if depth > MAX_DEPTH:
        raise ScenarioError([f"the scenario nests {depth} levels deep; at most {MAX_DEPTH}"])
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_int=_bounded_int,
            parse_float=_no_decimals,
            parse_constant=_no_decimals,
        )
    except json.JSONDecodeError as error:
        raise ScenarioError([f"the scenario is not valid JSON: {error}"]) from None
    except _Refused as error:
        raise ScenarioError([str(error)]) from None
    if isinstance(value, _NotACount):
        raise ScenarioError([value.problem("the scenario")])
    longest = _longest(value)
    if longest > MAX_ITEMS:
        raise ScenarioError([f"a list or object of {longest} entries; at most {MAX_ITEMS}"])
    return value


def _longest(value: Any) -> int:
    """The most entries any list or object holds (checked before the schema, whose
    uniqueness test takes time that grows with the square of a list's length)."""
    if isinstance(value, dict):
        return max([len(value), *(_longest(v) for v in value.values())])
    if isinstance(value, list):
        return max([len(value), *(_longest(v) for v in value)])
    return 0


def nesting(text: str) -> int:
    """How deep the brackets go, outside strings: counted before the parser recurses."""
    deepest = depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


class _Refused(ValueError):
    pass


class _NotACount(str):
    """A number no answer takes (a decimal, NaN, more digits than any count), held as its
    text until the key it was given for is known: "error: "2.0": no answer takes a decimal
    number" named no key (review 2026-12-02)."""

    def problem(self, key: str) -> str:
        digits = self.lstrip("-")
        long = f"a number of {len(digits)} digits"
        what = long if digits.isdigit() else f"{self} is not a whole number"
        # not "counts" alone: "tier": 2.0 was told of counts (routing review, 2026-12-03)
        return (
            f"{key}: {what}; no answer takes it (a number given as an answer is whole, "
            f"written without a decimal point, and at most {MAX_COUNT})"
        )


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _Refused(f"key {quote(key)} is given twice: give each answer once")
        listed = value if isinstance(value, list) else [value]
        if bad := next((v for v in listed if isinstance(v, _NotACount)), None):
            raise _Refused(bad.problem(quote(key)[1:-1]))
        seen[key] = value
    return seen


def _bounded_int(digits: str) -> int | _NotACount:
    return _NotACount(digits) if len(digits.lstrip("-")) > MAX_DIGITS else int(digits)


def _no_decimals(text: str) -> _NotACount:
    return _NotACount(text)


def schema_for(questions: dict[str, Question]) -> dict[str, Any]:
    """The JSON Schema of a scenario: each question id with exactly its allowed answers."""
    return {
        "type": "object",
        "properties": {qid: _answer_schema(q) for qid, q in questions.items()},
        "additionalProperties": False,
    }


def _answer_schema(question: Question) -> dict[str, Any]:
    kind = question.answer_type
    values = question.allowed_values
    if kind == "yes_no":
        return {"type": "boolean"}
    if kind == "choice":
        return {"enum": values}
    if kind == "multi":
        return {
            "type": "array",
            "items": {"enum": values},
            "uniqueItems": True,
            "minItems": question.min_choices,
        }
    if kind == "count":
        return {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
    if kind == "checklist":
        return {
            "type": ["object", "null"],
            "properties": {
                item.id: {"enum": [o.value for o in question.item_options]}
                for item in question.items
            },
            "additionalProperties": False,
        }
    return {"not": {}}  # an answer type this app does not know takes no answer


def _what_is_wrong(error) -> str:
    """The schema's complaint in the words of the scenario's author."""
    shown = quote(error.instance)
    if error.validator == "uniqueItems":
        return f"{shown} lists a value twice"
    if error.validator == "minItems":
        return f"{shown}: choose at least {error.validator_value}"
    if error.validator == "additionalProperties":
        unknown = sorted(k for k in error.instance if k not in error.schema.get("properties", {}))
        return f"unknown items {quote(', '.join(unknown))}"
    if len(error.absolute_path) > 1:
        return f"{error.absolute_path[-1]} = {shown} is not allowed"
    return f"{shown} is not allowed"


def check(scenario: Any, questions: dict[str, Question]) -> None:
    """ScenarioError naming each key that is unknown or has an answer not allowed."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema_for(questions))
    problems: dict[str, str] = {}
    for error in validator.iter_errors(scenario):
        if not error.absolute_path:
            if error.validator == "additionalProperties":
                for key in (k for k in scenario if k not in questions):
                    problems[key] = (
                        f"unknown key {quote(key)}. Allowed keys: {', '.join(questions)}"
                    )
            else:
                problems[""] = "the scenario must be a JSON object of question ids and answers"
            continue
        key = error.absolute_path[0]
        if key not in problems:
            problems[key] = (
                f"{key}: {_what_is_wrong(error)}. Allowed: {describe_allowed(questions[key])}."
            )
    if problems:
        raise ScenarioError(list(problems.values()))
