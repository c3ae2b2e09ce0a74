"""The conversation in memory: questions asked together on a page are answered, numbered,
gone back to and edited as one page; who is telling decides which of them are on it."""

from app.ui.case import CaseSession


def session_at_about_abuser(pathway, discloser):
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 1, "borough": "walsall"})
    for value in (False, discloser, "adult", ["domestic_abuse"]):
        session.answer(value)
    assert session.question.id == "about_abuser"
    return session


def test_the_person_harmed_sees_three_questions_on_one_page(pathway):
    session = session_at_about_abuser(pathway, "person_harmed")
    shown = session.page
    assert [q.id for q in shown.questions] == ["about_abuser", "perpetrator_nearby", "police_aware"]
    assert session.number == 5  # tier comes from settings
    session.answer(
        {"about_abuser": ["under_18"], "perpetrator_nearby": True, "police_aware": "not_known"}
    )
    assert session.question.id == "relationship_to_abuser"
    assert session.answers["perpetrator_nearby"] is True
    assert session.number == 6  # the page counted once
    assert session.back()
    assert session.question.id == "about_abuser" and session.page is not None
    assert session.page.answers["about_abuser"] == ["under_18"]  # kept for the page


def test_who_is_telling_decides_what_is_on_the_page(pathway):
    worried = session_at_about_abuser(pathway, "concerned_other").page
    assert [q.id for q in worried.questions] == ["about_abuser", "perpetrator_nearby"]
    assert "nearby" in worried.member("perpetrator_nearby").label
    harming = session_at_about_abuser(pathway, "person_causing_harm")
    assert harming.page is None  # one question asked: its own page, in its own words
    assert "the person telling you" in harming.question.prompt


def test_editing_a_question_on_a_page_shows_the_whole_page(pathway):
    session = session_at_about_abuser(pathway, "person_harmed")
    session.answer({"about_abuser": [], "perpetrator_nearby": False, "police_aware": "yes"})
    session.answer("partner_or_ex")
    session.go_to("police_aware")
    assert session.question.id == "about_abuser"
    assert session.page.answers["police_aware"] == "yes"


def test_every_section_on_a_page_is_in_progress(pathway):
    session = session_at_about_abuser(pathway, "person_harmed")
    session.answer({"about_abuser": [], "perpetrator_nearby": False, "police_aware": "no"})
    for value in ("partner_or_ex", "yes"):  # relationship, safe tonight (tier 1: no Dash)
        session.answer(value)
    assert session.page.questions[0].id == "children_in_household"
    states = {s.name: s.state for s in session.sections()}
    assert states["Household"] == states["Needs"] == "in progress"


def test_a_section_asked_later_in_the_flow_is_to_do_not_passed(pathway):
    """Someone worried about a friend: Risk (professional judgement) is asked after the
    household and the needs. It read "not needed" on the household page, then was asked."""
    session = session_at_about_abuser(pathway, "concerned_other")
    session.answer({"about_abuser": [], "perpetrator_nearby": False})
    while session.question.section != "Household":
        session.answer(session.value_on_screen(lambda q: q.options[0].value if q.options else []))
    states = {s.name: s.state for s in session.sections()}
    assert states["Risk"] == "to do"
    while session.question is not None and session.question.section != "Risk":
        session.answer(
            session.value_on_screen(lambda q: False if q.answer_type == "yes_no" else [])
        )
    assert session.question.section == "Risk"
    assert {s.name: s.state for s in session.sections()}["Risk"] == "in progress"


def test_a_section_that_can_no_longer_be_asked_is_not_needed_not_to_do(pathway):
    """A child under 16 telling of sexual abuse: no Dash, no MARAC, so Risk is never asked;
    the task list said "Risk: to do" until the plan (officer walk F13, 2026-12-05)."""
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    for value in (False, "person_harmed", "under_16", ["sexual_assault_abuse"]):
        session.answer(value)
    states = {s.name: s.state for s in session.sections()}
    assert states["Risk"] == "not needed"
    assert states["Household"] == "to do"  # still to be asked
    adult = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    for value in (False, "person_harmed", "adult", ["domestic_abuse"]):
        adult.answer(value)
    assert {s.name: s.state for s in adult.sections()}["Risk"] == "to do"  # the Dash is ahead


def test_the_order_of_asking_follows_the_flow(graph):
    order = graph.ask_order()
    assert order["immediate_danger"] == 0
    assert order["children_in_household"] < order["professional_judgement_high_risk"]
    assert set(order) == set(graph.questions)


