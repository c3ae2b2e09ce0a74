"""The line to ring when a service's office is shut, or its number is not answered, as the
lead writes it in a number's note ("Out of hours: 0300 555 2922", "If no answer, try 0330 223
0099"): shown in large type with its own copy button."""

from __future__ import annotations

import itertools
import re

from app.pathways.numbers_in_words import FIGURES_AFTER
from app.pathways.phone_numbers import (
    NEGATIONS,
    SHORT_NUMBERS,
    format_uk_phone,
    uk_phone_digits,
    words_in_order,
)

# "Out of hours: 0300 555 2922", "urgent concerns out of hours: …", "out of hours (evenings,
# weekends, bank holidays): …", "after hours and weekends: Emergency Duty Team 0121 …", "If
# no answer, try 0330 …" (a child's urgent SARC: the second line stood in small type, H334)
# as the leads write them: the words, then from the first figure the number and what follows
NO_ANSWER = r"if (?:there is )?no answer"  # its "no" denies nothing
# (and "OOH", "evenings and weekends", "nights": written so, the line stood in small type
# under the daytime number: the lead's walk, 2026-12-04)
DASH = r"[ \-\u2010\u2011]"  # "Out‐of‐hours" pasted from Word: its hyphens are U+2010
OFFICE_SHUT = rf"(?:out{DASH}of|after){DASH}hours|ooh|evenings?|nights?|weekends?|bank holidays?"
OUT_OF_HOURS = re.compile(
    rf"(?P<label>[^\d+.]*\b(?:{OFFICE_SHUT}|{NO_ANSWER}"
    r"|if (?:the line is )?(?:busy|engaged))\b[^\d+.]*?)[\s:]*"
    r"(?P<tail>(?:\+|\()?\d.*)",
    re.IGNORECASE,
)
# every number the note gives, however its groups are joined ("calls are diverted from
# 0121.496.0000 to 0300 …" put the old line in bold: re-attack, 2026-12-04; H366)
NUMBERS_SAID = re.compile(r"\d(?:[ \-.()]{0,2}\d){6,}")
JOIN = re.compile(r"[ \-.]|\)\s?|\s?\(|\)\s?\(")  # how a number's groups are joined
NEGATIONS_SAID = {*NEGATIONS, "none", "nor", "isn", "isnt"}
# words before the number saying it is the office's line after all: "Out of hours use the
# website, daytime 0121 …" put the daytime number in the out-of-hours slot
DAYTIME_SAID = re.compile(
    r"\b(?:day[ -]?times?|in[ -]hours|during (?:\w+ )?(?:working|office|opening) hours)\b",
    re.IGNORECASE,
)


def line_said(words: str) -> str:
    """Which line a copy of the second number gave, from the words before it, for the
    status line: "out-of-hours number", or "number to try next" ("If no answer, try")."""
    return "out-of-hours number" if re.search(OFFICE_SHUT, words, re.I) else "number to try next"


def out_of_hours(note: str) -> tuple[str, str, str, str] | None:
    """The line to ring when the number's office is shut, from the number's note: its words,
    the number, what the note says after it, and the rest of the note; None when the note
    names no UK number for out of hours. Held in the note, it stood in small type under the
    front door's daytime number, the one a worker rings at six on a Friday (officer walk,
    2026-12-02). Not one the words before it say is not for out of hours ("No out-of-hours
    number held here, rough sleeping reports: 0300 …"), and none where the note holds a
    second number: "calls are diverted from 0121 … to 0300 …", "instead of …", "(old
    number, now …)" put the wrong one in bold (re-attack, 2026-12-03), nor one they say is
    for office hours ("out of hours use the website, daytime 0121 …"). The number is shown
    as workers read it ("(0121) 303 2296" left a bracket in the words before it)."""
    if _one_number_a_part(parts := note.split(";")):
        return _line_in(parts)
    # "Out of hours: 0300 555 9999. Rough sleeping: 0121 …" lost its bold line as ";" had
    # (helper-288, 2026-12-07; H632): read sentence by sentence, where no sentence's words
    # at all may speak of the night line ("…; rough sleeping: 0121 …. Old line closed.")
    pieces = re.split(r"(;\s*|\.\s+)", note)  # each part, then what ends it
    if _one_number_a_part(pieces[::2], doubts_anywhere=True):
        return _line_in(pieces[::2], [*pieces[1::2], ""])
    return None


