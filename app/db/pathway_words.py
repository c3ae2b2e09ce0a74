"""What the pathway's own words may hold: no phone number but 999, 101 and 111, and no
invisible character. Checked where a directory is built, published or taken as an update.

Services' numbers are checked field by field and shown as changes between directories; a
number typed into a card's words would be neither, and an invisible character can hide or
reorder what is shown (reviews 2026-12-01: a number with non-breaking or zero-width spaces
got through a check that allowed only plain ones).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from app.pathways.answers import MAX_COUNT
from app.pathways.risk import PLACE

# A number a worker could dial: 0 or + then seven digits more (0800 1111 is eight in all),
# or any nine digits, whatever stands between them (up to sixteen characters: spaces of any
# kind, dots, dashes, commas, a "§" between digits; not a citation's " §", as in "001
# §8.1-8.3"), or a local number grouped as dialled ("552 6448", "496-0999", "552.6448");
# read after Unicode normalisation (full-width, superscript and other scripts' digits).
# Times, years and ranges ("9:00-17:00", "2021-2024") are none of these. Words between
# the digits, or digits spelt out, are not found: the lead's diff shows every changed word.
_GAP = r"(?:(?:[^\w§]|_|(?<=\d)§(?=\d)){0,16})"
# a local number ungrouped, or grouped with a slash, comma, middle dot, fraction slash or
# minus sign, spaced or not ("5526448", "552/6448", "552 – 6448": review 2026-12-01)
_LOCAL_GAP = r" *[.,/\-\u00b7\u2010-\u2015\u2044\u2212] *"
_LOCAL = rf"(?<!\d)(?:\d{{7,8}}|\d{{3,4}} +\d{{4}}|\d{{3}}{_LOCAL_GAP}\d{{4}})(?!\d)"
PHONE_IN_TEXT = re.compile(rf"(?:[0+]{_GAP}\d(?:{_GAP}\d){{6,}}|\d(?:{_GAP}\d){{8,}}|{_LOCAL})")
# Letters that stand in for digits in a run of digits: O, o, I and l ("O8O8 2OOO 247"), and
# any letter or number outside ASCII (Cyrillic З for 3, Latin ǀ for 1, 〇 for 0: "0З00 555
# З222" was read by every worker as a number and by the check as none, review 2026-12-01)
_LIKE_A_DIGIT = r"(?:[0-9OoIl]|(?![\x00-\x7f])\w)"
_DIGITISH = re.compile(rf"{_LIKE_A_DIGIT}*\d{_LIKE_A_DIGIT}*")
# and a group of such letters alone, beside digits: "0300 555 ǀǀǀǀ"
_OTHER_GROUP = re.compile(
    r"(?<=\d[ .\-])(?:(?![\x00-\x7f])\w){1,6}|(?:(?![\x00-\x7f])\w){1,6}(?=[ .\-]\d)"
)
# Characters that show as nothing or as a space but are letters to Unicode (Hangul fillers,
# the Braille blank): a number spaced with them read as one word (review 2026-12-01)
BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u180e"}
NOT_WORDS = ("services", "pathway_version", "directory_version")


def pathway_strings(graph) -> Iterator[str]:
    """Every string of the rules: questions, flow, cards, rules, reminders, practice cases."""
    return strings_of([value for name, value in vars(graph).items() if name not in NOT_WORDS])


def strings_of(value) -> Iterator[str]:
    """Every string in a value of the rules (an item, a list of them, a dict), in order."""
    parts = [value]
    while parts:
        value = parts.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            parts += reversed(value.values())
        elif isinstance(value, (list, tuple)):
            parts += reversed(value)
        elif hasattr(value, "__dataclass_fields__"):
            parts += [getattr(value, name) for name in reversed(value.__dataclass_fields__)]


# Invisible, control or combining characters (the pathway is written in English): a
# number spaced with combining graphemes joiners (U+034F) or variation selectors showed
# whole and read as none (review 2026-12-01)
HIDDEN_CATEGORIES = ("Cf", "Cc", "Co", "Cs", "Mn", "Me")
UNSEEN = ("Cf", "Mn", "Me")  # drawn as nothing, or on the character before


def hidden(text: str) -> list[str]:
    """Invisible or control characters, by code point ("U+200B"); a line break is allowed."""
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if ch != "\n" and (ch in BLANK_LETTERS or unicodedata.category(ch) in HIDDEN_CATEGORIES)
    ]


def numbers_in(text: str) -> list[str]:
    # what shows as nothing is not there: a number stays one number read without them
    text = "".join(ch for ch in text if unicodedata.category(ch) not in UNSEEN)
    normal = unicodedata.normalize("NFKC", text)
    normal = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in normal)
    normal = _DIGITISH.sub(lambda run: "".join(map(_as_digit, run.group())), normal)
    while (digits := _OTHER_GROUP.sub(lambda run: "0" * len(run.group()), normal)) != normal:
        normal = digits
    return PHONE_IN_TEXT.findall(normal)


def _as_digit(ch: str) -> str:
    return ch if ch.isascii() and ch.isdigit() else "1" if ch in "Il" else "0"


def _widest_figures(graph) -> str:
    """Figures as wide as anything a text's place may show when filled in (risk.fill: a
    setting, an answer's count, a fact's value): "0800 {n.a} {n.b}" with facts of "1421"
    and "1200", or one fact of 14211200, was read as no number (re-attack round)."""
    digits = [len(re.sub(r"\D", "", str(case.value))) for f in graph.facts for case in f.cases]
    return "0" * max([len(str(MAX_COUNT)), *digits])


def pathway_words_problem(graph) -> str | None:
    """Why these words may not be used, or None."""
    widest = _widest_figures(graph)
    return next(
        filter(None, (_text_problem(text, widest) for text in pathway_strings(graph))), None
    )


# Each text's verdict, kept: the release's words are read again at every update checked
# (start, the 15-minute check, an install, a publish), some 3,500 texts at 0.3 s a time
@functools.lru_cache(maxsize=1 << 14)
def _text_problem(text: str, widest: str) -> str | None:
    """Why this one text may not be used, or None."""
    characters = hidden(text)
    if characters:
        return f"the pathway's words hold an invisible character ({characters[0]})"
    # 150 line breaks in the 999 card's words put 999 below the screen (re-attack round,
    # 2026-12-02): each text is one paragraph, spaced with plain spaces
    breaks = [c for c in text if c == "\n" or (c != " " and unicodedata.category(c)[0] == "Z")]
    if breaks:
        return (
            f"the pathway's words hold a line break or an odd space (U+{ord(breaks[0]):04X}"
            "): write each text as one paragraph, with plain spaces"
        )
    # as shown, its places filled in at their widest: "0800 {a}{b} {c}00" was read as
    # none, and shown "0800 1421 1200" (re-attack rounds, 2026-12-02)
    numbers, where = numbers_in(text), ""
    if not numbers and (numbers := numbers_in(PLACE.sub(widest, text))):
        where = ", with its {places} filled in"
    if numbers:
        return (
            f"the pathway's words hold a phone number ({numbers[0]}{where}): only 999, 101 "
            "and 111 may be written there; every other number belongs to a service"
        )
    return None
