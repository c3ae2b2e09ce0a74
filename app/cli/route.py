"""`python -m app route`: walk the pathway with a scenario's answers and print the plan."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.scenario import MAX_BYTES, ScenarioError, check, parse, quote
from app.pathways.answers import describe_allowed
from app.pathways.engine import Pathway
from app.pathways.referral_details import referral_details
from app.pathways.summary import plan_to_dict, plan_to_text

EXIT_BAD_INPUT = 2


def read_scenario(source: str) -> Any:
    """The scenario JSON from a file, or standard input for '-', within the limits, read as
    UTF-8 whatever the locale (standard input was read in the locale's), a BOM let be
    (Windows PowerShell writes one)."""
    most = 4 * (MAX_BYTES + 1)  # bytes: enough for MAX_BYTES + 1 characters of any kind
    if source == "-" and sys.stdin is None:  # started with standard input closed
        raise ScenarioError(["no standard input: give the scenario with --scenario FILE"])
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(most)
        else:
            with Path(source).open("rb") as handle:
                raw = handle.read(most)
    except OSError as error:
        raise ScenarioError([f"cannot read the scenario {quote(source)}: {error}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if len(raw) < most:  # (a longer one is refused for its size)
            raise ScenarioError(
                [
                    f"cannot read the scenario {quote(source)}: it is not UTF-8 text (byte "
                    f"{raw[error.start]:#04x} at {error.start:,}): save it as UTF-8"
                ]
            ) from None
        text = raw[: most - 4].decode("utf-8", errors="replace")
    return parse(text)


# Abuse by a partner, ex-partner or relative is domestic abuse (shared spec §2; DA Act 2021
# s1-2): "other abuse" by one was taken as abuse by a landlord or carer, the relationship
# never asked on that path, and a partner's abuse judged high risk got Victim Support alone
# (routing review, 2026-12-03). The window never asks it there; a scenario is told.
PERSONALLY_CONNECTED = {"partner_or_ex", "family_member"}
CONNECTED_KINDS = {"domestic_abuse", "sexual_assault_abuse"}


def _not_together(scenario: dict[str, Any]) -> None:
    kinds = scenario.get("abuse_types") or []
    if scenario.get("relationship_to_abuser") in PERSONALLY_CONNECTED and not (
        CONNECTED_KINDS & set(kinds)
    ):
        raise ScenarioError(
            [
                f"relationship_to_abuser: {scenario['relationship_to_abuser']} with abuse_types "
                f"{kinds}: abuse by a partner, ex-partner or relative is domestic abuse. "
                "Allowed: add domestic_abuse (or sexual_assault_abuse) to abuse_types, or give "
                "relationship_to_abuser other or not_known."
            ]
        )


def answers_for(pathway: Pathway, scenario: Any) -> dict[str, Any]:
    """Checked answers for every question the scenario's path asks."""
    questions = pathway.graph.questions
    check(scenario, questions)
    _not_together(scenario)
    answers = dict(scenario)
    for question in questions.values():  # an item not listed: blank, as in the window
        if question.answer_type == "checklist" and isinstance(answers.get(question.id), dict):
            answers[question.id] = question.checklist_completed(answers[question.id])
    while True:  # each tick may bring a question into the path: until none is added
        answers = _every_asked(pathway, answers)
        # ticked as the window shows them (R40), from the answers the path asks only: a
        # tier-1 scenario's Dash, never asked, ticked strangulation and gave the medical
        # check (review 2026-12-02); a tick only adds, so this ends
        asked = pathway.step(answers).answers
        ticked = {q: v for q, v in pathway.with_ticks_given(asked).items() if asked[q] != v}
        if not ticked:
            return answers
        answers |= ticked


def _every_asked(pathway: Pathway, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers with a default or a blank for each question the path asks that they
    lack (ScenarioError where one must be given)."""
    answers = dict(answers)
    while (step := pathway.step(answers)).question is not None:
        question = step.question
        if question.default is not None:
            answers[question.id] = question.default.value  # a key older scenarios lack
            continue
        if not question.skippable:
            raise ScenarioError(
                [
                    f"missing {question.id!r}: this path asks it ({question.prompt}). "
                    f"Allowed: {describe_allowed(question)}."
                ]
            )
        answers[question.id] = None  # absent means "not completed" for a skippable question
    return answers


UNVERIFIED = (
    "UNVERIFIED DIRECTORY (--directory): numbers may be wrong; never use it with a real case"
)


def run(pathway: Pathway, source: str, as_json: bool, verified: bool = True) -> int:
    """The plan on standard output; with an unverified directory (--directory) it says so
    in the output itself, not only on standard error, which a script may drop (F17)."""
    try:
        scenario = read_scenario(source)
        answers = answers_for(pathway, scenario)
    except ScenarioError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    step = pathway.step(answers)
    # the form's lines as the scenario gave them: no tick boxes here, and no default as fact
    details = referral_details(pathway, step.answers, pathway.graph.settings, set(scenario))
    plan = dataclasses.replace(step.plan, referral_details=details)
    if as_json:
        said = {**plan_to_dict(plan), "directory_verified": verified}
        print(json.dumps(said, indent=2, ensure_ascii=False))
    else:
        print(plan_to_text(plan) if verified else f"{UNVERIFIED}\n\n{plan_to_text(plan)}")
    return 0
