"""The days a database gives as evidence, as the lead publishes it: a person's check, and the
day each service's source was seen (H417 weighs them against an update's)."""

from __future__ import annotations

import sqlite3

from app.db.checks import Refused, every_problem
from app.db.loader import Source, open_directory
from app.pathways.services import clock_words


def check_confirmations(source: Source, today) -> None:
    """The lead's side only (publish): each service a person confirmed carries a past day
    written YYYY-MM-DD, how and who (H56, H115); Refused naming the first. Laptops do not
    refuse these (an update signed before the rule would be lost): they show the service
    unconfirmed."""
    from app.db.field_rules import assurance_problems
    from app.pathways.services import assured_on

    db = open_directory(source)
    db.row_factory = sqlite3.Row
    try:
        rows = db.execute(
            "SELECT id, assured_date, assured_method, assured_by FROM service "
            "WHERE assured_date != '' ORDER BY id"
        ).fetchall()
        seen = db.execute("SELECT id, source_date FROM service ORDER BY id").fetchall()
    finally:
        db.close()
    problems = [
        f"service {row['id']}: {field}: {problem}"
        for row in rows
        for field, problem in assurance_problems(dict(row), today)
    ]
    if problems:
        raise Refused(f"a person's check is not recorded as it must be: {every_problem(problems)}")
    # the day a source was seen is evidence against an update's (H417): a feed's 9999-12-31
    # outweighed a correction published since, and put the old number back everywhere
    # (feed attack, 2026-12-05)
    ahead = [
        f"service {row['id']}: {row['source_date']}"
        for row in seen
        if (day := assured_on(str(row["source_date"] or ""))) is not None and day > today
    ]
    if ahead:
        raise Refused(
            f"the day a source was seen is after today: {every_problem(ahead)}: write the day "
            f"it was seen (YYYY-MM-DD), or leave it empty ({clock_words(today)})"
        )