def _line_in(parts: list[str], seps: list[str] | None = None) -> tuple[str, str, str, str] | None:
    """The line for out of hours from the note's parts; the others its rest, joined by "; ",
    or by what ended each (`seps`)."""
    parts = [_label_first(part.strip()) for part in parts]
    for at, part in enumerate(parts):
        found = OUT_OF_HOURS.fullmatch(part)
        number = _number_first(found["tail"]) if found else ""
        said = found["label"] if number else ""
        negated = NEGATIONS_SAID.intersection(
            words_in_order(re.sub(NO_ANSWER, "", said, flags=re.I))
        )
        gone = LABEL_GONE.search(said)
        if said and not negated and not gone and not DAYTIME_SAID.search(said):
            label = " ".join(said.split()).rstrip(":")
            # in its own sentence: "… 2922. Not answered: ring 999." is advice (helper-288)
            if NOT_IN_USE_AFTER.match(re.split(r"[.;]\s", found["tail"][len(number) :])[0]):
                return None  # the words say it is not to be rung: left as written
            after = found["tail"][len(number) :].strip().lstrip(".,").strip()
            ends = seps or ["; "] * len(parts)
            pairs = enumerate(zip(parts, ends, strict=True))
            rest = "".join(p + end for i, (p, end) in pairs if p and i != at).strip(" ;")
            shown = format_uk_phone(number) or number
            return label[:1].upper() + label[1:], shown, after, rest
    return None


# words after the line saying it is not to be rung ("… 2222 is closed, use 999", "(suspended
# until 4 Jan)", "replaced by …", "(old)"): it stood in bold with Copy, and "paste it" (helper-
# 283, 2026-12-07; H620)
# Said of the line itself, not of its hours: "(closed on Christmas Day)", "(not answered
# after 10pm)", "(no longer needs a PIN)" put a right line out of bold (helper-286, 12-07)
GONE_WORDS = (
    r"(?:closed(?: down)?|shut|suspended|discontinued|withdrawn|ceased|ended|retired"
    r"|disconnected|decommissioned|obsolete|cancell?ed|superseded|scrapped|invalid|old"
    r"|out of (?:date|use|service)|wrong number|dead line|line down|switched off"
    r"|(?:temporarily )?unavailable|permanently closed|do not use|don'?t use"
    r"|not (?:currently )?(?:in use|answered|monitored|staffed|working|the right number)"
    r"|no longer (?:used|works|working|answered|available|staffed))"
)
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
# ... followed by nothing of its own (a bracket, a stop, "until", a past date): never "from 1
# Jan", which is yet to come (helper-288, 2026-12-07)
SAID_OF_IT_ALONE = (
    r"(?=\s*(?:[).,;:!\-\u2013]|$|until\b|since\b|permanently\b|now\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s*{MONTH}|\d{{1,2}}/\d{{1,2}}))"
)
NUMBER_NEXT = r"(?=[+(]?\d[\d \-()]{6,})"  # "now 24 hours" names no number (helper-288)
NOT_IN_USE_AFTER = re.compile(
    r"\W*(?:(?:the|this)\s+)?(?:(?:line|number|service)\s+)?"
    r"(?:(?:is|are|has|have|was|were)\s+)?(?:(?:been|now)\s+)?(?:"
    rf"{GONE_WORDS}{SAID_OF_IT_ALONE}"
    r"|no longer (?:in (?:use|service)|operational|the\b)|stopped\b"
    r"|(?:replaced|superseded)\s+(?:by|with)\b"
    rf"|(?:moved|changed|changing|diverted|transferred)\s+to\s+{NUMBER_NEXT}"
    rf"|now\s+{NUMBER_NEXT}|(?:-+>|\u2192)\s*{NUMBER_NEXT}"
    r"|use\s+[+(]?\d[\d \-()]{6,}\s*instead\b)",
    re.IGNORECASE,
)
# a label saying the line is gone: "Old out of hours: …", "Out of hours (withdrawn): …",
# "DO NOT USE - out of hours: …"; never a place ("Out of hours (Old Hill office)") nor what a
# team was once called ("(formerly Out of Hours Team)": helper-288, 2026-12-07)
LABEL_GONE = re.compile(
    r"^\W*(?:old|previous(?:ly)?|former(?:ly)?|was|do not use|don'?t use)\b"
    rf"|\(\s*{GONE_WORDS}\s*\)"
    rf"|\b(?:line|number|service)\s+(?:(?:has|have|is|was)\s+)?(?:been\s+)?{GONE_WORDS}\b",
    re.IGNORECASE,
)


# words in another part of the note that may be about the night line ("…; 2222 closed",
# "…; calls diverted from …"): with them, no part is read
OTHER_PART_DOUBTS = re.compile(
    r"\b(?:old|previous|former|instead|divert|replac|supersed|not|never|was|no longer"
    r"|withdrawn|closed|ceased|stopped|use|until|from|then|new|now|after|before)\w*",
    re.IGNORECASE,
)


