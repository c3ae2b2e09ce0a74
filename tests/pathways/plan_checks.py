"""Checks one plan against the policy oracle and the invariants of pathway-policy.md §6."""

from __future__ import annotations

from typing import Any

from app.pathways.graph import Graph
from app.pathways.plan import Plan
from tests.pathways import policy_oracle as policy

# Actions whose services are for someone other than the person harmed, by their ages.
ACTION_AGES = {
    "child_safeguarding_referral": (0, 17),
    "lado_referral": (0, 17),
    "adult_safeguarding_referral": (18, 120),
    "perpetrator_support": (16, 120),
}
NOW = {"emergency_999", "urgent_medical_check"}


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
    ranks = [policy.RANK.get(k, policy.REST) for k in kinds]
    if ranks != sorted(ranks):
        failures.append(f"order: {kinds}")
    if not kinds or kinds[-1] != "helpline":
        failures.append("the helpline must be the last action")
    for kind, rules in policy.expected_reasons(a).items():
        action = plan.action(kind)
        given = {reason.rule_id for reason in action.reasons} if action else set()
        if action and given != rules:
            failures.append(f"{kind}: reasons {sorted(given)}, want {sorted(rules)}")
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
    emergency = plan.action("emergency_999")
    if emergency and ("55" not in emergency.why or plan.actions[0].kind != "emergency_999"):
        failures.append("R1: 999 must come first and mention Silent Solution (55)")
    if a["tier"] == 1:
        for kind in ("marac_referral", "idva_referral"):
            action = plan.action(kind)
            if action and "safeguarding lead" not in action.title:
                failures.append(f"R6 at tier 1: {kind} must be worded as made by the lead")
        marac = plan.action("marac_referral")
        if marac and "I will refer" in marac.say:
            failures.append("R6 at tier 1: the lead refers to MARAC, not the worker")
    sarc = plan.action("sarc_referral")
    urgent = a.get("saa_timing") in policy.URGENT_TIMINGS
    if sarc and (urgent != ("Urgent" in sarc.title) or urgent != (sarc.group == "now")):
        failures.append("R10: the SARC is urgent (and 'now') within 7 days or not known when")
    duty = next((x for x in plan.actions if "next working day" in x.why), None)
    if policy.fgm_duty(a) != (duty is not None):
        want = policy.fgm_duty(a)
        failures.append(f"R15: the FGM reporting duty stated={bool(duty)}, want {want}")
    if duty and (duty.group != "today" or "choice" in duty.say + duty.why):
        failures.append("R15: the FGM duty is the worker's, today, never said to be their choice")
    child_fgm = a["age_group"] in policy.UNDER_18 and "fgm" in policy.needs(a)
    if child_fgm and any("choice" in action.say + action.why for action in plan.actions):
        failures.append("R15: a child with FGM is never told the police are their choice")
    police = plan.action("police_report_option")
    if child_fgm and police and police.group == "offer":
        failures.append("R15: a child's FGM: the police card is never under 'their choice'")
    outside = a["borough"] == "outside_west_midlands"
    if outside != any(n.id == "outside_west_midlands" for n in plan.notices):
        failures.append("R21: outside the West Midlands must be said, and only then")
    near = a.get("perpetrator_nearby") is True and a.get("immediate_danger") is not True
    if near != any(n.id == "person_causing_harm_may_hear" for n in plan.notices):
        failures.append("§5: the words to say wait while the person causing harm may hear")
    interpreted = "interpreter" in (a.get("additional_needs") or []) and not near
    if interpreted != any(n.id == "professional_interpreter_only" for n in plan.notices):
        failures.append("§5: the words to say go through a professional interpreter only")
    ticked_too = "domestic_abuse" in (a.get("abuse_types") or [])
    in_childhood = ticked_too and a.get("saa_timing") == "over_12_months_under_16"
    if in_childhood != any(n.id == "childhood_abuse_ticked_as_domestic" for n in plan.notices):
        failures.append("R39: domestic abuse ticked beside abuse in childhood is pointed out")
    child = plan.action("child_safeguarding_referral")
    nowhere = a["age_group"] == "16_17" and a.get("safe_tonight") == "no"
    if child and nowhere != ("nowhere safe" in child.why and "nowhere safe" in child.title):
        failures.append("R23: the children's referral must say they have nowhere safe tonight")
    assaulted_lately = "sexual_assault_abuse" in a["abuse_types"] and urgent
    advice = plan.action("concerned_other_advice")
    if advice and assaulted_lately and a["age_group"] == "adult" and advice.group != "now":
        failures.append("R34-sarc: the SARC's number to pass on is time-limited: now")
    if child and a["age_group"] in policy.UNDER_18 and assaulted_lately and child.group != "now":
        failures.append("R3-sarc: a child assaulted in the last 7 days: phone the front door now")
    own = a["age_group"] in policy.UNDER_18 and policy.who(a) == "person_harmed"
    if child and own and "the children" in child.say:
        failures.append("R3: a child telling about themselves is spoken to, not about")
    if policy.decision_respected(a, set(plan.action_kinds)):
        for kind in ("specialist_da_service", "isva_referral", "hba_fm_specialist"):
            action = plan.action(kind)
            if action and not action.title.startswith("Give them the details"):
                failures.append(f"R37: {kind} must say 'give them the details', not 'refer'")
    if level_basis_wrong(a, plan):
        failures.append("R38: the Dash's answers not known must be said with its risk")
    told_by_another = policy.who(a) != "person_harmed" and plan.risk.level == "not_assessed"
    if told_by_another and "asked of the person harmed" not in plan.risk.basis:
        failures.append("R34/R35: not assessed because the Dash is not theirs, not 'not completed'")
    tier_1_no_dash = plan.risk.level == "not_assessed" and a["tier"] == 1 and not told_by_another
    if tier_1_no_dash and "your safeguarding lead completes the Dash" not in plan.risk.basis:
        failures.append("R2: at tier 1 the lead completes the Dash, not 'Dash not completed'")
    failures += _spoken_to_failures(a, plan)
    for action in plan.actions:
        if not action.say:
            failures.append(f"{action.kind}: nothing to say to the person")
        shut = [m.service.name for m in action.services if not m.service.open_24_7]
        if shut and any(words in action.say for words in ALL_HOURS):
            # the helpline card promised "day or night" over the Men's Advice Line (walk)
            failures.append(f"{action.kind}: says {action.say!r} over {shut}, not open 24/7")
        if action.kind in NOW and action.group != "now":
            failures.append(f"{action.kind}: must be in the 'now' group")
    return failures


