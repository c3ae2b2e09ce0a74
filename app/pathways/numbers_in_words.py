"""Numbers a worker could ring in a service's words that are no UK number: the lead's side
reads every field so (build, import, publish), as a worker reads a note, not as a parser
would (re-attack rounds, 2026-12-02 to 2026-12-04)."""

from __future__ import annotations

import re

from app.pathways.number_marks import in_one_form
from app.pathways.phone_numbers import FIGURES, uk_phone_digits

# A number as written in words: digits with at most two of a number's marks between them
# ("0121 496 0000", "+44 (0)121 …"); " / " or " – " ends one ("0121 569 3100 / 3101")
# (slashes and Word's dashes too: "0121/496/000" passed as three short groups: 4th round)
PHONE_RUN = re.compile(r"\d(?:[ \-.()/\u2013\u2014]{0,3}\d)+")  # "0121 - 496 - 000" too
# Opening times in four figures ("0900-1700", "0900-2400"), never run into more digits
# ("0121-2000-0000", "0808-2000 24": H344) but another range; days written with dashes
# or spaces ("02-01-2027", "01 04 2026")
CLOCK_RANGE = re.compile(
    r"(?<![\d-])(?:[01]\d|2[0-3])[0-5]\d ?- ?(?:(?:[01]\d|2[0-3])[0-5]\d|2400)"
    r"(?!-?\d| (?!\d{4} ?-)\d)"
    r"|(?<![\d-])(?:0?[1-9]|[12]\d|3[01])(?: ?[-/.] ?| )(?:0?[1-9]|1[0-2])(?: ?[-/.] ?| )"
    r"(?:19|20)\d\d(?![-\d])"  # "24 / 12 / 2026" too
)


# Where a number ends and its words begin, however its groups are joined: an opening bracket
# before a figure or two ("(24 hours)", "(2 lines)"), a spaced dash before figures and a word
# ("- 365 days", "- 100% free"), a full stop then figures. "0300 555 857 (2 lines)" passed as
# 0300 555 8572, and the card made 0800 111124 of Childline (re-attack, 2026-12-04; H366)
FIGURES_AFTER = re.compile(
    r"\((?=\s*\d{1,2}(?![\d)]))|(?:\s[-\u2013\u2014]|(?<!\.)\.)\s+(?=\d{1,3}\s*[A-Za-z%])"
)
FOUR_FIGURE_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d|2400")
# A number's groups joined by any marks but letters, up to eight of them, from a 0 and a 1-9
# or after a plus: a number a digit short written "0300,555,857", "0300 -- 555 -- 857" or
# with dot leaders was read as short groups and signed onto a children's front door card
# (re-attack, 2026-12-04: H360); a list of figures ("quote 20261201-001; 2026 2027") is none
LOOSE_RUN = re.compile(r"(?:(?<!\d)0[1-9]|(?<=\+)\d|(?<=\+ )\d|(?<=\+\()\d)(?:[\W_]{1,8}\d|\d)+")


def number_not_dialled(text: str) -> str:
    """The first number in a service's words that a worker could ring and that is no UK
    number, as written, or "". The strict rule read only the phone field: "out of hours:
    024 7683 222" (a digit short) in the note was signed and shown "confirmed" on the
    children's front door's card (attack, 2026-12-02). What is let be: opening times in
    four figures, case references and years, which blocked a publish; text relay's 18001
    before a number, and figures after a whole one ("0121 303 2296 (24 hours)").
    (Re-attack rounds, 2026-12-02.)"""
    return next((wrong for wrong, _ in _readings(text) if wrong), "")


def whole_numbers_in(text: str) -> list[str]:
    """The digits (0 first) of every whole UK number read in words as number_not_dialled
    reads them, for the rules on whose number it is (app/db/dead_numbers.py): read apart,
    "01.12.2026: 0800 970 2070" was refused as 0112 … and "0121–496–0123" was let by."""
    return [number for _, whole in _readings(text) for number in whole]


def _readings(text: str):
    """Each run of figures read in words: what is wrong in it as written ("" for nothing),
    and the whole numbers in it."""
    plain = CLOCK_RANGE.sub(" x ", FIGURES.sub(" x ", in_one_form(text)))
    plain = FIGURES_AFTER.sub(" x ", plain)
    loose = [(found, True) for found in LOOSE_RUN.finditer(plain)]
    for found, is_loose in [(found, False) for found in PHONE_RUN.finditer(plain)] + loose:
        before = plain[: found.start()]
        after_plus = bool(PLUS_BEFORE.search(before))
        # "case ref 0012 3456 7890" is quoted, not rung: never read as another country's
        # number, but a whole-length UK one after it is still held to the rule (H336)
        quoted = not after_plus and bool(REFERENCE_BEFORE.search(before))
        groups = re.findall(r"\d+", found.group())
        if quoted and ("/" in found.group() or len("".join(groups)) < 10):
            continue  # "our reference 01/2026/123", "company number 0123 4567": no number
        if is_loose and all(FOUR_FIGURE_TIME.fullmatch(group) for group in groups):
            continue  # "Sessions 0930, 1100, 1400": times listed (H365)
        whole: list[str] = []
        yield _not_dialled(found.group(), groups, after_plus, quoted, whole), whole