def test_a_section_with_questions_still_ahead_is_in_progress_not_completed(pathway):
    """After the Dash, the household page: "Risk ✓ completed" stood there, and the
    judgement and incident questions (Risk) came after it (review 2026-12-01)."""
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    answers = {"immediate_danger": False, "discloser": "person_harmed", "age_group": "adult"}
    answers |= {"abuse_types": ["domestic_abuse"], "about_abuser": [], "police_aware": "no"}
    answers |= {"perpetrator_nearby": False, "relationship_to_abuser": "partner_or_ex"}
    answers |= {"safe_tonight": "yes", "dash_answers": {f"dash_{n:02}": "no" for n in range(1, 25)}}
    while session.question.section not in ("Household", "Needs"):
        question = session.question
        shown = session.page
        session.answer(
            {q.id: answers[q.id] for q in shown.questions} if shown else answers[question.id]
        )
    states = {s.name: s.state for s in session.sections()}
    assert states["Risk"] == "part done"  # not "in progress" beside the section on screen
    on_screen = {q.section for q in session.page.questions}  # the household and needs page
    assert {name for name, state in states.items() if state == "in progress"} == on_screen


def walk_session(session, answers, until=lambda s: s.question is None):
    """Answer what is asked from `answers`; the rest as shown (ticks), no, 0, or the first
    option."""

    def answer_of(question):
        if question.id in answers:
            return answers[question.id]
        if question.answer_type == "multi":
            shown = session.page
            return (shown.answers.get(question.id) if shown else session.current_answer) or []
        kinds = {"yes_no": False, "count": 0}
        return kinds.get(question.answer_type, question.options and question.options[0].value)

    while not until(session):
        session.answer(session.value_on_screen(answer_of))


def at_the_needs_page(session):
    return session.page and "additional_needs" in session.page.page.questions


def at_the_needs_after_a_dash(pathway, yes):
    """A tier 2 walk of an adult's domestic abuse up to the needs page, the Dash items
    numbered in `yes` answered yes, the rest no."""
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    dash = {f"dash_{n:02}": "yes" if n in yes else "no" for n in range(1, 25)}
    answers = {"immediate_danger": False, "discloser": "person_harmed", "age_group": "adult"}
    answers |= {"abuse_types": ["domestic_abuse"], "dash_answers": dash, "safe_tonight": "yes"}
    walk_session(session, answers, until=at_the_needs_page)
    return session, answers


def at_the_needs_after_a_dash_strangulation(pathway):
    """Dash item 15 (strangulation) answered yes."""
    return at_the_needs_after_a_dash(pathway, yes=(15,))


def test_a_dash_yes_shows_its_box_ticked_and_a_correction_keeps_the_medical_check(pathway):
    """A strangulation told in the Dash left the needs page's box unticked; changing the age
    to under 16 (no Dash) then took the medical check, the red flag and the reminder from
    the plan, unsaid (review 2026-12-01)."""
    session, answers = at_the_needs_after_a_dash_strangulation(pathway)
    assert session.page.answers["additional_needs"] == ["non_fatal_strangulation"]
    walk_session(session, {**answers, "strangulation_recent": "yes"})
    assert "urgent_medical_check" in {a.kind for a in session.plan.actions}
    session.go_to("age_group")
    session.answer("under_16")
    walk_session(session, {})
    assert session.answers["additional_needs"] == ["non_fatal_strangulation"]
    assert "dash_answers" not in session.path
    assert "urgent_medical_check" in {a.kind for a in session.plan.actions}
    assert any(r.id == "strangulation_red_flag" for r in session.plan.reminders)


def test_a_tick_the_dash_gave_goes_when_its_dash_answer_is_corrected(pathway):
    """Dash item 15 mis-ticked "yes", then corrected to "no" from the read-back: the tick
    the app had made on the needs page stayed, and with it a medical check for a
    strangulation never disclosed (review 2026-12-01). One the worker ticked stays."""
    session, answers = at_the_needs_after_a_dash(pathway, yes=(8, 15))
    dash = answers["dash_answers"]
    assert session.page.answers["additional_needs"] == ["non_fatal_strangulation", "stalking"]
    needs = {"additional_needs": ["non_fatal_strangulation", "stalking", "interpreter"]}
    walk_session(session, {**answers, **needs, "strangulation_recent": "yes"})
    assert "urgent_medical_check" in {a.kind for a in session.plan.actions}
    session.go_to("dash_answers")
    session.answer({**dash, "dash_15": "no", "dash_08": "no"})
    walk_session(session, {})
    assert session.answers["additional_needs"] == ["interpreter"]  # the worker's own stays
    assert "urgent_medical_check" not in {a.kind for a in session.plan.actions}


