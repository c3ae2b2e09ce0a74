"""The lines a number's note gives, read as the plan card reads them:
each number the words give as a line to ring, named by the words before it, never one they
say is old, replaced or closed, and never a time or a figure after it. What a directory
waiting for the conversation's end changes of them is said from these (waiting_numbers);
no Qt."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.pathways.out_of_hours import (
    LABEL_GONE,
    NO_ANSWER,
    NOT_IN_USE_AFTER,
    OFFICE_SHUT,
    out_of_hours,
)
from app.pathways.phone_numbers import uk_phone_digits

# words a lead puts before a number that is no longer the line ("Old number 024 7678 8555
# closed 1 Dec.", "calls are diverted from …"): said "out of hours now 024 7678 8555", the
# closed number (helper-280, 2026-12-07; H612). "Replaced by" names the new one: read as
# "replaces", "… 2222 replaced by 0300 555 9999" said the old line "now" (helper-283; H620)
NO_LONGER = re.compile(
    r"\b(?:old (?:number|line)|no longer|diverted from|instead of|"
    r"replac(?:es|ing|ement for)|supersed(?:es|ing))\b",
    re.IGNORECASE,
)
# and said just before it: "(not 0300 555 2922)", "(was …)", "(changed from …)", "closed …";
# "closed" further back is the office's ("Office closed at weekends, out of hours: …" said
# the right line no longer given: helper-282, 2026-12-07; H614)
NOT_THIS = re.compile(
    r"\b(?:not|was|were|never|closed|ignore|used to be|(?:changed|moved) from|stop using"
    r"|old|previous(?:ly)?|former(?:ly)?"
    r"|(?:do not|don'?t) (?:use|ring|call|phone|dial)(?: the)?)\W*$",
    re.IGNORECASE,
)
LINE_116 = re.compile(r"(?<![\d+])116 ?\d{3}(?!\d)")  # Samaritans' 116 123: no words' rule reads it
# "0300 555 9999 from 1 Jan": a line not yet live, said with its date (helper-283; H620)
# ("from any phone" is no date: helper-286, 2026-12-07)
WHEN = re.compile(
    r"\W*((?:from|starting|as of|until|till)\s(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[^();,.]{0,20}?)"
    r"\s*(?:[();,.]|$|(?=\s(?:and\s)?then\b))",
    re.I,
)
# "… 2222 until 31 Dec, then 0300 555 9999": the line after "then" starts when the one
# before it ends; said "out of hours now 0300 555 9999" with no date, rung before its day
THEN = re.compile(r"\b(?:then|after (?:that|then)|thereafter)\W*$", re.I)
SENTENCE = re.compile(r"[.;]\s")
CHILDLINE = re.compile(r"0800[ \-.]?1111(?![ \-.]?\d)")


class Line(NamedTuple):
    label: str  # as said: "out of hours", "Samaritans", "other line"
    number: str  # as rung
    when: str = ""  # "from 1 Jan"

    @property
    def kind(self) -> str:
        """Which line it is, however the lead words its label: the out-of-hours line the
        card shows is the same line when its note is reworded."""
        if re.search(rf"\b(?:{OFFICE_SHUT})\b", self.label, re.IGNORECASE):
            return "out of hours"
        if re.search(rf"{NO_ANSWER}|\bbusy\b|\bengaged\b", self.label, re.IGNORECASE):
            return "to try next"
        return re.sub(r"[^a-z0-9]+", " ", self.label.lower()).strip()

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, dialled(self.number)

    @property
    def said(self) -> str:
        return f"{self.number} {self.when}".strip()


def card_lines(text: str) -> list[Line]:
    """Each line a number's note gives, as its card reads it: the
    out-of-hours line where the card shows one, then every other number in the words, each
    named by the words before it (or the line before it in the same sentence). Read
    otherwise, "(not 0300 555 2922)" was said "out of hours now 0300 555 9999" with no
    "not", and the plan card's copy of the old night line kept "paste it"; a line added
    ("Rough sleeping (weekdays): …") was said the out-of-hours line, a line written +44 said
    replaced by itself, and a 116 line's change went unsaid (helper-282, 2026-12-07; H614)."""
    shut = out_of_hours(text)
    lines = _lines_after_words(shut[3] if shut else text, True)
    named = [Line(_line_named(words), number, when) for words, number, when in lines]
    if not shut:
        return named
    when = found.group(1) if (found := WHEN.match(shut[2])) else ""  # the card says it too
    return [Line(_line_named(shut[0]), shut[1], when), *named]


