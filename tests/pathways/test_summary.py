"""The plan as text (copy summary, `route`): each service's contact said once."""

from app.pathways.services import ServiceMatch
from app.pathways.summary import note_leads, service_line


def test_a_service_with_no_number_says_so_once(graph):
    """It read "contact not confirmed (contact not confirmed; unconfirmed: check it…)"."""
    held = next(s for s in graph.services.values() if not s.phone and not s.email)
    line = service_line(ServiceMatch(held), lambda service: True)
    assert line.startswith("no number held") and line.endswith(f" — {held.name}")
    assert "confirm" not in line and "check" not in line


def test_an_unconfirmed_number_is_said_unconfirmed_once(graph):
    from app.pathways.out_of_hours import out_of_hours

    low = [s for s in graph.services.values() if s.phone and s.confidence == "low"]
    number = next(s for s in low if not out_of_hours(s.phone_note))
    line = service_line(ServiceMatch(number), lambda service: True)
    assert line.count("check it before you give it") == 1 and "contact not confirmed" not in line


def test_a_number_with_its_out_of_hours_line_is_said_both_to_check(graph):
    """As the card says it (H507): the copy and `route` said "check it" after Walsall's
    front door's out-of-hours line, read as about that line alone (seams audit, 2026-12-07)."""
    line = service_line(ServiceMatch(graph.services["walsall-mast"]), lambda service: True)
    assert "Out of hours: 0300 555 2922" in line
    assert "unconfirmed: check both before you give them" in line and "check it" not in line


def test_999_after_a_service_is_for_an_emergency_never_a_fallback(pathway):
    """The copy said "- fallback: Tel 999" under Walsall adult safeguarding, held with no
    number: 999 is for danger, never the next thing to try (seams audit, 2026-12-07)."""
    from app.cli.route import answers_for
    from app.pathways.summary import plan_to_text
    from tests.conftest import routed_cases

    case = next(c for c in routed_cases() if "care and support" in c["name"])
    text = plan_to_text(pathway.step(answers_for(pathway, case["scenario"])).plan)
    assert "   - In an emergency: Tel 999" in text and "fallback: Tel 999" not in text


def test_each_service_is_said_in_the_copy_as_its_card_says_it(pathway):
    """The copy said "- fallback: …" where the card said nothing, or "If that cannot
    help:" (officer walk, 2026-12-08; H633)."""
    from app.cli.route import answers_for
    from app.pathways.summary import plan_to_text
    from tests.conftest import routed_cases

    texts = [
        plan_to_text(pathway.step(answers_for(pathway, case["scenario"])).plan)
        for case in routed_cases()
    ]
    assert not any("fallback: " in text.lower() for text in texts)
    assert any("   - If that cannot help: " in text for text in texts)
    assert any("   - If you cannot find " in text for text in texts)


def test_a_number_a_person_checked_is_said_confirmed_as_the_pdf_says_it(graph):
    """The card, the PDF, the tab and `route --json` said a checked number was confirmed;
    the summary pasted into a form said nothing of it (seams review, 2026-12-04)."""
    import dataclasses
    from datetime import date, timedelta

    day = (date.today() - timedelta(days=3)).isoformat()
    mash = dataclasses.replace(
        graph.services["walsall-mast"], assured_date=day, assured_method="phoned"
    )
    line = service_line(ServiceMatch(mash), lambda service: False)
    assert f"confirmed {day}" in line and "not confirmed" not in line


def test_what_to_do_leads_when_the_first_service_has_nothing_to_ring(pathway):
    from app.cli.route import answers_for
    from tests.pathways.test_services import ADULT_ASSAULTED_THIS_WEEK

    plan = pathway.step(answers_for(pathway, ADULT_ASSAULTED_THIS_WEEK)).plan
    assert note_leads(plan.action("sarc_referral"))  # the adult SARC: no number held
    assert not note_leads(plan.action("isva_referral"))  # the 24/7 line comes first


def adult_in_coventry(**answers):
    """Every answer of an adult's domestic abuse walk in Coventry, told by them; `answers`
    in place of any."""
    walked = {"tier": 2, "immediate_danger": False, "discloser": "person_harmed"}
    walked |= {"age_group": "adult", "abuse_types": ["domestic_abuse"], "about_abuser": []}
    walked |= {"relationship_to_abuser": "partner_or_ex", "perpetrator_nearby": False}
    walked |= {"police_aware": "no", "borough": "coventry", "safe_tonight": "yes"}
    walked |= {"professional_judgement_high_risk": False, "incidents_12_months": 0}
    walked |= {"marac_in_last_12_months": "no", "children_in_household": False}
    walked |= {"pregnant_or_recent_birth": False, "care_and_support_needs": False}
    walked |= {"consent_to_share": "yes", "additional_needs": []}
    return walked | answers


