"""The walk: one question at a time, reminders the moment they trigger, then the plan."""

import dataclasses

import pytest

from app.cli.route import answers_for
from app.pathways.engine import GraphError, Pathway
from app.pathways.graph import Edge

START = {
    "immediate_danger": False,
    "discloser": "person_harmed",
    "tier": 2,
    "age_group": "adult",
    "about_abuser": [],
    "relationship_to_abuser": "other",
}


def test_the_first_question_is_immediate_danger(pathway):
    step = pathway.step({})
    assert step.question.id == "immediate_danger" and step.plan is None
    assert step.question.allowed_values == [True, False]


def test_always_reminders_show_before_any_answer(pathway):
    ids = [r.id for r in pathway.step({}).reminders]
    assert "no_joint_meetings" in ids and "private_safe_space" in ids
    assert "no_family_interpreters" not in ids
    told = [
        r.id
        for r in pathway.step({"immediate_danger": False, "discloser": "person_harmed"}).reminders
    ]
    assert "believe_and_reassure" in told  # once it is known who is telling you


def test_a_reminder_appears_the_moment_its_answer_is_given(pathway):
    answers = {**START, "abuse_types": ["domestic_abuse"], "borough": "walsall"}
    before = pathway.step(answers)
    assert before.question.id == "perpetrator_nearby"
    assert "perpetrator_nearby_plan" not in [r.id for r in before.reminders]
    after = pathway.step({**answers, "perpetrator_nearby": True})
    assert "perpetrator_nearby_plan" in [r.id for r in after.reminders]
    assert "safe_contact_arrangements" in [r.id for r in before.reminders]


def test_consent_reminder_waits_for_the_plan(pathway):
    answers = {**START, "abuse_types": ["sexual_assault_abuse"], "borough": "coventry"}
    answers |= {"perpetrator_nearby": False, "saa_timing": "unknown"}
    mid = pathway.step(answers)
    assert "record_reasons_if_sharing_without_consent" not in [r.id for r in mid.reminders]


def test_timing_is_asked_only_for_sexual_assault(pathway):
    base = {**START, "borough": "walsall", "perpetrator_nearby": False, "police_aware": "no"}
    saa = pathway.step({**base, "abuse_types": ["sexual_assault_abuse"]})
    da = pathway.step({**base, "abuse_types": ["domestic_abuse"]})
    assert saa.question.id == "saa_timing"
    assert da.question.id == "safe_tonight"


def test_tier_1_skips_dash(pathway):
    answers = {**START, "tier": 1, "abuse_types": ["domestic_abuse"], "borough": "walsall"}
    answers |= {"perpetrator_nearby": False, "police_aware": "no", "safe_tonight": "yes"}
    step = pathway.step(answers)
    assert step.question.id == "children_in_household"


def test_a_tier_1_worker_is_never_asked_about_a_dash_count_they_did_not_make(pathway):
    question = pathway.graph.questions["professional_judgement_high_risk"]
    for tier in (1, 2):
        shown = pathway.present(question, None, {**START, "tier": tier})
        assert ("Dash" in shown.prompt + shown.help) is (tier == 2)


def test_the_area_asked_is_where_they_are_living_now(pathway):
    """A woman just moved from Leeds to a Wolverhampton hostel was answered "Outside the
    West Midlands", and the local refuge was lost (second officer's walk, 2026-12-07)."""
    help_text = pathway.graph.questions["borough"].help
    assert help_text.startswith("Where they are living now, even for a while (a hostel")


def test_a_young_persons_dash_says_which_items_it_shows(pathway):
    """ "Complete the young people's Dash (13-17)" stood above the adult Dash's items,
    counted "of 24": which form was this? (officer's walk, 2026-12-07)"""
    question = pathway.graph.questions["dash_answers"]
    shown = pathway.present(question, None, {**START, "age_group": "16_17"})
    assert shown.help.startswith("The items below are the adult Dash's.")
    assert "young people's" not in shown.prompt


def test_a_child_is_never_told_the_referral_is_theirs_to_decide(pathway):
    """The consent hint said "you may share without consent" for a 15-year-old whose
    referral to the children's front door goes ahead whatever they say (walk, H185)."""
    question = pathway.graph.questions["consent_to_share"]
    for age in ("under_16", "16_17", "adult"):
        shown = pathway.present(question, None, {**START, "age_group": age})
        child = "referred to the children's front door whether or not they agree"
        assert (child in shown.help) is (age != "adult")
        assert ("may share without consent" in shown.help) is (age == "adult")


def test_sexual_abuse_by_a_partner_asks_the_domestic_abuse_questions(pathway):
    """R39: it is domestic abuse too, so Dash and where they sleep tonight are asked."""
    answers = {**START, "abuse_types": ["sexual_assault_abuse"], "borough": "walsall"}
    answers |= {"perpetrator_nearby": False, "police_aware": "no", "saa_timing": "unknown"}
    partner = pathway.step({**answers, "relationship_to_abuser": "partner_or_ex"})
    stranger = pathway.step({**answers, "relationship_to_abuser": "other"})
    assert partner.question.id == "safe_tonight"
    assert stranger.question.id == "children_in_household"


def test_questions_speak_of_the_person_you_are_worried_about(pathway):
    worried = pathway.step({"immediate_danger": False, "discloser": "concerned_other", "tier": 2})
    assert worried.question.id == "age_group"
    assert "the person you are worried about" in worried.question.prompt
    harmed = pathway.step({"immediate_danger": False, "discloser": "person_harmed", "tier": 2})
    assert harmed.question.prompt == "How old is the person who has been harmed?"


def test_someone_worried_is_asked_about_consent_only_when_the_plan_shares(pathway):
    """The consent question reads the plan so far: with no referral its answer cannot
    change the plan, so it is not asked; with children in the home (a MASH referral) it is."""
    answers = {
        **START,
        "discloser": "concerned_other",
        "abuse_types": ["domestic_abuse"],
        "borough": "walsall",
        "perpetrator_nearby": False,
        "safe_tonight": "yes",
        "children_in_household": False,
        "pregnant_or_recent_birth": False,
        "care_and_support_needs": False,
        "additional_needs": [],
        "professional_judgement_high_risk": False,
    }
    no_referral = pathway.step(answers)
    assert no_referral.plan is not None and "consent_to_share" not in no_referral.asked
    with_children = pathway.step({**answers, "children_in_household": True})
    assert with_children.question.id == "consent_to_share"


