"""A plan in the contract's JSON form, and as plain text a worker can read or paste."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.pathways.graph import Guidance, Service
from app.pathways.plan import Plan, PlannedAction
from app.pathways.services import ServiceMatch, needs_check


def plan_to_dict(plan: Plan, today: date | None = None) -> dict[str, Any]:
    """The `route --json` output (shared spec/contract.md), with some additions."""
    check = _checker(plan, today)
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
        "actions": [_action(a, check) for a in plan.actions],
        "reminders": [_guidance(g) for g in plan.reminders],
        "notices": [_guidance(g) for g in plan.notices],
    }


def _guidance(item: Guidance) -> dict[str, Any]:
    return {"id": item.id, "text": item.text, "sources": list(item.sources)}


def _checker(plan: Plan, today: date | None):
    today = today or date.today()
    months = plan.assured_within_months
    return lambda s: needs_check(s.confidence, s.assured_date, today, months)


def _action(action: PlannedAction, check) -> dict[str, Any]:
    return {
        "kind": action.kind,
        "priority": action.priority,
        "title": action.title,
        "why": action.why,
        "rules": [reason.rule_id for reason in action.reasons],
        "sources": list(action.sources),
        "services": [_service(match, check) for match in action.services],
        "no_confirmed_service": action.no_confirmed_service,
        "fallback_note": action.fallback_note,
    }


def _service(match: ServiceMatch, check) -> dict[str, Any]:
    s = match.service
    return {
        "id": s.id,
        "name": s.name,
        "phone": s.phone,
        "phone_note": s.phone_note,
        "hours": s.hours,
        "open_24_7": s.open_24_7,
        "email": s.email,
        "referral_route": s.referral_route,
        "area": list(s.areas),
        "audience": s.audience,
        "confidence": s.confidence,
        "source": s.source,
        "source_date": s.source_date,
        "assured_date": s.assured_date,
        "alert": s.alert,
        "contact_confirmed": s.has_confirmed_contact,
        "check_before_use": check(s),
        "fallback": match.fallback,
    }


def service_notes(s: Service) -> list[str]:
    """What to know before phoning: the number's note, the hours, who it is for."""
    notes = [x for x in (s.phone_note, s.hours) if x]
    if s.audience not in ("any", ""):
        notes.append(f"{s.audience} only")
    return notes


def service_line(match: ServiceMatch, check) -> str:
    s = match.service
    contact = s.phone or s.email or "contact not confirmed"
    extras = service_notes(s)
    if not s.has_confirmed_contact:
        extras.append("contact not confirmed")
    if check(s):
        extras.append("check before use")
    tail = f" ({'; '.join(extras)})" if extras else ""
    return f"{s.name}: {contact}{tail}"


def plan_to_text(plan: Plan, today: date | None = None) -> str:
    """A readable plan with no names or answers beyond what the actions need."""
    check = _checker(plan, today)
    lines = [f"Plan (pathway {plan.pathway_version}, directory {plan.directory_version})", ""]
    if plan.risk.level != "not_applicable":
        basis = f" ({plan.risk.basis})" if plan.risk.basis else ""
        lines.append(f"Risk: {plan.risk.level.replace('_', ' ')}{basis}")
    if plan.red_flags:
        lines.append("Red flags: " + "; ".join(g.text for g in plan.red_flags))
    for notice in plan.notices:
        lines.append(f"Note: {notice.text}")
    lines.append("")
    for number, action in enumerate(plan.actions, start=1):
        lines.append(f"{number}. {action.title}")
        lines.append(f"   Why: {action.why} [{'; '.join(action.sources)}]")
        if action.no_confirmed_service:
            lines.append(f"   {action.fallback_note}")
        for match in action.services:
            prefix = "   - fallback: " if match.fallback else "   - "
            lines.append(prefix + service_line(match, check))
    lines.append("")
    lines.append("Remember:")
    for reminder in plan.reminders:
        lines.append(f" * {reminder.text} [{'; '.join(reminder.sources)}]")
    return "\n".join(lines)