def child_under_16(**answers):
    """Every answer of a child's (under 16) domestic abuse walk in Coventry, told by them;
    `answers` in place of any."""
    child = {"tier": 2, "immediate_danger": False, "discloser": "person_harmed"}
    child |= {"age_group": "under_16", "abuse_types": ["domestic_abuse"], "about_abuser": []}
    child |= {"relationship_to_abuser": "family_member", "perpetrator_nearby": False}
    child |= {"police_aware": "no", "borough": "coventry", "safe_tonight": "yes"}
    child |= {"children_in_household": False, "pregnant_or_recent_birth": False}
    child |= {"additional_needs": [], "consent_to_share": "yes"}
    return child | answers


def test_red_flags_ask_for_judgement_only_where_a_judgement_is_asked(pathway):
    """A child under 16 with a red flag was told to "consider professional judgement", a
    question their walk never asks (officer review 2026-12-01)."""
    from app.cli.route import answers_for
    from app.pathways.summary import red_flags_advice

    child = child_under_16(pregnant_or_recent_birth=True)
    plan = pathway.step(answers_for(pathway, child)).plan
    assert plan.red_flags and plan.risk.level == "not_applicable"
    assert red_flags_advice(plan) == ""


def test_the_summary_says_what_red_flags_ask_as_the_screen_and_pdf_do(pathway):
    """Below high risk the screen and the PDF said "consider professional judgement" beside
    the red flags; the summary pasted into a form did not (seams review, 2026-12-04)."""
    from app.pathways.summary import plan_to_text

    dash = {f"dash_{n:02}": "yes" if n in (8, 15) else "no" for n in range(1, 25)}
    answers = adult_in_coventry(dash_answers=dash, strangulation_recent="over_a_month")
    text = plan_to_text(pathway.step(answers).plan)
    flags = next(line for line in text.splitlines() if line.startswith("Red flags: "))
    assert flags.endswith(" (consider professional judgement)")


def test_the_leads_alert_is_said_first_in_the_summary(graph):
    import dataclasses

    alerted = dataclasses.replace(graph.services["bcwa"], alert="Reported not answering")
    line = service_line(ServiceMatch(alerted), lambda service: True)
    assert line.startswith("Tel 0121 552 6448 (Alert from the directory lead: Reported not")


def test_a_lines_type_is_said_beside_its_number_when_it_says_more_than_voice(graph):
    """An "Out of hours" line put first was the number shown, unlabelled (attack round)."""
    import dataclasses

    from app.pathways.summary import service_notes

    assert graph.services["bcwa"].phone_type == "voice"  # as the shipped directory holds it
    assert service_notes(graph.services["bcwa"])[0] != "voice"
    late = dataclasses.replace(graph.services["bcwa"], phone_type="Out of hours")
    assert service_notes(late)[0] == "Out of hours"


def test_who_a_line_is_for_is_said_first_under_its_number(graph):
    """ "24 hours; women only" on The Haven's card was read past for a man whose worker had
    not ticked "male victim" (officer's walk, 2026-12-07; H501)."""
    from app.pathways.summary import service_notes

    haven = graph.services["haven-wolverhampton"]
    assert haven.audience == "women" and haven.hours
    assert service_notes(haven)[0] == "women only"
    assert service_line(ServiceMatch(haven), lambda s: False).startswith(
        f"Tel {haven.phone} (women only; "
    )


def test_no_surface_gives_an_alert_on_999_101_or_111(graph, pathway):
    """A signed update's "Do not call 999: use 0121 626 5000 instead" was not on the card
    but was in the PDF, the copied summary, the screen reader's words and route --json
    (attack round, 2026-12-02): the pathway, not the directory, says when to ring them."""
    import dataclasses
    from datetime import date

    from app.pathways.summary import _service, alert_words

    warning = "Do not call 999 today: use 0121 626 5000 instead"
    for sid in ("emergency-999", "police-101", "nhs-111"):
        alerted = dataclasses.replace(graph.services[sid], alert=warning)
        assert alert_words(alerted) == ""
        assert _service(ServiceMatch(alerted), lambda s: False, date(2026, 12, 2))["alert"] == ""
        line = service_line(ServiceMatch(alerted), lambda s: False)
        assert "0121 626 5000" not in line and "not confirmed" not in line
        assert alerted.has_confirmed_contact  # no fallback note over 999 for it
    bcwa = dataclasses.replace(graph.services["bcwa"], alert=warning)
    assert alert_words(bcwa).endswith(warning)  # on any other service it is said


