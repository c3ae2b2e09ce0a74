"""Checks one plan against the policy oracle and the invariants of pathway-policy.md §6."""

from __future__ import annotations

from typing import Any

from app.pathways.graph import Graph
from app.pathways.plan import Plan
from tests.pathways import policy_oracle as policy

CHILD_SERVICE_AGES = (0, 17)


def plan_failures(a: dict[str, Any], plan: Plan, graph: Graph) -> list[str]:
    """Everything wrong with this plan for these answers; empty when it is right."""
    asked_wrong = _question_failures(a)
    if asked_wrong:
        return asked_wrong  # the rest of the oracle reads answers this path should have
    failures: list[str] = []
    kinds = plan.action_kinds
    want = policy.expected_actions(a)
    if set(kinds) != want:
        failures.append(f"actions: missing {want - set(kinds)}, unexpected {set(kinds) - want}")
    reminders = [r.id for r in plan.reminders]
    want_reminders = policy.expected_reminders(a, want)
    if set(reminders) != want_reminders:
        failures.append(
            f"reminders: missing {want_reminders - set(reminders)}, "
            f"unexpected {set(reminders) - want_reminders}"
        )
    if reminders and reminders[-1] != "worker_wellbeing":
        failures.append("worker_wellbeing must be the last reminder")
    flags = {f.id for f in plan.red_flags}
    if flags != policy.expected_red_flags(a):
        failures.append(f"red flags: {flags}, want {policy.expected_red_flags(a)}")
    level, criteria = policy.expected_risk(a)
    if plan.risk.level != level or set(plan.risk.criteria) != criteria:
        failures.append(f"risk: {plan.risk.level} {plan.risk.criteria}, want {level} {criteria}")
    ranks = [policy.RANK.get(k, 6) for k in kinds]
    if ranks != sorted(ranks):
        failures.append(f"order: {kinds}")
    if not kinds or kinds[-1] != "helpline":
        failures.append("the helpline must be the last action")
    failures += _source_failures(plan)
    failures += _wording_failures(a, plan)
    failures += _service_failures(a, plan)
    return failures


def _question_failures(a: dict[str, Any]) -> list[str]:
    want = policy.expected_questions(a)
    if set(a) == want:
        return []
    return [f"questions: not asked {want - set(a)}, asked needlessly {set(a) - want}"]


def _source_failures(plan: Plan) -> list[str]:
    items = [*plan.actions, *plan.reminders, *plan.red_flags, *plan.notices]
    return [f"{getattr(x, 'kind', None) or x.id} has no source" for x in items if not x.sources]


def _wording_failures(a: dict[str, Any], plan: Plan) -> list[str]:
    failures = []
    needs = set(a["additional_needs"])
    emergency = plan.action("emergency_999")
    if emergency and ("55" not in emergency.why or plan.actions[0].kind != "emergency_999"):
        failures.append("R1: 999 must come first and mention Silent Solution (55)")
    if a["tier"] == 1:
        for kind in ("marac_referral", "idva_referral"):
            action = plan.action(kind)
            if action and "safeguarding lead" not in action.title:
                failures.append(f"R6 at tier 1: {kind} must be worded as made by the lead")
    sarc = plan.action("sarc_referral")
    if sarc and (a.get("saa_timing") == "within_7_days") != ("Urgent" in sarc.title):
        failures.append("R10: the SARC is urgent exactly within 7 days")
    duty = (
        "fgm" in needs
        and a["age_group"] in policy.UNDER_18
        and a.get("regulated_professional") is True
    )
    police = plan.action("police_report_option")
    stated = bool(police) and "next working day" in police.why
    if duty != stated:
        failures.append(f"R15: the FGM reporting duty stated={stated}, want {duty}")
    outside = a["borough"] == "outside_west_midlands"
    if outside != any(n.id == "outside_west_midlands" for n in plan.notices):
        failures.append("R21: outside the West Midlands must be said, and only then")
    return failures


def _service_failures(a: dict[str, Any], plan: Plan) -> list[str]:
    failures = []
    borough = a["borough"]
    outside = borough == "outside_west_midlands"
    person_ages = policy.AGES[a["age_group"]]
    for action in plan.actions:
        ages = CHILD_SERVICE_AGES if action.kind == "child_safeguarding_referral" else person_ages
        for match in action.services:
            s = match.service
            local = not outside and (borough in s.areas or "west_midlands" in s.areas)
            if not (local or "national" in s.areas):
                failures.append(f"{action.kind}: {s.id} does not serve {borough}")
            if not (s.min_age <= ages[0] and ages[1] <= s.max_age):
                failures.append(f"{action.kind}: {s.id} does not take ages {ages}")
        confirmed = any(m.service.has_confirmed_contact for m in action.services)
        if action.services and not confirmed and not action.fallback_note:
            failures.append(f"{action.kind}: no confirmed contact and no fallback said")
        failures += _fallback_failures(a, action, confirmed)
    helpline = plan.action("helpline")
    if helpline:
        lines = [m.service for m in helpline.services]
        if not any(s.open_24_7 and "national" in s.areas for s in lines):
            failures.append("R20: no 24/7 national line")
        if a["age_group"] in policy.UNDER_18 and "childline" not in [s.id for s in lines]:
            failures.append("R20: under 18 must be given Childline")
    return failures


# Policy §4 fallback table: service ids that must be offered when nothing is confirmed.
FALLBACKS = {
    "idva_referral": {"ndah"},
    "isva_referral": {"rape-crisis-247"},
    "sarc_referral": {"police-101"},
    "child_safeguarding_referral": {"nspcc", "police-101"},
    "adult_safeguarding_referral": {"police-101"},
    "specialist_da_service": {"ndah"},
}


def _fallback_failures(a: dict[str, Any], action, confirmed: bool) -> list[str]:
    if confirmed or (action.kind not in FALLBACKS and action.kind != "specialist_sv_support"):
        return []
    ids = {m.service.id for m in action.services}
    want = set(FALLBACKS.get(action.kind, set()))
    if action.kind == "specialist_sv_support":
        want = {"childline"} if a["age_group"] in policy.UNDER_18 else {"rape-crisis-247"}
    if action.kind == "idva_referral" and a["borough"] != "outside_west_midlands":
        want.add("wmp-marac")
    if action.kind == "sarc_referral" and "nhs.uk/sarcs" not in action.fallback_note:
        return ["sarc_referral: the fallback must point to nhs.uk/sarcs"]
    return [f"{action.kind}: fallback {want - ids} missing"] if want - ids else []
