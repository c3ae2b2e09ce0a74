"""What a service's phone field may hold: a UK number a worker can dial, and when it is
not one, what is wrong where it can be told (the lead's walks): an extension, a second
number, words beside it, an e-mail, a letter among its figures, what a spreadsheet made of
it. The other fields' rules are in field_rules."""

from __future__ import annotations

import re

from app.pathways.area_codes import GEOGRAPHIC_LENGTHS, no_ones_number
from app.pathways.phone_numbers import PHONE_ALLOWED, uk_phone_digits

LOOKALIKE_FIGURE = re.compile(r"\d[OoIl]|[OoIl]\d")


def quoted(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def phone_problems(number: str, strict: bool = True) -> list[str]:
    if uk_phone_digits(number, strict) is None:
        if strict and uk_phone_digits(number, strict=False) is not None:  # said what is wrong
            return [f"{quoted(number)} has too few or too many digits ({GEOGRAPHIC_LENGTHS})"]
        digits = re.sub(r"[\s\-().]", "", number)
        if digits.isdigit() and digits.startswith("0044"):  # told only of its length (lead walk)
            rest = re.sub(r"^\s*0[\s\-]*0[\s\-]*4[\s\-]*4[\s\-]*(\(0\)|0)?\s*", "", number)
            return [
                f"{quoted(number)} starts with 0044, the international prefix: write it as "
                f"0{rest} or +44 {rest}"
            ]
        if digits.isdigit() and digits.startswith("0") and len(digits) > 11:  # a digit too many
            return [f"{quoted(number)} has {len(digits)} digits: UK numbers have 10 or 11"]
        if LOOKALIKE_FIGURE.search(number) or any(c.isdigit() and not c.isascii() for c in number):
            # "0121 552 70O3" and full-width figures met "not a UK phone number" only, the
            # lead guide's promise of what is wrong not kept (feed attack, 2026-12-05)
            return [
                f"{quoted(number)} has a letter or another script's figure among its digits "
                "(O for 0, l for 1, full-width figures): write it with the figures 0-9"
            ]
        return [_why_not_a_number(number)]
    # the lead's side (H340): Ofcom's for drama (H436), "0121 000 0000" from a sample (H438)
    if strict and (dead := no_ones_number(uk_phone_digits(number) or "")):
        return [f"{quoted(number)} is {dead}: write the service's own number"]
    return []


EXTENSION = re.compile(r"(?i)\b(?:ext|extn|extension)\b\.?\s*:?\s*\d|\bx\.?\s?\d")
SECOND_NUMBER = re.compile(r"\s*(?:/|,|;|\bor\b|\band\b|&)\s*")
NUMBER_WITH_WORDS = re.compile(r"([^\d+(]*)(\+?\(?\d[\d\s()\-]*\d)((?:\s*[^\d\s].*)?)")
EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
LETTER_AMONG_FIGURES = re.compile(r"(?<=\d)[^\W\d_](?=[\s\-]?\d|\s*$)")
EXCEL_POWER = re.compile(r"\d(?:\.\d+)?E\+\d+", re.IGNORECASE)


def _why_not_a_number(number: str) -> str:
    """What is wrong, where it can be told: an extension, a second number, or what Excel
    made of it; each met only a list of number forms (the lead's walk, 2026-12-06)."""
    said = f"{quoted(number)} is not a UK phone number"
    parts = [p for p in SECOND_NUMBER.split(number) if p.strip()]
    if EXTENSION.search(number):
        return (
            f"{said}: it holds an extension; write the number alone, and the extension in "
            "the number's note (phone_note)"
        )
    if len(parts) > 1 and all(uk_phone_digits(p) for p in parts):
        return (
            f"{said}: it holds {len(parts)} numbers; write the one workers ring here, and "
            "the other in the number's note (phone_note)"
        )
    # an e-mail in the phone column, a letter typed for a figure ("23S5", no lookalike of
    # one): each met only the list of number forms (the lead's walk, 2026-12-07)
    # "Tel: 0121 …", "0800 1111 option 3", "07… (text only)": the number and words
    if (words := NUMBER_WITH_WORDS.fullmatch(number.strip())) and uk_phone_digits(words[2]):
        return (
            f"{said}: write the number alone ({words[2]!r}), and any words about it in the "
            "number's note (phone_note)"
        )
    if EMAIL_SHAPE.fullmatch(number.strip()):
        return f"{said}: it is an e-mail address; put it in the email column"
    if letter := LETTER_AMONG_FIGURES.search(number):
        return f"{said}: it has a letter ({letter.group()!r}) among its figures; type figures only"
    digits = re.sub(r"[\s\-().]", "", number)
    if EXCEL_POWER.fullmatch(number.strip()) or (
        digits.isdigit() and uk_phone_digits("0" + digits) is not None
    ):
        return (
            f"{said}: a spreadsheet wrote it as a number, its first 0 lost; format the "
            "column as Text and type the number again"
        )
    if digits.isdigit() and digits.startswith("0") and len(digits) < 10:  # "write it in full"
        return f"{said}: it has {len(digits)} figures, UK numbers 10 or 11; write it in full"
    return f"{said} (allowed: {PHONE_ALLOWED})"
