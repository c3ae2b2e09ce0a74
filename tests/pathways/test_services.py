"""Which services an action names, and its fallbacks."""

from datetime import date

import pytest

from app.cli.route import answers_for
from app.pathways.services import assured_on, needs_check

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


def test_a_man_harmed_by_domestic_abuse_is_given_a_line_for_him_open_day_and_night(pathway):
    """The Men's Advice Line keeps office hours and the National Domestic Abuse Helpline is
    run for women: at night a man had no line that fitted him (R20; officer walk and policy
    audit, 2026-12-06). Victim Support's Supportline is for anyone harmed."""
    scenario = {**ADULT_ASSAULTED_THIS_WEEK, "abuse_types": ["domestic_abuse"]}
    del scenario["saa_timing"]
    scenario |= {"dash_answers": None, "professional_judgement_high_risk": False}
    scenario |= {"incidents_12_months": 0, "marac_in_last_12_months": "no"}
    for needs, given in (([], False), (["male_victim"], True)):
        answers = answers_for(pathway, scenario | {"additional_needs": needs})
        card = pathway.step(answers).plan.action("helpline")
        lines = {m.service.id: m.service for m in card.services}
        assert ("victim-support-national" in lines) is given, needs
        assert ("R20-men" in [r.rule_id for r in card.reasons]) is given
    # the helpline run for women no longer leads his card (officer walks F16, F17); the
    # Men's Advice Line has its own card (R17)
    assert "ndah" not in lines and "victim-support-national" in lines
    boy = scenario | {"additional_needs": ["male_victim"], "age_group": "under_16"}
    card = pathway.step(answers_for(pathway, boy)).plan.action("helpline")
    assert "R20-men" not in [r.rule_id for r in card.reasons]  # Childline, day and night


def test_a_man_raped_by_his_partner_keeps_the_mens_advice_line_beside_the_sv_service(pathway):
    """Domestic abuse in law (R39): once sexual abuse was chosen, his card named only a
    service with no number and said "not a domestic abuse line" (review 2026-12-01)."""
    scenario = {
        **ADULT_ASSAULTED_THIS_WEEK,
        "relationship_to_abuser": "partner_or_ex",
        "additional_needs": ["male_victim"],
    }
    scenario |= {"dash_answers": None, "professional_judgement_high_risk": False}
    scenario |= {"incidents_12_months": 0, "marac_in_last_12_months": "no"}
    card = pathway.step(answers_for(pathway, scenario)).plan.action("male_victim_support")
    assert {m.service.id for m in card.services} == {
        "mens-advice-line",
        "national-male-survivor-helpline",
        "rape-crisis-247",
    }
    assert [r.rule_id for r in card.reasons] == ["R17", "R17-sv"]
    assert not any("not a domestic abuse line" in r.why for r in card.reasons)


def test_a_boy_under_16_is_not_left_with_an_empty_male_victims_card(pathway):
    """Every service for men here is 16+: his card named none at all (review 2026-12-01).
    Childline is the sexual violence line for a child (R17-sv's), not a fallback now."""
    scenario = {
        **ADULT_ASSAULTED_THIS_WEEK,
        "age_group": "under_16",
        "additional_needs": ["male_victim"],
    }
    card = pathway.step(answers_for(pathway, scenario)).plan.action("male_victim_support")
    assert [(m.service.id, m.fallback) for m in card.services] == [("childline", False)]


def test_a_man_raped_this_week_is_offered_a_line_that_supports_men_with_a_number(pathway):
    """The only service for male survivors held has no number (its funding ended): a man
    raped last night had "Offer support for male victims" with nothing to ring (policy
    review, 2026-12-04). The sexual violence line for anyone 16+ is on it, first."""
    scenario = {**ADULT_ASSAULTED_THIS_WEEK, "additional_needs": ["male_victim"]}
    card = pathway.step(answers_for(pathway, scenario)).plan.action("male_victim_support")
    ringable = [m.service.id for m in card.services if m.service.phone]
    assert ringable[:1] == ["rape-crisis-247"]
    assert "national-male-survivor-helpline" in [m.service.id for m in card.services]


@pytest.mark.parametrize("written", ["2026-W48-2", "20261125", "2026-11-24T10:00", "24/11/2026"])
def test_only_a_day_written_yyyy_mm_dd_counts_as_checked(written):
    """Python reads "2026-W48-2" and "20261125" as days: a card took "W4" for a month, and
    "20261125" read as December (review 2026-12-01)."""
    today = date(2026, 11, 30)
    assert assured_on(written) is None
    assert needs_check("high", written, "phoned", today, 12)
    assert assured_on("2026-11-24") == date(2026, 11, 24)
    assert not needs_check("high", "2026-11-24", "phoned", today, 12)
    assert not needs_check("high", "2026-11-24", "provider", today, 12)
    for nobody in ("", "web", "Phoned"):  # a day no person's check stands behind (H56)
        assert needs_check("high", "2026-11-24", nobody, today, 12)


