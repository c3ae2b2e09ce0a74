"""`python -m app practice --check`: every vignette's expected answers walked with the rules
in force, each learning point held to the plan they give (a rule change that makes a
vignette wrong fails CI), and how much of the pathway the vignettes cover."""

from __future__ import annotations

import sys

from app.cli.scenario import ScenarioError, check
from app.pathways import practice
from app.pathways.engine import Pathway


def run_check(pathway: Pathway) -> int:
    vignettes = pathway.graph.vignettes
    problems = []
    for vignette in vignettes:
        try:
            check(vignette.answers, pathway.graph.questions)
        except ScenarioError as error:
            problems += [f"{vignette.id}: {p}" for p in error.problems]
            continue
        problems += practice.check(pathway, vignette)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    cover = practice.coverage(pathway, vignettes)
    print(
        f"{len(vignettes)} vignettes checked, "
        f"{len(cover.rules)} of {len(cover.all_rules)} rules covered"
    )
    print(
        f"{len(cover.reminders)} of {len(cover.all_reminders)} reminders shown; "
        f"{len(cover.taught & set(practice.POLICY_RULES))} of {len(practice.POLICY_RULES)} "
        "policy rules taught"
    )
    for label, missing in (
        ("rules no vignette's plan applies", cover.all_rules - cover.rules),
        ("reminders no vignette's plan shows", cover.all_reminders - cover.reminders),
        ("policy rules no learning point teaches", set(practice.POLICY_RULES) - cover.taught),
    ):
        if missing:
            print(f"  {label}: {', '.join(sorted(missing))}")
    return 1 if problems or not vignettes else 0
