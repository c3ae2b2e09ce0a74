"""A feed's schedule row in words, for the line's hours: a row giving only its times
("MO,TU,WE,TH,FR", 09:00 to 17:00) showed the worker no hours at all (feed attack,
2026-12-05)."""

from __future__ import annotations

from app.db.loader import is_always_open
from app.db.service_rows import EVERY_DAY

DAYS = tuple(EVERY_DAY.split(","))
NAMES = dict(zip(DAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True))


def times_in_words(row: dict) -> str:
    """ "Mon-Fri 09:00-17:00", "Every day 08:00-20:00", "Mon, Wed 10:00-12:00"; "" for a row
    open round the clock (its line is open 24/7 as it stands) or with nothing to say."""
    if is_always_open(row):
        return ""
    given = {day.strip().upper() for day in (row.get("byday") or "").split(",")}
    days = [d for d in DAYS if d in given]
    opens, closes = row.get("opens_at") or "", row.get("closes_at") or ""
    times = f"{opens}-{closes}" if opens and closes else opens or closes
    return " ".join(filter(None, (_days(days), times)))


def _days(days: list[str]) -> str:
    if len(days) == len(DAYS):
        return "Every day"
    at = [DAYS.index(d) for d in days]
    if len(at) > 2 and at == list(range(at[0], at[-1] + 1)):  # a run: "Mon-Fri"
        return f"{NAMES[days[0]]}-{NAMES[days[-1]]}"
    return ", ".join(NAMES[d] for d in days)
