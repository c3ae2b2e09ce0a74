"""The plan's lines for a referral form: the answers in the form's words, in the walk's
order, with what the Dash gave and the settings in force."""

import dataclasses

from tests.pathways.test_engine import START, _plan
from tests.pathways.test_summary import adult_in_coventry


def test_the_referral_details_name_the_abuse_its_timing_and_the_area(pathway):
    """A child's SARC and front-door referral need what happened, when and where: the copy
    summary left them out, and left an empty line where no risk is said (review)."""
    from app.cli.route import answers_for
    from app.pathways.summary import plan_to_text

    scenario = {"tier": 2, "immediate_danger": False, "age_group": "under_16"}
    scenario |= {"abuse_types": ["sexual_assault_abuse"], "saa_timing": "within_7_days"}
    scenario |= {"borough": "coventry", "relationship_to_abuser": "other", "about_abuser": []}
    scenario |= {"perpetrator_nearby": False, "police_aware": "no", "additional_needs": []}
    scenario |= {"children_in_household": False, "pregnant_or_recent_birth": False}
    scenario |= {"consent_to_share": "yes"}
    text = plan_to_text(pathway.step(answers_for(pathway, scenario)).plan)
    for line in (
        " - Kind of abuse: Sexual assault or abuse",
        " - When the sexual assault or abuse happened (most recent): In the last 7 days",
        " - Area: Coventry",
    ):
        assert line in text.splitlines()
    assert "\n\n\n" not in text


def test_the_referral_details_carry_what_a_marac_form_asks(pathway):
    """Consent, pregnancy, care and support needs, an interpreter, immigration status and
    the incidents were missing: the worker had to walk the answers again (review 2026-12-01)."""
    from app.cli.route import answers_for
    from app.pathways.summary import plan_to_text

    answers = adult_in_coventry(
        dash_answers=None,
        professional_judgement_high_risk=True,
        incidents_12_months=2,
        pregnant_or_recent_birth=True,
        additional_needs=["interpreter", "immigration_insecure"],
    )
    lines = plan_to_text(pathway.step(answers_for(pathway, answers)).plan).splitlines()
    for line in (
        " - In danger, or needing medical help, when they told you: No",  # officer review
        " - Pregnant, or a baby in the last 18 months: Yes",
        " - Needs and circumstances (an interpreter: for whoever told you): "
        "Needs an interpreter, Insecure immigration status",
        " - Consent to share: Yes",
        # a tick box left unticked is what the worker did, not a fact: a friend who did
        # not know of children read "No" on the MARAC form (second officer's walk, 12-07)
        " - Care and support needs: Not ticked",
        " - Incidents known to agencies in the last 12 months: 2",
        # on what grounds a MARAC referral is made (policy review 2026-12-02); a repeat
        # referral is in the risk's basis (unticked on screen it is "not known", not "no")
        " - High risk in professional judgement: Yes",
    ):
        assert line in lines


def test_the_referral_details_say_the_abuser_may_be_near_and_when_strangulation_was(pathway):
    """Whoever phones them next must know the person causing harm may be watching, and a
    strangulation in the last 4 weeks (R32): neither was in the copy (officer review)."""
    from app.cli.route import answers_for
    from app.pathways.summary import plan_to_text

    answers = adult_in_coventry(
        perpetrator_nearby=True,
        dash_answers=None,
        additional_needs=["non_fatal_strangulation"],
        strangulation_recent="yes",
    )
    lines = plan_to_text(pathway.step(answers_for(pathway, answers)).plan).splitlines()
    assert (
        " - The person causing harm came with them, or could be nearby or monitoring them: Yes"
        in lines
    )
    assert " - Strangulation, choking or suffocation last happened: In the last 4 weeks" in lines


def test_a_need_the_dash_gave_is_in_the_referral_details_however_its_box_was_left(pathway):
    """ "Needs and circumstances: None" stood beside a plan acting on a Dash strangulation
    when the worker had unticked its box (round-3 review 2026-12-01)."""
    from app.pathways.summary import plan_to_text

    dash = {f"dash_{n:02}": "yes" if n == 15 else "no" for n in range(1, 25)}
    answers = adult_in_coventry(dash_answers=dash, strangulation_recent="over_a_month")
    text = plan_to_text(pathway.step(answers).plan)  # the box unticked: [] as given
    needs = next(line for line in text.splitlines() if "Needs and circumstances" in line)
    assert needs.endswith(": Non-fatal strangulation or suffocation")


