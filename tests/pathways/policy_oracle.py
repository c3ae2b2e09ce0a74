"""The pathway policy (shared spec/pathway-policy.md), written again by hand as an oracle.

Deliberately independent of the graph: if the graph and this file disagree, one of them
is wrong, and the proof says where. It reads only the answers a path actually asked.
"""

from __future__ import annotations

from typing import Any

SIXTEEN_PLUS = {"adult", "16_17"}
UNDER_18 = {"under_16", "16_17"}
AGES = {"adult": (18, 120), "16_17": (16, 17), "under_16": (0, 15)}
SARC_TIMINGS = {"within_7_days", "8_to_21_days", "unknown"}
SHARING_REFERRALS = {
    "child_safeguarding_referral",
    "adult_safeguarding_referral",
    "marac_referral",
    "idva_referral",
    "isva_referral",
}
ALWAYS_REMINDERS = {
    "believe_and_reassure",
    "explain_confidentiality_limits",
    "consent_before_sharing",
    "private_safe_space",
    "offer_same_gender_worker",
    "no_joint_meetings",
    "worker_wellbeing",
}
# §4 ordering: emergency -> safeguarding referrals -> lead -> MARAC -> IDVA/ISVA/SARC
# -> Dash -> the rest -> helpline.
RANK = {
    "emergency_999": 0,
    "child_safeguarding_referral": 1,
    "adult_safeguarding_referral": 1,
    "inform_safeguarding_lead": 2,
    "marac_referral": 3,
    "idva_referral": 4,
    "isva_referral": 4,
    "sarc_referral": 4,
    "dash_assessment": 5,
    "helpline": 7,
}


ALWAYS_ASKED = {
    "immediate_danger",
    "tier",
    "age_group",
    "abuse_types",
    "borough",
    "perpetrator_nearby",
    "children_in_household",
    "pregnant_or_recent_birth",
    "additional_needs",
    "consent_to_share",
}


def expected_questions(a: dict[str, Any]) -> set[str]:
    """Policy §2 "asked when": exactly the questions this person's path must ask."""
    asked = set(ALWAYS_ASKED)
    age, types = a.get("age_group"), set(a.get("abuse_types") or [])
    if "sexual_assault_abuse" in types:
        asked.add("saa_timing")
    if "domestic_abuse" in types and age in SIXTEEN_PLUS:
        asked |= {"professional_judgement_high_risk", "incidents_12_months"}
        asked.add("marac_in_last_12_months")
        if a.get("tier") == 2:
            asked.add("dash_answers")  # tier 1 never completes Dash
    if age == "adult":
        asked.add("care_and_support_needs")
    if "fgm" in (a.get("additional_needs") or []) and age in UNDER_18:
        asked.add("regulated_professional")
    return asked


def expected_risk(a: dict[str, Any]) -> tuple[str, set[str]]:
    """Policy §3, with the default settings (14 Dash, 3 incidents)."""
    if "domestic_abuse" not in a["abuse_types"] or a["age_group"] not in SIXTEEN_PLUS:
        return "not_applicable", set()
    dash = a.get("dash_answers")
    criteria = set()
    if isinstance(dash, dict) and list(dash.values()).count("yes") >= 14:
        criteria.add("dash_14_plus")
    if a["professional_judgement_high_risk"]:
        criteria.add("professional_judgement")
    if a["incidents_12_months"] >= 3:
        criteria.add("escalation")
    if a["marac_in_last_12_months"] == "yes":
        criteria.add("repeat_marac")
    if criteria:
        return "high", criteria
    return ("not_high" if isinstance(dash, dict) else "not_assessed"), criteria


