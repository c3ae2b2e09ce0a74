"""The lines a number's note gives, read as the plan card reads them (helper-282 and
helper-283, 2026-12-07; H614, H620)."""

import pytest

from app.note_lines import Line, as_rung, card_lines, dialled


@pytest.mark.parametrize(
    ("note", "lines"),
    [
        ("Out of hours: 0300 555 2922", [Line("out of hours", "0300 555 2922")]),
        # each number named by its own words, a 116 line among them
        (
            "Out of hours: 0300 555 2922; Samaritans: 116 123",
            [Line("out of hours", "0300 555 2922"), Line("Samaritans", "116 123")],
        ),
        # one the words say is old, replaced or closed is no line, before it or after it
        (
            "Out of hours: 0300 555 9999 (not 0300 555 2922)",
            [Line("out of hours", "0300 555 9999")],
        ),
        (
            "Out of hours: 0300 555 2922 replaced by 0300 555 9999",
            [Line("out of hours", "0300 555 9999")],
        ),
        (
            "Out of hours: 0300 555 9999 (changed from 0300 555 2922)",
            [Line("out of hours", "0300 555 9999")],
        ),
        (
            "0300 555 9999 - calls to 0300 555 2922 are not answered",
            [Line("other line", "0300 555 9999")],
        ),
        # a number after a line in its sentence is that line's; a date after it is kept
        (
            "Out of hours: 0300 555 9999 from 1 Jan (0300 555 2922 until then)",
            [
                Line("out of hours", "0300 555 9999", "from 1 Jan"),
                Line("out of hours", "0300 555 2922"),
            ],
        ),
        # two numbers run together by an arrow are two lines, the old one no line
        # (helper-288, 2026-12-07; H628)
        ("Out of hours: 0300 555 2222->0300 555 9999", [Line("out of hours", "0300 555 9999")]),
        (
            "Out of hours: 0300 555 2222 \u2192 0300 555 9999",
            [Line("out of hours", "0300 555 9999")],
        ),
        # the line after "then" starts when the one before it ends, in its sentence or the next
        (
            "Out of hours: 0300 555 2222 until 31 Dec, then 0300 555 9999",
            [
                Line("out of hours", "0300 555 2222", "until 31 Dec"),
                Line("out of hours", "0300 555 9999", "after 31 Dec"),
            ],
        ),
        (
            "Out of hours: 0300 555 2222 until 31 Dec. After that: 0300 555 9999",
            [
                Line("out of hours", "0300 555 2222", "until 31 Dec"),
                Line("out of hours", "0300 555 9999", "after 31 Dec"),
            ],
        ),
        # "OOH" as written; "If no answer, try" without its "try"
        ("OOH: 0121 303 2296", [Line("OOH", "0121 303 2296")]),
        ("If no answer, try 0330 223 0099", [Line("if no answer", "0330 223 0099")]),
    ],
)
def test_a_notes_lines_are_read_as_its_card_reads_them(note, lines):
    assert card_lines(note) == lines


def test_a_line_is_the_same_line_however_its_label_is_worded():
    night = Line("out of hours", "0300 555 2922")
    assert Line("Evenings and weekends", "0300 555 2922").key == night.key
    assert Line("Rough sleeping", "0300 555 2922").key != night.key


@pytest.mark.parametrize("written", ["+44 300 555 2922", "0044 300 555 2922", "(0300) 555-2922"])
def test_a_number_is_compared_as_it_is_dialled(written):
    assert dialled(written) == "03005552922"


def test_childlines_number_is_never_run_on_into_its_hours():
    """ "0800 1111 (24" was read as 0800 111124, a ten-figure freephone number."""
    assert as_rung("0800 1111 (24") == "0800 1111"
    assert as_rung("0300 555 2922 (24") == "0300 555 2922"
