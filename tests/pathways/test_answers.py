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
    assert answer_label(questions["dash_answers"], None) == "Not completed"
