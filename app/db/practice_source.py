"""Reads the practice vignettes (resources/practice/*.toml) into rows, checking their shape.

Whether a vignette's answers walk to a plan that shows its learning points is checked
against the rules by `python -m app practice --check` (app/pathways/practice.py): a rule
change must not stop the directory from building, but it must fail CI.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

CLAIMS = ("action", "no_action", "reminder", "risk", "rule", "asked", "not_asked")
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RULE = re.compile(r"^R\d{1,2}b?$")
# "001" or "national" alone: a reviewer cannot find what it says (words audit, 2026-12-07)
BARE_SOURCE = re.compile(r"^\s*(?:\d{3}|national)\s*$")
LONGEST_STORY = 1200  # characters: read in under a minute, before the walk


def read_vignettes(folder: Path, problems: list[str]) -> list[dict[str, Any]]:
    """One row per vignette file, in file-name order; each problem named with its file."""
    rows, seen = [], set()
    for path in sorted(folder.glob("*.toml")):
        try:
            with path.open("rb") as handle:
                doc = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as error:
            problems.append(f"{path}: {error}")
            continue
        found = vignette_problems(doc)
        if doc.get("id") in seen:
            found.append(f"id {doc['id']!r} is used by another vignette")
        seen.add(doc.get("id"))
        problems.extend(f"{path.name}: {problem}" for problem in found)
        if not found:
            rows.append(
                {
                    "id": doc["id"],
                    "ordinal": len(rows),
                    "title": doc["title"],
                    "tier": doc["tier"],
                    # one paragraph: the file's line breaks are for review, not for the
                    # screen, where the text wraps to the window at every text size
                    "story": " ".join(doc["story"].split()),
                    "answers": doc["answers"],
                    "points": doc["point"],
                }
            )
    return rows


def vignette_problems(doc: dict[str, Any]) -> list[str]:
    problems = []
    if not isinstance(doc.get("id"), str) or not ID.match(doc["id"]):
        problems.append("id: lower-case words joined by hyphens, e.g. 'amira-rent-arrears'")
    if not isinstance(doc.get("title"), str) or not doc["title"].strip():
        problems.append("title: a short line of text")
    if doc.get("tier") not in (1, 2) or isinstance(doc.get("tier"), bool):
        problems.append("tier: 1 or 2 (the tier the vignette is written for)")
    story = doc.get("story")
    if not isinstance(story, str) or not story.strip() or len(story) > LONGEST_STORY:
        problems.append(f"story: text of 1 to {LONGEST_STORY} characters")
    answers = doc.get("answers")
    if not isinstance(answers, dict) or answers.get("tier") != doc.get("tier"):
        problems.append("answers: a table of the expected answers, its tier the vignette's")
    points = doc.get("point")
    if not isinstance(points, list) or not points:
        problems.append("point: at least one [[point]] (text, sources, rules, shows)")
        return problems
    for number, point in enumerate(points, 1):
        problems.extend(f"point {number}: {p}" for p in _point_problems(point))
    return problems


def _point_problems(point: Any) -> list[str]:
    if not isinstance(point, dict):
        return ["a table with text, sources, rules and shows"]
    problems = []
    if not isinstance(point.get("text"), str) or not point["text"].strip():
        problems.append("text: what the worker should learn, in a sentence or two")
    if not _strings(point.get("sources")):
        problems.append("sources: at least one source, e.g. '001 §5.5' or 'national (…)'")
    elif bare := [s for s in point["sources"] if BARE_SOURCE.match(s)]:
        problems.append(
            f"sources: {bare[0].strip()!r} alone names no clause: write which, e.g. '001 §5.5', "
            "'000 Advocacy and support' or 'national (SafeLives Marac referral criteria)'"
        )
    rules = point.get("rules")
    if not _strings(rules) or not all(RULE.match(r) for r in rules):
        problems.append("rules: the policy rules it teaches, e.g. ['R6'] (R1-R43)")
    shows = point.get("shows")
    if not _strings(shows) or not all(s.partition(":")[0] in CLAIMS for s in shows):
        problems.append("shows: what the plan shows, each one of " + ", ".join(CLAIMS) + ":id")
    return problems


def _strings(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)