def adult_with_dash(pathway, dash):
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    answers = {"immediate_danger": False, "discloser": "person_harmed", "age_group": "adult"}
    answers |= {"abuse_types": ["domestic_abuse"], "dash_answers": dash, "safe_tonight": "yes"}
    walk_session(session, {**answers, "strangulation_recent": "yes"})
    return session


def kinds(session):
    return {a.kind for a in session.plan.actions}


def test_a_dash_left_not_completed_keeps_the_need_it_had_ticked(pathway):
    """S (not completed) on the Dash is not "no": the strangulation told stays (review)."""
    session = adult_with_dash(
        pathway, {f"dash_{n:02}": "yes" if n == 15 else "no" for n in range(1, 25)}
    )
    assert "urgent_medical_check" in kinds(session)
    session.go_to("dash_answers")
    session.answer(None)
    walk_session(session, {})
    assert session.answers["additional_needs"] == ["non_fatal_strangulation"]
    assert "urgent_medical_check" in kinds(session)


def test_a_dash_answer_corrected_to_yes_ticks_its_need_and_outlives_the_dash(pathway):
    """Dash 15 "no", the needs page answered, then 15 corrected to "yes": the need was never
    ticked, and an age corrected to under 16 then lost the medical check (review)."""
    no = {f"dash_{n:02}": "no" for n in range(1, 25)}
    session = adult_with_dash(pathway, no)
    assert "urgent_medical_check" not in kinds(session)
    session.go_to("dash_answers")
    session.answer({**no, "dash_15": "yes"})
    walk_session(session, {"strangulation_recent": "yes"})
    assert session.answers["additional_needs"] == ["non_fatal_strangulation"]
    session.go_to("age_group")
    session.answer("under_16")
    walk_session(session, {})
    assert "urgent_medical_check" in kinds(session)


def test_a_dash_left_before_the_needs_page_ticks_no_need_there(pathway):
    """Dash items 5 and 8 "yes", then the age corrected to under 16 before the needs page:
    the page showed nothing ticked, "None of these" was pressed, and the plan had a mental
    health crisis line and a stalking service nobody ticked (route review, H389)."""
    session, _ = at_the_needs_after_a_dash(pathway, yes=(5, 8))
    assert session.page.answers["additional_needs"] == ["stalking", "suicide_risk"]
    session.go_to("age_group")
    session.answer("under_16")
    walk_session(session, {}, until=at_the_needs_page)
    assert not session.page.answers.get("additional_needs")  # shown unticked
    walk_session(session, {"additional_needs": []})  # "None of these"
    assert session.answers["additional_needs"] == []
    assert not {"mental_health_crisis", "stalking_support"} & kinds(session)


def test_a_need_the_worker_unticked_is_never_ticked_again_by_the_app(pathway):
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    dash = {f"dash_{n:02}": "yes" if n == 15 else "no" for n in range(1, 25)}
    answers = {"immediate_danger": False, "discloser": "person_harmed", "age_group": "adult"}
    answers |= {"abuse_types": ["domestic_abuse"], "dash_answers": dash, "safe_tonight": "yes"}
    walk_session(session, {**answers, "additional_needs": []})  # unticked by the worker
    session.go_to("dash_answers")
    session.answer({**dash, "dash_01": "yes"})  # another item
    walk_session(session, {})
    assert session.answers["additional_needs"] == []


def test_consent_is_asked_again_when_a_correction_changes_who_is_telling(pathway):
    """A "yes" given while the person harmed was thought to be telling stood as their consent
    after "Told by" was corrected to someone worried about them (review 2026-12-01)."""
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    answers = {"immediate_danger": False, "discloser": "person_harmed", "age_group": "adult"}
    answers |= {"abuse_types": ["sexual_abuse"], "care_and_support_needs": True}
    answers["consent_to_share"] = "yes"  # an adult at risk: asked of someone worried too
    walk_session(session, answers)
    asked = pathway.graph.questions["consent_to_share"].prompt
    session.go_to("age_group")  # a change that leaves the words as they were: kept
    session.answer("adult")
    assert session.answers["consent_to_share"] == "yes" and session.plan is not None
    session.go_to("discloser")
    session.answer("concerned_other")
    walk_session(session, answers, until=lambda s: s.question.id == "consent_to_share")
    assert "consent_to_share" not in session.answers
    assert session.question.prompt != asked  # now in the words for someone worried
    session.answer("not_asked")
    walk_session(session, answers)
    session.go_to("discloser")
    session.answer("person_harmed")
    assert session.question.id == "consent_to_share" and session.question.prompt == asked


