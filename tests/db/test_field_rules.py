"""The rules every directory field keeps, wherever a database is built, published or used."""

import pytest

from app.db.field_rules import field_problems

# "if no answer", in Urdu
URDU = "\u0627\u06af\u0631 \u062c\u0648\u0627\u0628 \u0646\u06c1 \u0645\u0644\u06d2"


@pytest.mark.parametrize("text", [f"{URDU} 0330 223 0099", f"{URDU}: 9-5"])
def test_a_number_after_right_to_left_words_is_refused_by_name(text):
    """Shown "0099 223 0330" on the card, the PDF and the summary (review 2026-12-01)."""
    (problem,) = field_problems("phone_note", text)
    assert "after right-to-left words is shown with its groups in reverse order" in problem


@pytest.mark.parametrize(
    "text", [f"0330 223 0099 ({URDU})", f"{URDU}: call 0330 223 0099", f"{URDU} 2021", "9-5"]
)
def test_a_number_first_after_english_or_alone_keeps_its_order(text):
    assert field_problems("phone_note", text) == []