def test_a_number_the_leads_rules_refuse_is_no_contact_and_never_confirmed(graph):
    """Signed before the stricter rules, a number a digit short was "check it" but also
    "confirmed" and a held contact, so no fallback was offered (attack review 2026-12-01)."""
    import dataclasses

    from app.pathways.services import confirmed_on

    checked = dataclasses.replace(
        graph.services["sandwell-mash"],
        assured_date="2026-11-20",
        assured_method="phoned",
        confidence="high",
    )
    assert checked.has_confirmed_contact and confirmed_on(checked) is not None
    short = dataclasses.replace(checked, phone="0121 569 310")
    assert not short.has_confirmed_contact and confirmed_on(short) is None
    # one Ofcom keeps for films and TV rings no one, signed before that rule too (H436)
    for no_one in ("0121 496 0123", "0121 000 0000"):  # Ofcom's for drama, a placeholder
        dead = dataclasses.replace(checked, phone=no_one)
        assert not dead.has_confirmed_contact and confirmed_on(dead) is None


def test_a_service_the_lead_alerted_is_never_confirmed_and_brings_its_fallbacks(graph):
    """The lead's alert ("Reported not answering") reached only `route --json`: the card
    showed the number "Confirmed", and nothing was offered instead (attack round,
    2026-12-01)."""
    import dataclasses

    from app.pathways.engine import Pathway
    from app.pathways.services import check_before_use
    from tests.pathways.test_summary import child_under_16

    checked = dataclasses.replace(
        graph.services["coventry-mash"],
        assured_date="2026-11-20",
        assured_method="phoned",
        confidence="high",
    )
    alerted = dataclasses.replace(checked, alert="Reported not answering: use the duty line")
    today = date(2026, 11, 21)
    assert not check_before_use(checked, today, 12) and checked.has_confirmed_contact
    assert check_before_use(alerted, today, 12) and not alerted.has_confirmed_contact
    services = {**graph.services, "coventry-mash": alerted}
    pathway = Pathway(dataclasses.replace(graph, services=services))
    mash = pathway.step(child_under_16()).plan.action("child_safeguarding_referral")
    assert mash.services[0].service.id == "coventry-mash" and mash.no_confirmed_service


def test_a_line_whose_type_todays_rules_refuse_is_a_number_to_check(graph):
    """ "Fascimile" (or "Main/Fax"), signed before the lead's rules refused it, was rung as
    a voice line and shown "Confirmed" (attack round, 2026-12-01)."""
    import dataclasses

    from app.pathways.services import check_before_use

    checked = dataclasses.replace(
        graph.services["bcwa"], assured_date="2026-11-20", assured_method="phoned",
        confidence="high", phone_type="voice",
    )  # fmt: skip
    today = date(2026, 11, 21)
    assert checked.has_confirmed_contact and not check_before_use(checked, today, 12)
    for typed in ("Fascimile", "Main/Fax"):
        odd = dataclasses.replace(checked, phone_type=typed)
        assert not odd.has_confirmed_contact and check_before_use(odd, today, 12)


def test_a_line_is_open_day_and_night_only_where_its_hours_do_not_say_otherwise(graph):
    """Marked 24/7 with hours "Mon-Fri 9am-5pm" in an update signed before the lead's rule
    (H328), a daytime line stood under "Open 24/7" on the card, the one rung at night."""
    import dataclasses

    from app.pathways.services import open_day_and_night

    always = [s for s in graph.services.values() if s.open_24_7]
    assert always and all(open_day_and_night(s) for s in always)  # the shipped lines agree
    bcwa = graph.services["bcwa"]
    for hours, open_now in (("Mon-Fri 9am-5pm", False), ("", True), ("24hrs, free", True)):
        assert open_day_and_night(dataclasses.replace(bcwa, hours=hours)) is open_now, hours
    assert not open_day_and_night(dataclasses.replace(bcwa, open_24_7=False, hours="24/7"))
    # its number's note saying when no one answers, an out-of-hours number's words not
    # (feed attack, 2026-12-05)
    for note, open_now in (("Answerphone overnight", False), ("Unstaffed 22:00-07:00", False),
                           ("Evenings and weekends: 0300 555 8600", True)):  # fmt: skip
        assert open_day_and_night(dataclasses.replace(bcwa, phone_note=note)) is open_now, note


@pytest.mark.parametrize(
    "hours, round_the_clock",
    [
        ("24/7 for emergency temporary accommodation; the team's hours are not held here", True),
        ("24 hours a day, 7 days a week", True),
        (
            "24/7; online referrals read Mon-Fri 9:00-17:00",
            True,
        ),  # the form's hours, not the line's
        # a feed's words for a daytime line (H405)
        ("Mon-Fri 8:30-20:30, Sat-Sun 9:30-17:30; 24-hour answerphone", False),
        ("Christmas cover: 24 hours, 24-31 December", False),
        ("24/7 (9am-5pm Mon-Fri)", False),
        ("not 24 hours", False),
        ("email and online form 24/7", False),
        # a feed's row "24 hours" with notes on when no one answers (H426)
        ("24 hours; Overnight (8pm-8am) calls go to an answerphone", False),
        ("24 hours; Closed 10pm-7am", False),
        ("24 hours; No one answers 22:00-07:00", False),
        ("24 hours; Unstaffed overnight", False),
        ("24 hours; Weekdays only", False),
        ("24 hours; Staffed 8am until 8pm", False),
        ("24 hours; Staffed 08:00\u201420:00", False),
        ("24/7 (after 10pm calls go to voicemail)", False),
        ("24/7, day and night, including weekends and bank holidays", True),
        ("phone 24/7, email 9-5", True),
    ],
)
def test_hours_say_round_the_clock_only_of_a_person_answering_the_line(hours, round_the_clock):
    from app.pathways.services import says_round_the_clock

    assert says_round_the_clock(hours) is round_the_clock