def high_by_the_dash_alone(pathway):
    """A walked tier 2 case: 16 Dash 'yes' answers, the judgement "no" beside them."""
    session = CaseSession(pathway, pathway.graph.settings, {"tier": 2, "borough": "walsall"})
    dash = {f"dash_{n:02}": "yes" if n <= 16 else "no" for n in range(1, 25)}
    answers = {"immediate_danger": False, "discloser": "person_harmed", "age_group": "adult"}
    answers |= {"abuse_types": ["domestic_abuse"], "dash_answers": dash, "safe_tonight": "yes"}
    answers |= {"professional_judgement_high_risk": False, "incidents_12_months": 0}
    answers |= {"marac_in_last_12_months": "no", "pregnant_or_recent_birth": False}
    walk_session(session, answers)
    return session, answers


def at_the_judgement(session) -> bool:
    return session.question is None or session.question.id == "professional_judgement_high_risk"


def test_a_tier_changed_to_1_asks_the_judgement_again_and_keeps_marac_in_reach(pathway):
    """With 16 Dash 'yes' answers the judgement was "no" (the count made it high); changed to
    tier 1, the Dash left the path and the plan said "Dash not completed", no MARAC, no
    IDVA, nothing asked (review 2026-12-01)."""
    session, answers = high_by_the_dash_alone(pathway)
    assert "marac_referral" in {a.kind for a in session.plan.actions}
    session.go_to("tier")
    session.answer(1)
    asked = [] if session.question is None else [session.question.id]  # what it asks now
    walk_session(session, answers, until=at_the_judgement)
    assert session.question.id == "professional_judgement_high_risk", asked
    assert "professional_judgement_high_risk" not in session.answers  # asked again, unanswered
    assert "whatever the Dash count" not in session.question.prompt  # the tier 1 words
    # no Dash, so often no red flag beside it: the help names them (officer walk, 12-07)
    for flag in ("strangulation", "threats to kill", "separation"):
        assert flag in session.question.help, flag
    walk_session(session, answers)  # "no" again, now without a count beside it
    assert session.plan.risk.basis == "at tier 1 your safeguarding lead completes the Dash"
    session.go_to("professional_judgement_high_risk")
    high = {"professional_judgement_high_risk": True, "marac_in_last_12_months": "no"}
    session.answer(session.value_on_screen(lambda q: high[q.id]))
    walk_session(session, {})
    assert {"marac_referral", "inform_safeguarding_lead"} <= {a.kind for a in session.plan.actions}


def test_a_change_to_the_person_causing_harm_telling_asks_the_judgement_again(pathway):
    """Their words ask about the person they harm; a "no" given beside 16 Dash 'yes'
    answers stood, and MARAC and the IDVA went (round-3 review 2026-12-01)."""
    session, answers = high_by_the_dash_alone(pathway)
    session.go_to("discloser")
    session.answer("person_causing_harm")
    walk_session(session, answers, until=at_the_judgement)
    assert session.question is not None, "the judgement was not asked again"
    assert "professional_judgement_high_risk" not in session.answers
    assert session.question.prompt.startswith("From what they have told you")


def test_changing_one_answer_from_the_plan_keeps_the_task_list_and_reminders(pathway):
    """The area changed from the plan showed Risk, Household, Needs and Sharing "to do" and
    took the strangulation reminders from view, as if the case was lost (officer walk,
    2026-12-05). Back from there walks page by page again, as before."""
    session, answers = at_the_needs_after_a_dash_strangulation(pathway)
    walk_session(session, {**answers, "strangulation_recent": "yes"})
    done = {s.name: s.state for s in session.sections()}
    reminders = {r.id for r in session.reminders}
    assert "strangulation_red_flag" in reminders and "to do" not in done.values()
    session.go_to("age_group")
    states = {s.name: s.state for s in session.sections()}
    assert states == {**done, "About the person": "in progress"}
    assert {r.id for r in session.reminders} == reminders
    session.answer("adult")
    assert session.plan is not None and not session.correcting
    session.go_to("age_group")
    assert session.back()  # to who is telling: the walk page by page
    assert not session.correcting and "to do" in {s.state for s in session.sections()}
    assert "strangulation_red_flag" not in {r.id for r in session.reminders}


def test_the_read_back_says_a_box_left_unticked_as_not_ticked_never_no(pathway):
    """The read-back said "No" for the abuser nearby, a box the worker left unticked, where
    the copy's form lines say "Not ticked": read to the person, an answer no one gave (seams
    audit, 2026-12-07). A question asked alone, answered No, still reads No."""
    session = session_at_about_abuser(pathway, "person_harmed")
    session.answer(
        {"about_abuser": ["under_18"], "perpetrator_nearby": False, "police_aware": "not_known"}
    )
    said = {question.id: words for question, words in session.answered()}
    assert said["perpetrator_nearby"] == "Not ticked" and said["immediate_danger"] == "No"
