"""The lead's window on real widgets and a real working copy: edit a number, see it checked
inline, mark it checked, see the grid and the difference change, undo, publish."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.db import signing
from app.db.bundle import read_bundle
from app.db.loader import load_valid_graph
from app.ui.models import IdRole
from tests.ui.conftest import TODAY, wait_in_view

PASSPHRASE = "a long enough passphrase"
COVENTRY = ("coventry", 0)  # the children's front door column


def cell(window, key=COVENTRY):
    borough, column = key
    row = [b for b, _ in window.maintenance.boroughs].index(borough)
    return window.coverage.index(row, column).data(Qt.ItemDataRole.AccessibleTextRole)


def type_into(qtbot, editor, text):
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_an_edit_is_checked_as_typed_then_applied_and_undone(lead_window, qtbot):
    window = lead_window
    window.select("coventry-mash")
    phone = window.form.editors["phone"]
    type_into(qtbot, phone, "024 7600 000")  # a digit short
    label = window.form.problem_labels["phone"]
    assert label.isVisible() and "has too few or too many digits" in label.text()
    assert "has too few or too many digits" in phone.accessibleDescription()
    type_into(qtbot, phone, "+44 24 7600 0000")
    qtbot.keyClick(phone, Qt.Key.Key_Return)  # finishing the field writes it the usual way
    assert phone.text() == "024 7600 0000" and not label.isVisible()
    window.form.apply_button.click()
    assert window.maintenance.copy.service("coventry-mash")["phone"] == "024 7600 0000"
    summary = window.changes_summary
    qtbot.waitUntil(lambda: summary.text().endswith(": 1 number changed"))  # just after
    assert "Coventry MASH: number 024 7678 8555 → 024 7600 0000" in window.changes.body.text()
    window.undo_action.trigger()
    assert window.maintenance.copy.service("coventry-mash")["phone"] == "024 7678 8555"
    qtbot.waitUntil(lambda: window.changes_summary.text().endswith("no change to any service"))
    window.redo_action.trigger()
    assert window.form.editors["phone"].text() == "024 7600 0000"


def test_a_refuges_whereabouts_typed_in_its_note_is_named_as_typed(lead_window, qtbot):
    """A house's name in a refuge's number note (H386): named in the form before Apply."""
    window = lead_window
    window.select("haven-wolverhampton")
    type_into(qtbot, window.form.editors["phone_note"], "Ring first, the old vicarage")
    label = window.form.problem_labels["phone_note"]
    assert label.isVisible() and "'vicarage' is not among them" in label.text()
    type_into(qtbot, window.form.editors["phone_note"], "Ring first, women only")
    assert not label.isVisible()
    # the notes are no private place for it: every worker's Directory tab shows them
    assert "shown to workers" in window.form.editors["notes"].accessibleDescription()


def test_marking_checked_clears_the_grid_warning(lead_window, qtbot):
    window = lead_window
    assert cell(window).startswith("⚠ 1 service, best high; never checked by a person")
    window.select("coventry-mash")
    window.form.check_button.click()
    dialog = window.check_dialog
    assert dialog.isVisible()
    # what it vouches for, every line of it, in view (the lead's walk, 2026-12-07; H578)
    row = window.maintenance.copy.service("coventry-mash")
    said = dialog.numbers.text()
    assert said.startswith(f"Confirms: {row['phone']}") and row["phone_note"] in said
    assert "only if each was confirmed" in said
    dialog.by.setText("")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # no role: refused in the dialog, nothing recorded
    assert "a role is enough" in dialog.error.text() and dialog.isVisible()
    dialog.by.setText("DA co-ordinator, Coventry")
    ok.click()
    assert not dialog.isVisible()
    assert cell(window) == "✔ 1 service, best high; checked this month"
    row = window.maintenance.copy.service("coventry-mash")
    assert (row["assured_method"], row["assured_date"]) == ("phoned", TODAY.isoformat())


def test_publish_with_a_wrong_then_right_passphrase(lead_window, tmp_path):
    window = lead_window
    lead = signing.generate(tmp_path / "lead", PASSPHRASE)
    window.select("coventry-mash")
    window.form.editors["phone"].setText("024 7600 0000")
    window.form.apply_button.click()
    window.ask_publish()
    dialog = window.publish_dialog
    assert dialog.version.text() == "2026.11.30.2"  # the in-use version is today's
    assert dialog.summary.text().startswith("Against the directory in use: ")
    assert "This copy holds" not in dialog.summary.text()
    dialog.key.setText(str(lead.private_path))
    dialog.out_dir.setText(str(tmp_path / "out"))
    dialog.passphrase.setText("not the passphrase")
    dialog.publish_button.click()
    assert "wrong passphrase" in dialog.error.text() and dialog.isVisible()
    assert dialog.passphrase.text() == ""  # never kept
    assert window.maintenance.copy.service("coventry-mash")["phone"] == "024 7600 0000"
    dialog.passphrase.setText(PASSPHRASE)
    dialog.publish_button.click()
    assert not dialog.isVisible()
    (bundle,) = (tmp_path / "out").glob("*.navdir")
    _, data = read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))
    assert load_valid_graph(data).services["coventry-mash"].phone == "024 7600 0000"
    assert "Published directory 2026.11.30.2" in window.status.text()
    # a key no laptop set up like this one trusts yet: said (lead review 2026-12-01)
    assert f"does not trust the key that signed it ({lead.key_id})" in window.status.text()
    window.ask_publish()  # the next publish: the key file kept, never the passphrase
    again = window.publish_dialog
    assert again is not dialog and again.key.text() == str(lead.private_path)
    assert again.passphrase.text() == ""
    # the same changes counted again, said why (lead review, 2026-12-02)
    held = "This copy holds directory 2026.11.30.2, newer than 2026.11.30 in use on this computer"
    assert held in again.summary.text()


def test_an_update_the_copy_could_not_keep_is_said_with_what_to_do(
    lead_window, tmp_path, monkeypatch
):
    """On a full disk the copy kept no copy of the update it signed, unsaid: its next link,
    published on a laptop without that update, carried none of the line (H454, N5). The
    disk fills as the kept copy is written (no full disk can be made here)."""
    import errno

    from app.db import copy_marks

    def disk_full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    lead = signing.generate(tmp_path / "lead", PASSPHRASE)
    lead_window.apply("coventry-mash", {"phone": "024 7600 0000"})
    lead_window.ask_publish()
    dialog = lead_window.publish_dialog
    dialog.key.setText(str(lead.private_path))
    dialog.out_dir.setText(str(tmp_path / "out"))
    dialog.passphrase.setText(PASSPHRASE)
    monkeypatch.setattr(copy_marks.shutil, "copyfile", disk_full)
    dialog.publish_button.click()
    said = lead_window.status.text()
    assert "Published directory" in said
    assert "could not keep a copy of the update it signed (is the disk full?)" in said
    assert "install the update on this laptop before publishing from this copy again" in said


def test_the_form_never_holds_a_service_the_list_does_not_show(lead_window, qtbot):
    """The form stayed on Black Country Women's Aid after "solihull front door" listed the
    MASH alone, and tabbing on edited the wrong service (the lead's walk, 2026-12-06); a
    service chosen for the lead (the first found) was reinstated by a second key, and an
    edit applied under a search left the form saying "not applied" (review, 2026-12-06)."""
    window, form = lead_window, lead_window.form
    window.select("bcwa")
    qtbot.keyClicks(window.search, "solihull-mash")
    assert not form.row and not form.isEnabled()
    assert form.heading.text() == "Choose a service to edit it."
    window.search.clear()
    assert not form.row  # none chosen for the lead
    window.select("bcwa")
    form.editors["hours"].setText("Mon-Fri")
    window.search.setText("solihull-mash")
    assert form.row["id"] == "bcwa" and form.typed()  # typed: kept, and said
    assert "what is typed is kept, though the search does not find it" in window.status.text()
    form.revert_button.click()
    assert not form.row
    window.search.setText("0121 303 1888")  # found by its number, then given a new one
    window.table.selectRow(0)
    assert form.row["id"] == "birmingham-cass"
    form.editors["phone"].setText("024 7600 1111")
    form.apply_button.click()
    assert window.maintenance.copy.service("birmingham-cass")["phone"] == "024 7600 1111"
    assert not form.typed() and (not form.row or form.editors["phone"].text() != "0121 303 1888")


def test_the_list_taking_the_focus_chooses_nothing(lead_window, qtbot):
    """Tab into the list made its first row current: that service was chosen for the lead,
    and what was typed to one the search had left out was applied (re-attack, 2026-12-06)."""
    window, form = lead_window, lead_window.form
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Tab)
    assert not form.row  # at opening
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # Enter chooses the row shown current
    assert form.row["id"] == window.services.index(0, 0).data(IdRole)
    window.select("bcwa")
    type_into(qtbot, form.editors["hours"], "Mon-Fri")
    window.search.setFocus()
    qtbot.keyClicks(window.search, "solihull")
    qtbot.keyClick(window.search, Qt.Key.Key_Tab)
    assert form.row["id"] == "bcwa" and form.typed()
    assert window.maintenance.copy.service("bcwa")["hours"] != "Mon-Fri"


def test_a_service_kept_for_what_was_typed_goes_once_nothing_is_typed(lead_window, qtbot):
    """Typing undone by hand left the form on a service the list did not show; its word on
    the status line stayed once the search found it again; and a row left highlighted as
    the form emptied chose nothing when clicked (re-attack, 2026-12-06)."""
    window, form = lead_window, lead_window.form
    window.select("bcwa")
    hours = form.editors["hours"]
    type_into(qtbot, hours, "Mon-Fri")
    window.search.setText("solihull")
    assert "does not find it" in window.status.text()
    window.search.setText("bcwa")
    assert "does not find it" not in window.status.text()
    window.search.setText("solihull")
    hours.setText(window.maintenance.copy.service("bcwa")["hours"])  # typed back by hand
    assert not form.row and not window.table.selectionModel().selectedRows()
    window.table.selectRow(0)
    assert form.row["id"] == window.services.index(0, 0).data(IdRole)


def test_the_changes_never_widen_the_window_past_the_screen(lead_window, qtbot):
    """As the summary grew, the window did: 1869 px at 24 pt, the form's buttons and the
    publish warning off a 1366-px screen (the lead's walk, 2026-12-06)."""
    bigger = lead_window.font()
    bigger.setPointSize(24)
    lead_window.setFont(bigger)  # on the window itself: the application's reaches it later
    lead_window.apply("solihull-mash", {"phone": "0121 788 4400"})
    lead_window.apply("coventry-mash", {"phone": "024 7600 0000"})
    lead_window.confirm = lambda question: True
    lead_window.select("crasac")
    lead_window.form.retire_button.click()
    lead_window.show_changes()
    assert "2 numbers changed" in lead_window.changes_summary.text()
    qtbot.wait(50)
    page = lead_window.centralWidget()
    assert page.layout().totalMinimumSize().width() <= 1366


def test_no_button_of_the_window_takes_a_menus_alt_key(lead_window):
    """ "A&dd service" took Alt+D, the Directory menu's: the first press went to the button
    (the lead's walk, 2026-12-06)."""
    from PySide6.QtWidgets import QAbstractButton

    def key(text: str) -> str:
        return text[text.index("&") + 1].lower() if "&" in text else ""

    menus = {key(a.text()) for a in lead_window.menuBar().actions()}
    buttons = {key(b.text()) for b in lead_window.findChildren(QAbstractButton)} - {""}
    assert menus and not menus & buttons, menus & buttons


def test_returns_are_read_shown_and_exported(lead_window, tmp_path):
    from app.user_data import write_counts_csv

    files = []
    for n, count in enumerate((2, 3), start=1):
        path = tmp_path / f"laptop-{n}.csv"
        write_counts_csv(
            [
                ("2026-11", "coventry", "action", "child_safeguarding_referral", count),
                ("2026-11", "coventry", "unmet_need", "child_safeguarding_referral", count),
            ],
            path,
        )
        files.append(str(path))
    (tmp_path / "not-counts.csv").write_text("a,b\n")
    files.append(str(tmp_path / "not-counts.csv"))
    lead_window.returns_provider = lambda: files
    lead_window.read_returns()
    view = lead_window.returns_view
    texts = [label.text() for label in view.findChildren(type(lead_window.status))]
    assert any("Skipped not-counts.csv: not a counts export" in t for t in texts)
    mash = "Refer to the children's front door (MASH) today"
    assert any(f"Coventry: {mash}, 5 plan(s)" in t for t in texts)  # names, not ids
    assert any("They cover 2026-11: 0 plan(s) completed." in t for t in texts)
    assert view.model.rows == [("Coventry", mash, 5, 5)]
    for kind in ("csv", "pdf"):
        target = tmp_path / f"totals.{kind}"
        view.path_provider = lambda _kind, target=target: str(target)
        view.export(kind)
        assert view.result.text() == f"Written: {target}" and target.stat().st_size > 0
    assert (tmp_path / "totals.pdf").read_bytes().startswith(b"%PDF")
    view.path_provider = lambda _kind: str(tmp_path / "no-such-folder" / "x.csv")
    view.export("csv")
    assert view.result.text().startswith("Not written:")


def test_a_found_list_follows_an_edit_that_changes_what_matches(lead_window, qtbot):
    window = lead_window
    qtbot.keyClicks(window.search, "7678 8555")
    assert [row["id"] for row in window.services.rows] == ["coventry-mash"]
    window.apply("coventry-mash", {"phone": "024 7600 0000"})
    assert window.services.rows == []  # the number is no longer anywhere
    window.apply("walsall-mast", {"notes": "Coventry's old number was 024 7678 8555"})
    assert [row["id"] for row in window.services.rows] == ["walsall-mast"]


def test_closing_with_unsaved_edits_saves_discards_or_stays(lead_window, qtbot):
    window = lead_window
    window.apply("crasac", {"hours": "Mon-Fri"})
    window.close_choice = lambda: "cancel"
    assert not window.close() and window.isVisible()
    # Directory, Close (Ctrl+W) asks as the title bar's × does: a lead found no way out
    assert window.close_action in window.menuBar().actions()[0].menu().actions()
    window.close_action.trigger()
    assert window.isVisible()
    window.close_choice = lambda: "save"
    window.close_action.trigger()
    assert not window.isVisible()
    assert not window.maintenance.copy.unsaved
    assert "Mon-Fri" in (window.maintenance.copy.folder / "services.csv").read_text()


def test_a_save_refused_on_closing_keeps_the_window_open(lead_window, graph):
    """A second window on the same copy saved first: this one's save was refused, and the
    window closed all the same (the lead's and IT's walk, 2026-12-02)."""
    from app.db.maintenance_session import Maintenance
    from tests.ui.maintain.conftest import SHIPPED

    window = lead_window
    window.apply("crasac", {"hours": "Mon-Fri"})
    other = Maintenance.open(window.maintenance.copy.folder, graph, SHIPPED)
    other.copy.update("bcwa", {"hours": "24/7"})
    other.copy.save()
    window.close_choice = lambda: "save"
    assert not window.close() and window.isVisible()
    # the other changes brought in, this window's on top: saving again keeps both (the
    # lead was sent to open the folder again, and the window opened sent them back:
    # re-attack round, 2026-12-02)
    assert "your changes are now on top of those changes" in window.status.text()
    copy = window.maintenance.copy
    assert copy.service("bcwa")["hours"] == "24/7" and copy.service("crasac")["hours"] == "Mon-Fri"
    assert window.close()
    saved = (copy.folder / "services.csv").read_text()
    assert "Mon-Fri" in saved and "24/7" in saved


def test_a_window_opened_second_says_the_first_has_unsaved_edits(lead_window, graph, qtbot):
    """It took them as its own, and its discard deleted them (re-attack round, 2026-12-02)."""
    from app.db.maintenance_session import Maintenance
    from app.ui.maintain.maintenance_window import MaintenanceWindow
    from tests.ui.maintain.conftest import SHIPPED, TODAY

    lead_window.apply("crasac", {"hours": "Mon-Fri"})
    second = Maintenance.open(lead_window.maintenance.copy.folder, graph, SHIPPED)
    other = MaintenanceWindow(second, lambda: TODAY)
    qtbot.addWidget(other)
    assert other.status.text().startswith("Another maintenance window open on this working")
    assert other.maintenance.copy.service("crasac")["hours"] != "Mon-Fri"


def test_an_edit_that_leaves_a_problem_says_so(lead_window):
    lead_window.apply("crasac", {"website": "http://crasac.org.uk"})
    assert "with 1 problem(s) shown in the form" in lead_window.status.text()


def test_the_publish_dialog_asks_for_the_key_file_first(lead_window, tmp_path):
    lead_window.ask_publish()
    dialog = lead_window.publish_dialog
    dialog.passphrase.setText("anything")
    dialog.publish_button.click()
    assert dialog.error.text() == "Nothing was published: choose your key file (Browse…)."
    dialog.key_provider = lambda: str(tmp_path / "lead.private-key")
    dialog.browse.click()
    assert dialog.key.text() == str(tmp_path / "lead.private-key")


def test_a_version_dated_ahead_is_said_before_it_is_signed(lead_window):
    """2026.12.13 typed on 6 December passed unsaid, and every update that week then
    needed a version above it (the lead's walk, 2026-12-06, F14)."""
    from datetime import timedelta

    lead_window.ask_publish()
    dialog = lead_window.publish_dialog
    today = lead_window.today()
    dialog.version.setText(f"{today.year}.{today.month}.{today.day}.3")
    assert dialog.ahead.text() == ""
    ahead = today + timedelta(days=7)
    dialog.version.setText(f"{ahead.year}.{ahead.month}.{ahead.day}")
    assert f"{ahead.day} {ahead:%B}, 7 days ahead: until then each later update needs a " in (
        dialog.ahead.text()
    )
    assert f"such as {ahead.year}.{ahead.month}.{ahead.day}.2." in dialog.ahead.text()


def test_the_publish_dialog_fits_the_screen_at_the_largest_text(lead_window):
    """At 24 pt it asked for 90 characters' width: wider than a 1366-px screen, its note
    and buttons cut off at the right (review, 2026-12-06)."""
    from PySide6.QtWidgets import QApplication

    font = QApplication.font()
    try:
        bigger = QApplication.font()
        bigger.setPointSize(24)
        QApplication.setFont(bigger)
        lead_window.ask_publish()
        dialog = lead_window.publish_dialog
        assert dialog.minimumWidth() <= dialog.screen().availableGeometry().width()
    finally:
        QApplication.setFont(font)


def test_every_field_of_the_window_and_its_dialogs_draws_its_edge(lead_window):
    """In high contrast the lead's boxes had no edge: an empty Name, E-mail or passphrase
    box could not be found (lead walk, 2026-12-06)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

    from app.ui.field_style import field_style

    lead_window.select("coventry-mash")
    lead_window.form.check_button.click()
    lead_window.ask_publish()
    kinds = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit)
    for root in (lead_window, lead_window.check_dialog, lead_window.publish_dialog):
        fields = [
            w
            for w in root.findChildren(QWidget)
            if isinstance(w, kinds) and not isinstance(w.parent(), kinds)
        ]
        unedged = [f.accessibleName() for f in fields if f.style() is not field_style()]
        assert fields and not unedged, (root.windowTitle(), unedged)
    lead_window.check_dialog.reject()
    lead_window.publish_dialog.reject()


def test_every_stop_of_the_tab_key_is_named_and_the_publish_fields_say_what_they_want(
    lead_window,
):
    """The form's scroll area was a Tab stop with no name, and the publish dialog's version,
    passphrase and folder said nothing of what they want (the lead's walk, 2026-12-06)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

    lead_window.ask_publish()
    dialog = lead_window.publish_dialog
    for root in (lead_window, dialog):
        stops = [
            w
            for w in root.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(root)
        ]
        unnamed = [
            type(w).__name__
            for w in stops
            if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        ]
        assert stops and not unnamed, unnamed
    fields = dialog.findChildren(QLineEdit)
    assert fields and all(f.accessibleDescription() for f in fields)
    dialog.reject()


def test_a_copy_older_than_the_directory_in_use_is_said_at_once(qtbot, maintenance):
    import dataclasses

    from app.ui.maintain.maintenance_window import MaintenanceWindow

    maintenance.in_use = dataclasses.replace(maintenance.in_use, directory_version="2026.12.5")
    maintenance.copy.recovered = True  # and edits brought back: said too (lead's attack)
    window = MaintenanceWindow(maintenance)
    qtbot.addWidget(window)
    assert "older than 2026.12.5 in use here" in window.status.text()
    assert window.status.text().endswith(
        "Unsaved edits from last time were brought back: check the changes below."
    )


def test_an_update_folder_that_cannot_be_read_is_said_when_the_window_opens(qtbot, maintenance):
    """A new laptop's copy began from the shipped directory while IT's share was out of
    reach; nothing said so until its publish undid a correction (review 2026-12-01)."""
    from app.db.published import Published
    from app.ui.maintain.maintenance_window import MaintenanceWindow

    maintenance.published = lambda: Published(unreachable="IT's update folder S: cannot be read")
    window = MaintenanceWindow(maintenance)
    qtbot.addWidget(window)
    assert window.status.text().startswith("IT's update folder S: cannot be read")
    assert "Publishing waits until it can be read" in window.status.text()


def test_a_number_typed_and_not_applied_is_never_lost(lead_window, qtbot):
    """Save (which said "Saved"), Publish, a search or choosing another service dropped it;
    the Apply button was below the window's edge (lead review 2026-12-01)."""
    import csv

    from app.ui.maintain.service_form import NOT_APPLIED

    window = lead_window
    copy = window.maintenance.copy
    window.select("coventry-mash")
    type_into(qtbot, window.form.editors["phone"], "024 7600 0001")
    assert NOT_APPLIED in window.form.heading.text()
    qtbot.keyClicks(window.search, "walsall")  # the form keeps what is typed
    assert window.form.editors["phone"].text() == "024 7600 0001"
    window.search.clear()
    window.save()
    with (copy.folder / "services.csv").open(encoding="utf-8") as handle:
        saved = {row["id"]: row for row in csv.DictReader(handle)}
    assert saved["coventry-mash"]["phone"] == "024 7600 0001"
    assert NOT_APPLIED not in window.form.heading.text()
    type_into(qtbot, window.form.editors["phone"], "024 7600 0002")
    window.select("walsall-mast")  # another service: the typed number applied first
    qtbot.waitUntil(lambda: window.form.row.get("id") == "walsall-mast")
    assert copy.service("coventry-mash")["phone"] == "024 7600 0002"
    type_into(qtbot, window.form.editors["phone"], "0300 555 2899")
    window.ask_publish()
    assert copy.service("walsall-mast")["phone"] == "0300 555 2899"
    assert "2 numbers changed" in window.maintenance.diff().summary()  # what the dialog shows
    window.publish_dialog.reject()


def test_the_day_checked_is_taken_as_typed_or_refused_in_words(lead_window, qtbot):
    """A date box recorded 24/11/2026 typed in as 1 November, and a day to come as today,
    without a word (lead review 2026-12-01)."""
    from datetime import timedelta

    window = lead_window
    window.select("coventry-mash")
    window.form.check_button.click()
    dialog = window.check_dialog
    dialog.by.setText("DA co-ordinator, Coventry")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ahead = TODAY + timedelta(days=3)
    for typed, said in (
        (f"{ahead:%d/%m/%Y}", "is after today"),
        ("24-11-26", "is not a day: type day/month/year"),
        ("31/02/2026", "is not a day"),
        ("24/11/1999", "(from 2000-01-01)"),  # it was refused as "in the future"
    ):
        type_into(qtbot, dialog.day, typed)
        ok.click()
        assert said in dialog.error.text() and dialog.isVisible()
    earlier = TODAY - timedelta(days=7)
    type_into(qtbot, dialog.day, f"{earlier:%d/%m/%Y}")
    assert dialog.day_read.text() == f"{earlier:%A %d %B %Y}"  # read back in words
    ok.click()
    assert not dialog.isVisible()
    assert window.maintenance.copy.service("coventry-mash")["assured_date"] == earlier.isoformat()


def test_a_check_recorded_otherwise_is_shown_in_the_form_with_what_to_do(lead_window):
    """Excel wrote the day as 24/11/2026: the row said "1 problem" and the form showed none,
    as the day has no field there (lead review 2026-12-01)."""
    window = lead_window
    copy = window.maintenance.copy
    copy.update(
        "coventry-mash",
        {"assured_date": "24/11/2026", "assured_method": "phoned", "assured_by": "DA lead"},
    )
    window.refresh()
    window.select("coventry-mash")
    said = window.form.other_problems
    assert said.isVisible() and "'24/11/2026' is not a day written YYYY-MM-DD" in said.text()
    assert "Mark it checked again" in said.text()


def test_after_any_change_to_the_copy_the_form_shows_the_copy_as_it_is(lead_window, qtbot):
    """The form kept comparing with the row as it was before: the right number typed back
    after Apply read as "no change" (the wrong one was published), Save re-applied what
    Undo took back, Retire read "Retire" again, and Save undid a check just marked (round-4
    review 2026-12-01)."""
    from app.ui.maintain.service_form import NOT_APPLIED

    window = lead_window
    copy = window.maintenance.copy
    window.select("coventry-mash")
    old = copy.service("coventry-mash")["phone"]
    type_into(qtbot, window.form.editors["phone"], "024 7600 0001")
    window.form.apply_button.click()
    assert NOT_APPLIED not in window.form.heading.text()
    type_into(qtbot, window.form.editors["phone"], old)  # the right number, back
    window.save()
    assert copy.service("coventry-mash")["phone"] == old
    type_into(qtbot, window.form.editors["phone"], "024 7600 0002")
    window.form.apply_button.click()
    window.undo_action.trigger()
    window.save()
    assert copy.service("coventry-mash")["phone"] == old  # Undo stood
    assert window.form.editors["phone"].text() == old
    window.select("crasac")
    type_into(qtbot, window.form.editors["hours"], "Mon-Fri 9-5")
    window.form.retire_button.click()
    assert copy.service("crasac")["status"] == "retired"
    qtbot.waitUntil(lambda: window.form.retire_button.text() == "Reins&tate")
    assert copy.service("crasac")["hours"] == "Mon-Fri 9-5"  # typed, applied first


def test_a_check_marked_with_a_number_typed_stands_after_save(lead_window, qtbot):
    window = lead_window
    copy = window.maintenance.copy
    window.select("coventry-mash")
    type_into(qtbot, window.form.editors["phone"], "024 7600 0001")
    window.form.check_button.click()  # what is typed is applied first
    dialog = window.check_dialog
    dialog.by.setText("DA co-ordinator, Coventry")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    window.save()
    row = copy.service("coventry-mash")
    assert row["phone"] == "024 7600 0001" and row["assured_date"] == TODAY.isoformat()


def test_staying_when_closing_applies_nothing_typed(lead_window, qtbot):
    window = lead_window
    copy = window.maintenance.copy
    window.select("coventry-mash")
    old = copy.service("coventry-mash")["phone"]
    type_into(qtbot, window.form.editors["phone"], "024 76")  # half typed
    window.close_choice = lambda: "cancel"
    window.close()
    assert copy.service("coventry-mash")["phone"] == old and window.isVisible()
    assert window.form.editors["phone"].text() == "024 76"
    window.close_choice = lambda: "discard"


def test_a_service_added_with_a_number_typed_elsewhere_keeps_the_form(lead_window, qtbot):
    """A number typed into the front door, then Add: the form went back to the front door a
    moment later, and the new service's name, kind and number were typed over it (lead's
    attack, 2026-12-02)."""
    window = lead_window
    copy = window.maintenance.copy
    window.select("coventry-mash")
    type_into(qtbot, window.form.editors["phone"], "024 7600 0001")
    qtbot.keyClicks(window.new_id, "coventry-new-idva")
    qtbot.keyClick(window.new_id, Qt.Key.Key_Return)
    qtbot.wait(50)  # the list and grid follow the applied number a moment later
    assert window.form.row["id"] == "coventry-new-idva"
    assert window.form.editors["name"].hasFocus()
    type_into(qtbot, window.form.editors["name"], "Coventry new IDVA")
    window.apply_typed()
    qtbot.wait(50)
    front_door = copy.service("coventry-mash")
    assert (front_door["name"], front_door["phone"]) == ("Coventry MASH", "024 7600 0001")
    assert copy.service("coventry-new-idva")["name"] == "Coventry new IDVA"


def test_an_edit_that_leaves_a_borough_without_a_front_door_says_so(lead_window, qtbot):
    """Coventry's only children's front door typed into an IDVA service was applied with
    nothing said; retiring it would have asked first (lead's attack, 2026-12-02)."""
    window = lead_window
    window.select("coventry-mash")
    type_into(qtbot, window.form.editors["kinds"], "idva")
    window.apply_typed()
    said = window.status.text()
    assert "changes applied. No other service held here covers: Children's front door in " in said
    assert "Coventry" in said and "only the fallback numbers" in said
    type_into(qtbot, window.form.editors["phone"], "024 7600 0001")  # nothing more left
    window.apply_typed()
    assert "No other service" not in window.status.text()


def test_an_edit_that_cannot_be_kept_is_said_and_nothing_changes(lead_window, qtbot):
    """On a full disk "Not changed" was said of an edit that was made (lead's attack,
    2026-12-02): the journal's place taken by a folder fails as a full disk does."""
    window = lead_window
    copy = window.maintenance.copy
    window.select("coventry-mash")
    type_into(qtbot, window.form.editors["phone"], "024 7600 0001")
    copy.journal.path.mkdir()
    window.apply_typed()
    assert window.status.text().startswith("Not changed: the edit could not be kept in")
    assert copy.service("coventry-mash")["phone"] == "024 7678 8555" and not copy.unsaved
    assert window.form.editors["phone"].text() == "024 7600 0001"  # what was typed stays
    # nor does choosing another service, or Publish, leave it behind (re-attack round)
    window.select("walsall-mast")
    qtbot.wait(20)
    assert window.form.row["id"] == "coventry-mash"
    assert window.form.editors["phone"].text() == "024 7600 0001"
    window.ask_publish()
    assert getattr(window, "publish_dialog", None) is None or not window.publish_dialog.isVisible()
    copy.journal.path.rmdir()
    window.apply_typed()
    copy.journal.path.unlink()
    copy.journal.path.mkdir()
    window.undo()
    assert window.status.text().startswith("Not changed: the edit could not be kept in")
    assert copy.service("coventry-mash")["phone"] == "024 7600 0001"
    copy.journal.path.rmdir()  # room made again
    for name in ("services.csv.partial", "directory.toml.partial"):  # the disk full at either
        partial = copy.folder / name
        partial.mkdir()  # a save the disk refuses: said, nothing lost, nothing half saved
        window.save()
        assert window.status.text().startswith(f"Not saved: {copy.folder} could not be written (")
        assert copy.unsaved and copy.service("coventry-mash")["phone"] == "024 7600 0001"
        assert "024 7600 0001" not in (copy.folder / "services.csv").read_text(encoding="utf-8")
        partial.rmdir()


def test_a_blanked_name_is_said_and_listed_by_the_services_id(lead_window, qtbot):
    """A blanked name was said ": changes applied." and listed as an empty row: the lead
    could not tell which service now has no name (lead review, 2026-12-02)."""
    window = lead_window
    window.select("walsall-mast")
    window.form.editors["name"].selectAll()
    qtbot.keyClick(window.form.editors["name"], Qt.Key.Key_Delete)
    window.apply_typed()
    qtbot.wait(50)  # the list follows a moment later
    assert window.status.text().startswith("walsall-mast (no name): changes applied.")
    ids = [row["id"] for row in window.services.rows]
    assert window.services.index(ids.index("walsall-mast"), 0).data() == "walsall-mast (no name)"


def test_shift_tab_from_below_the_form_brings_its_last_control_into_view(lead_window, qtbot):
    """The lead's form scrolls: Shift+Tab from "Changes" under it left the focus on its last
    button, below the fold (H331)."""
    window = lead_window
    window.select("coventry-mash")
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    below = window.changes.button
    below.setFocus()
    qtbot.keyClick(below, Qt.Key.Key_Backtab)
    qtbot.wait(50)
    last = window.focusWidget()
    assert window.form.isAncestorOf(last)
    wait_in_view(qtbot, last)
