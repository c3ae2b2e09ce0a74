"""Which services an action names, and its fallbacks."""

from app.cli.route import answers_for

ADULT_ASSAULTED_THIS_WEEK = {
    **{"tier": 2, "immediate_danger": False, "age_group": "adult", "borough": "birmingham"},
    **{"abuse_types": ["sexual_assault_abuse"], "saa_timing": "within_7_days"},
    **{"discloser": "person_harmed", "perpetrator_nearby": False, "police_aware": "no"},
    **{"relationship_to_abuser": "other", "about_abuser": [], "additional_needs": []},
    **{"children_in_household": False, "pregnant_or_recent_birth": False},
    **{"care_and_support_needs": False, "consent_to_share": "yes"},
}


def test_a_fallback_from_another_action_is_its_service_not_its_fallbacks(pathway):
    """The ISVA card may name the SARC of the same plan; it repeated the SARC's own
    fallbacks (111, 101, 999) too."""
    plan = pathway.step(answers_for(pathway, ADULT_ASSAULTED_THIS_WEEK)).plan
    sarc = plan.action("sarc_referral")
    own = [m.service.id for m in sarc.services if not m.fallback]
    isva = [m.service.id for m in plan.action("isva_referral").services]
    assert own and set(own) <= set(isva)
    assert not {"nhs-111", "police-101", "emergency-999"} & set(isva)


def test_a_man_in_a_domestic_abuse_case_is_not_given_a_sexual_violence_line(pathway):
    scenario = {
        **ADULT_ASSAULTED_THIS_WEEK,
        "abuse_types": ["domestic_abuse"],
        "additional_needs": ["male_victim"],
    }
    del scenario["saa_timing"]
    dash = {"dash_answers": None, "professional_judgement_high_risk": False}
    scenario |= dash | {"incidents_12_months": 0, "marac_in_last_12_months": "no"}
    plan = pathway.step(answers_for(pathway, scenario)).plan
    male = [m.service.id for m in plan.action("male_victim_support").services]
    assert male == ["mens-advice-line"]
