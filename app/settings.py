"""The worker's settings (no Qt). Values IT fixes by machine policy are listed in `locked`.

Stored values are checked one by one: a bad or unknown value is dropped with a note saying
what was wrong and what is allowed, and every other setting is kept.
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from typing import Any

from app.records import record

TEXT_SIZES = range(8, 25)
TIERS = (1, 2)
INACTIVITY_MINUTES = range(1, 61)
COLOUR_SCHEMES = ("system", "light", "dark", "high_contrast")


@record
class UserSettings:
    tier: int = 2
    default_borough: str | None = None
    organisation: str = ""
    text_size: int = 11
    colours: str = "system"  # follows Windows high contrast and dark mode
    inactivity_minutes: int = 10
    record_activity: bool = True  # anonymised counts (001 §9.4); the worker can turn it off
    locked: frozenset[str] = field(default_factory=frozenset)

    def stored(self) -> dict[str, Any]:
        """What the user database keeps: the worker's own choices, not what policy fixed."""
        values = dataclasses.asdict(self)
        for key in (*self.locked, "locked"):
            values.pop(key, None)
        return values


def _is_int_in(allowed: range | tuple[int, ...]):
    def check(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value in allowed

    return check


def _describe(allowed: range | tuple[int, ...]) -> str:
    if isinstance(allowed, range):
        return f"a whole number from {allowed.start} to {allowed.stop - 1}"
    return " or ".join(str(v) for v in allowed)


CHECKS = {
    "tier": (_is_int_in(TIERS), _describe(TIERS)),
    "default_borough": (lambda v: v is None or isinstance(v, str), "a borough id or none"),
    "organisation": (lambda v: isinstance(v, str) and len(v) <= 200, "text up to 200 characters"),
    "text_size": (_is_int_in(TEXT_SIZES), _describe(TEXT_SIZES)),
    "colours": (lambda v: v in COLOUR_SCHEMES, " or ".join(COLOUR_SCHEMES)),
    "inactivity_minutes": (_is_int_in(INACTIVITY_MINUTES), _describe(INACTIVITY_MINUTES)),
    "record_activity": (lambda v: isinstance(v, bool), "true or false"),
}


def settings_from(
    values: dict[str, Any], base: UserSettings | None = None, boroughs: set[str] | None = None
) -> tuple[UserSettings, list[str]]:
    """`base` with every valid value applied, and a note for each value left out."""
    notes, good = [], {}
    for key, value in values.items():
        if key not in CHECKS:
            notes.append(f"unknown setting {key!r} ignored; known: {', '.join(CHECKS)}")
            continue
        check, allowed = CHECKS[key]
        if key == "default_borough" and boroughs is not None and value not in (None, *boroughs):
            check, allowed = (lambda _v: False), "one of the pathway's boroughs"
        if not check(value):
            notes.append(f"setting {key!r} = {value!r} ignored; allowed: {allowed}")
            continue
        good[key] = value
    return dataclasses.replace(base or UserSettings(), **good), notes