def test_where_no_number_is_held_how_to_refer_and_the_website_are_said(graph):
    """Walsall's adult safeguarding card read "No number held here", its referral form and
    page held and shown nowhere (officer walk, 2026-12-02). A service with a number: how to
    refer too ("Phone, then the MARF within 24 hours" and Sandwell's parental consent stood
    on no card: helper-285, 2026-12-07; H622), its website not (its number is said)."""
    from app.pathways.summary import service_notes

    walsall = graph.services["walsall-adult-safeguarding"]
    notes = service_notes(walsall)
    assert any(n.startswith("How to refer: Download the adult safeguarding") for n in notes)
    assert f"Website: {walsall.website}" in notes
    line = service_line(ServiceMatch(walsall), bool)
    assert "go.walsall.gov.uk/adult_safeguarding" in line and ".;" not in line
    sandwell = graph.services["sandwell-mash"]
    said = service_notes(sandwell)
    assert sandwell.phone and f"How to refer: {sandwell.referral_route.rstrip('. ')}" in said
    assert "needs parental consent except where asking would increase" in "; ".join(said)
    housing = graph.services["birmingham-housing"]
    assert housing.phone and housing.website
    assert not any(n.startswith("Website: ") for n in service_notes(housing))


def test_where_only_an_e_mail_is_held_what_to_send_there_is_said(graph):
    """The MARAC card gave only an address: "Send the MARAC referral form by secure email"
    was held and never shown, and a new officer could have e-mailed the details in an
    ordinary message (officer's walk, 2026-12-07; H610)."""
    from app.pathways.summary import service_notes

    marac = graph.services["wmp-marac"]
    assert marac.email and not marac.phone
    assert "How to refer: Send the MARAC referral form by secure email" in " ".join(
        service_notes(marac)
    )


def test_a_line_whose_hours_say_daytime_is_listed_with_the_daytime_lines(graph):
    """Marked 24/7 but with office hours (signed before H328): under "daytime", in the plan
    as text, the card and `route --json` alike."""
    import dataclasses
    from datetime import date

    from app.pathways.summary import _service, round_the_clock_first

    shut = dataclasses.replace(graph.services["ndah"], hours="Mon-Fri 9am-5pm")
    lines = (ServiceMatch(graph.services["samaritans"]), ServiceMatch(shut))
    grouped = [
        (label, [m.service.id for m in in_it]) for label, in_it in round_the_clock_first(lines)
    ]
    assert grouped == [("24/7", ["samaritans"]), ("daytime", ["ndah"])]
    said = _service(ServiceMatch(shut), lambda service: True, date(2026, 12, 3))
    assert said["open_24_7"] is False


def test_a_helplines_24_7_lines_alone_go_unlabelled(graph):
    """ "Open 24/7" stood above a line whose hours say "24/7" in 20 of 26 reference plans:
    the label now only parts them from daytime lines (officer walk, 2026-12-05)."""
    from app.pathways.summary import round_the_clock_first

    lines = (ServiceMatch(graph.services["ndah"]), ServiceMatch(graph.services["samaritans"]))
    assert round_the_clock_first(lines) == [("", list(lines))]
    assert round_the_clock_first(()) == []


def test_a_male_victims_worker_is_told_the_24_7_helpline_is_for_women(pathway):
    """The National Domestic Abuse Helpline, a man's only 24/7 line here, stood with no word
    that Refuge runs it for women (housing officer's walk, 2026-12-05): its number now says
    so, and names the Men's Advice Line (shipped data, sources in services.csv)."""
    from app.cli.route import answers_for
    from app.pathways.summary import plan_to_text

    answers = adult_in_coventry(additional_needs=["male_victim"], safe_tonight="no")
    text = plan_to_text(pathway.step(answers_for(pathway, answers)).plan)
    said = [line for line in text.splitlines() if "0808 2000 247" in line]
    # and the line for him at night, when the Men's Advice Line is shut (officer walk F16)
    note = "for a man, the Men's Advice Line, or at night Victim Support's Supportline"
    assert said and all(f"Refuge says it is for women; {note}" in line for line in said)
    assert "0808 801 0327" in text and "0808 168 9111" in text  # both lines themselves


