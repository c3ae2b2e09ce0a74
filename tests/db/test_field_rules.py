"""The rules every directory field keeps, wherever a database is built, published or used."""

import pytest

from app.db.field_rules import field_problems, table_problems

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
