"""What a directory waiting for the conversation's end (H67) changes on the plan in front
of the worker, in words a worker gives: a number's new and old, hours, a new alert, a
service it closes and the one its own plan gives instead (no Qt; the window says them:
TellsOfNewNumbers)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from app.note_lines import Line, as_rung, card_lines, dialled, digits, lines_written
from app.pathways.plan import Plan
from app.pathways.services import open_day_and_night

if TYPE_CHECKING:
    from app.db.directory_diff import Change, DirectoryDiff
    from app.pathways.graph import Service

HOURS = ("hours", "open_24_7")
WHO_FOR = ("areas", "kinds", "min_age", "max_age", "audience")  # a change may take it off
CLOSED = "closed"
# a night line moved to the office's hours ("Weekdays after 5pm" is a night line still)
DAYTIME = re.compile(r"\b(?:day ?time|office hours|in hours|working hours)\b", re.I)
NOT_FOR_THIS = "no longer for this case (its areas or who it serves changed)"


def services_on(plan: Plan | None) -> set[str]:
    return {m.service.id for a in plan.actions for m in a.services} if plan else set()


def numbers_on_plan(
    diff: DirectoryDiff, plan: Plan, after: dict[str, Service], then: Callable[[], Plan | None]
) -> dict[str, str]:
    """Service id → words, for each service on `plan` that `diff` changes: a closed one first
    (one on the plan it closed was said by nothing, its number given on: verifier), then
    every one changed ("and 3 more" left three old numbers on the plan's cards, with Copy,
    and "use these, not the plan's" could not be followed for them: verifier, 2026-12-07),
    named as the plan names it. `after`: the waiting directory's services; `then`: the plan
    it makes of the same answers, asked only when a service closes."""
    shown = {m.service.id: m.service for a in plan.actions for m in a.services}
    gone = {s.id: CLOSED for s in diff.retired if s.id in shown}
    # one moved to another area stayed on the plan, unsaid (attack, 2026-12-07)
    gone |= {c.service_id: NOT_FOR_THIS for c in diff.changes if c.field in WHO_FOR}
    gone = {sid: why for sid, why in gone.items() if sid in shown}
    plan_then = then() if gone else None
    said = {
        sid: words
        for sid, why in gone.items()
        if (words := gone_words(shown[sid], why, plan, plan_then))
    }
    lines = changed_lines((c for c in diff.changes if c.service_id in shown), shown, after)
    # taken off this case, what else changed of it is no matter: "now 0800 …, use these"
    # was said of a service the next plan no longer gives (verifier, 2026-12-07)
    changed = {sid: f"{shown[sid].name}: {', and '.join(lines[sid])}" for sid in lines}
    return said | {sid: words for sid, words in changed.items() if sid not in said}


def gone_words(closed: Service, why: str, plan: Plan, after: Plan | None) -> str:
    """`closed` (or taken off this case: `why`), said with what the waiting directory's plan
    gives for what it was on the plan for: its services, or, where none is confirmed, the
    pathway's own note for that; nothing where that plan still gives it. "Closed, do not
    give its number" alone left a child's referral with nowhere to go until the
    conversation's end (verifier, 2026-12-07); one put back under another id with the same
    number is no change to the worker, and "do not give its number" stopped a right one."""
    kinds = [a.kind for a in plan.actions if closed.id in {m.service.id for m in a.services}]
    given = [a for a in (after.actions if after else ()) if a.kind in kinds]
    others = {m.service.id: m.service for a in given for m in a.services}
    others.pop(closed.id, None)
    if closed.id in {m.service.id for a in given for m in a.services}:
        return ""
    if same := next((s for s in others.values() if closed.phone == s.phone != ""), None):
        # put back under another id with its number: only what else changed is news (a
        # night line or an alert went unsaid with the closure: verifier, 2026-12-07)
        from app.db.directory_diff import service_changes

        ids = {same.id: closed}, {same.id: same}
        lines = changed_lines(service_changes(closed, same), *ids).get(same.id, [])
        return f"{closed.name}: {', and '.join(lines)}" if lines else ""
    said = f"{closed.name}: {why}, do not give its number"
    notes = [a.fallback_note for a in given if a.no_confirmed_service]
    if advice := next(filter(None, map(what_to_do, notes)), ""):
        return f"{said}; instead {advice}"
    ways = [f"{s.name}, {contact}" for s in others.values() if (contact := way_to(s))][:2]
    return (
        f"{said}; instead {' or '.join(ways)}"
        if ways
        else f"{said}; none is listed instead: ask your DA lead"
    )


def what_to_do(note: str) -> str:
    """What a card's note for no confirmed service says to do, without what it says of the
    numbers held ("No children's front door number here is confirmed by a person (check any
    number shown before you use it): phone the council's…"): at 24 pt, said whole above the
    plan, it pushed the first action out of view (own look, 2026-12-07)."""
    _, _, advice = note.partition(": ")
    if not note.startswith("No "):
        advice = note
    elif not advice or advice.startswith("check"):
        return ""
    return advice[:1].lower() + advice[1:].rstrip(".")


def way_to(service: Service) -> str:
    """Its number, and its out-of-hours line where the card gives one (merged into
    Walsall's, only its day line was said: verifier, 2026-12-07)."""
    from app.pathways.out_of_hours import line_said, out_of_hours

    shut = out_of_hours(service.phone_note) if service.phone else None
    contact = service.phone or service.email or service.website
    return f"{contact} ({line_said(shut[0])} {shut[1]})" if shut else contact


def changed_lines(
    changes: Iterable[Change], before: dict[str, Service], after: dict[str, Service]
) -> dict[str, list[str]]:
    """Service id → what changed, as a worker gives it ("now 01922 658171, not 01922 658170";
    "out of hours now …"), each service once (at 24 pt, named twice took a line)."""
    lines: dict[str, list[str]] = {}
    for change in changes:
        sid = change.service_id
        if change.field in HOURS:  # the plan said "Open 24/7" of a line open office hours
            now, was = hours_words(after[sid]), hours_words(before[sid])
            # "open Mon-Fri 9:00-17:00, not at hours not given" (helper-283, 2026-12-07)
            line = f"open {now}" if now else "its hours no longer held"
            line += f", not {was}" if was else ""
        else:
            line = change_words(change)
        if line and line not in lines.get(sid, []):
            lines.setdefault(sid, []).append(line)
    return lines


def change_words(change: Change) -> str:
    if change.field in ("phone", "email"):  # an e-mail added read "now no number, not no number"
        which = "now" if change.field == "phone" else "e-mail now"
        return now_not(
            which, [change.new] if change.new else [], [change.old] if change.old else []
        )
    if change.field == "alert":  # "line closed until 4 January": the worker rang it
        return f"alert: {change.new}" if change.new else ""
    if change.field == "referral_route":
        return _route_words(change)
    # a number in its notes or sources is no line to give ("Old number 024 7678 8555
    # closed" was said "in its notes now 024 7678 8555": H610)
    if change.field != "phone_note":
        return ""
    # a number in the note's words: its own numbers, its times never one ("0800-2000 at
    # weekends" read as a freephone number), and which line it is (the out-of-hours line
    # said alone was rung by day: attack, 2026-12-07), each by its own words, as its card
    # reads them (a 116 line is no `change.number`: H614)
    old, new = card_lines(change.old), card_lines(change.new)
    came = [line for line in new if not _held(line, old)]
    went = [line for line in old if not _held(line, new)]
    if len(came) == 1 == len(went):  # one line renumbered, named as the card names it now
        return now_not(f"{came[0].label} now", [came[0].said], [went[0].number])
    named: dict[str, str] = {}  # each line's kind, named as the card names it now
    for line in came + went:
        named.setdefault(line.kind, line.label)
    return ", and ".join(
        now_not(
            f"{label} now",
            _said_now(kind, came, new),
            [line.number for line in went if line.kind == kind],
        )
        for kind, label in named.items()
    )


def _said_now(kind: str, came: list[Line], new: list[Line]) -> list[str]:
    """The lines of one kind said now: those that came, or where only the old one went, the
    line still given ("… from 1 Jan" come in). Each dated, all are said: "out of hours now
    0300 555 9999 after 31 Dec" left out that 0300 555 2222 is the line until then."""
    came, given = ([line for line in lines if line.kind == kind] for lines in (came, new))
    return [line.said for line in (given if all(line.when for line in given) else came or given)]


def _held(line: Line, lines: list[Line]) -> bool:
    """Whether `lines` still give `line`'s number for what it was for. Reworded ("Out of
    hours:" as "Emergency Duty Team:") it is the same line: said "now X, and out of hours
    now no number, not X" it was taken off the card and the clipboard (helper-286,
    2026-12-07). Moved where another number now gives its line (two lines swapped), or to
    office hours, it is not."""
    same = [other for other in lines if other.key[1] == line.key[1]]
    if any(other.kind == line.kind for other in same):
        return True
    taken = any(other.kind == line.kind for other in lines)  # another number gives it
    by_day = any(DAYTIME.search(other.label) for other in same)
    return bool(same) and not (taken or (line.kind == "out of hours" and by_day))


def _route_words(change: Change) -> str:
    """How to refer, as now held, where its words changed: "E-mail is no longer accepted:
    use the portal" went unsaid and the card's e-mail was copied with "paste it"
    (helper-283, 2026-12-07; H620); "Do not phone 0300 555 2866 any more" was said "for
    referrals now 0300 555 2866" (helper-286). Never for a comma or a capital changed."""
    if _plain(change.old) == _plain(change.new):
        return ""
    old, new = (_sentences(text) for text in (change.old, change.new))
    came = [s for s in new if _plain(s) not in {_plain(o) for o in old}]
    went = [s for s in old if _plain(s) not in {_plain(n) for n in new}]
    if not new:
        return "how to refer: no longer given"
    if len(came) == len(new):  # rewritten whole
        return f"how to refer now: {' '.join(new).rstrip('.')}"
    # a sentence changed in a long route: said whole, six lines stood above the plan at 24 pt
    # (helper-289, 2026-12-07; H634); the sentences only reordered, nothing
    gone = " ".join(went).rstrip(".")
    if not came:
        return f"how to refer no longer says: {gone}" if went else ""
    now = f"how to refer now: {' '.join(came).rstrip('.')} (the rest as before)"
    return f"{now}; no longer: {gone}" if went else now


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]


