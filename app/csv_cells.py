"""CSV cells a spreadsheet will not run as a formula (OWASP, CSV injection).

A cell that starts with = + - @, a tab or a carriage return is written with a leading
apostrophe, which spreadsheets show as text; our own importer takes the apostrophe off
again, so a round trip through a file loses nothing.
"""

from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    if text.startswith("'") and text[1:].startswith(TRIGGERS):
        return text[1:]
    return text
