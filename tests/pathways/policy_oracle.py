"""The pathway policy (shared spec/pathway-policy.md, version 2), written again by hand.

Deliberately independent of the graph: if the graph and this file disagree, one of them
is wrong, and the proof says where. It reads only the answers a path actually asked.
Where the policy leaves a choice open, the product's reading is written here once, with
a comment, and the README says the same.
"""

from __future__ import annotations

from typing import Any

SIXTEEN_PLUS = {"adult", "16_17"}
UNDER_18 = {"under_16", "16_17"}
AGES = {"adult": (18, 120), "16_17": (16, 17), "under_16": (0, 15)}
SARC_TIMINGS = {"within_7_days", "8_to_21_days", "unknown"}
# R10 "within 7 days it is urgent": not known when is read as possibly within (README)
URGENT_TIMINGS = {"within_7_days", "unknown"}
SHARING_REFERRALS = {  # §5's list, and the LADO's, which shares information just the same
    "child_safeguarding_referral",
    "adult_safeguarding_referral",
    "lado_referral",
    "marac_referral",
    "idva_referral",
    "isva_referral",
}
# R37: what goes ahead without consent (999 and the LADO as well as the three it names)
NO_CONSENT_NEEDED = {
    "emergency_999",
    "child_safeguarding_referral",
    "adult_safeguarding_referral",
    "lado_referral",
    "marac_referral",
}
GENERAL_REMINDERS = {
    "explain_confidentiality_limits",
    "consent_before_sharing",
    "private_safe_space",
    "no_joint_meetings",
    "worker_wellbeing",
}
FOR_THE_PERSON_HARMED = {"believe_and_reassure", "offer_same_gender_worker"}
# §4b ordering: 999 -> urgent medical -> safeguarding -> LADO -> accommodation -> lead
# -> MARAC -> IDVA/ISVA/SARC -> Dash -> the rest -> helpline.
RANK = {
    "emergency_999": 0,
    "urgent_medical_check": 1,
    "child_safeguarding_referral": 2,
    "adult_safeguarding_referral": 2,
    "lado_referral": 3,
    "emergency_accommodation": 4,
    "inform_safeguarding_lead": 5,
    "marac_referral": 6,
    "idva_referral": 7,
    "isva_referral": 7,
    "sarc_referral": 7,
    "dash_assessment": 8,
    "helpline": 10,
}
REST = 9
ALWAYS_ASKED = {
    "immediate_danger",
    "discloser",
    "tier",
    "age_group",
    "abuse_types",
    "about_abuser",
    "borough",
    "children_in_household",
    "additional_needs",
}


def who(a: dict[str, Any]) -> str:
    return a.get("discloser", "person_harmed")


def dash_said(a: dict[str, Any], item: int, value: str = "yes") -> bool:
    dash = a.get("dash_answers")
    return isinstance(dash, dict) and dash.get(f"dash_{item:02d}") == value


def needs(a: dict[str, Any]) -> set[str]:
    return set(a.get("additional_needs") or [])


def about(a: dict[str, Any]) -> set[str]:
    return set(a.get("about_abuser") or [])


def is_domestic_abuse(a: dict[str, Any]) -> bool:
    """Chosen, or R39: sexual abuse by a partner, ex-partner or relative, the person harmed
    16 or over and the person causing harm not a child, and not in the person's childhood
    (both 16 or over at the time: DA Act 2021 s1-2, the source R39 cites)."""
    types = set(a.get("abuse_types") or [])
    if "domestic_abuse" in types:
        return True
    return (
        "sexual_assault_abuse" in types
        and a.get("relationship_to_abuser") in ("partner_or_ex", "family_member")
        and a.get("age_group") in SIXTEEN_PLUS
        and "under_18" not in about(a)
        and a.get("saa_timing") != "over_12_months_under_16"
    )


def marac_applies(a: dict[str, Any]) -> bool:
    return is_domestic_abuse(a) and a.get("age_group") in SIXTEEN_PLUS


def strangulation(a: dict[str, Any]) -> bool:  # R40: Dash 15 counts as the tag
    return "non_fatal_strangulation" in needs(a) or dash_said(a, 15)


