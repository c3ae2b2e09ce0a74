"""The working copy's rules for words, for a database published as it is (the lead's side):
an import --merge signed an alert on 999, no-break spaces and a 120-letter word, each refused
in a working copy (re-attack round, 2026-12-02)."""

from __future__ import annotations

from app.db.loader import Source, open_directory
from app.pathways.phone_numbers import national_number, other_number

# Where the working copy's columns are in a database: (its column, the query giving it)
_WORDS = (
    ("name", "SELECT id, name FROM service"),
    ("alert", "SELECT id, alert FROM service"),
    ("notes", "SELECT id, notes FROM service"),
    ("referral_route", "SELECT id, application_process FROM service"),
    ("email", "SELECT id, email FROM service"),
    ("website", "SELECT id, url FROM service"),
    ("source", "SELECT id, source FROM service"),
    ("source_seen", "SELECT id, source_date FROM service"),
    ("phone_type", "SELECT service_id, type FROM phone"),
    (
        "organisation",
        "SELECT s.id, o.name FROM service s JOIN organization o ON o.id = s.organization_id",
    ),
    ("phone_note", "SELECT service_id, description FROM phone"),
    ("hours", "SELECT service_id, description FROM schedule"),
)


def word_problems(source: Source) -> list[str]:
    """The working copy's rules for words (H198, H199, H202), for a database published as it
    is: an import --merge signed an alert on 999, no-break spaces and a 120-letter word
    (re-attack round, 2026-12-02). Read from its rows: laptops fold the spaces as they load."""
    from app.db.service_checks import (
        FIXED_ALERT,
        FIXED_WORDS,
        fixed_other_number,
        national_slip,
    )
    from app.db.text_rules import text_problems

    db = open_directory(source)
    try:
        numbers = db.execute("SELECT service_id, number FROM phone").fetchall()
        words = [(f, sid, value or "") for f, query in _WORDS for sid, value in db.execute(query)]
        kinds = db.execute(
            "SELECT a.link_id, t.code FROM attribute a "
            "JOIN taxonomy_term t ON t.id = a.taxonomy_term_id"
        ).fetchall()
    finally:
        db.close()
    fixed = {sid: national for sid, n in numbers if (national := national_number(n or ""))}
    written = [  # "(111)": an app before H230 reads it as a local number
        f"service {sid}: phone: write {fixed[sid]} on its own, not {n}"
        for sid, n in sorted(tuple(row) for row in numbers)
        if sid in fixed and "".join(n.split()) != fixed[sid]
    ]
    held = [
        f"service {sid}: phone: {slip}"
        for sid, number in sorted(fixed.items())
        if (slip := national_slip(number, {code for s, code in kinds if s == sid}))
    ]

    def on_fixed(field: str, value: str) -> list[str]:  # 999's words give no other number
        if field == "alert":
            return [FIXED_ALERT] if value.strip() else []
        number = other_number(value) if field in FIXED_WORDS else ""
        return [fixed_other_number(number)] if number else []

    return (
        written
        + held
        + [
            f"service {sid}: {field}: {problem}"
            for field, sid, value in words
            for problem in text_problems(field, value)
            + (on_fixed(field, value) if sid in fixed else [])
        ]
    )
