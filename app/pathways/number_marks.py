"""How a phone number may be written in a service's words, read as one form before the
number-in-words rule (app/pathways/phone_numbers.py) reads it."""

from __future__ import annotations

import re
import unicodedata

# Every dash, minus and middle dot a hyphen; square and curly brackets round ones; a plus
# in other letters a plus ("+[1] 900 …", "\u02d61 900 …": H344)
# (and every other mark a number's groups were joined with and read as no number: modifier
# and heavy minus, box-drawing lines, bullets, underscores, tildes, stars, bars and slashes
# in other letters: re-attack, 2026-12-04; H358)
JOINING_MARKS = (
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00b7\u2027\u02d7\u2043\u2500\u2501\u23af"
    "\u2796\u2e3a\u2e3b\u2e17\u2e1a\u058a\u05be\u1806\u2022\u2219\u30fb\u2044\u2215"
    "\u00ad_~*|"
)
NUMBER_MARKS = str.maketrans(
    dict.fromkeys(JOINING_MARKS, "-")
    | dict.fromkeys("[{", "(")
    | dict.fromkeys("]}", ")")
    | dict.fromkeys("\u02d6\u2795", "+")
)
# a country's code set off by a colon ("+1: 900 555 0123"), read as if spaced (H344)
CODE_COLON = re.compile(r"(?<!\d)\+(\s*\(?\d{1,3}\)?)\s*:\s*(?=\d)")


def in_one_form(text: str) -> str:
    """Spaces, tabs and breaks one space, every joining mark a hyphen, brackets round, a
    plus a plus: a number pasted from Word or a web page ("0121‑496‑000", non-breaking
    hyphens) was read as short groups (H336)."""
    marked = unicodedata.normalize("NFKC", text).translate(NUMBER_MARKS)
    return CODE_COLON.sub(r"+\1 ", " ".join(marked.split()))
