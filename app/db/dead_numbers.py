"""Numbers in a service's words that ring no one: Ofcom's numbers for drama (H436) and the
placeholders of sample feeds (H438). Read as the rule for numbers cut short reads them, every
joining mark a hyphen and 0044 a 0: "0121–496–0123" (en dashes) and "0044 121 496 0124" were
read whole by that rule, and by neither of these, and signed (re-attack, 2026-12-05)."""

from __future__ import annotations

import re

from app.db.pathway_words import numbers_in
from app.pathways.area_codes import DRAMA, placeholder_number
from app.pathways.number_marks import in_one_form
from app.pathways.phone_numbers import format_uk_phone, uk_phone_digits

# "+44 (0)121 …" and "0044 121 …" are "0121 …"
COUNTRY_CODE = re.compile(r"(?:\+|(?<!\d)00)\s*44\s*-?\s*(?:\(\s*0\s*\)\s*)?(?=\d)")
# the marks between a number's groups; a slash too: "0121 496 0126/7" and "… 0126 / 0121
# 496 0127" were one run too long for a number, and passed (attack, 2026-12-05)
GROUP_GAP = re.compile(r"(?<=\d)[\s\-.()/]+(?=\d)")


def _plain(text: str) -> str:
    return COUNTRY_CODE.sub("0", in_one_form(text))


def drama_number_in(text: str) -> str:
    """The first number in words that Ofcom keeps for drama ("Out of hours: 0121 496 0123"
    is lifted into large type with a copy button), as a worker reads it, or ""."""
    for run in re.findall(r"\d+", GROUP_GAP.sub("", _plain(text))):
        if found := DRAMA.search(run):
            return format_uk_phone(found.group()) or found.group()
    return ""


def placeholder_in(text: str) -> tuple[str, str] | None:
    """The first number in words that is no one's ("ring 0121 000 0000"), and why. A run
    read with figures before or after it ("Mon-Fri 9-5 0121 000 0000", "… 0000/1") is read
    by a whole number's length from either end; never from within, where "10-1 0121 303
    1888" holds 0101 213 0318, which is no one's."""
    for part in _plain(text).split("/"):
        for number in numbers_in(part):
            digits = re.sub(r"\D", "", number)
            for whole in (digits, digits[:11], digits[:10], digits[-11:], digits[-10:]):
                if uk_phone_digits(whole) and (why := placeholder_number(whole)):
                    return number.strip(), why
    return None
