"""What changes between two directories, in the words a worker or the lead checks before
switching: services added and retired, numbers and hours changed (issue 14 §3).

It compares the services of two loaded graphs by their stable ids, so the same function
serves `directory diff OLD NEW`, the worker's "Install directory update…" and the lead's
"before publishing" view.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import fields, replace

from app.db.borough_codes import added_marks, change_marks
from app.db.borough_codes import dialled as _dialled
from app.db.borough_codes import written as _written
from app.db.pathway_diff import pathway_changes
from app.db.pathway_words import numbers_in
from app.pathways.graph import Graph, Service
from app.pathways.numbers_in_words import CLOCK_RANGE
from app.pathways.phone_numbers import FIGURES, type_label
from app.records import record

NUMBER_FIELDS = ("phone", "email")
# Every field a worker can see, by its word: the organisation, source and notes were not
# compared, and a number put there reached the worker unseen by every review tool (review
# 2026-12-01). A number written into any field counts as a number changed.
FIELD_WORDS = {
    "name": "name",
    "organisation": "organisation",
    "phone": "number",
    "phone_note": "number note",
    "phone_type": "number type",  # shown beside the number: a change was in no diff (H339)
    "email": "e-mail",
    "hours": "hours",
    "open_24_7": "open 24/7",
    "areas": "areas",
    "kinds": "kinds",
    "min_age": "lowest age",
    "max_age": "highest age",
    "audience": "who it serves",
    "website": "website",
    "referral_route": "how to refer",
    "alert": "alert",
    "notes": "notes",
    "source": "source",
    "source_date": "source's date",
    "confidence": "confidence",
    "assured_date": "checked by a person",
    "assured_method": "how it was checked",
    "assured_by": "who checked it",
}


@record
class Change:
    service_id: str
    name: str
    field: str
    old: str
    new: str
    areas: tuple[str, ...] = ()  # the service's, after the change
    phone: str = ""  # the service's number, after the change (an area changed: its code)

    @property
    def number(self) -> bool:
        """A number or e-mail changed, or a number written into (or out of) other words."""
        return self.field in NUMBER_FIELDS or _numbers(self.old) != _numbers(self.new)

    def describe(self) -> str:
        before, after = self.old or "(none)", self.new or "(none)"
        # an 0800 number may have 10 figures or 11: "0800 035 530" for 0800 035 5309 passed
        # every rule, and a worker rang nobody (re-attack, 2026-12-04; H374)
        short = f" ({slip}: check it)" if (slip := _slip(self)) else ""
        charged = _charged(self.new)
        charged = "" if charged == _charged(self.old) else charged  # said once, when it came
        return f"{self.name}: {FIELD_WORDS[self.field]} {before} → {after}{short}{charged}"


@record
class DirectoryDiff:
    old_version: str
    new_version: str
    added: tuple[Service, ...]
    retired: tuple[Service, ...]  # retired in the new one, or no longer in it at all
    changes: tuple[Change, ...]
    area_names: dict[str, str]
    pathway_change: str = ""  # "pathway 2025.1 → 2026.1" when the rules changed too
    pathway_items: tuple[str, ...] = ()  # each question, card or reminder changed
    still_given: tuple[str, ...] = ()  # a number changed at one service, held by another
    left_without: tuple[tuple[str, str], ...] = ()  # (kind of service, area): none left

    @property
    def numbers_changed(self) -> int:
        return len({c.service_id for c in self.changes if c.number})

    @property
    def hours_changed(self) -> int:
        return len({c.service_id for c in self.changes if c.field == "hours"})

    @property
    def empty(self) -> bool:
        return not (self.added or self.retired or self.changes or self.pathway_change)

    def summary(self, lead: bool = True) -> str:
        """One sentence: "3 numbers changed, 1 service added in Coventry". The marks to
        check are the lead's: a worker has no list of them."""
        parts = []
        if self.numbers_changed:
            parts.append(_count(self.numbers_changed, "number") + " changed")
        if self.hours_changed:
            parts.append(f"opening hours changed for {_count(self.hours_changed, 'service')}")
        # an alert is the first thing a worker reads on its card: one added was summed up as
        # "other details changed for 1 service" (attack F16)
        alerts = [c for c in self.changes if c.field == "alert"]
        for said, given in (("added or changed", True), ("removed", False)):
            if n := len({c.service_id for c in alerts if bool(c.new) is given}):
                parts.append(f"alert {said} for {_count(n, 'service')}")
        parts += [f"{n} added {where}" for where, n in self._by_area(self.added)]
        parts += [f"{n} retired {where}" for where, n in self._by_area(self.retired)]
        other = len({c.service_id for c in self.changes}) - len(
            {c.service_id for c in self.changes if c.number or c.field in ("hours", "alert")}
        )
        if other > 0:
            parts.append(f"other details changed for {_count(other, 'service')}")
        parts += [f"no {_kind_words(kind)} left in {area}" for kind, area in self.left_without]
        if self.pathway_change:
            parts.append(self.pathway_change)
        if lead and self.still_given:  # what the lead checks, as the marks below
            parts.append(
                f"{_count(len(self.still_given), 'service')} still giving a number changed"
            )
        # the marks stood only in the list, folded away in the window, and in none of the
        # Publish dialog's words (the lead's re-walk, 2026-12-07)
        if lead and (checks := self.to_check()):
            parts.append(f"{_count(checks, 'change')} to check (marked in the list)")
        return ", ".join(parts) if parts else "no change to any service"

    def to_check(self) -> int:
        """The changes and added services the list marks for the lead to check."""
        added = [added_marks(s, self.area_names) for s in self.added]
        changed = [change_marks(c, self.area_names) or _slip(c) for c in self.changes]
        return sum(map(bool, added + changed))

    def lines(self) -> list[str]:
        """Every difference, one per line, for the lead's review."""
        # with what the card shows beside the number: an address in a new service's note
        # went unseen by the lead who signed it (re-attack, 2026-12-04; H367)
        # and its alert (shown first, in bold), how to refer and notes: "Line down: ring 0121
        # 455 0000 instead" on a new line was signed unlisted (feed attack, 2026-12-05)
        added = []
        for s in self.added:
            held = (s.phone or s.email, s.phone_note, s.hours, *_words(s))
            added.append(
                f"added: {s.name} ({s.id}) "
                + " · ".join(filter(None, held))
                + _charged(*held)
                + added_marks(s, self.area_names)
            )
        retired = [f"retired: {s.name} ({s.id})" for s in self.retired]
        retired += [
            f"left without: {_kind_words(kind)} in {area}: no service held covers it, and "
            "workers there are given only the fallback numbers (999, 101, a national line)"
            for kind, area in self.left_without
        ]
        changed = [
            f"changed: {c.describe()}{change_marks(c, self.area_names)}" for c in self.changes
        ]
        pathway = [self.pathway_change] if self.pathway_change else []
        pathway += [f"pathway changed: {item}" for item in self.pathway_items]
        return pathway + added + retired + changed + list(self.still_given)

    def _by_area(self, services: tuple[Service, ...]) -> list[tuple[str, str]]:
        counts = Counter(self._where(s) for s in services)
        return [(where, _count(n, "service")) for where, n in sorted(counts.items())]

    def _where(self, service: Service) -> str:
        names = [self.area_names.get(a, a.replace("_", " ").title()) for a in service.areas]
        if service.areas == ("national",):
            return "nationally"
        if not service.areas:
            return "with no area"
        return "in " + " and ".join(names)