ALL_HOURS = ("day or night", "any time", "24/7", "24 hours", "round the clock")
# Words that, said to the person causing harm, tell them of a referral (R28, R35) or speak
# to them as the person harmed; and words that speak to someone worried about another
# person as if the abuse were theirs (R34). Review 2026-12-01.
TELLS_OF_A_REFERRAL = (
    "refer",
    "MARAC",
    "LADO",
    "adult social care",
    "children's services",
    "officer",
    "specialist",
)
AS_THE_PERSON_HARMED = (
    "you are feeling",
    "your family",
    "help you",
    "your immigration",
    "you tell the police",
    "what you are going through",
    "hurting you",
)


def _spoken_to_failures(a: dict[str, Any], plan: Plan) -> list[str]:
    failures = []
    d, child = policy.who(a), a["age_group"] in policy.UNDER_18
    to_causer = TELLS_OF_A_REFERRAL + AS_THE_PERSON_HARMED
    for action in plan.actions:
        say = action.say
        own_line = action.kind in ("perpetrator_support", "helpline")
        if d == "person_causing_harm" and not own_line and any(w in say for w in to_causer):
            failures.append(f"R35: {action.kind} says to the person causing harm: {say}")
        if d == "concerned_other" and any(w in say for w in AS_THE_PERSON_HARMED):
            failures.append(f"R34: {action.kind} speaks to a worried person as the harmed one")
        if action.kind == "concerned_other_advice" and child and "let them decide" in say:
            failures.append("R3: a child's safety is not left to the child to decide")
        police_optional = ("whether or not you tell the police", "whether or not the police")
        if child and any(words in say for words in police_optional):
            failures.append(f"R3: {action.kind} tells a child the police are their choice")
        if d == "person_causing_harm" and "share this" in say:
            failures.append(f"R35: {action.kind} tells the person causing harm of a referral")
        nearby = a.get("perpetrator_nearby") is True or d == "person_causing_harm"
        if action.kind == "emergency_999" and nearby and any(w in say for w in ("999", "police")):
            failures.append("R1: the call to 999 spoken of where the person causing harm may hear")
        if action.kind == "emergency_999" and d == "person_causing_harm" and "help" in say:
            failures.append("R35: the 999 card offers help to the person causing harm")
        isva_choice = "your choice" in say or "whether or not" in say
        if action.kind == "isva_referral" and child and isva_choice:
            failures.append("R31: a young person is told the police are their choice (ISVA)")
    return failures


