"""The rules every directory field keeps, wherever a database is built, published or used."""

import pytest

from app.db.field_rules import field_problems, phone_problems, row_problems, table_problems

# "if no answer", in Urdu
URDU = "\u0627\u06af\u0631 \u062c\u0648\u0627\u0628 \u0646\u06c1 \u0645\u0644\u06d2"


@pytest.mark.parametrize(
    "text",
    [
        f"{URDU} 0330 223 0099",
        f"{URDU}: 9-5 daily",
        f"0330 223 0099 {URDU}",  # first on the line: a card takes its direction from the Urdu
        f"{URDU} 0330\u2011223\u20110099",  # hyphens that cannot break
        f"{URDU} (0330) 2230099",
        "\U0001e900\U0001e901 0330 223 0099",  # Adlam, beyond the first plane
    ],
)
def test_a_number_in_a_field_with_right_to_left_words_is_refused_by_name(text):
    """Shown "0099 223 0330" on the card, the PDF and the summary (reviews 2026-12-01)."""
    (problem,) = field_problems("phone_note", text)
    assert "in a field with right-to-left words can show with its groups" in problem
    # and in a whole table's check, which reads plain text faster (it was skipped there)
    (said,) = table_problems("service", ["id", "notes"], [("bcwa", text)])
    assert "right-to-left" in said


@pytest.mark.parametrize("text", [URDU, f"{URDU} 12", "0330 223 0099 if no answer", "9-5"])
def test_right_to_left_words_or_a_number_alone_are_allowed(text):
    assert field_problems("phone_note", text) == []


CHECKED = {"assured_method": "phoned", "assured_by": "DA lead"}


@pytest.mark.parametrize("day", ["2026-W48-2", "20261125", "24/11/2026", "2026-02-30", "2026-11"])
def test_a_day_checked_is_a_real_day_written_yyyy_mm_dd(day):
    """Python reads "2026-W48-2" and "20261125" as days: a card took "W4" for the month and
    no plan showed; "24/11/2026", as Excel writes it, lost the check unsaid (review)."""
    row = {"id": "ndah", "assured_date": day, **CHECKED}
    assert row_problems("service", row) == [
        f"service ndah: service assured_date: {day!r} is not a day written YYYY-MM-DD"
    ]
    names = list(row)
    (said,) = table_problems("service", names, [tuple(row.values())])
    assert "is not a day written YYYY-MM-DD" in said


def test_a_day_checked_needs_how_and_who_and_nothing_else_does():
    assert row_problems("service", {"id": "x", "assured_date": "2026-11-24", **CHECKED}) == []
    assert row_problems("service", {"id": "x", "assured_date": ""}) == []
    bare = {"id": "x", "assured_date": "2026-11-24", "assured_method": "web", "assured_by": ""}
    said = table_problems("service", list(bare), [tuple(bare.values())])
    assert said == [
        "service x: service assured_method: a day checked needs how it was checked: "
        "phoned, provider",
        "service x: service assured_by: a day checked needs who checked it (a role is enough)",
    ]


@pytest.mark.parametrize("space", ["\u2028", "\u1680", "\u3000", "\xa0", "\t"])
def test_a_number_holds_plain_spaces_only(space):
    """A line separator split the pasted number in two; an Ogham space mark drew a dash."""
    (said,) = phone_problems(f"0808{space}2000 247")
    assert f"U+{ord(space):04X}" in said and "plain spaces only" in said
    assert phone_problems("0808 2000 247") == phone_problems("+44 (0)808-2000-247") == []