def _plain(sentence: str) -> str:
    """A sentence's words alone: never said changed for a comma or a capital."""
    return re.sub(r"\W+", " ", sentence).lower().strip()


def now_not(which: str, came: list[str], went: list[str]) -> str:
    """ "now 0121 …, not 0121 …"; "now 0121 …" of one added; "now no number, not …"."""
    came_words = " and ".join(came) or "no number"
    return f"{which} {came_words}, not {' and '.join(went)}" if went else f"{which} {came_words}"


def hours_words(service: Service) -> str:
    return "24/7" if open_day_and_night(service) else service.hours


def numbers_given(words: str, held: set[str]) -> list[str]:
    """The numbers `words` gives that the plan does not hold (`held`: their digits): the new
    ones said, never the old ones they replace nor another card's ("instead …")."""
    return [n for n in lines_written(words, as_lines=True) if digits(n) not in held]


def tab_copy_changed(before: Service | None, after: Service | None, copied: str) -> str:
    """Why a number (or e-mail) copied from the Directory tab, of the service `before`, is no
    longer to be given by a newer directory holding it as `after` (H605, H610): "closes",
    "no longer gives", "alert" (a new one), or "" when it is as it was."""
    if after is None or after.status != "active":  # a closed service is still loaded
        return "closes"
    if not gives(after, copied):
        return "no longer gives"
    if after.alert and (before is None or after.alert != before.alert):
        return "alert"
    return ""


