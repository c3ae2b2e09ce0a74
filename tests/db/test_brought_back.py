"""Edits brought back after crashes, a line at a time across every journal (the working
copy's own tests walk them through real journals: tests/db/test_edit_journal.py)."""

from app.db.brought_back import bring_back

SAVED = {"id": "mash", "name": "MASH", "phone": "8555", "notes": ""}


def step(at, journal, before, after):
    """A journal line as the window writes it: one edit, each row as it was just before."""
    return (at, journal, [after], set(), [before], [], True)


def test_lines_come_back_in_the_order_they_were_made_across_journals():
    first = {**SAVED, "phone": "1111"}
    second = {**SAVED, "phone": "2222"}
    lines = [
        step(1.0, 1, SAVED, first),
        step(2.0, 2, SAVED, second),  # typed after, in another window
        step(3.0, 1, first, {**first, "notes": "later, elsewhere in the row"}),
    ]
    brought = bring_back([dict(SAVED)], lines)
    assert brought.rows[0]["phone"] == "2222" and brought.rows[0]["notes"]
    assert brought.said == ["MASH (mash): phone"] and brought.unreadable == 0


def test_a_field_a_window_changed_and_put_back_is_no_change_of_its():
    """Replayed step by step over another's save of the same value, the undo put the old
    number back (fourth attack round, 2026-12-02)."""
    typed = {**SAVED, "phone": "2222"}
    lines = [step(1.0, 1, SAVED, typed), step(2.0, 1, typed, dict(SAVED))]
    brought = bring_back([{**SAVED, "phone": "2222"}], lines)  # saved by another meanwhile
    assert brought.rows[0]["phone"] == "2222" and brought.said == []