def compare(old: Graph, new: Graph) -> DirectoryDiff:
    """The differences from the old directory to the new one."""
    items = pathway_changes(old, new)
    pathway = ""
    if old.pathway_version != new.pathway_version:
        pathway = f"pathway rules {old.pathway_version} → {new.pathway_version}"
    elif items:  # the same version with other words: never a directory's to change
        pathway = (
            f"the pathway's rules or words changed ({_count(len(items), 'item')}) "
            f"with its version {new.pathway_version} unchanged"
        )
    versions = (old.directory_version, new.directory_version)
    diff = compare_services(old.services, new.services, area_names(new), versions, pathway)
    return replace(diff, pathway_items=tuple(items))


def compare_services(
    old: dict[str, Service],
    new: dict[str, Service],
    names: dict[str, str],
    versions: tuple[str, str] = ("", ""),
    pathway: str = "",
) -> DirectoryDiff:
    """The differences between two sets of services (a working copy's, before it is built)."""
    before, after = _active(old), _active(new)
    added = tuple(after[i] for i in sorted(after.keys() - before.keys()))
    retired = tuple(before[i] for i in sorted(before.keys() - after.keys()))
    changes = tuple(
        change
        for i in sorted(before.keys() & after.keys())
        for change in service_changes(before[i], after[i])
    )
    still = still_given(changes, after)
    left = cover_lost(before, after, names)
    return DirectoryDiff(
        *versions, added, retired, changes, names, pathway, still_given=still, left_without=left
    )


