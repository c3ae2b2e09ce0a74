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
# Open Referral's phone types. A type holding one of NOT_RINGABLE's words is never the
# number shown, however written ("Fax", "fax number", "telefax", "tty"): a fax put first
# was shown as the helpline's number (attack reviews 2026-12-01). Any other type is rung on
# a laptop, as before (an update signed before this rule keeps its numbers); on the lead's
# side a type must be one of RINGABLE or hold a NOT_RINGABLE word (import, publish).
NOT_RINGABLE = ("fax", "facsimile", "pager", "text", "sms", "video", "tty", "minicom")
RINGABLE = ("voice", "cell", "mobile", "landline", "telephone", "phone", "main")
# the same reading in SQL, for the directory search (app/db/search.py); LIKE ignores case
RINGABLE_SQL = "NOT ({})".format(
    " OR ".join(f"coalesce(type, '') LIKE '%{word}%'" for word in NOT_RINGABLE)
)


def ringable(phone_type: str | None) -> bool:
    """Whether a phone row is a line to ring: no NOT_RINGABLE word in its type."""
    kind = (phone_type or "").lower()
    return not any(word in kind for word in NOT_RINGABLE)


def known_type(phone_type: str | None) -> bool:
    """The lead's side: a type that says what it is (a line to ring, or one not to)."""
    kind = (phone_type or "").strip().lower()
    return kind in ("", *RINGABLE) or not ringable(kind)


def contact_key(phone: str, phone_note: str, email: str) -> str:
    """What a person's check confirms, a number however spaced being one number:
    "01215693100|out of hours: …|x@y.org" (no space at either end: a spreadsheet cell
    loses it, and the check with it)."""
    digits = uk_phone_digits(phone, strict=False) or " ".join(phone.split())
    note = " ".join(phone_note.split()).lower()
    return "|".join((digits, note, email.strip().lower()))


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