def test_answers_off_the_path_are_kept_by_the_caller_but_ignored(pathway):
    """Going back and changing age must not let an adult-only answer leak into a child's plan."""
    answers = {
        **START,
        "age_group": "under_16",
        "abuse_types": ["sexual_assault_abuse"],
        "borough": "birmingham",
        "perpetrator_nearby": False,
        "police_aware": "no",
        "saa_timing": "over_12_months",
        "children_in_household": False,
        "pregnant_or_recent_birth": False,
        "care_and_support_needs": True,
        "additional_needs": [],
        "consent_to_share": "yes",
    }
    step = pathway.step(answers)
    assert step.plan is not None
    assert "care_and_support_needs" not in step.asked
    assert "care_and_support_needs" not in step.answers
    assert "adult_safeguarding_referral" not in step.plan.action_kinds


def test_a_walk_into_a_cycle_stops_with_an_error(graph):
    edges = {**graph.edges, "tier": [Edge("tier", "immediate_danger")]}
    broken = Pathway(dataclasses.replace(graph, edges=edges))
    with pytest.raises(GraphError):
        broken.step({"immediate_danger": False, "discloser": "person_harmed", "tier": 2})


def test_plans_name_their_rules_and_fallbacks(pathway):
    coventry_high = {
        **START,
        "abuse_types": ["domestic_abuse"],
        "borough": "coventry",
        "perpetrator_nearby": False,
        "police_aware": "no",
        "safe_tonight": "yes",
        "dash_answers": None,
        "professional_judgement_high_risk": True,
        "incidents_12_months": 0,
        "marac_in_last_12_months": "no",
        "children_in_household": False,
        "pregnant_or_recent_birth": False,
        "care_and_support_needs": False,
        "additional_needs": [],
        "consent_to_share": "yes",
    }
    plan = pathway.step(coventry_high).plan
    idva = plan.action("idva_referral")
    assert [r.rule_id for r in idva.reasons] == ["R6"]
    assert idva.no_confirmed_service and "MARAC referral allocates an IDVA" in idva.fallback_note
    assert [m.service.id for m in idva.services if m.fallback] == ["wmp-marac", "ndah"]
    assert plan.risk.basis == "professional judgement"
    assert (idva.group, plan.action("marac_referral").group) == ("offer", "today")
    assert idva.say and "separate from the police" in idva.say


def test_danger_now_interrupts_the_walk_with_the_999_action(pathway):
    """The first answer alone decides it: no age, area or abuse type is needed to call 999."""
    action = pathway.interruption("immediate_danger", {"immediate_danger": True})
    assert action.kind == "emergency_999" and action.group == "now"
    assert [m.service.phone for m in action.services] == ["999"]
    assert "55" in action.why  # not safe to speak: 999 then 55
    assert pathway.interruption("immediate_danger", {"immediate_danger": False}) is None
    assert pathway.interruption("discloser", {"immediate_danger": True}) is None
    # whether the person causing harm is near is not asked yet: the words say nothing of
    # the call, and the title says where to call from (review 2026-12-01)
    assert not any(word in action.say for word in ("999", "police", "calling"))
    assert "where they cannot" in action.title


def test_a_dash_yes_gives_the_tick_its_needs_option_stands_for(pathway):
    """R40: a Dash "yes" counts as the answer another question would give, so the needs
    page shows it ticked (kept when a correction takes the Dash off the path)."""
    dash = {f"dash_{n:02}": "yes" if n in (5, 8, 15) else "no" for n in range(1, 25)}
    given = {"age_group": "adult", "dash_answers": dash}
    ticked = pathway.ticked_already("additional_needs", given)
    assert ticked == ["non_fatal_strangulation", "stalking", "suicide_risk"]
    assert pathway.ticked_already("additional_needs", {"age_group": "adult"}) == []
    assert pathway.ticked_already("abuse_types", given) == []


@pytest.mark.parametrize("discloser", ["person_harmed", "concerned_other"])
def test_no_promise_of_a_bed_tonight_to_someone_whose_status_may_bar_it(pathway, discloser):
    """ "The council has to help you find somewhere tonight" was said to someone with
    insecure immigration status, whom eligibility (Housing Act 1996 s185) may leave out
    (officer review 2026-12-01); without it, what the council should do is said."""
    from tests.pathways.test_summary import adult_in_coventry

    case = adult_in_coventry(
        discloser=discloser,
        relationship_to_abuser="other",
        safe_tonight="no",
        dash_answers=None,
        additional_needs=["immigration_insecure"],
    )
    plan = pathway.step(answers_for(pathway, case)).plan
    tonight = plan.action("emergency_accommodation")
    assert "should help" not in tonight.say and "immigration status" in tonight.say
    assert "National Domestic Abuse Helpline" in tonight.say
    case["additional_needs"] = []
    tonight = pathway.step(answers_for(pathway, case)).plan.action("emergency_accommodation")
    # what the council should do, never a promise of what it will ask (review 2026-12-01)
    assert "should help" in tonight.say and "do not need proof" in tonight.say


@pytest.mark.parametrize("discloser", ["person_harmed", "concerned_other"])
def test_the_scheme_for_migrant_victims_is_named_only_for_domestic_abuse(pathway, discloser):
    """The Migrant Victims of Domestic Abuse Concession was promised to someone raped by a
    stranger (audit 2026-12-01)."""
    from tests.pathways.test_summary import adult_in_coventry

    stranger = adult_in_coventry(
        discloser=discloser,
        abuse_types=["sexual_assault_abuse"],
        relationship_to_abuser="other",
        saa_timing="over_12_months",
        dash_answers=None,
        additional_needs=["immigration_insecure"],
    )
    abused = {**stranger, "abuse_types": ["domestic_abuse"]}
    for case, scheme in (
        (stranger, False),
        (abused, False),  # by someone not a partner: the scheme is a partner's (H341)
        ({**abused, "relationship_to_abuser": "partner_or_ex"}, True),
    ):
        advice = pathway.step(answers_for(pathway, case)).plan.action("immigration_advice")
        assert ("scheme" in advice.say) is scheme and "specialist advice" in advice.say
        assert not scheme or "on some visas" in advice.say  # not promised to every victim
        assert "For domestic abuse, on some visas" in advice.why  # as it is, for the worker


