"""A maintenance window's unsaved edits brought back after crashes: every journal's lines
(app/db/edit_journal.py) over the rows as saved now. No Qt."""

from __future__ import annotations

from app.db.copy_files import complete_row, merged, said_of
from app.records import record


@record
class BroughtBack:
    rows: list[dict[str, str]]
    said: list[str]  # fields changed elsewhere too, services added in both, kept: for the lead
    named: list[tuple[str, str]]  # the same fields as (id, field), carried until saved
    unreadable: int  # lines that could not be read


def bring_back(rows: list[dict[str, str]], lines) -> BroughtBack:
    """Crashed windows' edits brought back over the rows as saved now, a line (one edit)
    at a time, oldest first across every journal, field by field from the row as it was
    just before that edit: whole rows put back what another window had saved since, a
    corrected number among them, unsaid (attack round, H233); a number typed first came
    back over one typed after it (re-attack round, H273). A line written before each
    held its own step holds the rows its window began with (none before H233: the rows
    as saved), read against the line before it in its journal. A field changed
    elsewhere too is named (the edit brought back last stands)."""
    saved = {r["id"]: r for r in rows}
    unreadable = 0
    held: dict[str, dict[str, str]] = {}  # each row as the last line holds it
    by_journal: dict[int, dict[str, dict[str, str]]] = {}  # the same, in each journal
    gone: set[str] = set()
    carried: list[tuple[str, str]] = []  # named at an opening before, not yet saved
    both: list[tuple[dict[str, str], str]] = []
    parsed = []
    for _at, journal, line_rows, removed, base, named, step in lines:
        try:
            changed = [complete_row(r) for r in line_rows]
            bases = {r["id"]: r for r in (complete_row(b) for b in base or ())}
        except (TypeError, AttributeError):  # a hand-edited line: as one cut short
            unreadable += 1
            continue
        parsed.append((journal, changed, removed, bases, base is None, named, step))
    undone = _undone_in_each(parsed)
    for journal, changed, removed, bases, unbased, named, step in parsed:
        mine = by_journal.setdefault(journal, {})
        if not step:
            bases = _bases_before_steps(changed, bases, mine, saved if unbased else {})
        else:  # a field its window changed and then put back is no change of its
            changed = [_without(row, bases, undone.get(journal, set())) for row in changed]
        # a row with no base is one that window added: named if another saved the same
        # id (its row replaced the saved one, unsaid: re-attack round, H245)
        rows, said = merged(bases, changed, rows)
        both += said
        for rows_held in (held, mine):
            rows_held |= {r["id"]: r for r in changed}
            for sid in removed:
                rows_held.pop(sid, None)
        gone = (gone | removed) - set(held)
        carried += named
    both += [(held[s], f) for s, f in carried if _still_over(held, saved, s, f)]
    both = list({(row["id"], name): (row, name) for row, name in both}.values())
    said = said_of(both)
    # a service a window took out (an add undone) that is saved is kept, and named:
    # another window's saved service went, its phoned number with it (H245)
    kept = [saved[sid] for sid in sorted(gone) if sid in saved]
    said += [f"{r['name']} ({r['id']}): taken out there, kept" for r in kept]
    rows = [r for r in rows if r["id"] not in gone or r["id"] in saved]
    named = [(row["id"], name) for row, name in both]
    return BroughtBack(rows, said, named, unreadable)


def _still_over(latest: dict, saved: dict, service_id: str, name: str) -> bool:
    """Whether a field named when brought back before still differs from what is saved
    (the whole row, for a service added in both)."""
    row, now = latest.get(service_id), saved.get(service_id)
    if row is None or now is None:
        return False
    return now != row if not name else now.get(name) != row.get(name)


def _undone_in_each(parsed) -> dict[int, set[tuple[str, str]]]:
    """Each journal's (id, field) its window changed and then put back as it was: replayed
    step by step over another's save of the same value, the undo put the old number back
    (fourth attack round, 2026-12-02)."""
    first: dict[tuple, str] = {}
    last: dict[tuple, str] = {}
    for journal, changed, _removed, bases, _unbased, _named, step in parsed:
        for row in changed if step else ():
            base = bases.get(row["id"])
            for name, value in row.items() if base is not None else ():
                if value != base.get(name):
                    first.setdefault((journal, row["id"], name), base.get(name))
                    last[(journal, row["id"], name)] = value
    undone: dict[int, set[tuple[str, str]]] = {}
    for (journal, sid, name), value in last.items():
        if first[(journal, sid, name)] == value:
            undone.setdefault(journal, set()).add((sid, name))
    return undone


def _without(row: dict, bases: dict, undone: set) -> dict:
    """`row` with the fields its window changed and put back left as they were before."""
    base = bases.get(row["id"])
    if base is None:
        return row
    return {name: base[name] if (row["id"], name) in undone else v for name, v in row.items()}


def _bases_before_steps(changed, began, held, saved) -> dict[str, dict[str, str]]:
    """For a line written before each held its own step: each row as the line before it
    left it, else as its window began with it (else, before H233, as saved)."""
    found = {
        r["id"]: held.get(r["id"]) or began.get(r["id"]) or saved.get(r["id"]) for r in changed
    }
    return {sid: row for sid, row in found.items() if row is not None}