def level_basis_wrong(a: dict[str, Any], plan: Plan) -> bool:
    """Not assessed: how many are not known (R38). Not high: how many, where any are, and
    nothing of them where none are ("NOT HIGH: Dash 3 of 24" stood over 10 not known: H631)."""
    dash = a.get("dash_answers")
    if plan.risk.level not in ("not_assessed", "not_high") or not isinstance(dash, dict):
        return False
    unknown = list(dash.values()).count("not_known")
    if plan.risk.level == "not_high":
        return ("not known" in plan.risk.basis) != bool(unknown) or (
            unknown and f"; {unknown} not known" not in plan.risk.basis
        )
    return f"Dash incomplete: {unknown} not known" not in plan.risk.basis


def _service_failures(a: dict[str, Any], plan: Plan) -> list[str]:
    failures = []
    borough = a["borough"]
    outside = borough == "outside_west_midlands"
    person_ages = policy.AGES[a["age_group"]]
    causer = policy.who(a) == "person_causing_harm"
    for action in plan.actions:
        ages = ACTION_AGES.get(action.kind, person_ages)
        if action.kind == "helpline" and causer:  # the teller's: a child's is Childline
            ages = (0, 17) if policy.child_causing_harm(a) else ACTION_AGES["perpetrator_support"]
        for match in action.services:
            s = match.service
            local = not outside and (borough in s.areas or "west_midlands" in s.areas)
            if not (local or "national" in s.areas):
                failures.append(f"{action.kind}: {s.id} does not serve {borough}")
            if not (s.min_age <= ages[0] and ages[1] <= s.max_age):
                failures.append(f"{action.kind}: {s.id} does not take ages {ages}")
            failures += _audience_failures(a, action.kind, s)
        if action.no_confirmed_service and not action.fallback_note:
            failures.append(f"{action.kind}: no confirmed contact and no fallback said")
        shown = action.fallback_note if action.no_confirmed_service else ""
        if "Childline" in shown and not any(m.service.id == "childline" for m in action.services):
            # "Under 18: Childline supports young people" on an adult's card (officer walk)
            failures.append(f"{action.kind}: its note names Childline, not on the card")
        failures += _fallback_failures(a, action, not action.no_confirmed_service)
    return failures + _helpline_failures(a, plan) + _audience_offers(a, plan)


def _audience_failures(a: dict[str, Any], kind: str, service) -> list[str]:
    """Women-only services never reach a male victim; men-only and LGBTQ+ services only
    the people they are for."""
    male, lgbtq = "male_victim" in policy.needs(a), "lgbtq" in policy.needs(a)
    fits = {"any": True, "women": not male, "men": male, "lgbtq": lgbtq}
    if not fits.get(service.audience, False):
        return [f"{kind}: {service.id} is for {service.audience} only"]
    return []


