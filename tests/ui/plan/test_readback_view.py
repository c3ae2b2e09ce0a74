"""The read-back: every answer on one screen, each shown whole."""

import json

from PySide6.QtCore import Qt

from app.cli.route import answers_for
from app.pathways.answers import answer_label
from app.ui.plan.readback_view import ReadBackView
from tests.conftest import DATA
from tests.ui.conftest import cell_margin


def read_back_of_the_first_reference_case(qtbot, pathway):
    scenario = json.loads((DATA / "reference.json").read_text())[0]["scenario"]
    step = pathway.step(answers_for(pathway, scenario))
    question = pathway.graph.questions
    rows = [(question[q], answer_label(question[q], step.answers[q])) for q in step.asked]
    view = ReadBackView()
    qtbot.addWidget(view)
    return view, rows


def test_every_question_and_answer_is_shown_whole(qtbot, pathway):
    """At a laptop's width the answers were cut to "The perso…", "Tier 2 …"."""
    view, rows = read_back_of_the_first_reference_case(qtbot, pathway)
    view.resize(740, 640)  # the middle column at 1366×768
    view.show()
    view.show_answers(rows)
    qtbot.waitExposed(view)
    table, cut = view.table, []
    for row in range(view.model.rowCount()):
        for column in (0, 1):
            index = view.model.index(row, column)
            margin = cell_margin(table)
            cell = table.visualRect(index).adjusted(margin, 0, -margin, 0)
            text = index.data()
            needed = table.fontMetrics().boundingRect(cell, Qt.TextFlag.TextWordWrap, text)
            if needed.height() > cell.height() or needed.width() > cell.width():
                cut.append(text)
    assert cut == []


def test_a_screen_reader_hears_each_question_with_its_answer(qtbot, pathway):
    """Down the questions a screen reader heard only the questions; the answers were a Right
    arrow away, each alone (a11y walk on the AT-SPI bus, 2026-12-07)."""
    view, rows = read_back_of_the_first_reference_case(qtbot, pathway)
    view.show_answers(rows)
    for row, (asked, said) in enumerate(rows):
        heard = view.model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
        assert heard == f"{asked.prompt} {said}"
        assert view.model.index(row, 0).data() == asked.prompt  # what is shown is unchanged
