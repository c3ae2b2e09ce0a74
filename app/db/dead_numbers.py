"""Numbers in a service's words that ring no one: Ofcom's numbers for drama (H436) and the
placeholders of sample feeds (H438). Read as the rule for numbers cut short reads them
(app/pathways/numbers_in_words.py): read apart, "0121–496–0123" (en dashes), "0044 121
496 0124" and "07700, 900, 123" were let by, and "01.12.2026: 0800 970 2070" and "Ages 0-25:
0808 …" were refused as no one's (re-attacks, 2026-12-05; H440)."""

from __future__ import annotations

from app.pathways.area_codes import drama_number, placeholder_number
from app.pathways.numbers_in_words import whole_numbers_in
from app.pathways.phone_numbers import format_uk_phone


def drama_number_in(text: str) -> str:
    """The first number in words that Ofcom keeps for drama ("Out of hours: 0121 496 0123"
    is lifted into large type with a copy button), as a worker reads it, or ""."""
    found = next((n for n in whole_numbers_in(text) if drama_number(n)), "")
    return format_uk_phone(found) or found


def placeholder_in(text: str) -> tuple[str, str] | None:
    """The first number in words that is no one's ("ring 0121 000 0000"), and why."""
    for number in whole_numbers_in(text):
        if why := placeholder_number(number):
            return format_uk_phone(number) or number, why
    return None
