"""Right-to-left words set apart from the number and hours beside them."""

import dataclasses

from app.pathways.bidi import isolated
from app.pathways.services import ServiceMatch
from app.pathways.summary import service_line


def test_only_a_part_with_right_to_left_letters_is_set_apart():
    assert isolated("9:00 - 17:00 Mon to Fri") == "9:00 - 17:00 Mon to Fri"
    assert isolated("اردو") == "\u2068اردو\u2069"


def test_the_pasted_summary_keeps_a_number_after_urdu_words_in_order(qapp, graph):
    """In the copied summary, pasted where a line's direction follows its words, the NDAH's
    Urdu alert turned its note's "0330 223 0099" into "0099 223 0330" (attack round,
    2026-12-02)."""
    from PySide6.QtGui import QFont, QTextLayout

    ndah = dataclasses.replace(
        graph.services["ndah"], alert="اردو بولنے والے", phone_note="0330 223 0099 if no answer"
    )
    line = service_line(ServiceMatch(ndah), lambda service: True)
    layout = QTextLayout(line, QFont())
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    x = [layout.lineAt(0).cursorToX(line.index(group))[0] for group in ("0330", "223", "0099")]
    assert x == sorted(x)