def suicide_risk(a: dict[str, Any]) -> bool:
    return "suicide_risk" in needs(a) or dash_said(a, 5)


def stalking(a: dict[str, Any]) -> bool:
    return "stalking" in needs(a) or dash_said(a, 8)


def pregnant(a: dict[str, Any]) -> bool:
    return a.get("pregnant_or_recent_birth") is True or dash_said(a, 9)


def other_abuse_only(a: dict[str, Any]) -> bool:
    types = set(a.get("abuse_types") or [])
    return "other_abuse" in types and not types & {"domestic_abuse", "sexual_assault_abuse"}


def expected_questions(a: dict[str, Any]) -> set[str]:
    """Policy §2 "asked when", as the product reads it: exactly the questions asked."""
    asked = set(ALWAYS_ASKED)
    age, types, d = a.get("age_group"), set(a.get("abuse_types") or []), who(a)
    saa = "sexual_assault_abuse" in types
    if "domestic_abuse" in types:
        if d != "person_causing_harm":
            asked.add("relationship_to_abuser")  # R26 Clare's Law, R39
    elif saa and age in SIXTEEN_PLUS and "under_18" not in about(a):
        asked.add("relationship_to_abuser")  # it can change the plan only then (R39)
    if d != "person_causing_harm":
        asked.add("perpetrator_nearby")
        if d == "person_harmed" or expected_actions(a) & SHARING_REFERRALS:
            asked.add("consent_to_share")  # a concerned other: only when it can matter
        if saa:
            asked.add("saa_timing")
        if marac_applies(a):
            asked.add("safe_tonight")
    if strangulation(a):
        asked.add("strangulation_recent")  # R32 has no exception for R35
    if d == "person_harmed":
        asked.add("police_aware")
        if marac_applies(a):
            asked |= {"incidents_12_months", "marac_in_last_12_months"}
            if a.get("tier") == 2:
                asked.add("dash_answers")  # tier 1 never completes Dash
        if "fgm" in needs(a) and age in UNDER_18:
            asked.add("regulated_professional")  # the duty is what a child tells you
    if marac_applies(a):
        asked.add("professional_judgement_high_risk")
    if not dash_said(a, 9):
        asked.add("pregnant_or_recent_birth")  # R40: a Dash yes is not asked again
    if age == "adult":
        asked.add("care_and_support_needs")
    return asked


def expected_risk(a: dict[str, Any]) -> tuple[str, set[str]]:
    """Policy §3 with the shipped thresholds (14 Dash, 3 incidents), R34, R35 and R38."""
    if not marac_applies(a):
        return "not_applicable", set()
    dash = a.get("dash_answers")
    criteria = set()
    yes = list(dash.values()).count("yes") if isinstance(dash, dict) else 0
    unknown = list(dash.values()).count("not_known") if isinstance(dash, dict) else 0
    if yes >= 14:
        criteria.add("dash_14_plus")
    if a.get("professional_judgement_high_risk"):
        criteria.add("professional_judgement")
    if (a.get("incidents_12_months") or 0) >= 3:
        criteria.add("escalation")
    if a.get("marac_in_last_12_months") == "yes":
        criteria.add("repeat_marac")
    if criteria:
        return "high", criteria
    if isinstance(dash, dict) and yes + unknown < 14:
        return "not_high", criteria
    return "not_assessed", criteria