def test_the_999_card_never_says_the_police_are_called(pathway):
    """Someone assaulted, needing help for an injury alone, was told "I am calling the police
    and an ambulance": reporting is their choice (R13; audit 2026-12-01)."""
    from tests.pathways.test_summary import adult_in_coventry

    case = adult_in_coventry(immediate_danger=True, dash_answers=None)
    emergency = pathway.step(answers_for(pathway, case)).plan.action("emergency_999")
    assert "999" in emergency.say and "police" not in emergency.say


@pytest.mark.parametrize(
    ("tier", "who_refers"),
    [(2, "I have to refer you"), (1, "my safeguarding lead has to refer you")],
)
def test_a_refusal_to_share_is_heard_in_the_marac_words(pathway, tier, who_refers):
    """MARAC goes ahead at high risk without consent; its words never said the person had
    refused, nor why it goes ahead anyway (001 §5.2; wording review 2026-12-01)."""
    from tests.pathways.test_summary import adult_in_coventry

    case = adult_in_coventry(
        tier=tier, consent_to_share="no", professional_judgement_high_risk=True
    )
    marac = pathway.step(answers_for(pathway, case)).plan.action("marac_referral")
    assert marac.say.startswith("I know you asked me not to share this.")
    assert (
        who_refers in marac.say
        and "We will not tell the person hurting you about this referral." in marac.say
    )
    case["consent_to_share"] = "yes"
    marac = pathway.step(answers_for(pathway, case)).plan.action("marac_referral")
    assert "asked me not to share" not in marac.say


def test_no_fallback_note_points_up_or_down_or_asks_to_check_a_number_not_held(graph):
    """A note stands above or below a card's services as the card is laid out: "the national
    line below" stood under Childline; "check it" stood over "No number held here" (officer's
    walk, 2026-12-02)."""
    import re

    for kind, action in graph.actions.items():
        note = action.fallback_note
        assert not re.search(r"\b(below|above)\b", note), kind
        assert not re.search(r"\bcheck it\b", note) or "shown" in note, kind


def test_a_note_that_no_number_is_confirmed_asks_to_check_the_numbers_shown(graph):
    """The note "No SARC number here is confirmed by a person: find the nearest SARC at
    nhs.uk/sarcs" stood under the children's sexual assault service's own number, as if that
    number were no SARC's, or not to be rung (helper's walk, 2026-12-03; H333)."""
    import re

    for kind, action in graph.actions.items():
        note = action.fallback_note
        if re.match(r"No .* confirmed by a person", note):
            assert re.search(r"check (any|the) number", note), kind


def test_a_refusal_to_share_is_heard_on_the_safeguarding_cards_too(pathway):
    """Only the MARAC card said the person had refused and why it goes ahead (001 §5.2;
    policy review 2026-12-02): the children's and adult safeguarding cards now say it."""
    from tests.pathways.test_summary import adult_in_coventry

    case = adult_in_coventry(consent_to_share="no", children_in_household=True)
    case |= {"care_and_support_needs": True}
    plan = pathway.step(answers_for(pathway, case)).plan
    for kind in ("child_safeguarding_referral", "adult_safeguarding_referral"):
        assert plan.action(kind).say.startswith("I know you asked me not to share this.")
    case["consent_to_share"] = "yes"
    plan = pathway.step(answers_for(pathway, case)).plan
    for kind in ("child_safeguarding_referral", "adult_safeguarding_referral"):
        assert "asked me not to share" not in plan.action(kind).say


def test_a_court_order_is_not_offered_as_the_answer_to_a_child_who_harms(pathway):
    """A mother hit by her 15-year-old son was told "A court can order the person hurting
    you to stay away, or to leave your home", beside the children's front door (officer
    walk, 2026-12-07; H581): still theirs to ask about, said as it is for a child."""
    from tests.pathways.test_summary import adult_in_coventry

    case = adult_in_coventry(relationship_to_abuser="family_member", about_abuser=["under_18"])
    plan = pathway.step(answers_for(pathway, case)).plan
    order = plan.action("legal_protection_option")
    assert order.title.startswith("A court order against a child who harms is rare")
    assert "or to leave your home" not in order.say and "children's front door" in order.say
    assert plan.action("child_safeguarding_referral") is not None  # R27: the door it names
    case["about_abuser"] = []
    order = pathway.step(answers_for(pathway, case)).plan.action("legal_protection_option")
    assert order.title == "They can get a court order to keep the abuser away"


def test_a_refusal_to_share_is_heard_when_a_tier_1_worker_tells_their_lead(pathway):
    """At tier 1, with consent refused, "I am going to talk to my safeguarding lead today so
    that we get this right for you" stood beside "their decision not to share stands", for
    a colleague whose lead may be her manager (officer walk, 2026-12-07; H576)."""
    from tests.pathways.test_summary import adult_in_coventry

    for children in (False, True):  # with a referral going ahead without consent, or none
        case = adult_in_coventry(tier=1, consent_to_share="no", children_in_household=children)
        lead = pathway.step(answers_for(pathway, case)).plan.action("inform_safeguarding_lead")
        assert lead.say.startswith("I know you asked me not to share this.")
        assert "If anything has to be shared, I will tell you what and why." in lead.say
    case["consent_to_share"] = "yes"
    lead = pathway.step(answers_for(pathway, case)).plan.action("inform_safeguarding_lead")
    assert "asked me not to share" not in lead.say


def test_the_partners_scheme_is_said_to_an_adult_abused_by_a_partner_only(pathway):
    """The words "on some visas a scheme … to leave safely" (a partner's concession) were
    said to a 14-year-old and to an adult abused by a relative; "LGBTQ+ services who
    understand" stood over Childline alone on a 14-year-old's card (worker's reading,
    2026-12-04; H341)."""
    from tests.pathways.test_summary import adult_in_coventry, child_under_16

    needs = {"additional_needs": ["immigration_insecure", "lgbtq"]}
    scheme = "a scheme that can give you time and support to leave safely"
    plan = pathway.step(answers_for(pathway, adult_in_coventry(**needs))).plan
    assert scheme in plan.action("immigration_advice").say
    by_relative = adult_in_coventry(relationship_to_abuser="family_member", **needs)
    plan = pathway.step(answers_for(pathway, by_relative)).plan
    assert "scheme" not in plan.action("immigration_advice").say
    plan = pathway.step(answers_for(pathway, child_under_16(**needs))).plan
    assert "scheme" not in plan.action("immigration_advice").say
    assert plan.action("lgbtq_support").say.startswith("Childline is there for LGBTQ+")
    assert [s.service.id for s in plan.action("lgbtq_support").services] == ["childline"]


