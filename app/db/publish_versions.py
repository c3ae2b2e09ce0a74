"""The version a lead publishes: year.month.day[.n], its own day at most a month ahead, and
the version to suggest above the newest (checked on the lead's side; a laptop compares
versions by `checks.version_key`)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from app.db.checks import Refused, version_key
from app.pathways.services import clock_words

# No leading zero: 2026.12.05 and 2026.12.5 are one version to the laptops, but two file
# names, so the "each version once" guard let both be published with different numbers
# (review 2026-12-01)
PUBLISH_VERSION = re.compile(r"(\d{4})\.([1-9]\d?)\.([1-9]\d?)(\.[1-9]\d{0,2})?", re.ASCII)


AHEAD = timedelta(days=31)  # a version is the day it is published, a month ahead at most


def _day_of(version: str) -> date | None:
    """The day a version written year.month.day[.n] names, or None (2026.2.30, 20261203)."""
    match = PUBLISH_VERSION.fullmatch(version)
    try:
        return date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return None


def check_new_version(version: str, today: date, newest: str | None = None) -> None:
    """A version to publish: year.month.day[.n], a real day no more than a month ahead. A
    typo such as 20261203, or 2027.12.4 typed on 1 December 2026, rose above every later
    version: each update after it was refused for a year (IT review 2026-12-01). After one
    published so far ahead already (a wrong clock, or before this rule), its own day with a
    higher .n is allowed: without it nothing could be published for a year (attack review).
    `newest`: the newest version published."""
    day = _day_of(version)
    its_day = day and newest and version_key(newest)[:3] == version_key(version)[:3]
    if day is None or not (date(2020, 1, 1) <= day <= today + AHEAD or its_day):
        raise Refused(
            f"version {version!r}: allowed year.month.day, the day it is published (a month "
            f"ahead at most), optionally .n for a second one that day (e.g. "
            f"{today.year}.{today.month}.{today.day} or {today.year}.{today.month}.{today.day}.2; "
            f"{clock_words(today)})"
        )


def dated_ahead(version: str, today: date) -> str:
    """'' or, in words, that `version` is dated after `today`, and what that means: a
    version typed a week ahead was taken unsaid, and every update until that day then
    needed a version above it (the lead's walk, 2026-12-06, F14)."""
    day = _day_of(version.strip())
    if day is None or day <= today:
        return ""
    days = (day - today).days
    return (
        f"{version} is dated {day.day} {day:%B}, {days} day{'s' if days > 1 else ''} ahead: "
        f"until then each later update needs a version above it, such as "
        f"{version_above(version, today)}. Today's is {today.year}.{today.month}.{today.day}"
    )


def version_above(newest: str, today: date) -> str:
    """The version to suggest above `newest`: today's, or, when `newest` is today's or
    after it (published with a clock ahead), its own day with the next .n: after 2027.12.2
    the lead was told only "must be higher", and 2027.12.3 was refused as too far ahead
    (the lead's and IT's walk, 2026-12-02)."""
    parts = newest.split(".")
    if version_key(newest)[:3] < (today.year, today.month, today.day):
        return f"{today.year}.{today.month}.{today.day}"
    return ".".join([*parts[:3], str(int(parts[3]) + 1 if len(parts) > 3 else 2)])