def _one_number_a_part(parts: list[str], doubts_anywhere: bool = False) -> bool:
    """Whether each part of the note (";"-parts, or its sentences) holds at most one number,
    and one at least: a second line added beside the night line ("Out of hours: …; rough
    sleeping: 0121 …") took the bold line away, and the card said to find the emergency duty
    team on the council's website (helper-286, 2026-12-07; H627). Never where another
    numbered part's words (`doubts_anywhere`: any part's) may speak of the night line, nor
    where two parts give the same number."""
    counts = [len(NUMBERS_SAID.findall(part)) for part in parts]
    if sum(counts) == 1:
        return True
    if max(counts) != 1 or any(part.count("(") != part.count(")") for part in parts):
        return False  # two in a part, or a part within brackets: "(until 1 Jan; from then …)"
    said = [n for part in parts for n in NUMBERS_SAID.findall(part)]
    numbered = [part for part, count in zip(parts, counts, strict=True) if count]
    doubted = any(
        OTHER_PART_DOUBTS.search(part) for part in (parts if doubts_anywhere else numbered)
    )
    return not doubted and len({re.sub(r"\D", "", n) for n in said}) == len(said)


# the number, then its words: "0300 555 8600 (out of hours)"
NUMBER_THEN_WORDS = re.compile(
    rf"(?P<number>\+?\(?\d[\d \-.()]*\d)\s*[(,:\-]?\s*(?P<label>{OFFICE_SHUT})\)?\.?",
    re.IGNORECASE,
)


def _label_first(part: str) -> str:
    """A part written number first, as the label then the number."""
    found = NUMBER_THEN_WORDS.fullmatch(part)
    return f"{found['label']}: {found['number']}" if found else part


def _number_first(text: str) -> str:
    """The longest start of `text` that is a UK number and ends at the end of a group of
    figures ("0121 303 2296" of "0121 303 2296 (24 hours)"), or "": never 999, 101 or 111,
    which are no line of a service's own ("in an emergency 999"), and never the start of a
    longer run of figures ("0300 555 2922 1", a typo signed before the strict rule, stays in
    the note as written rather than stand in bold a digit short). Its groups are joined as
    a number's are, by a space, a hyphen, a full stop or brackets, none left open, and
    Childline's 0800 1111 is never run on: "Childline 0800 1111 (24 hours)" and "… 0800 1111
    - 365 days a year" stood in bold as 0800 111124 and 0800 111 1365, with their copy
    buttons (re-attack, 2026-12-04; H366). Nor with figures run on: "0800 1111 222" may be
    another line, "0800 1111 24 hours" Childline's: neither read, the note stays as written
    (read as Childline's, the first stood in bold as 0800 1111; read whole, the second as 0800
    1111 24: seams attack and its re-attack, 2026-12-07; H495)."""
    text = FIGURES_AFTER.split(text, maxsplit=1)[0]
    if childline := re.match(r"0800[ \-.]?1111", text):
        return "" if re.match(r"[ \-./]{0,2}\d", text[childline.end() :]) else childline.group()
    groups = list(re.finditer(r"\d+", text))
    for at in range(len(groups), 0, -1):
        end = groups[at - 1].end()
        joins = [text[a.end() : b.start()] for a, b in itertools.pairwise(groups[:at])]
        if any(not JOIN.fullmatch(join) for join in joins):
            continue
        if text[:end].count("(") > text[:end].count(")"):
            continue
        if uk_phone_digits(text[:end]) not in (None, *SHORT_NUMBERS):
            return "" if re.match(r"[ \-./]{0,2}\d", text[end:]) else text[:end]
    return ""


# words a lead writes for the line to ring when the office is shut that out_of_hours() does
# not read as one ("Emergency Duty Team: 0121 …", "EDT …", "Outside these hours: …", "When
# closed: …"): the card then gave it in small type, no copy button, and said beside it that
# no out-of-hours line was held (the lead's walk, 2026-12-07)
SHUT_WORDS = re.compile(r"\b(?:duty|edt|outside|closed|shut)\b", re.IGNORECASE)
UNREAD_SHUT_LINE = (
    "not read as the out-of-hours line (no large number, no copy button): write it as "
    "'Out of hours: 0121 …' if it is one"
)


def shut_line_unread(note: str) -> bool:
    """Whether a number's note names a line for when the office is shut in words the card
    does not read as its out-of-hours line."""
    said = bool(note and SHUT_WORDS.search(note) and NUMBERS_SAID.search(note))
    return said and out_of_hours(note) is None