def test_a_worried_friend_is_not_told_to_let_them_decide_where_the_plan_acts_anyway(pathway):
    """The words "let them decide" stood beside an adult safeguarding concern raised today
    and a 999 call on the same plan (worker's reading, 2026-12-04; H343), as beside MARAC."""
    from tests.pathways.test_summary import adult_in_coventry

    friend = adult_in_coventry(discloser="concerned_other", dash_answers=None)
    for case, decides in (
        (friend, True),
        ({**friend, "care_and_support_needs": True}, False),
        ({**friend, "immediate_danger": True}, False),
    ):
        plan = pathway.step(answers_for(pathway, case)).plan
        assert ("let them decide" in plan.action("concerned_other_advice").say) is decides


def test_a_boys_cards_offer_what_is_shown_to_him_and_his_sarc_is_not_his_choice(pathway):
    """A boy under 16, sexually abused two weeks ago and stalked, was told of "services just
    for men" and "specialists" with only Childline on the cards, and his SARC card, "I
    cannot keep what you told me secret", stood under "Offer (their choice)" (policy
    review 2026-12-02). An urgent SARC stays "now"."""
    from tests.pathways.test_summary import child_under_16

    case = child_under_16(abuse_types=["sexual_assault_abuse"], saa_timing="8_to_21_days")
    case |= {"additional_needs": ["male_victim", "stalking"]}
    plan = pathway.step(answers_for(pathway, case)).plan
    assert "just for men" not in plan.action("male_victim_support").say
    for kind in ("male_victim_support", "stalking_support"):
        assert "Childline" in plan.action(kind).say
        assert {m.service.id for m in plan.action(kind).services} == {"childline"}
    assert plan.action("sarc_referral").group == "today"
    case["saa_timing"] = "within_7_days"
    assert pathway.step(answers_for(pathway, case)).plan.action("sarc_referral").group == "now"
    from tests.pathways.test_summary import adult_in_coventry

    adult = adult_in_coventry(abuse_types=["sexual_assault_abuse"], saa_timing="8_to_21_days")
    adult["relationship_to_abuser"] = "other"
    assert pathway.step(answers_for(pathway, adult)).plan.action("sarc_referral").group == "offer"


def test_someone_worried_about_a_person_at_high_risk_is_not_told_to_let_them_decide(pathway):
    """The MARAC card said it would be passed on; the advice card said "let them decide"
    (policy review 2026-12-02)."""
    from tests.pathways.test_summary import adult_in_coventry

    case = adult_in_coventry(discloser="concerned_other", professional_judgement_high_risk=True)
    plan = pathway.step(answers_for(pathway, case)).plan
    assert "marac_referral" in plan.action_kinds
    assert "let them decide" not in plan.action("concerned_other_advice").say
    case["professional_judgement_high_risk"] = False
    plan = pathway.step(answers_for(pathway, case)).plan
    assert "let them decide" in plan.action("concerned_other_advice").say


@pytest.mark.parametrize("age_group", ["adult", "under_16"])
def test_the_sarcs_words_to_say_name_the_three_days(pathway, age_group):
    """ "Some medicine only works if it is taken within a few days", read aloud on day 3,
    did not say the 72 hours were nearly gone (officer walk, 2026-12-07)."""
    from tests.pathways.test_summary import child_under_16

    case = child_under_16(
        age_group=age_group,
        abuse_types=["sexual_assault_abuse"],
        relationship_to_abuser="other",
        saa_timing="within_7_days",
    )
    if age_group == "adult":
        case |= {"care_and_support_needs": False, "consent_to_share": "yes"}
    sarc = pathway.step(answers_for(pathway, case)).plan.action("sarc_referral")
    assert "only works if it is started within three days" in sarc.say
    # and five for some: on day 5 "only within three days" was heard as too late (verifier)
    assert "within five" in sarc.say


def test_the_partners_concession_is_never_listed_under_18(pathway):
    """A 16-year-old threatened with forced marriage by her family was given the Migrant
    Victims of Domestic Abuse Concession, for partners on a visa, both 18 or over (officer
    walk, 2026-12-07; shipped directory)."""
    from tests.pathways.test_summary import adult_in_coventry

    adult = adult_in_coventry(additional_needs=["immigration_insecure"])
    card = pathway.step(answers_for(pathway, adult)).plan.action("immigration_advice")
    assert "mvdac" in [m.service.id for m in card.services]
    young = {**adult, "age_group": "16_17"}
    card = pathway.step(answers_for(pathway, young)).plan.action("immigration_advice")
    assert "mvdac" not in [m.service.id for m in card.services]


def test_the_area_asked_says_what_to_choose_when_they_will_not_say(pathway):
    """A guess gave another area's numbers, and "Outside the West Midlands" took the front
    door away (officer walk, 2026-12-07)."""
    shown = pathway.present(pathway.graph.questions["borough"], answers={})
    assert "Not known, or they will not say: choose the area where you are" in shown.help


@pytest.mark.parametrize("discloser", ["concerned_other", "person_causing_harm"])
def test_a_judgement_on_what_others_tell_names_the_criteria_no_dash_counts(pathway, discloser):
    """Incidents and an earlier MARAC are never asked of a friend or the person causing harm:
    "she was at MARAC in May and he has hit her again" was dropped unsaid (policy audit,
    2026-12-07). Their judgement's help names both MARAC criteria (policy §3)."""
    question = pathway.graph.questions["professional_judgement_high_risk"]
    shown = pathway.present(question, answers={"discloser": discloser, "tier": 2})
    assert "3 or more incidents in the last 12 months" in shown.help
    assert "a MARAC referral in the last 12 months and abuse since" in shown.help
    # IT's thresholds, as the person harmed is asked them (verifier, 2026-12-07)
    wider = dataclasses.replace(
        pathway.graph.settings, escalation_incidents=2, escalation_period_months=24
    )
    shown = pathway.present(question, wider, {"discloser": discloser, "tier": 2})
    assert "2 or more incidents in the last 24 months" in shown.help