def test_a_card_opens_on_a_number_to_ring_before_services_with_none_held(pathway):
    """Nearest first alone opened "Get them somewhere safe tonight" in Coventry on two
    local services with no number held, the 24/7 line that finds a refuge third (the
    officer's walk, 2026-12-05). Among those with a number, the nearest still leads."""
    scenario = {
        **ADULT_ASSAULTED_THIS_WEEK,
        **{"abuse_types": ["domestic_abuse"], "borough": "coventry", "safe_tonight": "no"},
        **{"relationship_to_abuser": "partner_or_ex", "dash_answers": None},
        **{"professional_judgement_high_risk": False, "incidents_12_months": 0},
        "marac_in_last_12_months": "no",
    }
    del scenario["saa_timing"]
    plan = pathway.step(answers_for(pathway, scenario)).plan
    for action in plan.actions:
        own = [m.service for m in action.services if not m.fallback]
        held = [bool(s.phone) for s in own]
        assert held == sorted(held, reverse=True), action.kind
    tonight = [m.service for m in plan.action("emergency_accommodation").services]
    assert tonight[0].phone and any(not s.phone for s in tonight)
    helpline = [m.service.id for m in plan.action("helpline").services]
    assert helpline[0] == "coventry-safe-to-talk"  # the area's own line before the national


def test_nowhere_safe_tonight_in_wolverhampton_gives_the_councils_number_for_the_night(pathway):
    """Wolverhampton's Housing Options has no number held: the card under "Get them somewhere
    safe tonight" gave the council no number at all, its words "no number in the stored
    text" (officer walk, 2026-12-07). The council's Emergency Duty Team takes emergency
    housing when the council is shut (its own page)."""
    scenario = {
        **ADULT_ASSAULTED_THIS_WEEK,
        **{"abuse_types": ["domestic_abuse"], "borough": "wolverhampton", "safe_tonight": "no"},
        **{"relationship_to_abuser": "partner_or_ex", "dash_answers": None},
        **{"professional_judgement_high_risk": False, "incidents_12_months": 0},
        "marac_in_last_12_months": "no",
    }
    del scenario["saa_timing"]
    tonight = pathway.step(answers_for(pathway, scenario)).plan.action("emergency_accommodation")
    (council,) = [m.service for m in tonight.services if m.service.id == "wolverhampton-housing"]
    assert "When the council is shut, emergency housing" in council.referral_route
    assert "01902 552999" in council.referral_route
    assert "stored text" not in council.referral_route


def test_a_man_with_nowhere_safe_tonight_is_given_a_line_for_him_not_one_run_for_women(pathway):
    """The card's first and only large number was the National Domestic Abuse Helpline, its
    note saying Refuge runs it for women (officer walks and policy audit, 2026-12-07)."""
    scenario = {
        **ADULT_ASSAULTED_THIS_WEEK,
        **{"abuse_types": ["domestic_abuse"], "borough": "wolverhampton", "safe_tonight": "no"},
        **{"relationship_to_abuser": "partner_or_ex", "dash_answers": None},
        **{"professional_judgement_high_risk": False, "incidents_12_months": 0},
        "marac_in_last_12_months": "no",
    }
    del scenario["saa_timing"]
    for needs, first in ((["male_victim"], "victim-support-national"), ([], "haven-wolverhampton")):
        answers = answers_for(pathway, scenario | {"additional_needs": needs})
        tonight = pathway.step(answers).plan.action("emergency_accommodation")
        given = [m.service.id for m in tonight.services]
        assert given[0] == first, given  # the Haven, for women, leads hers
        # the helpline R22 names stays his card's fallback, after his own line
        assert [m.fallback for m in tonight.services if m.service.id == "ndah"] == [bool(needs)]
        assert {r.rule_id for r in tonight.reasons} == ({"R22-men"} if needs else {"R22"})


def test_a_day_refused_as_after_today_says_what_this_computer_takes_as_today():
    """A lead whose clock ran a year behind was told to rewrite 20 sources' days, never that
    the clock was wrong (update attack, 2026-12-07)."""
    from datetime import date

    from app.pathways.services import clock_words

    assert clock_words(date(2025, 12, 7)) == (
        "today on this computer is 2025-12-07: if that is wrong, correct its clock"
    )
