"""The plan as HTML for the screen and the PDF (no Qt): escaped, no names, no answers."""

from __future__ import annotations

from datetime import date
from html import escape

from app.pathways.plan import Plan, PlannedAction
from app.pathways.services import ServiceMatch, check_before_use
from app.pathways.summary import service_notes

PRINT_WARNING = (
    "Do not give a printed plan to someone whose abuser may find it. Keep it with your "
    "organisation's records, or destroy it securely."
)


def risk_html(plan: Plan) -> str:
    parts = []
    if plan.risk.level != "not_applicable":
        level = plan.risk.level.replace("_", " ").upper()
        basis = f" — {escape(plan.risk.basis)}" if plan.risk.basis else ""
        parts.append(f"<p><b>Risk: {level}</b>{basis}</p>")
    if plan.red_flags:
        flags = "; ".join(escape(f.text) for f in plan.red_flags)
        parts.append(f"<p><b>⚠ Red flags:</b> {flags} (consider professional judgement)</p>")
    parts += [f"<p><b>Note:</b> {escape(n.text)}</p>" for n in plan.notices]
    return "".join(parts)


def service_html(match: ServiceMatch, today: date, months: int) -> str:
    s = match.service
    contact = escape(s.phone or s.email) if (s.phone or s.email) else "<i>contact not confirmed</i>"
    bits = [f"<b>{escape(s.name)}</b>: {contact}"]
    bits += [escape(note) for note in service_notes(s)]
    bits.append(f"checked: {escape(s.assured_date) or 'never'}; source: {escape(s.source)}")
    if check_before_use(s, today, months):
        bits.append(f"<b>⚠ CHECK BEFORE USE</b> ({escape(s.confidence)} confidence)")
    prefix = "Fallback — " if match.fallback else ""
    return f"<li>{prefix}{' · '.join(bits)}</li>"


def action_html(number: int, action: PlannedAction, today: date, months: int) -> str:
    sources = escape("; ".join(action.sources))
    html = [
        f"<h3>{number}. {escape(action.title)}</h3>",
        f"<p>{escape(action.why)} <small>[{sources}]</small></p>",
    ]
    if action.no_confirmed_service:
        html.append(f"<p><b>No confirmed contact held:</b> {escape(action.fallback_note)}</p>")
    if action.services:
        items = "".join(service_html(m, today, months) for m in action.services)
        html.append(f"<ul>{items}</ul>")
    return "".join(html)


def plan_document_html(plan: Plan, today: date, organisation: str = "") -> str:
    months = plan.assured_within_months
    header = f"<p><b>{escape(PRINT_WARNING)}</b></p>"
    meta = f"<p><small>{escape(organisation)} {today.isoformat()} · pathway {escape(plan.pathway_version)}, directory {escape(plan.directory_version)}</small></p>"  # noqa: E501
    actions = "".join(action_html(i, a, today, months) for i, a in enumerate(plan.actions, 1))
    reminders = "".join(
        f"<li>{escape(r.text)} <small>[{escape('; '.join(r.sources))}]</small></li>"
        for r in plan.reminders
    )
    return (
        f"<h2>Plan</h2>{header}{meta}{risk_html(plan)}{actions}"
        f"<h3>Remember</h3><ul>{reminders}</ul>"
    )
