"""UK phone numbers as the directory holds them: which texts are numbers a worker can ring.

Two readings. The lead's side (build, import, a working copy, publish) reads strictly: a
Birmingham number a digit short ("0121 496 000") or one written "-0808-2000-247" passed,
was confirmed and signed (attack review 2026-12-01). A laptop reads an update signed before
that rule as before, so no update and none of the lead's corrections in it is lost; a
number the strict reading refuses is shown "unconfirmed: check it" instead (services.py).
"""

from __future__ import annotations

import re

SHORT_NUMBERS = {"999", "112", "101", "111", "105", "119"}
UK_NUMBER = re.compile(
    r"0(?:[12]\d{8,9}"  # geographic (lengths: GEOGRAPHIC, on the lead's side)
    r"|3\d{9}"  # 03: national rate
    r"|7[1-57-9]\d{8}"  # mobile (not 070 personal or 076 pager numbers)
    r"|80[08]\d{4,7}"  # 0800 / 0808 freephone (Childline is 0800 1111)
    r"|8[47]\d{8})"  # 084x, 087x
)
# 02, 011x and 01x1 numbers always have 11 digits; other 01 numbers 10 or 11 (Ofcom's plan)
GEOGRAPHIC = re.compile(r"0(?:2\d{9}|1(?:1\d|\d1)\d{7}|1[02-9][02-9]\d{6,7})")
PHONE_ALLOWED = "999, 101, 111, 116 xxx, 0800/0808, a geographic, 03 or mobile number"
GEOGRAPHIC_LENGTHS = "02, 011x and 01x1 numbers have 11 digits, other 01 numbers 10 or 11"
# Open Referral's phone types: those no one can ring and speak to are never the number shown
# (a fax listed before the voice line was: attack review 2026-12-01); those a feed may give
# for a line to ring; any other word is asked about, never guessed.
NOT_RINGABLE = ("fax", "facsimile", "pager", "text", "sms", "video", "textphone", "minicom")
RINGABLE = ("voice", "cell", "mobile", "landline", "telephone", "phone", "main")


# as SQL reads a phone row's type, for the directory search (app/db/search.py)
RINGABLE_SQL = "lower(trim(coalesce(type, ''))) IN ('', {})".format(
    ", ".join(f"'{t}'" for t in RINGABLE)
)


def ringable(phone_type: str | None) -> bool:
    """Whether a phone row is a line to ring: one of RINGABLE, or no type (Open Referral's
    voice). Any other word ("fax number", "tty", "fax/voice") is never the number shown,
    whoever wrote the database (attack review 2026-12-01)."""
    return (phone_type or "").strip().lower() in ("", *RINGABLE)


def uk_phone_digits(text: str, strict: bool = True) -> str | None:
    """The digits of a UK phone number (+44 written as 0), or None when it is not one."""
    if strict and not re.match(r"\s*[+(0-9]", text):
        return None
    digits = re.sub(r"[\s\-().]", "", text)
    if digits.startswith("+44"):
        digits = "0" + digits[3:].removeprefix("0")
    if not (digits.isascii() and digits.isdigit()):  # "644৪" read as 6448, dialled otherwise
        return None
    if digits in SHORT_NUMBERS or re.fullmatch(r"116\d{3}", digits):
        return digits
    if not UK_NUMBER.fullmatch(digits):
        return None
    if strict and digits.startswith(("01", "02")) and not GEOGRAPHIC.fullmatch(digits):
        return None
    return digits