def cover_lost(
    before: dict[str, Service], after: dict[str, Service], names: dict[str, str]
) -> tuple[tuple[str, str], ...]:
    """(kind of service, area) that a service covered before and none does now: a row of
    Walsall's only children's front door lost in Excel went through as "1 service retired
    in Walsall", and plans there lost the number (the lead's walk, 2026-12-06). The lead's
    window said so of a retirement; a sheet edited by hand said nothing."""
    from app.db.coverage import COLUMNS, contribution
    from app.pathways.services import WIDE_AREAS

    boroughs = [area for area in names if area not in WIDE_AREAS]

    def cells(services: dict[str, Service]) -> set:
        rows = [
            {"kinds": ";".join(s.kinds), "area": ";".join(s.areas), "audience": s.audience}
            | {"min_age": str(s.min_age), "max_age": str(s.max_age)}
            for s in services.values()
        ]
        return {key for row in rows for key in contribution(row, boroughs)[0]}

    lost = sorted(cells(before) - cells(after), key=lambda cell: (cell[1], cell[0]))
    return tuple((COLUMNS[column][0], names[area]) for area, column in lost)


def _kind_words(kind: str) -> str:
    """ "Children's front door" in a sentence: "children's front door"; "IDVA" as it is."""
    return kind if kind[1:2].isupper() else kind[0].lower() + kind[1:]


# where a worker is given a number: not where it came from ("source" cites the page that
# gave the old number, and was named "still given" (the lead's walk, 2026-12-04)
SHOWN_WITH_NUMBERS = [f for f in FIELD_WORDS if f not in ("source", "source_date")]


def still_given(changes: tuple[Change, ...], services: dict[str, Service]) -> tuple[str, ...]:
    """Each number a change took away that a service still gives: Dudley's old out-of-hours
    line, corrected on the front door's card, was still on adult safeguarding's, and the
    lead had no way to find it (the lead's walk, 2026-12-04)."""
    gone: dict[str, tuple[str, Change]] = {}  # digits: (as written, the change)
    for change in changes:
        written = _written(change.old)
        for digits in written.keys() - _digits(change.new):
            gone.setdefault(digits, (written[digits], change))
    said = []
    for digits, (number, change) in sorted(gone.items()):
        for s in services.values():
            holding = [f for f in SHOWN_WITH_NUMBERS if digits in _digits(getattr(s, f))]
            if not holding:
                continue
            where = ", ".join(FIELD_WORDS[f] for f in holding)
            # said as what it is: the helpline "still giving" its own number, and a service
            # its own notes, read as another's stale copy (the lead's walk, 2026-12-06)
            if s.id == change.service_id:
                said.append(f"still given: {number} (changed at {change.name}) in its own {where}")
            elif holding == ["phone"]:
                said.append(
                    f"still given: {number} (changed at {change.name}) as the number of "
                    f"{s.name} ({s.id}): if that line's number changed, change it there too"
                )
            else:
                said.append(
                    f"still given: {number} (changed at {change.name}) by {s.name} ({s.id}): "
                    + where
                )
    return tuple(said)


