"""What leaves the window from a plan: copies (said, and taken back when a correction
changes the plan) and the PDF (saved, or said why not)."""

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.conftest import DATA
from tests.ui.conftest import press_alt, walk

SCENARIO = json.loads((DATA / "reference.json").read_text())[0]["scenario"]


def test_copying_a_number_says_what_was_copied(qtbot, window):
    """The status line still said "Summary copied" after a number was copied (review)."""
    walk(qtbot, window, SCENARIO)
    window.copy_summary()
    row = next(r for c in window.plan_view.cards for r in c.rows if hasattr(r, "copy_button"))
    row.copy_button.click()
    # and whose it is: "Copied 024 7683 2222:" named no service (officer's walk; H500)
    assert window.status.text().startswith(f"Copied {row.number.text()} ({row.name.text()}): ")
    # Ctrl+C on a card with the focus in the window: its first number (H503)
    window.copy_summary()
    card = next(c for c in window.plan_view.cards if c.rows and c.rows[0].reachable)
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert window.status.text().startswith(f"Copied {card.rows[0].number.text()} (")


def test_a_correction_takes_the_copied_summarys_words_off_the_status_line(qtbot, window):
    """ "Summary copied: paste it into the form" stood after a correction changed the plan:
    the old summary, on the clipboard, was invited into a referral form (review)."""
    walk(qtbot, window, SCENARIO)
    window.copy_contact("0121 000 0000")
    window.correct("discloser")
    window.answer("person_causing_harm")
    assert window.status.text() == window.status.versions  # the versions line again


def test_a_summary_copied_goes_from_the_clipboard_when_a_correction_changes_the_plan(qtbot, window):
    """The old summary stayed on the clipboard after a correction, ready to be pasted into
    the MARF or MARAC form with the answers it no longer matched (review 2026-12-01)."""
    walk(qtbot, window, SCENARIO)
    window.copy_summary()
    copied = QGuiApplication.clipboard().text()
    window.correct("borough")  # the same answer again: the plan and the copy still agree
    window.answer(SCENARIO["borough"])
    assert QGuiApplication.clipboard().text() == copied
    window.correct("discloser")
    window.answer("person_causing_harm")
    assert QGuiApplication.clipboard().text() == ""
    assert window.status.text().startswith("The plan changed, so the summary copied before")
    window.copy_summary()
    window.copy_contact("0121 000 0000")  # copied since: the worker's, left alone
    window.correct("discloser")
    window.answer("person_harmed")
    assert QGuiApplication.clipboard().text() == "0121 000 0000"


def test_a_number_copied_from_a_card_goes_when_a_correction_takes_it_off_the_plan(qtbot, window):
    """Walsall's front door, copied from its card, stayed on the clipboard after the area was
    corrected to Dudley, ready to be dialled (seams review, 2026-12-04)."""
    walk(qtbot, window, SCENARIO)
    rows = [r for card in window.plan_view.cards for r in card.rows if hasattr(r, "copy_button")]
    local = next(r for r in rows if r.number.text().startswith("0"))  # the first is local
    local.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    window.correct("borough")  # the same answer again: the number is still on the plan
    window.answer(SCENARIO["borough"])
    assert QGuiApplication.clipboard().text() == copied
    window.correct("borough")
    window.answer(next(b for b in ("dudley", "walsall") if b != SCENARIO["borough"]))
    assert copied not in window._summary_now()
    assert QGuiApplication.clipboard().text() == ""
    assert window.status.text().startswith("The plan changed, so the number copied before")


def test_copy_gives_a_plain_summary_and_quick_exit_clears_it(qtbot, window):
    walk(qtbot, window, SCENARIO)
    press_alt(qtbot, window.plan_view, Qt.Key.Key_C)
    text = QGuiApplication.clipboard().text()
    assert "Refer to MARAC" in text and "Black Country Women's Aid" in text
    window.quick_exit()
    assert QGuiApplication.clipboard().text() == ""


def test_pdf_has_the_plan_and_the_warning(qtbot, window, tmp_path):
    walk(qtbot, window, SCENARIO)
    target = tmp_path / "plan.pdf"
    window.pdf_path_provider = lambda: str(target)
    press_alt(qtbot, window.plan_view, Qt.Key.Key_P)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert window.status.text().startswith("PDF saved")


def test_a_pdf_that_could_not_be_saved_is_said_so(qtbot, window, tmp_path):
    walk(qtbot, window, SCENARIO)
    window.pdf_path_provider = lambda: str(tmp_path / "gone" / "plan.pdf")
    press_alt(qtbot, window.plan_view, Qt.Key.Key_P)
    assert window.status.text().startswith("The PDF was not saved (No such file or directory)")
    assert window.pages.currentWidget() is window.plan_view


def test_what_new_numbers_replace_is_said_on_every_way_out_of_the_plan(
    qtbot, app_window, coventry_edit, tmp_path
):
    """After "New numbers: Coventry MASH: now …", Copy summary put the replaced number into
    the referral form with nothing said, and its card's Copy the number to be rung (attack,
    2026-12-07; H589): the summary leads with the new numbers, and each copy or save says."""
    from datetime import date

    from app.db.bundle import publish
    from tests.conftest import NEW_NUMBER
    from tests.ui.directory.test_switching import OLD_NUMBER, coventry_children_case

    window, where, lead = app_window
    press_alt(qtbot, window, Qt.Key.Key_N)
    walk(qtbot, window, coventry_children_case())
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    press_alt(qtbot, window.plan_view, Qt.Key.Key_C)
    summary = QGuiApplication.clipboard().text()
    new = f"Coventry MASH: now {NEW_NUMBER}, not {OLD_NUMBER}"
    assert summary.startswith(f"New numbers since this plan was made: {new}.\n\n")
    assert window.status.text().startswith("Summary copied, headed by the note above the plan: ")
    row = next(r for c in window.plan_view.cards for r in c.rows if r.number.text() == OLD_NUMBER)
    row.copy_button.click()
    assert window.status.text() == f"Copied {OLD_NUMBER} (Coventry MASH). New numbers: {new}."
    # of the service copied only: 111's words were said "replaced" for a line holding 111
    medical = window.plan_view.cards[0].rows[0]
    medical.copy_button.click()
    assert window.status.text().endswith(": paste it where you dial or write.")
    window.pdf_path_provider = lambda: str(tmp_path / "plan.pdf")
    press_alt(qtbot, window.plan_view, Qt.Key.Key_P)
    assert window.status.text().endswith(
        "It holds the plan's numbers: read the note above the plan."
    )
