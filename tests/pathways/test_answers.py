"""Answers in words, as the read-back, the summary strip and the copied summary give them."""

from app.pathways.answers import answer_label


def test_each_kind_of_answer_reads_as_the_worker_gave_it(pathway):
    questions = pathway.graph.questions
    assert answer_label(questions["immediate_danger"], False) == "No"
    assert answer_label(questions["borough"], "walsall") == "Walsall"
    about = questions["about_abuser"]
    assert answer_label(about, ["under_18"]) == about.option("under_18").label
    # nothing ticked is what was ticked, not a fact: "None" for a stranger's work with
    # children read on a referral form as known (officer walk, 2026-12-02)
    assert answer_label(about, []) == "None ticked"
    dash = questions["dash_answers"]
    assert answer_label(dash, None) == "Not completed"
    # each "yes" by its number: item 9 (pregnancy) is not asked again, and was nowhere in
    # the copied summary (officer walks, 2026-12-02)
    given = {"dash_09": "yes", "dash_15": "yes", "dash_01": "no", "dash_02": "not_known"}
    assert answer_label(dash, given) == (
        "Partly completed: 2 of 24 'yes' (items 9, 15); 21 not known"
    )
    # every item answered (walk, 2026-12-04: 14 blank read "Completed")
    whole = {item.id: "no" for item in dash.items} | {"dash_09": "yes"}
    assert answer_label(dash, whole) == "Completed: 1 of 24 'yes' (item 9)"
