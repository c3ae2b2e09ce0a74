"""The pathway's words: no phone number but 999, 101 and 111, however it is written, and
no invisible character; the shipped words pass."""

import pytest

from app.db.pathway_words import hidden, numbers_in, pathway_words_problem

WRITTEN = [
    "0800 2000 247",
    "0800\u00a02000\u00a0247",  # non-breaking spaces
    "0800\u202f2000 247",  # narrow no-break space
    "0800\u20132000\u2013247",  # en dashes
    "0800   2000   247",
    "0800,2000,247",
    "0800\t2000\n247",
    "0800~2000:247",
    "0800_2000_247",
    "\u2070800 2000 247",  # a superscript 0
    "\uff10\uff18\uff10\uff10 2000 247",  # full-width digits
    "+44 (0)800 2000 247",
    # review 2026-12-01, round five: local numbers with a dash, a dot or two spaces, and
    # long runs of dots or spaces between the groups
    "496-0999",
    "552.6448",
    "552  6448",
    "07700.......900123",
    "0121        4960999",
]


@pytest.mark.parametrize("number", WRITTEN)
def test_a_number_however_written_is_found(number):
    assert numbers_in(f"Call {number} now.")


@pytest.mark.parametrize(
    "words",
    ["Call 999 now, or 101, or 111.", "001 §8.1-8.3", "Dash items 5, 8, 9 and 15", "in 2026"],
)
def test_emergency_numbers_citations_and_counts_are_not_phone_numbers(words):
    assert numbers_in(words) == []


def test_an_invisible_character_is_named():
    assert hidden("call\u200b999") == ["U+200B"]
    assert hidden("right\u202eto left") == ["U+202E"]
    assert hidden("two\nlines") == []


def test_the_shipped_pathway_passes(graph):
    assert pathway_words_problem(graph) is None


@pytest.mark.parametrize("breaking", ["\n" * 150, "\u2028" * 150, "\u2029", "\u00a0", "\u3000"])
def test_a_line_break_or_odd_space_in_the_pathways_words_is_refused(graph, breaking):
    """150 line breaks in the 999 card's words, in a signed update, put 999 at y=3277 in a
    586 px view (re-attack round, 2026-12-02)."""
    import dataclasses

    card = graph.actions["emergency_999"]
    changed = dataclasses.replace(card, title=f"Call 999{breaking}now")
    graph = dataclasses.replace(graph, actions={**graph.actions, "emergency_999": changed})
    assert "line break" in pathway_words_problem(graph)


def test_a_number_made_of_settings_figures_is_refused(graph):
    """ "ring 0800 {a}{b} {c}00" read as no number and was shown "ring 0800 1421 1200" in
    the referral's lines (re-attack round, 2026-12-02)."""
    import dataclasses

    hidden_number = (
        "Incidents: ring 0800 {dash_high_risk_threshold}{sarc_window_days} "
        "{escalation_period_months}00"
    )
    question = graph.questions["incidents_12_months"]
    changed = dataclasses.replace(question, summary_label=hidden_number)
    graph = dataclasses.replace(graph, questions={**graph.questions, question.id: changed})
    assert "with its {places} filled in" in pathway_words_problem(graph)


@pytest.mark.parametrize(
    ("words", "value"),
    [("ring 0800 {n.a} {n.b}", "1421"), ("ring 0{risk_line}", 8001421120)],
)
def test_a_number_made_of_any_places_figures_is_refused(graph, words, value):
    """The display fills facts and answers too, with dots in their names, and a fact's value
    may be a whole number of any width: both were read as no number and shown as one (second
    re-attack round, 2026-12-02)."""
    import dataclasses

    from app.pathways.graph import Fact, FactCase

    fact = Fact("risk_line", "first", (FactCase(value, {"always": True}),))
    question = graph.questions["incidents_12_months"]
    changed = dataclasses.replace(question, summary_label=words)
    graph = dataclasses.replace(
        graph, questions={**graph.questions, question.id: changed}, facts=[*graph.facts, fact]
    )
    assert "with its {places} filled in" in pathway_words_problem(graph)


@pytest.mark.parametrize(
    "number",
    [
        "0808\u31642000\u3164247",
        "O8O8 2OOO 247",
        "\u041e8\u041e8 2\u041e\u041e\u041e 247",  # Cyrillic O
        "0\u041700 555 \u0417222",  # Cyrillic Ze for 3 (review 2026-12-01)
        "0300 555 \u01c0\u01c0\u01c0\u01c0",  # Latin letter dental click for 1
        "\u3007121 496 0999",  # ideographic zero
        "5526448",
        "552/6448",
        "552 \u2013 6448",
        "552,6448",
        "552\u00b76448",
        "552 \u2044 6448",
        "0300" + "\u034f" * 17 + " 555" + "\u034f" * 17 + " 3222",  # combining joiners
        "0808§2000§247",
        "0800 1111",
        "123 456 789",
        "7946 0958",
        "247 1234",
        "020    7946 0958",
        "\u0660\u0668\u0660\u0668\u0662\u0660\u0660\u0660\u0662\u0664\u0667",
    ],
)
def test_blank_letters_lookalike_letters_and_a_section_sign_hide_no_number(number):
    assert numbers_in(f"Call {number}.") or hidden(number)


@pytest.mark.parametrize(
    "words",
    [
        "Open 9:00\u201317:00",
        "10:00-16:00",
        "Strategy 2021-2024",
        "(v4, 2024-25)",
        "2026-12-01",
        "SI 2021/990",
        "paras 8.1, 8.2, 8.3, 8.4",
        "ages 13, 14, 15, 16",
        "£1,000,000",
        "text 85258, or 116 123",
    ],
)
def test_times_years_ranges_lists_and_short_numbers_are_not_phone_numbers(words):
    assert numbers_in(words) == []


def test_the_judgement_question_names_every_red_flag_in_each_of_its_wordings(graph):
    """ "Think about any red flags shown beside you", with none beside it (the Dash not
    completed, tier 1, or told by someone else), read as "not high" for a woman raped by
    her ex-partner three days ago (officer walks, 2026-12-07): each wording names the app's
    own red flags (guidance: red_flag)."""
    question = graph.questions["professional_judgement_high_risk"]
    helps = [question.help, *(w.help for w in question.wordings if w.help)]
    flags = [g for g in graph.guidance if g.category == "red_flag"]
    assert len(helps) == 4 and len(flags) == 10
    words = ("strangulation", "threats to kill", "weapons", "pregnan", "separation")
    words += ("stalking", "getting worse", "cruelty to", "threatening suicide", "honour")
    for help_text in helps:
        assert all(word in help_text for word in words), help_text


def test_the_sarc_words_say_a_young_person_of_13_or_over_may_call_the_childrens_service(graph):
    """ "A child goes with the front-door referral", read at 7 pm two nights after a
    15-year-old's assault, sent the worker to a front door shut for the night; the children's
    service takes a 13+ young person's own call, as its row says (late-shift walk, 12-07)."""
    sarc = graph.actions["sarc_referral"]
    assert "at 13 or over can also contact the children's service" in sarc.fallback_note
    why = [r.why for r in graph.rules if "under 18s use the children's service" in r.why]
    assert why and all("at 13 or over they can also contact it themselves" in w for w in why)