def expected_actions(a: dict[str, Any]) -> set[str]:
    """Policy §4 and §4b, R1-R43: exactly the actions the plan must hold."""
    age, types, d = a["age_group"], set(a["abuse_types"]), who(a)
    harmed, other, causer = (
        d == v for v in ("person_harmed", "concerned_other", "person_causing_harm")
    )
    saa, da = "sexual_assault_abuse" in types, is_domestic_abuse(a)
    children = a.get("children_in_household") is True
    level, _ = expected_risk(a)
    police_know = a.get("police_aware") == "yes"
    kinds = {"helpline"}  # R20 (the Respect Phone Line for the person causing harm)
    if a["immediate_danger"]:
        kinds.add("emergency_999")  # R1
    if strangulation(a) and a.get("strangulation_recent") in ("yes", "not_known"):
        kinds.add("urgent_medical_check")  # R32, whoever tells of it
    if (
        age in UNDER_18  # R3
        or (children and da)  # R4
        or (children and who(a) == "person_causing_harm")  # R35, whatever the abuse
        or ("fgm" in needs(a) and (age in UNDER_18 or children))  # R15
        or (age == "16_17" and a.get("safe_tonight") == "no")  # R23
        or about(a) & {"under_18", "contact_with_children"}  # R27, R42
    ):
        kinds.add("child_safeguarding_referral")
    if (age == "adult" and a.get("care_and_support_needs")) or (
        "works_with_adults_at_risk" in about(a)  # R29
    ):
        kinds.add("adult_safeguarding_referral")  # R5
    if "works_with_children" in about(a):
        kinds.add("lado_referral")  # R28
    if age == "adult" and a.get("safe_tonight") == "no":
        kinds.add("emergency_accommodation")  # R22
    if a["tier"] == 1 or not harmed:
        kinds.add("inform_safeguarding_lead")  # R2, R34, R35
    if marac_applies(a) and level == "high":
        kinds.add("marac_referral")  # R6, R34, R35
        if harmed:
            kinds.add("idva_referral")
    if saa and harmed:
        if a.get("saa_timing") in SARC_TIMINGS:
            kinds.add("sarc_referral")  # R10
        if age in SIXTEEN_PLUS:
            kinds.add("isva_referral")  # R11
    if marac_applies(a) and harmed and a["tier"] == 2 and level == "not_assessed":
        kinds.add("dash_assessment")  # R8, R38
    if police_know and harmed:
        kinds.add("police_already_involved")  # R30
    if marac_applies(a) and not causer and level in ("not_high", "not_assessed"):
        kinds.add("specialist_da_service")  # R7, R8
    if saa and not causer:
        kinds.add("specialist_sv_support")  # R12
    if needs(a) & {"honour_based_abuse", "forced_marriage"}:
        kinds.add("hba_fm_specialist")  # R14
    if suicide_risk(a):
        kinds.add("mental_health_crisis")  # R16, R40
    offers = {
        "stalking_support": stalking(a),  # R19b, R40
        "male_victim_support": "male_victim" in needs(a),  # R17
        "lgbtq_support": "lgbtq" in needs(a),  # R18
        "immigration_advice": "immigration_insecure" in needs(a),  # R19
        "dvds_option": a.get("relationship_to_abuser") == "partner_or_ex" and da,  # R26
        "victim_support": other_abuse_only(a),  # R36
    }
    # Offers for the person harmed to choose are not made to the person causing harm.
    kinds |= {kind for kind, due in offers.items() if due and not causer}
    if pregnant(a) and da and harmed:
        kinds.add("maternity_link")  # R33
    if da and age == "adult" and harmed:
        kinds.add("legal_protection_option")  # R43
    if other:
        kinds.add("concerned_other_advice")  # R34
    if causer:
        kinds.add("perpetrator_support")  # R35
    fgm_child = "fgm" in needs(a) and (age in UNDER_18 or children)
    if not police_know and harmed and (age in SIXTEEN_PLUS or fgm_child):
        kinds.add("police_report_option")  # R13, R31, R15; never when the police know (R30)
    return kinds


def fgm_duty(a: dict[str, Any]) -> bool:
    """R15: a regulated professional told by a child under 18 about FGM must report it."""
    return (
        "fgm" in needs(a)
        and a["age_group"] in UNDER_18
        and a.get("regulated_professional") is True
        and who(a) == "person_harmed"
    )