def gives(service: Service, copied: str) -> bool:
    """Whether `copied` is one of the service's own lines or its address, as its card and
    the Directory tab give them: its number, the line its number's note gives (read as the
    card reads it), its e-mail. Never its notes or sources, which keep old numbers ("older
    MARF gave 01922 658170": helper-278), nor other numbers in the note ("(not 0300 555
    2922)" kept a replaced line "given"; "+44 300 …" and "116 123 (24 hours)" were read as
    other numbers than the card's: helper-282, 2026-12-07; H614)."""
    from app.pathways.out_of_hours import out_of_hours

    if "@" in copied:
        return copied.strip().lower() == service.email.strip().lower()
    shut = out_of_hours(service.phone_note or "") if service.phone else None
    lines = [service.phone, shut[1] if shut else ""]
    return dialled(copied) in {dialled(line) for line in lines if line}


def numbers_held(plan: Plan) -> set[str]:
    """The digits of every number the plan's services hold, in any of their words (an old
    referral line said "not 024 …" is the plan's, never a new one to withdraw)."""
    return numbers_held_by(m.service for a in plan.actions for m in a.services)


def numbers_held_by(services: Iterable[Service]) -> set[str]:
    from app.db.directory_diff import FIELD_WORDS, numbers_written

    texts = (
        value
        for service in services
        for field in FIELD_WORDS
        if isinstance(value := getattr(service, field), str)
    )
    # as written, and as rung ("0300 555 2922 (24" and "0300 555 2922" alike)
    said = [m for text in texts for n in numbers_written(text) for m in (n, as_rung(n))]
    return {digits(n) for n in said}


