"""Returns read together (issue 14 §4): the counts CSV files workers' laptops export
(001 §9.4), checked, summed, and shown by borough and action, above all where plans fell
back because no confirmed local service was held (the `unmet_need` measure: a plan
records it whenever an action had to show its fallbacks).

A file that is not a counts export is named and skipped whole; a row that breaks a rule
is named and skipped; nothing in a file is ever run or trusted as a formula.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.csv_cells import unescape_cell, write_safe_csv
from app.pathways.activity import MEASURES
from app.user_data import COUNT_COLUMNS

MAX_FILE_BYTES = 16 * 1024 * 1024
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
VALUE = re.compile(r"[a-z0-9_]{1,60}")
COUNT = re.compile(r"[0-9]{1,7}", re.ASCII)  # ASCII digits: "²" is a digit to isdigit()
FELL_BACK = "unmet_need"
TOTAL_COLUMNS = ("borough", "action", "plans with this action", "fell back (no confirmed service)")


@dataclass
class Returns:
    files: list[str] = field(default_factory=list)  # read and summed
    skipped: list[str] = field(default_factory=list)  # "name: why"
    notes: list[str] = field(default_factory=list)  # rows skipped, "name line N: why"
    counts: Counter = field(default_factory=Counter)  # (month, borough, measure, value)

    @property
    def period(self) -> str:
        """The months the counts cover: "2026-10 to 2026-11", or one month."""
        months = sorted({key[0] for key in self.counts})
        if not months:
            return "no month"
        return months[0] if len(months) == 1 else f"{months[0]} to {months[-1]}"

    @property
    def plans(self) -> int:
        return sum(n for (_, _, measure, _), n in self.counts.items() if measure == "plans")

    def by(self, measure: str) -> Counter:
        """(borough, value) totals of one measure over every month."""
        totals: Counter = Counter()
        for (_, borough, kind, value), n in self.counts.items():
            if kind == measure:
                totals[borough, value] += n
        return totals

    def table(self) -> list[tuple[str, str, int, int]]:
        """(borough, action, plans with it, plans where it fell back), largest first."""
        actions, fell = self.by("action"), self.by(FELL_BACK)
        rows = [(b, a, n, fell.get((b, a), 0)) for (b, a), n in actions.items()]
        return sorted(rows, key=lambda r: (-r[3], -r[2], r[0], r[1]))

    def fallbacks(self) -> list[tuple[str, str, int]]:
        """Where plans fell back, most first: the unmet need a commissioner asks about."""
        return sorted(
            ((b, a, n) for (b, a), n in self.by(FELL_BACK).items()),
            key=lambda r: (-r[2], r[0], r[1]),
        )


def read_returns(paths: list[Path]) -> Returns:
    returns = Returns()
    seen: dict[str, str] = {}  # content hash -> the file first read with it
    for path in paths:
        try:
            data = _read(path)
            rows = _rows(data)
        except ValueError as error:
            returns.skipped.append(f"{path.name}: {error}")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:  # one laptop's export counted twice would inflate every total
            returns.skipped.append(f"{path.name}: the same counts as {seen[digest]}")
            continue
        seen[digest] = path.name
        returns.files.append(path.name)
        for line, row in rows:
            problem = _row_problem(row)
            if problem:
                returns.notes.append(f"{path.name} line {line}: {problem}; row skipped")
                continue
            returns.counts[tuple(row[:4])] += int(row[4])
    return returns


def write_totals_csv(returns: Returns, target: Path) -> int:
    """The totals, cells escaped against formulas, written whole or not at all."""
    return write_safe_csv(TOTAL_COLUMNS, returns.table(), target)


def _read(path: Path) -> bytes:
    """At most MAX_FILE_BYTES of a regular file (never a pipe or a device)."""
    from app.db.checks import Refused
    from app.db.regular_files import read_regular_file

    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except Refused as error:
        raise ValueError(str(error)) from None


def _rows(data: bytes) -> list[tuple[int, list[str]]]:
    try:
        text = data.decode("utf-8-sig")
        table = list(csv.reader(io.StringIO(text, newline="")))
    except (UnicodeDecodeError, csv.Error):
        raise ValueError("not a counts export (not UTF-8 CSV text)") from None
    if not table or tuple(table[0]) != COUNT_COLUMNS:
        raise ValueError(f"not a counts export (its first line is not {','.join(COUNT_COLUMNS)})")
    return [(n, [unescape_cell(c) for c in row]) for n, row in enumerate(table[1:], start=2)]


def _row_problem(row: list[str]) -> str:
    if len(row) != len(COUNT_COLUMNS):
        return f"{len(row)} cells, {len(COUNT_COLUMNS)} expected"
    month, borough, measure, value, count = row
    if not MONTH.fullmatch(month):
        return f"month {month!r} is not YYYY-MM"
    if measure not in MEASURES:
        return f"measure {measure!r}: allowed {', '.join(MEASURES)}"
    for name, text in (("borough", borough), ("value", value)):
        if not VALUE.fullmatch(text):
            return f"{name} {text[:40]!r} is not an id (lower-case letters, digits, _)"
    if not COUNT.fullmatch(count):
        return f"count {count[:20]!r} is not a whole number up to 1,000,000"
    return ""