def _line_named(words: str) -> str:
    """ "out of hours" of "Out of hours: " (a name as written: "Samaritans", "OOH"); "other
    line" of no words, or too many."""
    label = words.split(":")[0] if ":" in words else words
    label = re.sub(r"\b(?:try|call|ring|phone|on|now)\W*$", "", label.strip(" (-,"), flags=re.I)
    label = label.strip(" (-,")
    kind = Line(label, "").kind
    if not label or (":" not in words and not kind.startswith(("out of", "to try"))):
        return "other line"  # "… to 0300 …": no name
    if len(label) > 40:  # Solihull's "Out of hours (evenings, weekends, bank holidays)"
        return {"out of hours": "out of hours", "to try next": "if no answer"}.get(
            kind, "other line"
        )
    said_mid_sentence = re.match(rf"(?:{OFFICE_SHUT}|{NO_ANSWER})\b", label, re.IGNORECASE)
    lower = said_mid_sentence and label[1:2].islower()
    return label[0].lower() + label[1:] if lower else label


def lines_written(text: str, as_lines: bool = False) -> list[str]:
    """The numbers in a field's words as a worker rings them: a figure after one ("(24
    hours)", "- 365 days a year") is no part of it, which read "0300 555 2922 (24" as a new
    number, an unchanged line said changed and then "Withdrawn, do not give" (helper-280,
    2026-12-07; H612). `as_lines`: a number's note or route, where a number the words
    around it say is no longer the line is not one."""
    return [number for _, number, _ in _lines_after_words(text, as_lines)]


def _lines_after_words(text: str, as_lines: bool) -> list[tuple[str, str, str]]:
    """(the words naming it, the number as rung, when it starts) of each number: named by the
    words since the number before, in its sentence, or as the line before it in the same
    sentence ("0300 555 9999 from 1 Jan (024 7683 2222 until then)")."""
    placed = sorted(_where(text))
    found, named, after, ends = [], "", 0, ""
    for at, number in placed:
        before = text[after:at] if at >= after else ""
        sentence_begun = after == 0 or bool(SENTENCE.search(before))
        before = SENTENCE.split(before)[-1]
        end = at + len(number)
        # to its sentence's end: cut at the next number, "9999 (do not use 2222)" read as
        # "9999 (do not use)"
        words_after = SENTENCE.split(text[end:])[0]
        after = max(after, end)
        then = bool(ends) and bool(THEN.search(before))  # the line before's, from its end
        naming = THEN.sub("", before) if then else before  # "After that:" names no line
        own = naming if ":" in naming or _line_named(naming) != "other line" else ""
        named = own or ("" if sentence_begun and not then else named)
        gone = NO_LONGER.search(before) or NOT_THIS.search(before)
        if as_lines and (gone or LABEL_GONE.search(own) or NOT_IN_USE_AFTER.match(words_after)):
            continue
        when = found_when.group(1) if (found_when := WHEN.match(words_after)) else ""
        if not when and then:
            when = f"after {ends}"
        until = re.match(r"(?:until|till)\s+(.*)", when, re.I)
        ends = until.group(1) if until else ""
        found.append((named, as_rung(number), when))
    return found


def _where(text: str) -> list[tuple[int, str]]:
    """Each number with where it is written, a 116 line among them, read sentence by
    sentence ("0300 555 9999; 024 7683 2222 (old)" was read as one number: helper-286)."""
    from app.db.directory_diff import numbers_written

    placed, start = [], 0
    for sentence in [*SENTENCE.finditer(text), None]:
        end = sentence.start() if sentence else len(text)
        part, after = text[start:end], 0
        for number in numbers_written(part):
            at = part.find(number, after)
            at = at if at >= 0 else after
            placed += [(start + at + offset, one) for offset, one in _each_line(number)]
            after = at + len(number)
        start = sentence.end() if sentence else end
    return placed + [(m.start(), m.group()) for m in LINE_116.finditer(text)]


def _each_line(run: str) -> list[tuple[int, str]]:
    """The numbers a run of figures holds, with where each starts in it: "0300 555 2222 ->
    0300 555 9999" is read as one run (the checks before signing look for any number), and
    a line changed so was said by nothing (helper-288, 2026-12-07)."""
    head = as_rung(run)
    rest = run[len(head) :]
    second = re.search(r"[+(]?\d", rest) if head != run else None
    if second is None or uk_phone_digits(as_rung(rest[second.start() :])) is None:
        return [(0, run)]
    at = len(head) + second.start()
    return [(0, head), *((at + offset, one) for offset, one in _each_line(run[at:]))]


def as_rung(number: str) -> str:
    """The longest start of `number` that is a UK number, or `number` as written: Childline's
    0800 1111 never run on ("0800 1111 (24" read as 0800 111124: helper-283; H620)."""
    if childline := CHILDLINE.match(number):
        return childline.group()
    pieces = re.findall(r"\d+|\D+", number)
    for end in range(len(pieces), 0, -1):
        head = "".join(pieces[:end]).strip()
        if head[-1:].isdigit() and uk_phone_digits(head) is not None:
            return head
    return number


def digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def dialled(number: str) -> str:
    """The digits a phone dials for `number` ("+44 300 …" and "0044 300 …" as "0300 …"), as
    the lead's list of changes compares them."""
    from app.db.borough_codes import dialled as figures

    written = number.strip()
    return figures("+44" + written[4:] if written.startswith("0044") else written)
