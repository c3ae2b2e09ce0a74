"""The plan as HTML for the PDF (no Qt): the screen's groups and order, escaped, no names,
no answers beyond those a referral form needs."""

from __future__ import annotations

from datetime import date
from html import escape

from app.pathways.out_of_hours import out_of_hours
from app.pathways.plan import Plan, PlannedAction
from app.pathways.services import ServiceMatch, check_before_use, confirmed_on
from app.pathways.summary import (
    FORM_HEADING,
    LINE_HEADINGS,
    alert_words,
    grouped,
    lines_shown_above,
    note_leads,
    red_flags_advice,
    service_notes,
    services_as_given,
)

PRINT_WARNING = (
    "Do not give a printed plan to someone whose abuser may find it. Keep it with your "
    "organisation's records, or destroy it securely."
)
UNCONFIRMED = "unconfirmed: check the number before you give it"
# as the card says it under an out-of-hours line (H507): "the number" read as that line alone
UNCONFIRMED_BOTH = "unconfirmed: check both numbers before you give them"
UNCONFIRMED_ADDRESS = "unconfirmed: check the address before you use it"


def risk_html(plan: Plan) -> str:
    parts = []
    if plan.risk.level != "not_applicable":
        level = plan.risk.level.replace("_", " ").upper()
        basis = f" — {escape(plan.risk.basis)}" if plan.risk.basis else ""
        parts.append(f"<p><b>Risk: {level}</b>{basis}</p>")
    if plan.red_flags:
        flags = "; ".join(escape(f.text) for f in plan.red_flags)
        advice = red_flags_advice(plan)
        parts.append(f"<p><b>Red flags:</b> {flags}{f' ({advice})' if advice else ''}</p>")
    parts += [f"<p><b>Note:</b> {escape(n.text)}</p>" for n in plan.notices]
    return "".join(parts)


def service_html(match: ServiceMatch, unconfirmed: bool, prefix: str = "") -> str:
    """`prefix`: the words before its name, as its card says them (services_as_given)."""
    s = match.service
    contact = escape(s.phone or s.email) if (s.phone or s.email) else "<i>no number held</i>"
    # the number a block of its own, left to right: after a name ending in Urdu or Arabic,
    # on one line with it, "0121 552 6448" was printed "6448 552 0121" (review 2026-12-01)
    number = f'<div dir="ltr"><big><b>{contact}</b></big></div>'
    alert = alert_words(s)  # before the number, as on the card
    warned = f"<br><b>\u26a0 {escape(alert)}</b>" if alert else ""
    lines = [escape(note) for note in service_notes(s)]
    day = None if unconfirmed else confirmed_on(s)  # checked within the window, by a person
    if day is not None:
        lines.append(f"confirmed {day.isoformat()}")
    if unconfirmed and (s.phone or s.email):  # no doubt about a number not held
        doubt = (
            (UNCONFIRMED_BOTH if out_of_hours(s.phone_note) else UNCONFIRMED)
            if s.phone
            else UNCONFIRMED_ADDRESS
        )
        lines.append(f"<i>{doubt}</i>")
    return f"<li>{prefix}<b>{escape(s.name)}</b>{warned}{number}" + "<br>".join(lines) + "</li>"


def action_html(number: int, action: PlannedAction, check, above: str = "") -> str:
    html = [f"<h4>{number}. {escape(action.title)}</h4>"]
    said = action.no_confirmed_service and action.fallback_note and not above
    note = f"<p><b>{escape(action.fallback_note)}</b></p>" if said else ""
    leads = note_leads(action)
    if leads:
        html.append(note)
    # a helpline's lines open day and night first, as the card and the summary give them: a
    # daytime local line stood first in the PDF (seams review, 2026-12-04)
    if above:  # the same line as a card above: said there, with its trust (F8)
        html.append(f"<p>{escape(above)}</p>")
    for label, rows in services_as_given(action) if action.services and not above else ():
        items = "".join(service_html(m, check(m.service), escape(b)) for b, m in rows)
        heading = f"<p>{escape(LINE_HEADINGS[label])}:</p>" if label else ""
        html.append(heading + f"<ul>{items}</ul>")
    if note and not leads:
        html.append(note)
    if action.say:
        html.append(f"<p>What you can say: “{escape(action.say)}”</p>")
    sources = escape("; ".join(action.sources))
    html.append(f"<p><small>Why: {escape(action.why)} [{sources}]</small></p>")
    return "".join(html)


def plan_document_html(plan: Plan, today: date, organisation: str = "") -> str:
    months = plan.assured_within_months
    check = lambda service: check_before_use(service, today, months)  # noqa: E731
    meta = (
        f"{escape(organisation)} {today.isoformat()} · pathway "
        f"{escape(plan.pathway_version)}, directory {escape(plan.directory_version)}"
    )
    above = lines_shown_above(plan)
    groups = "".join(
        f"<h3>{escape(heading)}</h3>"
        + "".join(action_html(n, a, check, above.get(id(a), "")) for n, a in actions)
        for _, heading, actions in grouped(plan)
    )
    # the referral form's lines, as the copied summary gives them (H510: "the copy, the PDF
    # and route alike"); the PDF gave none
    form = "".join(
        f"<li>{escape(label)}: {escape(answer)}</li>" for label, answer in plan.referral_details
    )
    form = f"<p><b>{escape(FORM_HEADING)}</b></p><ul>{form}</ul>" if form else ""
    reminders = "".join(
        f"<li>{escape(r.text)} <small>[{escape('; '.join(r.sources))}]</small></li>"
        for r in plan.reminders
    )
    return (
        f"<h2>Plan</h2><p><b>{escape(PRINT_WARNING)}</b></p><p><small>{meta}</small></p>"
        f"{risk_html(plan)}{form}{groups}<h3>Remember</h3><ul>{reminders}</ul>"
    )
