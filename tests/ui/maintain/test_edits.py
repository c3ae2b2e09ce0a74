"""The lead's edits on real widgets and a real working copy: retire and reinstate, add,
and what the form holds typed applied only when the lead goes on with an edit."""

from PySide6.QtCore import Qt

from tests.ui.maintain.test_maintenance_window import type_into


def test_a_service_a_fallback_names_cannot_be_retired(lead_window, qtbot):
    window = lead_window
    asked = []
    window.confirm = lambda question: asked.append(question) or True
    window.select("ndah")
    window.form.retire_button.click()
    assert "a pathway fallback names it" in window.status.text()
    assert asked == []  # said at once, never asked first (the lead's walk, 2026-12-02)
    assert window.maintenance.copy.service("ndah")["status"] == "active"
    window.select("crasac")
    window.form.retire_button.click()
    assert window.maintenance.copy.service("crasac")["status"] == "retired"
    qtbot.waitUntil(lambda: "1 service retired in Coventry" in window.changes_summary.text())


def test_a_new_service_says_what_it_still_needs(lead_window, qtbot):
    window = lead_window
    qtbot.keyClicks(window.new_id, "coventry-new-idva")
    qtbot.keyClick(window.new_id, Qt.Key.Key_Return)
    assert window.form.row["id"] == "coventry-new-idva"
    assert "at least one of the kinds" in window.form.problem_labels["kinds"].text()
    # publish refused "has no source", a field the form never flagged (lead's walk, 2026-12-02)
    assert "where these details come from" in window.form.problem_labels["source"].text()
    type_into(qtbot, window.form.editors["kinds"], "idva")
    type_into(qtbot, window.form.editors["area"], "coventry")
    assert not window.form.problem_labels["kinds"].isVisible()
    qtbot.keyClicks(window.new_id, "coventry-new-idva")
    window.add_button.click()
    assert "already used" in window.status.text()


def test_retiring_asks_first_and_a_retired_service_can_be_reinstated(lead_window):
    window = lead_window
    asked = []
    window.confirm = lambda question: asked.append(question) or False
    window.select("crasac")
    window.form.retire_button.click()
    assert asked[0].startswith("Retire CRASAC") and "reinstated" in asked[0]
    assert "No other service held here covers: ISVA in Coventry" in asked[0]  # its only one
    window.select("solihull-mash")
    window.form.retire_button.click()  # Solihull's only children's front door
    assert "covers: Children's front door in Solihull" in asked[1]
    assert "an update without one is not published" in asked[1]  # as publish refuses (H508)
    assert "not published" not in asked[0]  # an ISVA service may close
    assert window.maintenance.copy.service("crasac")["status"] == "active"  # said no
    window.confirm = lambda question: True
    window.form.retire_button.click()
    assert window.form.retire_button.text() == "Reins&tate"
    window.form.retire_button.click()
    assert window.maintenance.copy.service("crasac")["status"] == "active"


def test_what_is_typed_is_applied_only_by_what_the_lead_goes_on_with(lead_window, qtbot):
    """Add with no id, Retire answered no and Mark checked cancelled each applied what was
    typed ("Not changed" said beside a changed number), and Redo with something typed
    applied it and lost the step redone, unsaid (re-attack, 2026-12-06)."""
    window, form, copy = lead_window, lead_window.form, lead_window.maintenance.copy
    window.select("coventry-mash")
    type_into(qtbot, form.editors["phone"], "024 7600 0001")
    window.add_button.click()  # no id typed
    assert window.status.text().startswith("Not added: id ''")
    window.confirm = lambda question: False
    form.retire_button.click()
    form.check_button.click()
    window.check_dialog.reject()
    assert copy.service("coventry-mash")["phone"] != "024 7600 0001" and form.typed()
    form.apply_button.click()
    window.undo_action.trigger()
    type_into(qtbot, form.editors["hours"], "9-5")
    window.redo_action.trigger()
    assert window.status.text() == "Not redone: apply or revert what is typed first."
    assert copy.redo_stack and form.typed()


def test_retiring_is_asked_with_no_as_the_answer_enter_gives(lead_window, qtbot):
    """Enter said Yes, and one key took a service off every plan (the lead's walk)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.ui.maintain.dialogs import ask_confirm

    seen = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.defaultButton() is box.button(QMessageBox.StandardButton.No))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)
    assert ask_confirm(lead_window, "Retire", "Retire CRASAC?") is False
    assert seen == [True]
