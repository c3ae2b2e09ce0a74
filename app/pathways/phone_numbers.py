"""UK phone numbers as the directory holds them: which texts are numbers a worker can ring.

Two readings. The lead's side (build, import, a working copy, publish) reads strictly: a
Birmingham number a digit short ("0121 496 000") or one written "-0808-2000-247" passed,
was confirmed and signed (attack review 2026-12-01). A laptop reads an update signed before
that rule as before, so no update and none of the lead's corrections in it is lost; a
number the strict reading refuses is shown "unconfirmed: check it" instead (services.py).
"""

from __future__ import annotations

import hashlib
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
# Open Referral's phone types, read word by word. A type with a word for a line no one can
# ring and speak to, and no word for one they can, is never the number shown ("Fax", "fax
# number", "TTY"): a fax put first was shown as the helpline's number. "Voice and text" or
# "Call or text" is rung, as is any other type on a laptop, so an update signed before this
# rule keeps its numbers (attack reviews 2026-12-01). On the lead's side a type must hold
# one of these words (import, publish).
NOT_RINGABLE = ("fax", "facsimile", "telefax", "pager", "text", "sms", "video", "tty")
NOT_RINGABLE += ("minicom", "textphone")
RINGABLE = ("voice", "cell", "mobile", "landline", "telephone", "phone", "main", "call")
RINGABLE += ("calls", "helpline")


def _words(phone_type: str | None) -> set[str]:
    return set(re.findall(r"[a-z]+", (phone_type or "").lower()))


def ringable(phone_type: str | None) -> bool:
    """Whether a phone row is a line to ring: a word for one, or no word for one not to."""
    words = _words(phone_type)
    return bool(words & set(RINGABLE)) or not words & set(NOT_RINGABLE)


def known_type(phone_type: str | None) -> bool:
    """The lead's side: a type that says what it is (a line to ring, or one not to)."""
    words = _words(phone_type)
    return not words or bool(words & {*RINGABLE, *NOT_RINGABLE})


def refused_number(phone: str) -> bool:
    """A number held that the lead's rules refuse: in an update signed before them, shown
    "check it" and never "confirmed", and no contact (the plan adds the fallbacks)."""
    return bool(phone) and uk_phone_digits(phone) is None


def contact_key(phone: str, phone_note: str, email: str) -> str:
    """What a person's check confirms, a number however spaced being one number:
    "01215693100|out of hours: …|x@y.org" (no space at either end: a spreadsheet cell
    loses it, and the check with it)."""
    digits = uk_phone_digits(phone, strict=False) or " ".join(phone.split())
    note = " ".join(phone_note.split()).lower()
    return "|".join((digits, note, email.strip().lower()))


def contact_record(phone: str, phone_note: str, email: str) -> str:
    """What a check records of its contact: a digest, so that Find and Replace over a
    sheet changes the number and never the record with it (attack review 2026-12-01)."""
    digest = hashlib.sha256(contact_key(phone, phone_note, email).encode()).hexdigest()
    return f"sha256:{digest[:16]}"


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