def _helpline_failures(a: dict[str, Any], plan: Plan) -> list[str]:
    helpline = plan.action("helpline")
    if helpline is None:
        return []
    lines = {m.service.id: m.service for m in helpline.services}
    d, child = policy.who(a), a["age_group"] in policy.UNDER_18
    failures = []
    if d != "person_causing_harm" and not any(
        s.open_24_7 and "national" in s.areas for s in lines.values()
    ):
        failures.append("§6: no 24/7 national line for a person harmed or a concerned other")
    if d == "person_harmed" and child and "childline" not in lines:
        failures.append("R20: a child harmed must be given Childline")
    if d == "concerned_other" and child and ("childline" in lines or "nspcc" not in lines):
        failures.append("R34: someone worried about a child gets the NSPCC, not Childline")
    # a child who harms is a child at risk too: Childline (R20, R27)
    theirs = {"childline"} if policy.child_causing_harm(a) else {"respect-phoneline"}
    if d == "person_causing_harm" and set(lines) != theirs:
        failures.append(f"R35: the helpline for the person causing harm is {theirs}")
    must, never = policy.expected_lines(a)
    if must - set(lines) or never & set(lines):
        failures.append(f"R20: lines missing {must - set(lines)}, unfit {never & set(lines)}")
    return failures


def _audience_offers(a: dict[str, Any], plan: Plan) -> list[str]:
    """Services for one audience reach the people they are for (§4 services)."""
    offered = {(x.kind, m.service.id) for x in plan.actions for m in x.services}
    want = set()
    adult_lines = a["age_group"] in policy.SIXTEEN_PLUS
    male_da = "sexual_assault_abuse" not in a["abuse_types"]
    if "male_victim_support" in plan.action_kinds and adult_lines and male_da:
        want.add(("male_victim_support", "mens-advice-line"))
    if "lgbtq_support" in plan.action_kinds and adult_lines:
        want.add(("lgbtq_support", "galop"))
    wolverhampton_da = (
        a["borough"] == "wolverhampton" and "specialist_da_service" in plan.action_kinds
    )
    if wolverhampton_da and "male_victim" not in policy.needs(a):
        want.add(("specialist_da_service", "haven-wolverhampton"))  # women only
    return [
        f"{kind}: {service} is for this person and not offered" for kind, service in want - offered
    ]


# Policy §4 fallback table: service ids that must be offered when nothing is confirmed.
FALLBACKS = {
    "idva_referral": {"ndah"},
    "isva_referral": {"rape-crisis-247"},
    "sarc_referral": {"police-101", "nhs-111"},
    "child_safeguarding_referral": {"nspcc", "police-101"},
    # after the children's front door; outside the West Midlands, all there is (review
    # 2026-12-01: the card there had no number at all)
    "lado_referral": {"nspcc", "police-101"},
    "adult_safeguarding_referral": {"police-101"},
    "specialist_da_service": {"ndah"},
    "emergency_accommodation": {"ndah"},
}


def _fallback_failures(a: dict[str, Any], action, confirmed: bool) -> list[str]:
    wanted = action.kind in FALLBACKS or action.kind in ("specialist_sv_support", "lado_referral")
    if confirmed or not wanted:
        return []
    ids = {m.service.id for m in action.services}
    want = set(FALLBACKS.get(action.kind, set()))
    if action.kind == "specialist_sv_support":
        want = {"childline"} if a["age_group"] in policy.UNDER_18 else {"rape-crisis-247"}
    if action.kind == "idva_referral" and a["borough"] != "outside_west_midlands":
        want.add("wmp-marac")
    if action.kind == "sarc_referral" and "nhs.uk/sarcs" not in action.fallback_note:
        return ["sarc_referral: the fallback must point to nhs.uk/sarcs"]
    if action.kind == "lado_referral":
        front_door = any("mash_children" in m.service.kinds for m in action.services)
        if "children's front door" not in action.fallback_note or not (
            front_door or a["borough"] == "outside_west_midlands"
        ):
            return ["lado_referral: the fallback must be the children's front door"]
    if action.kind == "emergency_accommodation" and "housing options" not in action.fallback_note:
        return ["emergency_accommodation: the fallback must name the housing options service"]
    return [f"{action.kind}: fallback {want - ids} missing"] if want - ids else []