def expected_reminders(a: dict[str, Any], actions: set[str]) -> set[str]:
    """Policy §5: exactly the reminders the plan must hold."""
    causer = who(a) == "person_causing_harm"
    ids = set(GENERAL_REMINDERS)
    if not causer:
        ids |= FOR_THE_PERSON_HARMED
        refused = a.get("consent_to_share") in ("no", "not_asked")
        shares = actions & (SHARING_REFERRALS | {"emergency_999"})  # 999 shares it too
        if refused and shares and not decision_respected(a, actions):
            ids.add("record_reasons_if_sharing_without_consent")  # never beside R37's words
        if is_domestic_abuse(a):
            ids.add("safe_contact_arrangements")
        if a["age_group"] in UNDER_18:
            ids.add("child_disclosure")
        if a.get("saa_timing") in URGENT_TIMINGS:
            ids.add("forensic_options")
    else:
        ids.add("do_not_collude")
        if child_causing_harm(a):
            ids.add("child_disclosure")  # a child who harms is a child at risk too (R27)
    if "interpreter" in needs(a):
        ids.add("no_family_interpreters")
    if a.get("children_in_household"):
        ids.add("children_not_present")
    if a.get("perpetrator_nearby"):
        ids.add("perpetrator_nearby_plan")
    if needs(a) & {"honour_based_abuse", "forced_marriage"}:
        ids.add("hba_one_chance")
    if strangulation(a):
        ids.add("strangulation_red_flag")
    if a.get("safe_tonight") == "not_known":
        ids.add("ask_safe_tonight")  # R24
    if "emergency_accommodation" in actions:
        ids.add("no_proof_no_contact")  # R25
    if "under_18" in about(a):
        ids.add("child_causing_harm")  # R27
    if decision_respected(a, actions):
        ids.add("decision_respected")  # R37
    return ids


def decision_respected(a: dict[str, Any], actions: set[str]) -> bool:
    return (
        a.get("consent_to_share") == "no"
        and who(a) == "person_harmed"
        and not actions & NO_CONSENT_NEEDED
    )


def expected_red_flags(a: dict[str, Any]) -> set[str]:
    """Policy §3 red flags and R40: shown whatever the Dash count."""
    flags = {
        "strangulation": strangulation(a),
        "threats_to_kill": dash_said(a, 14),
        "weapons": dash_said(a, 13),
        "pregnancy": pregnant(a),
        "separation": dash_said(a, 6),
        "stalking": stalking(a),
        "escalation": dash_said(a, 10) or dash_said(a, 11),
        "animal_abuse": dash_said(a, 19),
        "threatened_suicide": dash_said(a, 22),
        "honour_based_abuse": bool(needs(a) & {"honour_based_abuse", "forced_marriage"}),
    }
    return {flag for flag, shown in flags.items() if shown}