def test_the_escalation_period_setting_is_in_the_question(pathway, graph):
    answers = {**START, "abuse_types": ["domestic_abuse"], "borough": "walsall"}
    answers |= {"perpetrator_nearby": False, "police_aware": "no", "safe_tonight": "yes"}
    answers |= {"dash_answers": None, "children_in_household": False}
    answers |= {"pregnant_or_recent_birth": False, "care_and_support_needs": False}
    answers |= {"additional_needs": [], "professional_judgement_high_risk": False}
    answers |= {"marac_in_last_12_months": "no"}
    six = dataclasses.replace(graph.settings, escalation_period_months=6)
    step = pathway.step(answers, six)
    assert step.question.id == "incidents_12_months"
    assert "last 6 months" in step.question.prompt
    # and the referral's line says the period asked (it said 12: review 2026-12-02)
    plan = pathway.step({**answers, "incidents_12_months": 3, "consent_to_share": "yes"}, six).plan
    details = dict(plan.referral_details)
    assert details["Incidents known to agencies in the last 6 months"] == "3"


def test_a_tick_box_the_dash_answered_is_a_line_for_the_referral_form(pathway):
    """A pregnant 17-year-old's Dash said yes to item 9: the pregnancy question was not
    asked (R40), and the form's lines said nothing of it, a red flag only (officer's walk,
    2026-12-07). It stands where the walk would have asked it."""
    dash = {f"dash_{i:02d}": "yes" if i == 9 else "no" for i in range(1, 25)}
    answers = {**START, "age_group": "16_17", "abuse_types": ["domestic_abuse"]}
    answers |= {"borough": "walsall", "perpetrator_nearby": False, "police_aware": "no"}
    answers |= {"safe_tonight": "yes", "dash_answers": dash, "children_in_household": False}
    answers |= {"additional_needs": [], "professional_judgement_high_risk": False}
    answers |= {"marac_in_last_12_months": "no", "incidents_12_months": 0}
    step = pathway.step({**answers, "consent_to_share": "yes"})
    assert "pregnant_or_recent_birth" not in step.asked
    labels = [label for label, _ in step.plan.referral_details]
    said = labels.index("Pregnant, or a baby in the last 18 months")
    assert step.plan.referral_details[said][1] == "Yes"
    assert labels[said - 1].startswith("Other children")  # where the walk asks it
    dash["dash_09"] = "no"  # asked then, and answered: one line, as given
    answers |= {"pregnant_or_recent_birth": False, "consent_to_share": "yes"}
    details = pathway.step(answers).plan.referral_details
    assert dict(details)["Pregnant, or a baby in the last 18 months"] == "Not ticked"


def test_a_tick_box_asked_alone_reads_the_answer_given(pathway):
    """A page's yes/no left unticked reads "Not ticked" (H513); asked alone, its other
    questions not asked (a friend is asked no MARAC history), the window gives Yes and No,
    and the worker's No read "Not ticked" (re-attack, 2026-12-07)."""
    friend = _plan(pathway, discloser="concerned_other", professional_judgement_high_risk=False)
    details = dict(friend.referral_details)
    assert details["High risk in professional judgement"] == "No"
    assert details["Care and support needs"] == "Not ticked"  # a box on the household page
    harmed = dict(_plan(pathway, professional_judgement_high_risk=False).referral_details)
    assert harmed["High risk in professional judgement"] == "Not ticked"


def test_a_choice_asked_as_a_tick_box_and_left_unticked_reads_not_ticked(pathway):
    """ "The police already know" left unticked read "Not known" on the form's line, for a
    man who had said they did not: the page has no No (officer's walk, 2026-12-07)."""
    from app.cli.route import answers_for

    line = "Police already know (add the crime reference in the official form)"
    for given, said in (("not_known", "Not ticked"), ("yes", "Yes"), ("no", "No")):
        answers = answers_for(pathway, adult_in_coventry(police_aware=given))
        assert dict(pathway.step(answers).plan.referral_details)[line] == said


def test_the_dash_is_a_line_for_the_referral_form_with_each_yes_and_the_not_known(pathway):
    """H250 said the copy gave each "yes" item, but the Dash had no line for the form: the
    summary gave only "Dash 6 of 24", and 17 not known read as no (officer's re-walk,
    2026-12-07). A MARAC form asks for each item."""
    from app.cli.route import answers_for

    dash = {f"dash_{n:02}": "yes" for n in (2, 3, 6)} | {"dash_09": "no"}
    plan = pathway.step(answers_for(pathway, adult_in_coventry(dash_answers=dash))).plan
    (said,) = [a for label, a in plan.referral_details if label.startswith("Dash")]
    assert "3 of 24 'yes' (items 2, 3, 6)" in said and "20 not known" in said
