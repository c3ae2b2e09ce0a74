"""CSV cells a spreadsheet will not run as a formula (OWASP, CSV injection).

A cell that starts with = + - @, a tab or a carriage return is written with a leading
apostrophe, which spreadsheets show as text; our own importer takes the apostrophe off
again, so a round trip through a file loses nothing.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
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


def write_safe_csv(header: tuple[str, ...], rows: list, target: Path) -> int:
    """Header and rows, each cell made safe, written whole or not at all; rows written."""
    partial = target.with_name(target.name + ".partial")
    try:
        with partial.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows([safe_cell(cell) for cell in row] for row in rows)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return len(rows)