def _words(s: Service) -> list[str]:
    held = (("alert", s.alert), ("how to refer", s.referral_route), ("notes", s.notes))
    return [f"{label}: {text}" for label, text in held if text]


def _numbers(text: str) -> list[str]:
    """The numbers in a field's words, its times of day and dates read as figures, as the
    rules for numbers in words read them: "Lines open 0800-2000" and "09:15-17:15" were
    counted as a number changed, to the lead, IT and every worker (the lead's walk). By
    their digits: a number spaced anew is no number changed (attack F16)."""
    return [re.sub(r"\D", "", number) for number in numbers_written(text)]


def numbers_written(text: str) -> list[str]:
    """The numbers in a field's words as written, never its times of day or dates."""
    return numbers_in(CLOCK_RANGE.sub(" ", FIGURES.sub(" ", text)))


def _charged(*texts: str) -> str:
    """Said of a service-charge number (084, 087): allowed, as some services have only one,
    but the caller pays; the lead signed one unwarned (attack F16)."""
    digits = {d for text in texts for d in _digits(text)}
    if any(d.startswith(("084", "087")) for d in digits):
        return " (084/087: the caller pays a service charge: give a free or 03 line if it has one)"
    return ""


def _slip(change: Change) -> str:
    """How a number the change holds could be one it held before, mistyped: a figure left
    out or added, two figures swapped ("0300 555 2922" → "… 2292" was signed with only its
    change listed: the lead's walk, 2026-12-07; H509), or one figure other. A real change
    rarely differs by so little, and a typo rings no one. Against the numbers it no longer
    holds only (a second line added beside the first is no slip of it), and the phone field
    by its figures: the words' rules read no 116 number, and Samaritans' 116 123 made
    116 132 went unmarked (re-attack, 2026-12-07)."""
    before, after = _digits(change.old), _digits(change.new)
    if change.field == "phone":
        before, after = {_dialled(change.old)}, {_dialled(change.new)}
    for new in after - before:
        for old in before - after:
            if abs(len(old) - len(new)) == 1:
                longer, shorter = (old, new) if len(old) > len(new) else (new, old)
                if any(longer[:at] + longer[at + 1 :] == shorter for at in range(len(longer))):
                    return (
                        "a figure fewer than before"
                        if longer is old
                        else "a figure more than before"
                    )
            elif len(old) == len(new):
                at = [i for i in range(len(old)) if old[i] != new[i]]
                if len(at) == 1:
                    return "one figure differs from before"
                if len(at) == 2 and old[at[0]] + old[at[1]] == new[at[1]] + new[at[0]]:
                    return "two figures swapped"
    return ""


def _digits(value) -> set[str]:
    return set(_written(value))


def area_names(graph: Graph) -> dict[str, str]:
    borough = graph.questions.get("borough")
    names = {o.value: o.label for o in borough.options} if borough is not None else {}
    return {**names, "west_midlands": "West Midlands"}


def _active(services: dict[str, Service]) -> dict[str, Service]:
    return {i: s for i, s in services.items() if s.status != "retired"}


def service_changes(old: Service, new: Service) -> list[Change]:
    found = []
    for f in fields(Service):
        if f.name not in FIELD_WORDS:
            continue
        before, after = getattr(old, f.name), getattr(new, f.name)
        if f.name == "phone_type":  # as the worker reads it: a working copy holds none
            before, after = type_label(before), type_label(after)
        if before != after:
            name = new.name or f"(no name, id {new.id})"
            found.append(
                Change(new.id, name, f.name, _text(before), _text(after), new.areas, new.phone)
            )
    return found


def _text(value) -> str:
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
