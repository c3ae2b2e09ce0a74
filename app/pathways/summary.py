"""A plan in the contract's JSON form, and as plain text a worker can read or paste.

Both follow the plan's groups: Now (999, urgent medical care), Today (same-day referrals,
telling the lead) and Offer (the person's choice), as the window and the PDF do.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.pathways.bidi import isolated
from app.pathways.graph import Guidance, Service, lead_alert
from app.pathways.out_of_hours import out_of_hours
from app.pathways.phone_numbers import national_number, type_label
from app.pathways.plan import Plan, PlannedAction
from app.pathways.services import (
    ServiceMatch,
    check_before_use,
    confirmed_on,
    open_day_and_night,
)
from app.pathways.when_shut import when_shut_words

GROUPS = (
    ("now", "Now"),
    ("today", "Today"),
    ("offer", "Offer (their choice)"),
)


def plan_to_dict(plan: Plan, today: date | None = None) -> dict[str, Any]:
    """The `route --json` output (shared spec/contract.md), with some additions."""
    today = today or date.today()
    check = _checker(plan, today)
    # The list keeps the policy's order; "number" is the one the worker sees on screen, in
    # the copy summary and in the PDF (grouped Now, Today, Offer, read down the page).
    numbers = {id(a): n for _, _, actions in grouped(plan) for n, a in actions}
    return {
        "pathway_version": plan.pathway_version,
        "directory_version": plan.directory_version,
        "risk": {
            "level": plan.risk.level,
            "criteria": list(plan.risk.criteria),
            "dash_yes_count": plan.risk.dash_yes_count,
            "basis": plan.risk.basis,
            "red_flags": [_guidance(g) for g in plan.red_flags],
        },
        "actions": [_action(a, check, today) | {"number": numbers[id(a)]} for a in plan.actions],
        "reminders": [_guidance(g) for g in plan.reminders],
        "notices": [_guidance(g) for g in plan.notices],
        "referral_details": [{"item": k, "answer": v} for k, v in plan.referral_details],
    }


def _guidance(item: Guidance) -> dict[str, Any]:
    return {"id": item.id, "text": item.text, "sources": list(item.sources)}


def _checker(plan: Plan, today: date | None):
    today = today or date.today()
    return lambda s: check_before_use(s, today, plan.assured_within_months)


def _action(action: PlannedAction, check, today: date) -> dict[str, Any]:
    return {
        "kind": action.kind,
        "priority": action.priority,
        "group": action.group,
        "title": action.title,
        "say": action.say,
        "why": action.why,
        "rules": [reason.rule_id for reason in action.reasons],
        "sources": list(action.sources),
        "services": [_service(match, check, today) for match in action.services],
        "no_confirmed_service": action.no_confirmed_service,
        "fallback_note": action.fallback_note,
    }


def _service(match: ServiceMatch, check, today: date) -> dict[str, Any]:
    s = match.service
    assured = confirmed_on(s, today)
    return {
        "id": s.id,
        "name": s.name,
        "phone": s.phone,
        "phone_note": s.phone_note,
        "hours": s.hours,
        "open_24_7": open_day_and_night(s),
        "email": s.email,
        "referral_route": s.referral_route,
        "area": list(s.areas),
        "audience": s.audience,
        "confidence": s.confidence,
        "source": s.source,
        "source_date": s.source_date,
        "assured_date": s.assured_date,
        "confirmed": assured.isoformat() if assured else None,
        "alert": lead_alert(s.alert, s.phone),
        "contact_confirmed": s.has_confirmed_contact,
        "check_before_use": check(s),
        "fallback": match.fallback,
    }


NO_NUMBER = "no number held"  # as the plan's card says it


def note_leads(action: PlannedAction) -> bool:
    """Whether what to do when no number is confirmed comes straight under the instruction:
    when the first service has nothing to ring (the card and the PDF alike)."""
    first = action.services[0].service if action.services else None
    shown = action.no_confirmed_service and action.fallback_note
    return bool(shown and first is not None and not (first.phone or first.email))


ALERT = "Alert from the directory lead: "


def alert_words(s: Service) -> str:
    """The directory lead's alert on a service, as every surface says it; "" when none.
    It reached only `route --json`: the card, the PDF and the summary showed the number
    "Confirmed", with no word of "Reported not answering: use the NDAH instead" (attack
    round, 2026-12-01). None on 999, 101 or 111: the card showed none there, but the PDF,
    the summary and a screen reader gave "Do not call 999: use 0121 … instead" from a signed
    update (attack round, 2026-12-02); the pathway, not the directory, says when to ring
    them."""
    alert = lead_alert(s.alert, s.phone)
    return ALERT + isolated(alert) if alert else ""


def service_notes(s: Service, phone_note: str | None = None) -> list[str]:
    """What to know before phoning: who it is for, the line's type (when it says more than a
    voice line), the hours, the number's note (or `phone_note`: what a card shows of it
    beside its out-of-hours line); how to refer, as held; and where no number is held, the
    website (Walsall's adult safeguarding card read "No number held here" with its form and
    page held and never shown: officer walk, 2026-12-02). How to refer was shown only where
    no number was held: "Phone, then the MARF within 24 hours", Sandwell's "needs parental
    consent except where asking would increase the risk" for a boy who did not want his mum
    told, and "Under-13s are referred by the police or children's social care" stood on no
    card (housing officer's walk, helper-285, 2026-12-07; H622). The out-of-hours line after
    the hours: "option 3; out of hours: 0300 555 8574; Mon-Fri 9:00-17:00" read the office's
    hours as the night line's (the card shows that line apart: `phone_note`)."""
    note, night, after = s.phone_note if phone_note is None else phone_note, "", ""
    if phone_note is None and s.phone and (shut := out_of_hours(s.phone_note)):
        label, number, after, note = shut
        night = f"{label}{'' if ':' in label else ':'} {number}"  # as the card says it
        if after.startswith("("):  # "(24 hours)" with it; other words a note of their own:
            night, after = f"{night} {after}", ""  # run on, "2222 24 hours" (seams review)
    # who it is for first, under the number: "24 hours; women only" on The Haven's card
    # was read past for a man whose worker had not ticked "male victim" (officer's walk,
    # 2026-12-07; H501)
    only = [f"{s.audience} only"] if s.audience not in ("any", "") else []
    said = (type_label(s.phone_type), note, s.hours, night, after)
    notes = only + [isolated(x) for x in said if x]
    if words := when_shut_words(s):
        notes.append(words[0].lower() + words[1:] if notes else words)  # mid-line: lower case
    # an address is no number to ring: what to send there is said too (the MARAC's "Send
    # the MARAC referral form by secure email" was held and never shown: officer's walk,
    # 2026-12-07; H610)
    return notes + how_to_refer(s)


REFER = "How to refer: "


def how_to_refer(s: Service) -> list[str]:
    """A service's referral route (and, where no number is held, its website) as held, in
    words; no full stop of its own before the "; " the notes are joined with ("999.;
    Website": re-attack round)."""
    website = s.website if not s.phone else ""
    said = ((REFER, s.referral_route.rstrip(". ")), ("Website: ", website))
    return [words + isolated(held) for words, held in said if held]


def service_line(match: ServiceMatch, check) -> str:
    s = match.service
    reachable = bool(s.phone or s.email)
    extras = [x for x in (alert_words(s), *service_notes(s)) if x]
    if reachable and check(s):  # said once ("contact not confirmed" said it twice)
        both = s.phone and out_of_hours(s.phone_note)  # as the card says it (H507)
        said = "both before you give them" if both else "it before you give it"
        extras.append(f"unconfirmed: check {said}")
    elif reachable and not s.has_confirmed_contact:
        extras.append("contact not confirmed")
    elif reachable and (day := confirmed_on(s)):  # as the PDF says it (seams review)
        extras.append(f"confirmed {day.isoformat()}")
    tail = f" ({'; '.join(extras)})" if extras else ""
    # The number first, after an English word, and the name last: after a name ending in
    # Urdu or Arabic, "0121 552 6448" was shown and pasted as "6448 552 0121", and so was a
    # number in the notes after it; first on a line whose name is all right-to-left, a box
    # reading the line's direction from it reversed it too (reviews 2026-12-01)
    said = f"Tel {s.phone}" if s.phone else f"E-mail {s.email}" if s.email else NO_NUMBER
    return f"{said}{tail} — {s.name}"


def grouped(plan: Plan) -> list[tuple[str, str, list[tuple[int, PlannedAction]]]]:
    """(group, heading, [(number, action)]) for each group with actions, in the plan's
    order within a group and numbered as they are read, so the worker goes 1, 2, 3 down
    the page (999, when asked for, is number 1)."""
    result, number = [], 0
    for group, heading in GROUPS:
        actions = [a for a in plan.actions if a.group == group]
        if actions:
            result.append((group, heading, list(enumerate(actions, start=number + 1))))
            number += len(actions)
    return result


def lines_shown_above(plan: Plan) -> dict[int, str]:
    """For each helpline whose every line a card above it gives (by id of the action), the
    words sending the worker there instead of the line again: the Respect Phone Line given
    twice to a person causing harm, each with its own "unconfirmed", read as two actions,
    and so did the Rape Crisis line after sexual assault (officer walk F8, 2026-12-05). The
    helpline stays in the plan's data and its card (R20 asks for one)."""
    shown: dict[str, tuple[int, bool]] = {}  # service id: (the card, there only as a fallback)
    above = {}
    for _, _, actions in grouped(plan):
        for number, action in actions:
            ids = {match.service.id for match in action.services}
            if action.kind == "helpline" and ids and ids <= shown.keys():
                cards = " and ".join(str(n) for n in sorted({shown[i][0] for i in ids}))
                # named, never numbered: a number away from its notes lost "Refuge says it
                # is for women" beside a man's helpline (the card above says it)
                lines = "; ".join(isolated(m.service.name) for m in action.services)
                plural = "line" if len(ids) == 1 else "lines"
                above[id(action)] = f"The same {plural} as in {cards} above: {lines}."
                continue
            for match in action.services:  # where it is given, before where it is a fallback
                before = shown.get(match.service.id)
                if before is None or (before[1] and not match.fallback):
                    shown[match.service.id] = (number, match.fallback)
    return above


# A helpline's two kinds of line, in the card's words on every surface: the copy and the PDF
# said "daytime lines:" without "(check the hours)" (verifier, 2026-12-07)
LINE_HEADINGS = {"24/7": "Open 24/7", "daytime": "Daytime lines (check the hours)"}


def round_the_clock_first(matches: tuple[ServiceMatch, ...]) -> list[tuple[str, list]]:
    """A helpline's services split into lines open day and night and those with hours. The
    24/7 lines alone go unlabelled: "Open 24/7" stood above every line saying "24/7" in its
    hours, in 20 of 26 reference plans (officer walk, carried since 2026-12-05)."""
    always = [m for m in matches if open_day_and_night(m.service)]
    daytime = [m for m in matches if not open_day_and_night(m.service)]
    if not daytime:
        return [("", always)] if always else []
    return [(label, found) for label, found in (("24/7", always), ("daytime", daytime)) if found]


def services_as_given(action: PlannedAction) -> list[tuple[str, list[tuple[str, ServiceMatch]]]]:
    """An action's services as its card gives them: a helpline's in its two kinds of line
    (each part's label), each service with the words said before its name. The PDF said
    "Fallback: Childline" and the copy "- fallback: …" where the card said nothing or "If
    that cannot help:" (officer walk, 2026-12-08)."""
    helpline = action.kind == "helpline"
    parts = round_the_clock_first(action.services) if helpline else [("", action.services)]
    given, reachable = [], False
    for label, matches in parts:
        rows = []
        for at, match in enumerate(matches):
            rows.append((_said_before(match, at, matches[0], reachable, action.kind), match))
            reachable = reachable or bool(match.service.phone or match.service.email)
        given.append((label, rows))
    return given


def _said_before(
    match: ServiceMatch, at: int, first: ServiceMatch, reachable: bool, kind: str
) -> str:
    """After the first, each fallback is one to try instead: the LADO's NSPCC, 101 and 999
    stood as large as the front door above them (review 2026-12-01); "If that cannot help"
    under "No number held here" read as if there were something to try first (officer
    review 2026-12-01), and "Instead: Police non-emergency" as the police in place of adult
    social care, whose number the card's note sends the worker to find first (H226), so the
    first is named ("their" was read as anyone's: officer walk, 2026-12-02). 999 is never
    an alternative to a service, it is for danger; first on a worried person's card, it
    stood bare."""
    instead = match.fallback and at > 0
    if national_number(match.service.phone) == "999":
        return "In an emergency: " if kind != "emergency_999" or instead else ""
    if not instead:
        return ""
    return "If that cannot help: " if reachable else f"If you cannot find {first.service.name}: "


def changes_since(before: Plan, now: Plan) -> str:
    """What a correction changed, for the plan's first line: an area changed from the plan
    came back to cards that looked the same, nothing saying they were now Walsall's
    (officer walk F19). "" when nothing the worker answered or was told changed."""
    was = dict(before.referral_details)
    changed = [
        f"{label}: {answer} (was {was[label]})"
        for label, answer in now.referral_details
        if label in was and was[label] != answer
    ]
    if changed:
        return "Plan updated for your change: " + "; ".join(changed) + "."
    if now.referral_details != before.referral_details or now.actions != before.actions:
        return "Plan updated for your changed answers."
    return ""


def red_flags_advice(plan: Plan) -> str:
    """What the red flags ask of the worker: professional judgement may raise the risk to
    high; said beside a risk already high it carries nothing, and where no judgement is
    asked (a child under 16: no MARAC risk at all) it asks for one that has no place
    (reviews 2026-12-01)."""
    if plan.risk.level in ("high", "not_applicable"):
        return ""
    return "consider professional judgement"


FORM_HEADING = "For the referral form (add names only in the official form):"


def plan_to_text(plan: Plan, today: date | None = None) -> str:
    """A readable plan with no names, and only the answers a referral form needs."""
    check = _checker(plan, today)
    risk = []
    if plan.risk.level != "not_applicable":
        basis = f" ({plan.risk.basis})" if plan.risk.basis else ""
        risk.append(f"Risk: {plan.risk.level.replace('_', ' ')}{basis}")
    if plan.red_flags:  # with what they ask of the worker, as the screen and the PDF say it
        advice = f" ({red_flags_advice(plan)})" if red_flags_advice(plan) else ""
        risk.append("Red flags: " + "; ".join(g.text for g in plan.red_flags) + advice)
    risk += [f"Note: {notice.text}" for notice in plan.notices]
    lines = [f"Plan (pathway {plan.pathway_version}, directory {plan.directory_version})"]
    lines += ["", *risk] if risk else []  # no empty line where no risk is said
    if plan.referral_details:
        lines += ["", FORM_HEADING]
        lines += [f" - {label}: {answer}" for label, answer in plan.referral_details]
    above = lines_shown_above(plan)
    for _, heading, actions in grouped(plan):
        lines += ["", f"{heading.upper()}"]
        for number, action in actions:
            lines += _action_lines(number, action, check, above.get(id(action), ""))
    lines += ["", "Remember:"]
    lines += [f" * {r.text} [{'; '.join(r.sources)}]" for r in plan.reminders]
    return "\n".join(lines)


def _action_lines(number: int, action: PlannedAction, check, above: str) -> list[str]:
    lines = [f"{number}. {action.title}"]
    if action.say:
        lines.append(f'   Say: "{action.say}"')
    lines.append(f"   Why: {action.why} [{'; '.join(action.sources)}]")
    if above:
        return [*lines, f"   {above}"]
    if action.no_confirmed_service:
        lines.append(f"   {action.fallback_note}")
    for label, rows in services_as_given(action):
        if label:
            lines.append(f"   {LINE_HEADINGS[label]}:")
        lines += [f"   - {before}{service_line(match, check)}" for before, match in rows]
    return lines