@pytest.mark.parametrize("discloser", ["person_harmed", "concerned_other"])
def test_someone_under_18_with_nowhere_safe_is_for_childrens_services_first(pathway, discloser):
    """ "The council must help them today" was read for a 17-year-old: children's services
    assess a homeless 16-17 year old first (R23; officer walk, 2026-12-02)."""
    question = pathway.graph.questions["safe_tonight"]
    young = pathway.present(question, answers={"discloser": discloser, "age_group": "16_17"})
    adult = pathway.present(question, answers={"discloser": discloser, "age_group": "adult"})
    assert "children's services first" in young.help and "council" not in young.help
    assert "phone the council's homelessness service today" in adult.help
    worried = "the person you are worried about" in young.prompt
    assert worried == (discloser == "concerned_other")


@pytest.mark.parametrize("discloser", ["person_harmed", "concerned_other"])
@pytest.mark.parametrize("age", ["adult", "under_16"])
def test_children_in_contact_with_the_person_causing_harm_are_asked_of_where_it_counts(
    pathway, discloser, age
):
    """Outside domestic abuse, "or in contact with the person causing harm: Yes" gave no
    front door (R4 is domestic abuse's); that contact is about_abuser's box (R42). Sexual
    abuse by a partner is domestic abuse too (R39): asked there (route review, H388)."""
    question = pathway.graph.questions["children_in_household"]
    start = {"discloser": discloser, "age_group": age, "relationship_to_abuser": "other"}
    for abuse, in_contact in (("sexual_assault_abuse", False), ("other_abuse", False)):
        shown = pathway.present(question, answers={**start, "abuse_types": [abuse]})
        assert ("in contact" in shown.prompt) is in_contact, shown.prompt
        assert "domestic abuse" not in shown.help  # its help was domestic abuse's
    da = pathway.present(question, answers={**start, "abuse_types": ["domestic_abuse"]})
    assert "in contact with the person causing harm" in da.prompt
    if age == "adult":
        partner = {**start, "relationship_to_abuser": "partner_or_ex"}
        saa = {**partner, "abuse_types": ["sexual_assault_abuse"]}
        assert (
            "in contact with the person causing harm"
            in pathway.present(question, answers=saa).prompt
        )


def test_a_child_telling_of_abuse_at_home_is_sent_down_the_childs_route(pathway):
    """ "Dad hurts Mum", told by a child, was entered as someone worried about Mum: the
    child was told to use Clare's Law and let Mum decide (route review, H388)."""
    first = pathway.present(pathway.graph.questions["discloser"])
    worried = {"discloser": "concerned_other"}
    age = pathway.present(pathway.graph.questions["age_group"], answers=worried)
    for shown in (first, age):
        assert "abuse at home" in shown.help and "the person it is happening to" in shown.help


def test_who_is_causing_harm_speaks_of_sexual_abuse_only_where_there_is_some(pathway):
    """A domestic abuse case alone was told "Sexual abuse by a partner … is domestic abuse
    too" (officer walk, 2026-12-02)."""
    question = pathway.graph.questions["relationship_to_abuser"]
    start = {"discloser": "person_harmed", "age_group": "adult"}
    da = pathway.present(question, answers={**start, "abuse_types": ["domestic_abuse"]})
    saa = pathway.present(question, answers={**start, "abuse_types": ["sexual_assault_abuse"]})
    assert "exual" not in da.help and da.help == "A family member includes in-laws and step-family."
    assert saa.help.startswith("Sexual abuse by a partner")
    # nor a 15-year-old's, of what is domestic abuse at 16 or over (officer's walk, 12-07)
    child = {**start, "age_group": "under_16", "abuse_types": ["sexual_assault_abuse"]}
    assert pathway.present(question, answers=child).help == da.help


def test_a_time_limit_said_in_a_reminder_cites_the_guidance_that_sets_it(graph):
    """The strangulation reminder's "within four weeks … a medical check" cited 001 §7.6 and
    the Dash, which say only that it is a risk marker (worker's reading, 2026-12-04): it
    cites the guidelines the medical check's own card cites."""
    rules = [rule for rule in graph.rules if rule.action_kind == "urgent_medical_check"]
    cited = {s for rule in rules for s in rule.sources}
    for reminder in graph.by_category("reminder"):
        if "four weeks" in reminder.text:
            assert cited & set(reminder.sources), reminder.id


def test_a_strangled_child_is_not_told_to_take_themselves_to_a_doctor(pathway):
    """ "Please see a doctor today" was said to a strangled 11-year-old, whose adults may be
    the ones who hurt them (reader, 2026-12-04): the worker arranges the check, with the
    front door phoned today; an adult is still told to go."""
    from tests.pathways.test_summary import adult_in_coventry, child_under_16

    strangled = {"additional_needs": ["non_fatal_strangulation"], "strangulation_recent": "yes"}
    child = pathway.step(answers_for(pathway, child_under_16(**strangled))).plan
    check = child.action("urgent_medical_check")
    assert check.title == "Arrange a medical check for them today: ask the children's front door"
    assert "I will arrange it" in check.say and "Please see a doctor" not in check.say
    # the number the card gives large is the front door's, 111 after it: the card showed
    # NHS 111 under "I will arrange it with the people who keep young people safe", and the
    # worker could not tell which to ring (officer walk, 2026-12-06)
    front_door = child.action("child_safeguarding_referral").services[0].service
    assert [m.service.id for m in check.services][:2] == [front_door.id, "nhs-111"]
    assert "R32-child" in [reason.rule_id for reason in check.reasons]
    adult = adult_in_coventry(dash_answers=None, **strangled)
    assert (
        "Please see a doctor today"
        in pathway.step(answers_for(pathway, adult)).plan.action("urgent_medical_check").say
    )


def test_with_consent_refused_the_honour_based_abuse_card_gives_the_details(pathway):
    """R37: with nothing going ahead without consent, support actions say "give them the
    details", not "refer": "Contact an honour-based abuse and forced marriage specialist"
    stood beside "their decision stands" (reader, 2026-12-04)."""
    from tests.pathways.test_summary import adult_in_coventry

    refused = adult_in_coventry(dash_answers=None, consent_to_share="no")
    refused |= {"relationship_to_abuser": "family_member", "additional_needs": ["forced_marriage"]}
    plan = pathway.step(answers_for(pathway, refused)).plan
    assert "decision_respected" in [r.id for r in plan.reminders]
    assert plan.action("hba_fm_specialist").title.startswith("Give them the details")


