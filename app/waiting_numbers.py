"""What a directory waiting for the conversation's end (H67) changes on the plan in front
of the worker, in words a worker gives: a number's new and old, a service it closes and the
one its own plan gives instead (no Qt; the window says them: TellsOfNewNumbers)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from app.pathways.plan import Plan

if TYPE_CHECKING:
    from app.db.directory_diff import Change, DirectoryDiff
    from app.pathways.graph import Service


def services_on(plan: Plan | None) -> set[str]:
    return {m.service.id for a in plan.actions for m in a.services} if plan else set()


def numbers_on_plan(diff: DirectoryDiff, plan: Plan, then: Callable[[], Plan | None]) -> dict:
    """Service id → words, for each service on `plan` that `diff` changes: a closed one first
    (one on the plan it closed was said by nothing, its number given on: verifier), then
    every number changed ("and 3 more" left three old numbers on the plan's cards, with Copy,
    and "use these, not the plan's" could not be followed for them: verifier, 2026-12-07).
    `then`: the plan the waiting directory makes of the same answers, asked only when a
    service closes."""
    shown = services_on(plan)
    closed = [s for s in diff.retired if s.id in shown]
    after = then() if closed else None
    said = {
        s.id: f"{s.name}: closed, do not give its number{instead(s, plan, after)}" for s in closed
    }
    return said | numbers_now(c for c in diff.changes if c.service_id in shown)


def instead(closed: Service, plan: Plan, after: Plan | None) -> str:
    """What the waiting directory's plan gives for what `closed` was on the plan for: its
    services, or, where none is confirmed, the pathway's own note for that. "Closed, do not
    give its number" alone left a child's referral with nowhere to go until the
    conversation's end (verifier, 2026-12-07)."""
    kinds = [a.kind for a in plan.actions if closed.id in {m.service.id for m in a.services}]
    given = [a for a in (after.actions if after else ()) if a.kind in kinds]
    if notes := [a.fallback_note for a in given if a.no_confirmed_service and a.fallback_note]:
        return f". {notes[0].rstrip('.')}"
    others = {m.service.id: m.service for a in given for m in a.services}
    others.pop(closed.id, None)
    ways = [f"{s.name}, {contact}" for s in others.values() if (contact := way_to(s))][:2]
    return (
        f"; instead {' or '.join(ways)}" if ways else "; none is listed instead: ask your DA lead"
    )


def way_to(service: Service) -> str:
    return service.phone or service.email or service.website


def numbers_now(changes: Iterable[Change]) -> dict[str, str]:
    """Service id → each of its numbers changed, as a worker gives it: "Walsall children's
    front door (MASH): now 01922 658171, not 01922 658170"."""
    from app.db.directory_diff import NUMBER_FIELDS
    from app.db.pathway_words import numbers_in

    said: dict[str, tuple[str, list[str]]] = {}  # each named once (at 24 pt, twice took a line)
    for change in changes:
        if change.field in NUMBER_FIELDS and change.old:
            line = f"now {change.new or 'no number'}, not {change.old}"
        elif change.number:  # a number in its other words: an out-of-hours line, its own
            # numbers ("a number in its number note changed" gave none: verifier)
            old, new = numbers_in(change.old), numbers_in(change.new)
            came = " and ".join(n for n in new if n not in old) or "no number"
            went = " and ".join(n for n in old if n not in new) or "no number"
            line = f"now {came}, not {went}"
        else:
            continue
        said.setdefault(change.service_id, (change.name, []))[1].append(line)
    return {sid: f"{name}: {', and '.join(lines)}" for sid, (name, lines) in said.items()}
