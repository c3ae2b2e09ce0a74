"""`python -m app route`: walk the pathway with a scenario's answers and print the plan."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from app.pathways.answers import answer_problem, describe_allowed
from app.pathways.engine import Pathway
from app.pathways.summary import plan_to_dict, plan_to_text

EXIT_BAD_INPUT = 2


class ScenarioError(ValueError):
    """The scenario cannot be walked; carries every problem found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_scenario(source: str) -> Any:
    """The scenario JSON from a file, or standard input for '-'."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError([f"cannot read the scenario {source}: {error}"]) from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ScenarioError([f"the scenario is not valid JSON: {error}"]) from error


def answers_for(pathway: Pathway, scenario: Any) -> dict[str, Any]:
    """Checked answers for every question the scenario's path asks."""
    questions = pathway.graph.questions
    if not isinstance(scenario, dict):
        raise ScenarioError(["the scenario must be a JSON object of question ids and answers"])
    problems = [
        f"unknown key {key!r}. Allowed keys: {', '.join(questions)}"
        for key in scenario
        if key not in questions
    ]
    problems += [
        problem
        for key, value in scenario.items()
        if key in questions and (problem := answer_problem(questions[key], value))
    ]
    if problems:
        raise ScenarioError(problems)
    answers = dict(scenario)
    while (step := pathway.step(answers)).question is not None:
        question = step.question
        if not question.skippable:
            raise ScenarioError(
                [
                    f"missing {question.id!r}: this path asks it ({question.prompt}). "
                    f"Allowed: {describe_allowed(question)}."
                ]
            )
        answers[question.id] = None  # absent means "not completed" for a skippable question
    return answers


def run(pathway: Pathway, source: str, as_json: bool) -> int:
    try:
        answers = answers_for(pathway, read_scenario(source))
    except ScenarioError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    plan = pathway.step(answers).plan
    if as_json:
        print(json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False))
    else:
        print(plan_to_text(plan))
    return 0