def test_a_child_is_not_asked_for_a_crime_reference_or_about_bail(pathway):
    """ "Do you have a crime reference number? If there are bail conditions…" was said to a
    child under 16 (reader, 2026-12-04); a professional's own FGM report keeps its title."""
    from tests.pathways.test_summary import child_under_16

    told = child_under_16(police_aware="yes")
    known = pathway.step(answers_for(pathway, told)).plan.action("police_already_involved")
    assert "crime reference" not in known.say and "bail" not in known.say
    assert known.title.endswith("ask the front door or the police for the crime reference")
    fgm = told | {"additional_needs": ["fgm"], "regulated_professional": True}
    duty = pathway.step(answers_for(pathway, fgm)).plan.action("police_already_involved")
    assert duty.title.startswith("The police already know, and you must still report")
    # nor the child a teacher or nurse hears it from (policy audit, 2026-12-06)
    assert "crime reference" not in duty.say and "bail" not in duty.say


def _plan(pathway, **answers):
    from tests.pathways.test_summary import adult_in_coventry

    return pathway.step(answers_for(pathway, adult_in_coventry(**answers))).plan


def test_consent_refused_is_respected_beside_a_referral_made_without_it(pathway):
    """The children's referral made without consent made the rest so: "Refer to an ISVA"
    and "I can put you in touch with them" stood beside "I know you asked me not to share
    this" (complex-case review, 2026-12-04; H392)."""
    plan = _plan(
        pathway,
        abuse_types=["domestic_abuse", "sexual_assault_abuse"],
        saa_timing="over_12_months",
        children_in_household=True,
        consent_to_share="no",
        dash_answers=None,
    )
    assert plan.action("child_safeguarding_referral")
    for kind in ("isva_referral", "specialist_da_service"):
        action = plan.action(kind)
        assert action.title.startswith("Give them the details"), kind
        assert "put you in touch" not in action.say and "Here are the details" in action.say


def test_someone_worried_about_a_strangled_child_is_not_left_to_arrange_the_check(pathway):
    """ "Get a medical check today (NHS 111 or their GP)" was said to the neighbour of a
    strangled child: the child's own wording never came (complex-case review; H392)."""
    from tests.pathways.test_summary import child_under_16

    case = child_under_16(
        discloser="concerned_other",
        additional_needs=["non_fatal_strangulation"],
        strangulation_recent="yes",
    )
    plan = pathway.step(answers_for(pathway, case)).plan
    check = plan.action("urgent_medical_check")
    assert check.title == "Arrange a medical check for them today: ask the children's front door"
    assert "I will arrange it" in check.say
    front_door = plan.action("child_safeguarding_referral").services[0].service.id
    assert check.services[0].service.id == front_door


def test_someone_worried_is_not_told_to_let_them_decide_beside_a_childrens_referral(pathway):
    """ "Listen to them, believe them, and let them decide" stood beside the children's
    front door's card (complex-case review, 2026-12-04; H392)."""
    plan = _plan(pathway, discloser="concerned_other", children_in_household=True)
    assert plan.action("child_safeguarding_referral")
    advice = plan.action("concerned_other_advice")
    assert "let them decide" not in advice.say and "children" in advice.say
    alone = _plan(pathway, discloser="concerned_other").action("concerned_other_advice")
    assert "let them decide" in alone.say


def test_nothing_tells_the_person_causing_harm_their_words_go_on(pathway):
    """ "I have to talk to my safeguarding lead about what you have told me today", said to
    a parent arranging a forced marriage, beside "do not tell the person causing harm"; the
    worker's own step to a specialist stood under "their choice" (complex-case review)."""
    plan = _plan(
        pathway,
        discloser="person_causing_harm",
        relationship_to_abuser="family_member",
        additional_needs=["forced_marriage"],
        dash_answers=None,
    )
    assert "safeguarding lead" not in plan.action("inform_safeguarding_lead").say
    assert plan.action("hba_fm_specialist").group == "today"


def test_the_words_to_say_wait_until_the_person_causing_harm_cannot_hear(pathway):
    """With the husband in the room interpreting, card 1 read "I would like to ask you some
    questions about what has been happening" (housing officer's walk, 2026-12-04; H394)."""
    near = _plan(pathway, perpetrator_nearby=True, additional_needs=["interpreter"])
    said = [n.text for n in near.notices if n.id == "person_causing_harm_may_hear"]
    assert len(said) == 1 and "say none of the words below until you are alone" in said[0]
    # "(a professional interpreter only)" read as about one where none was needed (12-07)
    assert said[0].endswith("alone with them, or with only a professional interpreter.")
    danger = _plan(pathway, perpetrator_nearby=True, immediate_danger=True)  # 999's own words
    assert not [n for n in danger.notices if n.id == "person_causing_harm_may_hear"]
    alone = _plan(pathway, perpetrator_nearby=False)
    assert not [n for n in alone.notices if n.id == "person_causing_harm_may_hear"]


def test_a_child_under_16_is_not_told_asking_the_police_is_their_choice(pathway):
    """ "Under Clare's Law you … can ask the police … It is your choice", to a 14-year-old
    whose "partner" raped them this week (complex-case review, 2026-12-04; H398)."""
    from tests.pathways.test_summary import child_under_16

    case = child_under_16(relationship_to_abuser="partner_or_ex", consent_to_share="no")
    clare = pathway.step(answers_for(pathway, case)).plan.action("dvds_option")
    assert "choice" not in clare.say and "keep young people safe" in clare.say


def test_at_tier_1_a_referral_due_today_is_made_today_whoever_makes_it(pathway):
    """ "Refer to the children's front door today" beside "your safeguarding lead takes the
    referrals forward" left each to think the other phoned (complex-case review; H398)."""
    plan = _plan(pathway, tier=1, children_in_household=True, dash_answers=None)
    assert plan.action("child_safeguarding_referral")
    lead = plan.action("inform_safeguarding_lead")
    assert "if you cannot reach them, make it yourself" in lead.why


