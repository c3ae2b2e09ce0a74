"""The lead's coverage grid (issue 14 §1): for each borough and each kind of service a
plan needs, how many services are held, the best confidence, and how long since a person
checked one. Computed from the working copy's rows directly, so an edit redraws at once.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from app.db.service_rows import age_of
from app.pathways.services import CONFIDENCE_RANK, WIDE_AREAS, assured_on
from app.records import record

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
# Every council has both: children's social care (Children Act 1989 s47) and adult
# safeguarding (Care Act 2014 s42). An update leaving a borough without one held is a row
# lost, never a change to sign (H508). Each covers an area only as the plan's card takes
# it (its `service_ages`, for anyone): a front door's highest age made 5, or its audience
# "men", was signed, and every child there was given the fallback lines (re-attack, H511).
STATUTORY_DOORS = {"Children's front door": (0, 17), "Adult safeguarding": (18, 120)}
NAMES = {rank: name for name, rank in CONFIDENCE_RANK.items()}
COLUMN_OF = {kind: i for i, (_, kinds) in enumerate(COLUMNS) for kind in kinds}


@record
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

    def short(self, today: date) -> str:
        """The same in a grid cell's room: "✔ 2 · high · 3 months ago"."""
        if not self.services:
            return "✖ none"
        if not self.checked:
            return f"⚠ {self.services} · {self.best} · never checked"
        ago = _ago(date.fromisoformat(self.checked), today)
        return f"✔ {self.services} · {self.best} · {ago}"


def coverage(rows: list[dict[str, str]], boroughs: list[str]) -> dict[tuple[str, int], Cell]:
    """(borough, column index) -> Cell, over the active services of the rows."""
    tally = Tally()
    for row in rows:
        tally.add(contribution(row, boroughs))
    return {key: tally.cell(key) for key in tally.totals if tally.cell(key).services}


def left_without(
    rows: list[dict[str, str]], service_id: str, boroughs: list[str], becomes: dict | None = None
) -> list:
    """The (column, borough) cells no other active service covers: what retiring
    `service_id` leaves with none (retiring Solihull's only children's front door said
    nothing of it: the lead's walk, 2026-12-02), or editing it into `becomes` (its kind
    changed from children's front door to IDVA said nothing either: lead's attack, 12-02)."""
    others: set = set()
    mine: tuple = ()
    for row in rows:
        keys = contribution(row, boroughs)[0]
        if row["id"] == service_id:
            mine = keys
        else:
            others.update(keys)
    others.update(contribution(becomes, boroughs)[0] if becomes else ())
    return [
        (COLUMNS[column][0], borough) for borough, column in mine if (borough, column) not in others
    ]


def contribution(row: dict[str, str], boroughs: list[str]) -> tuple:
    """The cells one service counts in: ((borough, column) keys, rank, day last checked)."""
    if row.get("status") == "retired":
        return ((), 3, "")
    columns = {COLUMN_OF[k] for k in _listed(row["kinds"]) if k in COLUMN_OF}
    columns = {c for c in columns if _serves_as(row, COLUMNS[c][0])}
    if not columns:
        return ((), 3, "")
    areas = _listed(row["area"])
    serves = (
        boroughs if any(a in WIDE_AREAS for a in areas) else [a for a in areas if a in boroughs]
    )
    keys = tuple((borough, column) for borough in serves for column in columns)
    rank = CONFIDENCE_RANK.get(row.get("confidence", ""), 3)
    assured = assured_on(row.get("assured_date", ""))  # only a person sets it
    return (keys, rank, assured.isoformat() if assured else "")


class Tally:
    """Running totals per cell, so one service's change costs only its own cells: its
    contribution is taken away and the new one added (the grid at 10,000 services)."""

    def __init__(self) -> None:
        self.totals: dict[tuple[str, int], tuple[list, Counter, Counter]] = {}

    def add(self, part: tuple, sign: int = 1) -> None:
        keys, rank, day = part
        for key in keys:
            count, ranks, days = self.totals.setdefault(key, ([0], Counter(), Counter()))
            count[0] += sign
            ranks[rank] += sign
            days[day] += sign

    def cell(self, key: tuple[str, int]) -> Cell:
        entry = self.totals.get(key)
        if entry is None or entry[0][0] <= 0:
            return Cell()
        count, ranks, days = entry
        best = min(r for r, n in ranks.items() if n > 0)
        return Cell(count[0], NAMES.get(best, "low"), max(d for d, n in days.items() if n > 0))


def _serves_as(row: dict[str, str], column: str) -> bool:
    """Whether the service counts in the column: a statutory front door only where it
    serves everyone of the card's ages (an age unreadable here is refused by its own rule)."""
    if column not in STATUTORY_DOORS:
        return True
    lowest, highest = STATUTORY_DOORS[column]
    try:
        ages = age_of(row.get("min_age", "")), age_of(row.get("max_age", ""))
    except ValueError:
        return False
    return (row.get("audience") or "any") == "any" and ages[0] <= lowest and highest <= ages[1]


def _listed(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _ago(day: date, today: date) -> str:
    """Whole months since: 24 November read "1 month ago" on 1 December (review)."""
    months = (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)
    if months <= 0:
        return "this month" if (today - day).days < 28 else "weeks ago"
    return f"{months} month{'s' if months != 1 else ''} ago"
