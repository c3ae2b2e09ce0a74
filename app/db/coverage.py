"""The lead's coverage grid (issue 14 §1): for each borough and each kind of service a
plan needs, how many services are held, the best confidence, and how long since a person
checked one. Computed from the working copy's rows directly, so an edit redraws at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.pathways.services import CONFIDENCE_RANK

COLUMNS = (
    ("Children's front door", ("mash_children",)),
    ("Adult safeguarding", ("mash_adults",)),
    ("IDVA", ("idva",)),
    ("ISVA", ("isva",)),
    ("Adult SARC", ("sarc_adult",)),
    ("Children's SARC", ("sarc_children",)),
    ("DA service", ("da_service",)),
    ("Housing or refuge", ("housing", "refuge")),
)
WIDE_AREAS = ("west_midlands", "national")  # serve every borough


@dataclass(frozen=True)
class Cell:
    services: int = 0
    best: str = ""  # high | medium | low, of those held
    checked: str = ""  # the latest day a person confirmed one (ISO), "" when never

    def text(self, today: date) -> str:
        """Words with a sign, never colour alone: ✖ none, ⚠ not checked, ✔ checked."""
        if not self.services:
            return "✖ none held"
        held = f"{self.services} service{'s' if self.services != 1 else ''}, best {self.best}"
        if not self.checked:
            return f"⚠ {held}; never checked by a person"
        return f"✔ {held}; checked {_ago(date.fromisoformat(self.checked), today)}"


def coverage(rows: list[dict[str, str]], boroughs: list[str]) -> dict[tuple[str, int], Cell]:
    """(borough, column index) -> Cell, over the active services of the rows."""
    cells: dict[tuple[str, int], Cell] = {}
    for row in rows:
        if row.get("status") == "retired":
            continue
        kinds = set(_listed(row["kinds"]))
        columns = [i for i, (_, wanted) in enumerate(COLUMNS) if kinds.intersection(wanted)]
        if not columns:
            continue
        areas = set(_listed(row["area"]))
        serves = boroughs if areas.intersection(WIDE_AREAS) else [b for b in boroughs if b in areas]
        for borough in serves:
            for column in columns:
                cells[borough, column] = _with(cells.get((borough, column), Cell()), row)
    return cells


def _with(cell: Cell, row: dict[str, str]) -> Cell:
    confidence = row.get("confidence", "low")
    ranks = [CONFIDENCE_RANK.get(c, 3) for c in (cell.best, confidence) if c]
    best = min(ranks)
    checked = max(cell.checked, row.get("assured_date", ""))  # only a person sets it
    names = {rank: name for name, rank in CONFIDENCE_RANK.items()}
    return Cell(cell.services + 1, names.get(best, confidence), checked)


def _listed(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _ago(day: date, today: date) -> str:
    months = (today.year - day.year) * 12 + today.month - day.month
    if months <= 0:
        return "this month"
    return f"{months} month{'s' if months != 1 else ''} ago"