def test_a_dash_stopped_part_way_is_finished_not_started_again(pathway):
    """ "I would like to ask you some questions", said to a woman who had answered 8 items
    (housing officer's walk, 2026-12-05; H408)."""
    part = {f"dash_{i:02d}": "no" if i <= 8 else "not_known" for i in range(1, 25)}
    dash = _plan(pathway, dash_answers=part).action("dash_assessment")
    assert dash.title.startswith("Finish the Dash") and "did not finish" in dash.say
    fresh = _plan(pathway, dash_answers=None).action("dash_assessment")
    assert fresh.title == "Complete the Dash risk checklist"
    # at 17 too: "Complete the Dash" after 24 questions, two not known (officer walk, 12-07)
    young = _plan(pathway, age_group="16_17", dash_answers=part).action("dash_assessment")
    assert young.title.startswith("Finish the Dash") and "did not finish" in young.say


def test_what_is_still_askable_holds_every_question_the_walk_then_asks(pathway):
    """A section said "not needed" must never be asked after: at each point of every
    reference walk, the questions it goes on to ask are all among those still askable."""
    from tests.conftest import routed_cases

    for case in routed_cases():
        answers = answers_for(pathway, case["scenario"])
        asked = pathway.step(answers).asked
        for at, question in enumerate(asked):
            known = {q: answers[q] for q in asked[:at] if q in answers}
            assert set(asked[at:]) <= pathway.still_askable(question, known), case["name"]


def test_a_question_the_answers_rule_out_is_not_still_askable(pathway):
    known = {"tier": 2, "immediate_danger": False, "discloser": "person_harmed"}
    child = pathway.still_askable("age_group", known)
    assert "dash_answers" in child  # the age is not known yet
    under_16 = known | {"age_group": "under_16"}
    assert "dash_answers" not in pathway.still_askable("abuse_types", under_16)


@pytest.mark.parametrize(
    "timing, when",
    [
        ("within_7_days", " in the last 7 days"),
        ("unknown", ", not known when (it may be in the last 7 days)"),
    ],
)
def test_a_childs_urgent_card_says_when_the_assault_was_as_answered(pathway, timing, when):
    """A teacher who answered "not known" read "sexual assault in the last 7 days" and could
    tell the front door so (officer walk F16; H458); one title for both then read "or not
    known when" to a worker who had answered "in the last 7 days": each answer its own."""
    from tests.pathways.test_summary import child_under_16

    case = child_under_16(abuse_types=["sexual_assault_abuse"], saa_timing=timing)
    card = pathway.step(answers_for(pathway, case)).plan.action("child_safeguarding_referral")
    assert card.group == "now"
    assert card.title == "Phone the children's front door now: sexual assault" + when
    assert [r.rule_id for r in card.reasons if r.rule_id.startswith("R3-sarc")] == [
        "R3-sarc" if timing == "within_7_days" else "R3-sarc-unknown"
    ]


def test_a_child_sexually_abused_by_the_person_telling_you_is_phoned_in_now(pathway):
    """When is never asked of the person causing harm (R35): a man telling of sexually
    abusing a child got "Refer … today", nothing of the 72 hours (policy audit, 12-07)."""
    from tests.pathways.test_summary import child_under_16

    case = child_under_16(discloser="person_causing_harm", abuse_types=["sexual_assault_abuse"])
    case["professional_judgement_high_risk"] = False
    plan = pathway.step(answers_for(pathway, case)).plan
    card = plan.action("child_safeguarding_referral")
    assert card.group == "now"
    assert card.title.startswith("Phone the children's front door now: sexual abuse of a child")
    assert card.title.endswith("; do not tell the person causing harm")
    assert "R3-sarc-unknown" in [r.rule_id for r in card.reasons]
    assert "sarc_referral" not in plan.action_kinds  # R35: the SARC is not theirs
    domestic = {**case, "abuse_types": ["domestic_abuse"]}
    card = pathway.step(answers_for(pathway, domestic)).plan.action("child_safeguarding_referral")
    assert card.group == "today" and card.title.startswith("Refer to the children's front door")


def test_an_interpreter_needed_is_said_before_the_cards(pathway):
    """With a brother interpreting, "professional interpreter only" stood among the
    reminders after every card at the largest text, and each card's words to say were read
    through him (officer walk, 2026-12-07)."""
    from tests.pathways.test_summary import adult_in_coventry

    case = adult_in_coventry(additional_needs=["interpreter"])
    notices = [n.id for n in pathway.step(answers_for(pathway, case)).plan.notices]
    assert notices == ["professional_interpreter_only"]
    nearby = {**case, "perpetrator_nearby": True}  # its own notice names the interpreter
    notices = [n.id for n in pathway.step(answers_for(pathway, nearby)).plan.notices]
    assert notices == ["person_causing_harm_may_hear"]


def test_a_card_titled_by_two_rules_says_both_the_more_urgent_first(pathway):
    """A 16-year-old assaulted this week with nowhere safe tonight got "Phone the children's
    front door: nowhere safe to stay tonight", the assault and its hours unsaid where the
    worker scans (policy audit, 2026-12-07)."""
    from tests.pathways.test_summary import child_under_16

    case = child_under_16(
        discloser="concerned_other",  # a friend: no Dash
        age_group="16_17",
        abuse_types=["domestic_abuse", "sexual_assault_abuse"],
        relationship_to_abuser="partner_or_ex",
        saa_timing="within_7_days",
        safe_tonight="no",
        professional_judgement_high_risk=False,
    )
    card = pathway.step(answers_for(pathway, case)).plan.action("child_safeguarding_referral")
    assert card.group == "now"
    assert card.title == (
        "Phone the children's front door now: sexual assault in the last 7 days; nowhere safe "
        "to stay tonight"
    )
    alone = {**case, "abuse_types": ["domestic_abuse"]}
    del alone["saa_timing"]
    card = pathway.step(answers_for(pathway, alone)).plan.action("child_safeguarding_referral")
    assert card.title == "Phone the children's front door: nowhere safe to stay tonight"


def test_a_card_gives_no_reason_for_a_line_the_person_is_not_given(pathway):
    """A 14-year-old's helpline card read "A free national line for domestic abuse, open day
    and night" above Childline alone: the national line is 16+ (policy attack, 2026-12-07).
    At 16 the national line is on the card, and so is its reason."""
    from tests.pathways.test_summary import child_under_16

    case = child_under_16()
    child = pathway.step(answers_for(pathway, case)).plan.action("helpline")
    assert [m.service.id for m in child.services] == ["childline"]
    assert child.why == "Under 18: Childline is free, confidential and open day and night."
    assert len(child.reasons) == 2  # both rules still named (the proof reads them)
    risk = {"dash_answers": None, "professional_judgement_high_risk": False}
    risk |= {"incidents_12_months": 0, "marac_in_last_12_months": "no"}
    older = pathway.step(answers_for(pathway, case | risk | {"age_group": "16_17"})).plan
    helpline = older.action("helpline")
    assert {"childline", "ndah"} <= {m.service.id for m in helpline.services}
    assert helpline.why.startswith("A free national line for domestic abuse")