def expected_actions(a: dict[str, Any]) -> set[str]:
    """Policy §4, R1-R21: exactly the actions the plan must hold."""
    age, types = a["age_group"], set(a["abuse_types"])
    needs = set(a["additional_needs"])
    da, saa = "domestic_abuse" in types, "sexual_assault_abuse" in types
    level, _ = expected_risk(a)
    kinds = {"helpline"}  # R20
    if a["immediate_danger"]:
        kinds.add("emergency_999")  # R1
    if a["tier"] == 1:
        kinds.add("inform_safeguarding_lead")  # R2
    if age in UNDER_18:
        kinds.add("child_safeguarding_referral")  # R3
    if a["children_in_household"] and da:
        kinds.add("child_safeguarding_referral")  # R4
    if age == "adult" and a.get("care_and_support_needs"):
        kinds.add("adult_safeguarding_referral")  # R5
    if da and age in SIXTEEN_PLUS:
        if level == "high":
            kinds |= {"marac_referral", "idva_referral"}  # R6
        elif level == "not_high":
            kinds.add("specialist_da_service")  # R7
        else:
            kinds.add("specialist_da_service")  # R8
            if a["tier"] == 2:
                kinds.add("dash_assessment")
    if saa:
        if a["saa_timing"] in SARC_TIMINGS:
            kinds.add("sarc_referral")  # R10
        if age in SIXTEEN_PLUS:
            kinds.add("isva_referral")  # R11
        kinds.add("specialist_sv_support")  # R12
    if age == "adult":
        kinds.add("police_report_option")  # R13
    if needs & {"honour_based_abuse", "forced_marriage"}:
        kinds.add("hba_fm_specialist")  # R14
    if "fgm" in needs and (age in UNDER_18 or a["children_in_household"]):
        kinds |= {"child_safeguarding_referral", "police_report_option"}  # R15
    for need, kind in (
        ("suicide_risk", "mental_health_crisis"),  # R16
        ("male_victim", "male_victim_support"),  # R17
        ("lgbtq", "lgbtq_support"),  # R18
        ("immigration_insecure", "immigration_advice"),  # R19
        ("stalking", "stalking_support"),  # R19b
    ):
        if need in needs:
            kinds.add(kind)
    return kinds


def expected_reminders(a: dict[str, Any], actions: set[str]) -> set[str]:
    """Policy §5: exactly the reminders the plan must hold."""
    needs = set(a["additional_needs"])
    ids = set(ALWAYS_REMINDERS)
    if a["consent_to_share"] in ("no", "not_asked") and actions & SHARING_REFERRALS:
        ids.add("record_reasons_if_sharing_without_consent")
    if "interpreter" in needs:
        ids.add("no_family_interpreters")
    if "domestic_abuse" in a["abuse_types"]:
        ids.add("safe_contact_arrangements")
    if a["children_in_household"]:
        ids.add("children_not_present")
    if a["perpetrator_nearby"]:
        ids.add("perpetrator_nearby_plan")
    if needs & {"honour_based_abuse", "forced_marriage"}:
        ids.add("hba_one_chance")
    if a["age_group"] in UNDER_18:
        ids.add("child_disclosure")
    if a.get("saa_timing") == "within_7_days":
        ids.add("forensic_options")
    if "non_fatal_strangulation" in needs:
        ids.add("strangulation_red_flag")
    return ids


def expected_red_flags(a: dict[str, Any]) -> set[str]:
    """Policy §3 red flags: shown whatever the Dash count."""
    dash = a.get("dash_answers") if isinstance(a.get("dash_answers"), dict) else {}
    needs = set(a["additional_needs"])

    def said_yes(*items: int) -> bool:
        return any(dash.get(f"dash_{n:02d}") == "yes" for n in items)

    flags = {
        "strangulation": said_yes(15) or "non_fatal_strangulation" in needs,
        "threats_to_kill": said_yes(14),
        "weapons": said_yes(13),
        "pregnancy": said_yes(9) or a["pregnant_or_recent_birth"],
        "separation": said_yes(6),
        "stalking": said_yes(8) or "stalking" in needs,
        "escalation": said_yes(10, 11),
        "honour_based_abuse": bool(needs & {"honour_based_abuse", "forced_marriage"}),
    }
    return {flag for flag, shown in flags.items() if shown}
