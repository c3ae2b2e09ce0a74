"""Feedback and the practice summary in words, from the engine's comparison."""

from app.pathways import practice
from app.pathways.practice_text import feedback_sections, headline, summary_lines


def case(graph, vignette_id):
    return next(v for v in graph.vignettes if v.id == vignette_id)


def test_all_matched_says_so_and_still_gives_the_learning_points(pathway, graph):
    vignette = case(graph, "leah-school-disclosure")
    feedback = practice.compare(pathway, vignette, vignette.answers)
    assert headline(feedback).startswith("\u2714 All matched")
    (points,) = feedback_sections(pathway, vignette, feedback)
    assert points.title == "Learning points"
    assert points.lines[0].startswith(vignette.points[0].text)
    assert points.lines[0].endswith("[001 §11; 001 MARF/MASH definitions]")


def test_a_difference_is_said_with_what_it_alone_changed(pathway, graph):
    """A box the worker left unticked is said as the window showed it, "Not ticked" (it read
    "You answered No", where the copy and the read-back say "Not ticked": walks)."""
    vignette = case(graph, "amira-rent-arrears")
    feedback = practice.compare(
        pathway, vignette, {**vignette.answers, "children_in_household": False}
    )
    assert headline(feedback) == (
        "\u2716 Not matched: 1 answer differed; your plan missed 1 action."
    )
    sections = {s.title: s.lines for s in feedback_sections(pathway, vignette, feedback)}
    (line,) = sections["Answers that differ"]
    title = graph.actions["child_safeguarding_referral"].title
    assert "You answered \u201cNot ticked\u201d; expected \u201cYes\u201d." in line
    assert f"On its own, this answer loses {title}, and misses the reminder: " in line
    assert line.endswith("earshot.")  # one full stop, not the reminder's and ours
    assert f"Missing from your plan: {title}" in sections["Your plan against the expected plan"]


def test_the_summary_counts_cases_and_rules_and_keeps_no_answers(pathway, graph):
    done = {"amira-rent-arrears": {"date": "2026-11-30", "matched": True}}
    lines = summary_lines(pathway, done)
    cover = practice.coverage(pathway, (case(graph, "amira-rent-arrears"),))
    assert lines[0] == f"Vignettes done: 1 of {len(graph.vignettes)}"
    assert lines[1] == f"Pathway rules practised: {len(cover.rules)} of {len(cover.all_rules)}"
    assert "\u2714 Amira asks about rent arrears (tier 2): all matched, 2026-11-30" in lines
    assert sum(line.endswith(": not yet") for line in lines) == len(graph.vignettes) - 1


def test_a_dash_answered_otherwise_names_each_item_and_counts_once(pathway, graph):
    vignette = case(graph, "amira-rent-arrears")
    dash = {**vignette.answers["dash_answers"], "dash_15": "no"}
    feedback = practice.compare(pathway, vignette, {**vignette.answers, "dash_answers": dash})
    assert headline(feedback).startswith("\u2716 Not matched: 1 answer differed")
    sections = {s.title: s.lines for s in feedback_sections(pathway, vignette, feedback)}
    item = graph.questions["dash_answers"].items[14].text
    assert (
        f"Dash item 15 ({item}): you answered \u201cNo\u201d; expected \u201cYes\u201d"
        in (sections["Answers that differ"])
    )
    assert sections["Not asked in your walk (because of an earlier answer)"]


def test_questions_are_quoted_in_the_words_the_walk_asked_them(pathway, graph):
    vignette = case(graph, "amira-rent-arrears")
    feedback = practice.compare(pathway, vignette, {**vignette.answers, "incidents_12_months": 4})
    (line,) = feedback_sections(pathway, vignette, feedback)[0].lines
    assert "{" not in line and "in the last 12 months" in line
