"""What the pathway's own words may hold: no phone number but 999, 101 and 111, and no
invisible character. Checked where a directory is built, published or taken as an update.

Services' numbers are checked field by field and shown as changes between directories; a
number typed into a card's words would be neither, and an invisible character can hide or
reorder what is shown (reviews 2026-12-01: a number with non-breaking or zero-width spaces
got through a check that allowed only plain ones).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Seven digits or more, whatever stands between them (up to three characters: spaces of any
# kind, dashes, commas; not a citation's "§", as in "001 §8.1-8.3"), read after Unicode
# normalisation (full-width and superscript digits) with invisible characters taken out.
PHONE_IN_TEXT = re.compile(r"\d(?:(?:[^\w§]|_){0,3}\d){6,}")
NOT_WORDS = ("services", "pathway_version", "directory_version")


def pathway_strings(graph) -> Iterator[str]:
    """Every string of the rules: questions, flow, cards, rules, reminders, practice cases."""
    parts = [value for name, value in vars(graph).items() if name not in NOT_WORDS]
    while parts:
        value = parts.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            parts += value.values()
        elif isinstance(value, (list, tuple)):
            parts += value
        elif hasattr(value, "__dataclass_fields__"):
            parts += [getattr(value, name) for name in value.__dataclass_fields__]


def hidden(text: str) -> list[str]:
    """Invisible or control characters, by code point ("U+200B"); a line break is allowed."""
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if ch != "\n" and unicodedata.category(ch) in ("Cf", "Cc", "Co", "Cs")
    ]


def numbers_in(text: str) -> list[str]:
    return PHONE_IN_TEXT.findall(unicodedata.normalize("NFKC", text))


def pathway_words_problem(graph) -> str | None:
    """Why these words may not be used, or None."""
    for text in pathway_strings(graph):
        characters = hidden(text)
        if characters:
            return f"the pathway's words hold an invisible character ({characters[0]})"
        numbers = numbers_in(text)
        if numbers:
            return (
                f"the pathway's words hold a phone number ({numbers[0]}): only 999, 101 and "
                "111 may be written there; every other number belongs to a service"
            )
    return None