class SaidOfWaiting:
    """What the banner has said this conversation of a directory waiting for its end: each
    service's words and the new numbers they gave, and which were then withdrawn (by IT, or
    a later update putting a number back or giving another). Kept by number: a later
    update that also changed something else of the service said nothing of the number it
    put back, and the worker gave the one they had read (verifier, 2026-12-07; H585)."""

    def __init__(self) -> None:
        self.words: dict[str, str] = {}  # service id → its words, said now
        self.given: dict[str, list[str]] = {}  # service id → the new numbers they give
        self.withdrawn: dict[str, list[str] | None] = {}  # numbers taken back; None: all said
        self.shown: set[str] | None = None  # the services on the plan (None: every one)

    def now(self, words: dict[str, str], held: set[str], still: set[str] | None) -> None:
        """`words` said now; `held`: the plan's numbers; `still`: the services on the plan
        (None, mid-correction: every one said stands). What was said of a service is kept
        for the conversation, on the plan or not: corrected to Walsall and back, a number
        withdrawn meanwhile was never said withdrawn (verifier, 2026-12-07)."""
        given = {sid: numbers_given(said, held) for sid, said in words.items()}
        away = {sid for sid in self.given if still is not None and sid not in still}
        withdrawn = dict(self.withdrawn)
        for sid, before in self.given.items():
            if sid in away:  # not on this plan: judged when it is again
                given.setdefault(sid, before)
                continue
            now = {digits(n) for n in given.get(sid, [])}
            if lost := [n for n in before if digits(n) not in now]:
                withdrawn[sid] = list(dict.fromkeys([*(withdrawn.get(sid) or []), *lost]))
            elif not before and sid not in words:
                withdrawn[sid] = None  # a closure, an alert, hours: what was said of it
        for sid, lost in list(withdrawn.items()):  # said again since
            again = {digits(n) for n in given.get(sid, [])}
            left = [n for n in lost if digits(n) not in again] if lost is not None else None
            if (lost is not None and not left) or (lost is None and sid in words):
                del withdrawn[sid]
            elif left is not None:
                withdrawn[sid] = left
        self.words, self.given, self.withdrawn, self.shown = words, given, withdrawn, still

    def withdrawn_here(self) -> dict[str, list[str] | None]:
        """What was withdrawn of the services on the plan now."""
        shown = self.shown
        return {s: lost for s, lost in self.withdrawn.items() if shown is None or s in shown}

    def withdrawn_words(self, names: dict[str, str]) -> str:
        here = self.withdrawn_here()
        numbers = [
            f"{' and '.join(lost)}, said for {names[sid]}" for sid, lost in here.items() if lost
        ]
        whole = [names[sid] for sid, lost in here.items() if lost is None]
        said = [f"Withdrawn, do not give: {'; '.join(numbers)}."] if numbers else []
        if whole:
            stand = "number stands" if len(whole) == 1 else "numbers stand"
            said.append(f"Withdrawn: what was said for {' and '.join(whole)}; the plan's {stand}.")
        return " ".join(said)