def expected_reasons(a: dict[str, Any]) -> dict[str, set[str]]:
    """For each action, the rules (policy numbers) that must be given as its reasons."""
    age, types, d = a["age_group"], set(a["abuse_types"]), who(a)
    harmed, other, causer = (
        d == v for v in ("person_harmed", "concerned_other", "person_causing_harm")
    )
    da, saa, child = is_domestic_abuse(a), "sexual_assault_abuse" in types, age in UNDER_18
    children, level = a.get("children_in_household") is True, expected_risk(a)[0]
    police_know, male = a.get("police_aware") == "yes", "male_victim" in needs(a)
    fgm_child = "fgm" in needs(a) and (child or children)
    timing = a.get("saa_timing")
    recent = strangulation(a) and a.get("strangulation_recent") in ("yes", "not_known")
    rules = {
        "child_safeguarding_referral": {
            "R3": child,
            # the phone call is the child's way to the SARC, and it is time-limited (R10)
            "R3-sarc": child and saa and timing == "within_7_days",
            # when is not asked of the person causing harm: as not known (policy audit)
            "R3-sarc-unknown": child and saa and (timing == "unknown" or causer),
            "R4": children and da,
            "R15": fgm_child,
            "R23": age == "16_17" and a.get("safe_tonight") == "no",
            "R27": "under_18" in about(a),
            "R42": "contact_with_children" in about(a),
            "R35-children": children and causer,
        },
        # a man's line beside the one R22 names, run for women (officer walks, 2026-12-07)
        "emergency_accommodation": {
            "R22": age == "adult" and a.get("safe_tonight") == "no" and not male,
            "R22-men": age == "adult" and a.get("safe_tonight") == "no" and male,
        },
        "adult_safeguarding_referral": {
            "R5": age == "adult" and a.get("care_and_support_needs") is True,
            "R29": "works_with_adults_at_risk" in about(a),
        },
        # a child's check is arranged with the front door, phoned now (R32, R3)
        "urgent_medical_check": {"R32": recent, "R32-child": recent and child and not causer},
        "inform_safeguarding_lead": {"R2": a["tier"] == 1, "R34-lead": other, "R35-lead": causer},
        "concerned_other_advice": {
            "R34": other,
            # the SARC's number and its time limits to pass on, never a referral (R34, R10)
            "R34-sarc": other and saa and not child and timing in URGENT_TIMINGS,
        },
        "marac_referral": {"R6": level == "high", "R6-tier1": level == "high" and a["tier"] == 1},
        "idva_referral": {
            "R6": level == "high" and harmed,
            "R6-tier1": level == "high" and harmed and a["tier"] == 1,
            "R6-young": level == "high" and harmed and age == "16_17",
        },
        "sarc_referral": {
            "R10": saa and harmed and timing in SARC_TIMINGS,
            "R10-urgent": saa and harmed and timing in URGENT_TIMINGS,
        },
        "specialist_da_service": {"R7": level == "not_high", "R8": level == "not_assessed"},
        # R17 and R39: abused sexually by a partner is domestic abuse: the men's line stays
        "male_victim_support": {"R17": not saa or da, "R17-sv": saa},
        "police_already_involved": {"R30": police_know, "R15-duty": police_know and fgm_duty(a)},
        "police_report_option": {
            "R13": age == "adult" and harmed and not police_know,
            # not beside the worker's own duty to report FGM (R15): "their choice" on the
            # same card contradicted it
            # nor with FGM at all: the police will be involved (R15-child)
            "R31": age == "16_17" and harmed and not police_know and "fgm" not in needs(a),
            # a child's own FGM: the police will be involved, today (R15-child); an adult's
            # children at risk: part of the response, their own report their choice (R15)
            "R15-child": "fgm" in needs(a) and child and harmed and not police_know,
            "R15": "fgm" in needs(a) and children and not child and harmed and not police_know,
            "R15-duty": fgm_duty(a) and not police_know,
        },
        "helpline": {
            "R20-da": da
            and not causer
            and not (other and child)
            and not (male and age in SIXTEEN_PLUS),
            "R20-sv": saa and not causer and not (other and child),
            "R20-men": da and male and age in SIXTEEN_PLUS and not causer and not (other and child),
            "R20-other": other_abuse_only(a) and not causer and not (other and child),
            "R20-child": child and harmed,
            "R20-worried": child and other,
            "R20-harm": causer and "under_18" not in about(a),
            "R20-child-harm": causer and "under_18" in about(a),
        },
    }
    return {kind: {rule for rule, due in by_rule.items() if due} for kind, by_rule in rules.items()}


def child_causing_harm(a: dict[str, Any]) -> bool:
    """The person telling you harms someone and is under 18 themselves (R27)."""
    return who(a) == "person_causing_harm" and "under_18" in about(a)


def expected_lines(a: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Helplines (service ids) that must, and must not, be offered: lines that fit the abuse
    type, the age and who is telling you (R20, R34, R35)."""
    d, age = who(a), a["age_group"]
    child, adult_line = age in UNDER_18, age in SIXTEEN_PLUS
    worried_about_child = d == "concerned_other" and child
    fits = {
        # run for women: a man of 16 or over has Victim Support's line (officer walk F17)
        "ndah": is_domestic_abuse(a)
        and adult_line
        and d != "person_causing_harm"
        and "male_victim" not in needs(a),
        "rape-crisis-247": "sexual_assault_abuse" in a["abuse_types"] and adult_line,
        # a man's domestic abuse: the lines for it are for women or keep office hours (R20)
        "victim-support-national": other_abuse_only(a)
        or (is_domestic_abuse(a) and "male_victim" in needs(a) and adult_line),
        # a child telling you they harm someone (R27, R20: Childline for under-18s)
        "childline": (child and d == "person_harmed") or child_causing_harm(a),
        "nspcc": worried_about_child,
        "respect-phoneline": d == "person_causing_harm" and not child_causing_harm(a),
    }
    if worried_about_child or d == "person_causing_harm":
        fits["rape-crisis-247"] = fits["ndah"] = fits["victim-support-national"] = False
    must = {line for line, due in fits.items() if due}
    return must, set(fits) - must