def test_a_helpline_a_card_above_gives_points_there_instead_of_giving_it_again(pathway):
    """The Respect Phone Line was given twice to a person causing harm, each with its own
    "unconfirmed", and read as two actions; so was the Rape Crisis line after sexual
    assault (officer walk F8, 2026-12-05)."""
    from app.cli.route import answers_for
    from app.pathways.summary import lines_shown_above, plan_to_dict, plan_to_text
    from tests.ui.plan.test_plan_view import CASES

    causing_harm = "tenant says he hurts his partner (person causing harm), children at home"
    plan = pathway.step(answers_for(pathway, CASES[causing_harm])).plan
    text = plan_to_text(plan)
    assert text.count("0808 802 4040") == 1 and text.count("unconfirmed") == 2  # MASH's, Respect's
    assert "4. Give them the Respect Phone Line\n" in text
    said = "The same line as in 3 above: Respect Phoneline (for people who harm)."
    assert f"   {said}" in text.splitlines()
    assert "No line here is confirmed" not in text  # said of the line once, on card 3
    helpline = plan_to_dict(plan)["actions"][-1]  # the data keeps it whole (R20)
    assert helpline["kind"] == "helpline" and helpline["services"][0]["id"] == "respect-phoneline"
    assessed = pathway.step(
        answers_for(pathway, CASES["adult sexual assault 3 days ago (Coventry)"])
    )
    above = list(lines_shown_above(assessed.plan).values())
    assert above == [
        "The same line as in 3 above: 24/7 Rape and Sexual Abuse Support Line."
    ]  # card 3 gives it; card 2 only as the ISVA's fallback
    first = pathway.step(
        answers_for(pathway, CASES["adult DA, 15 yes, children at home (Walsall)"])
    )
    assert lines_shown_above(first.plan) == {}  # a line no card above gives is given


def test_a_dash_yes_to_feeling_depressed_is_never_summed_up_as_suicidal(pathway):
    """Dash item 5 ("depressed or having suicidal thoughts") ticks the need, and the copied
    summary said "Thoughts of suicide" of someone who said only they felt depressed: the
    words went into the referral form (officer walk F17)."""
    import json

    from app.cli.route import answers_for
    from app.pathways.summary import plan_to_text
    from tests.conftest import DATA

    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    scenario["dash_answers"] = {**scenario["dash_answers"], "dash_05": "yes"}
    text = plan_to_text(pathway.step(answers_for(pathway, scenario)).plan)
    assert "Feeling depressed, or thoughts of suicide" in text
    assert "Thoughts of suicide" not in text


def test_what_a_worker_reads_of_a_service_never_speaks_of_our_research(graph):
    """Under "Get them somewhere safe tonight" a worker read "A phone route for people
    homeless tonight was not captured" and "no number in the stored text" (officer walk,
    2026-12-07): words of the lead's research, which belong in the notes IT and the lead
    read, not on the card."""
    from app.pathways.summary import service_notes

    research = ("captured", "stored text", "not found", "gcsx")
    said = {s.id: " ".join(service_notes(s)).lower() for s in graph.services.values()}
    assert {sid: words for sid, words in said.items() if any(r in words for r in research)} == {}


def test_the_copy_gives_a_helplines_kinds_of_line_in_the_cards_words(pathway):
    """The copy said "daytime lines:" without "(check the hours)", where the card says it
    (verifier, 2026-12-07)."""
    from app.cli.route import answers_for
    from app.pathways.summary import plan_to_text

    text = plan_to_text(pathway.step(answers_for(pathway, adult_in_coventry())).plan)
    assert "   Open 24/7:" in text and "   Daytime lines (check the hours):" in text


def test_the_office_hours_are_never_read_as_the_out_of_hours_lines(graph):
    """ "Tel 0300 555 0050 (option 3; out of hours: 0300 555 8574; Mon-Fri 9:00-17:00)" read
    the office's hours as the night line's (housing officer's walk, helper-285, 2026-12-07;
    H622): the night line after the hours, as the card shows it apart."""
    dudley = graph.services["dudley-front-door"]
    line = service_line(ServiceMatch(dudley), lambda service: False)
    assert line.index(dudley.hours) < line.index("Out of hours: 0300 555 8574")


def test_the_words_after_a_night_line_never_run_on_into_its_number(graph):
    """ "Out of hours: 024 7683 2222, 24 hours" was said "… 2222 24 hours", and Birmingham
    housing's "… 2296. Under-18s out of hours: …" as "… 2296 Under-18s …" (seams review,
    2026-12-07; H626)."""
    import dataclasses

    housing = service_line(ServiceMatch(graph.services["birmingham-housing"]), bool)
    assert "Out of hours: 0121 303 2296; Under-18s out of hours" in housing
    coventry = graph.services["coventry-mash"]
    hours = dataclasses.replace(coventry, phone_note="Out of hours: 024 7683 2222, 24 hours")
    assert "Out of hours: 024 7683 2222; 24 hours" in service_line(ServiceMatch(hours), bool)
    wolverhampton = service_line(ServiceMatch(graph.services["wolverhampton-mash"]), bool)
    assert "Emergency Duty Team 01902 552999" in wolverhampton and "::" not in wolverhampton