def test_a_walk_without_guidance_asks_the_same_and_plans_the_same(pathway):
    """The proof walks without the reminders so far (a quarter of its time): the questions
    and the plan must be those of the full walk, only the guidance before the plan left."""
    answers = {**START, "abuse_types": ["domestic_abuse"]}
    full, bare = pathway.step(answers), pathway.step(answers, guidance=False)
    assert bare.question == full.question and bare.asked == full.asked
    assert full.reminders and bare.reminders == () and bare.red_flags == ()
    from tests.pathways.test_summary import adult_in_coventry

    case = answers_for(pathway, adult_in_coventry(dash_answers=None))
    assert pathway.step(case, guidance=False) == pathway.step(case)


def test_the_cards_say_the_sarc_window_in_force(pathway, graph):
    """IT's 21-day window made the plan urgent at day 15, and its cards said "in the last
    7 days": the front door was told the wrong timing (words audit, 2026-12-07)."""
    from tests.pathways.test_summary import child_under_16

    case = child_under_16(
        age_group="16_17",
        abuse_types=["sexual_assault_abuse"],
        relationship_to_abuser="other",
        saa_timing="8_to_21_days",
    )
    wide = dataclasses.replace(graph.settings, sarc_urgent_days=21)
    plan = pathway.step(answers_for(pathway, case), wide).plan
    front_door = plan.action("child_safeguarding_referral")
    assert front_door.title.endswith("in the last 21 days")
    assert "in the last 21 days" in " ".join(r.why for r in front_door.reasons)
    sarc = plan.action("sarc_referral")
    assert " ".join(r.why for r in sarc.reasons).startswith("Within 21 days")
    shipped = pathway.step(answers_for(pathway, {**case, "saa_timing": "within_7_days"})).plan
    assert shipped.action("child_safeguarding_referral").title.endswith("in the last 7 days")


def test_every_brace_in_the_shipped_words_names_a_setting(graph):
    """A place to fill that names no setting is shown as written ("{sarc_urgent_day}")."""
    from app.pathways.risk import PLACE

    texts = [t for a in graph.actions.values() for t in (a.title, a.say, a.fallback_note)]
    texts += [t for a in graph.actions.values() for w in a.wordings for t in (w.prompt, w.help)]
    texts += [t for r in graph.rules for t in (r.why, r.title or "")]
    texts += [t for q in graph.questions.values() for t in (q.prompt, q.help, q.summary_label)]
    texts += [t for q in graph.questions.values() for w in q.wordings for t in (w.prompt, w.help)]
    named = {m.group(1) for text in texts for m in PLACE.finditer(text)}
    assert named and named <= set(dataclasses.asdict(graph.settings))


def test_sexual_abuse_by_a_relative_in_childhood_is_not_domestic_abuse(pathway):
    """A woman of 41 abused by her uncle from 8 to 12 was asked the Dash of a current
    incident and offered a court order "to keep the abuser away": both must be 16 or over
    when it happened (DA Act 2021 s1-2; officer's walk, 2026-12-07)."""
    from tests.pathways.test_summary import adult_in_coventry

    case = adult_in_coventry(
        abuse_types=["sexual_assault_abuse"],
        relationship_to_abuser="family_member",
        about_abuser=["contact_with_children"],
        saa_timing="over_12_months_under_16",
    )
    step = pathway.step(answers_for(pathway, case))
    assert not {"dash_answers", "safe_tonight", "incidents_12_months"} & set(step.asked)
    kinds = step.plan.action_kinds
    assert not {"dash_assessment", "legal_protection_option", "dvds_option"} & set(kinds)
    assert {"child_safeguarding_referral", "isva_referral"} <= set(kinds)  # R42, R11
    later = pathway.step(answers_for(pathway, {**case, "saa_timing": "over_12_months"}))
    assert "dash_answers" in later.asked  # at 16 or over: domestic abuse (R39)


def test_a_friends_sarc_card_says_the_sarc_and_gives_a_number_at_any_risk(pathway):
    """At high risk, in danger or with care needs the friend's card titled "Pass on the
    SARC's number now" said nothing of the SARC, and in six boroughs gave only 999
    (officer's re-walk, 2026-12-07)."""
    from tests.pathways.test_summary import adult_in_coventry

    friend = adult_in_coventry(
        discloser="concerned_other",
        abuse_types=["sexual_assault_abuse"],
        relationship_to_abuser="partner_or_ex",
        saa_timing="within_7_days",
        borough="birmingham",
        dash_answers=None,
    )
    for more in ({}, {"professional_judgement_high_risk": True}, {"immediate_danger": True}):
        plan = pathway.step(answers_for(pathway, {**friend, **more})).plan
        card = plan.action("concerned_other_advice")
        assert card.title.startswith("Pass on the SARC's number now"), more
        assert "SARC" in card.say and "emergency contraception within 5 days" in card.say
        rung = [m.service.phone for m in card.services if m.service.phone]
        assert "111" in rung, more


def test_childhood_abuse_ticked_as_domestic_abuse_too_is_pointed_out(pathway):
    """An uncle's abuse in childhood ticked as domestic abuse too, as the first answer's
    words invite: the Dash followed (officer's re-walk, 2026-12-07)."""
    from tests.pathways.test_summary import adult_in_coventry

    both = adult_in_coventry(
        abuse_types=["domestic_abuse", "sexual_assault_abuse"],
        relationship_to_abuser="family_member",
        saa_timing="over_12_months_under_16",
        dash_answers=None,
    )
    plan = pathway.step(answers_for(pathway, both)).plan
    assert "childhood_abuse_ticked_as_domestic" in [n.id for n in plan.notices]
    timing = pathway.present(pathway.graph.questions["saa_timing"], answers=both)
    assert "go back and untick domestic abuse" in timing.help
    alone = pathway.step(answers_for(pathway, {**both, "abuse_types": ["sexual_assault_abuse"]}))
    assert not alone.plan.notices
