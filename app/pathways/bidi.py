"""Right-to-left words beside a number: each part a worker reads set apart, so that words
in Urdu or Arabic in one field never reorder the number or hours in the next."""

from __future__ import annotations

import re

# Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest to U+08FF, their presentation forms, and
# the right-to-left scripts beyond the first plane (Adlam, Mende Kikakui…): the one test of
# whether a text has right-to-left letters, so a table holding none is checked as plain text
RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
FIRST_STRONG_ISOLATE, POP_ISOLATE = "\u2068", "\u2069"


def isolated(text: str) -> str:
    """The text as a part of its own (Unicode isolates) when it holds right-to-left letters,
    else as it is. Each field passed the lead's checks alone, but joined on one line an
    Urdu note turned the hours after it into "17:00 - 9:00", and in the pasted summary
    "0330 223 0099" read "0099 223 0330" (attack round, 2026-12-02)."""
    if not RIGHT_TO_LEFT.search(text):
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_ISOLATE}"