# "+" before a number, over spaces, a bracket, a dash or characters that show as nothing ("+ 1
# 900 …", "+(1) 900 …", "Tel+1 …", an emoji's "➕️1 …": re-attacks, H336), never after a
# figure ("ages 16+ 0121 …")
PLUS_BEFORE = re.compile(r"(?<!\d)[+\u2795][\s(\-\u00ad\u200b-\u200f\u2060\ufe0f\ufeff]*$")
# a reference a service asks the worker to quote, just before the figures: "ref", "FOI",
# or a noun then "number", "ref" and the like ("case number", "company reg"); a noun alone
# ("Existing case: 00 353 …") let another country's number by (fourth look, H336)
REFERENCE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:ref|reference|foi|urn)"
    r"|(?:case|crime|file|account|application|certificate|marac|dbs|nhs|company|charity)"
    r"\s*(?:no|number|ref|reference|id|reg|registration))[\s.:#/(-]*$",
    re.IGNORECASE,
)


def _not_dialled(
    run: str, groups: list[str], after_plus: bool, quoted: bool = False, whole: list | None = None
) -> str:
    """`run` as written if it is a number a worker could ring that is no UK number: from 0
    and a 1-9 (nine digits or more, or seven grouped as a number is: "0800 111"), from +44,
    00 44 or 0044, or a UK number written without its 0 ("808 2000 247"); a second number
    run on after a whole one ("0121 569 3100 0121 569 310") is read too."""
    if groups[0] in ("18001", "18002") and len(groups) > 1:
        groups = groups[1:]
    if not quoted and _abroad(groups, after_plus):
        return ("+" if after_plus else "") + run
    if groups[:2] == ["00", "44"]:
        groups, after_plus = groups[1:], True
    elif groups[0].startswith("0044"):
        groups, after_plus = [groups[0][2:], *groups[1:]], True
    digits, plus = "".join(groups), "+" if after_plus and groups[0].startswith("44") else ""
    grouped = len(groups) > 1
    if not plus and not (re.match(r"0[1-9]", digits) and len(digits) >= (7 if grouped else 9)):
        # "24 7683 2222" (no 0); "9-5 0121 496 000": digits before it joined its run
        missing_0 = len(digits) == 10 and grouped and 2 <= len(groups[0]) <= 4
        if missing_0 and not quoted and uk_phone_digits("0" + digits):
            return run
        later = next((n for n, g in enumerate(groups) if n and g.startswith("0")), None)
        rest = groups[later:] if later is not None else []
        return _not_dialled(" ".join(rest), rest, False, whole=whole) if rest else ""
    for n in range(len(groups), 0, -1):
        number = uk_phone_digits(plus + " ".join(groups[:n]))
        if number and (n == len(groups) or len(number) >= 10):
            if whole is not None and (plus or len(groups[0]) >= 3):  # never "0 18 0800 1111"
                whole.append(number)
            rest = groups[n:]
            again = rest and rest[0].startswith("0")
            return _not_dialled(" ".join(rest), rest, False, whole=whole) if again else ""
    # "Children 0 - 18 - 0121 496 0000": an age run into the number, which is whole; never a
    # number before it ("0300 555 857 / 01384 818181": a digit short, then a whole one,
    # was signed onto a child's plan: re-attack, 2026-12-04; H365)
    later = next((n for n, g in enumerate(groups) if n and re.match(r"0[1-9]\d", g)), None)
    before = "".join(groups[:later])
    times = all(FOUR_FIGURE_TIME.fullmatch(group) for group in groups[:later])  # "0900-1700"
    a_number_before = re.match(r"0[1-9]", before) and len(before) >= 7 and not times
    whole_after = later is not None and uk_phone_digits(" ".join(groups[later:]))
    if whole_after and not plus and not a_number_before:
        if whole is not None:  # "Children 0 - 18 - 0121 496 0000"
            whole.append(whole_after)
        return ""
    return ("+" if plus and not run.startswith("0") else "") + run  # as written


def _abroad(groups: list[str], after_plus: bool) -> bool:
    """A number of another country ("+1 900 555 0123", "001 900 …", "00 33 1 …"): no number
    a worker here rings, and the rules read only UK ones, so it passed (attack, H336). A
    reference from 00 in one group ("Ref 0001234567") is no number."""
    digits = "".join(groups)
    if after_plus and not digits.startswith("00"):
        # no country's code starts 0: "LGBTQ+ 0800 999 5428" is a UK number; "+001 …" is not
        return not digits.startswith(("44", "0")) and len(digits) >= 7
    international = digits.startswith("00") and not digits.startswith("0044")
    # in one group only when long ("0019005550123"); "Ref 0001234567" is no number
    return international and len(digits) >= (10 if len(groups) > 1 else 11)
