"""Nothing left behind: after a quick exit every view is as a fresh window's, the clipboard
holds nothing the app put there, and saving a file leaves no folder name in Qt's settings."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.db.user_store import open_user_store
from app.ui.file_dialog import documents_folder
from app.user_data import UserData
from tests.conftest import REPO
from tests.ui.conftest import TODAY, press, walk

WALSALL = json.loads((REPO / "tests" / "data" / "reference.json").read_text())[0]["scenario"]


@pytest.fixture
def user_data(tmp_path, graph):
    data = UserData(open_user_store(tmp_path / "profile"), graph, lambda: TODAY)
    yield data
    data.store.close()


def on_screen(root) -> list[tuple]:
    """Every text, choice and model row under root: what anyone at the screen could read."""
    seen = [("label", w.objectName(), w.text()) for w in root.findChildren(QLabel)]
    seen += [("field", w.accessibleName(), w.text()) for w in root.findChildren(QLineEdit)]
    seen += [("choice", w.accessibleName(), w.currentText()) for w in root.findChildren(QComboBox)]
    seen += [
        ("toggle", w.accessibleName() or w.text(), w.isChecked())
        for w in root.findChildren(QAbstractButton)
        if w.isCheckable()
    ]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        rows = [
            tuple(model.index(r, c).data() for c in range(8) if model.index(r, c).isValid())
            for r in range(model.rowCount())
        ]
        seen.append(("rows", view.accessibleName(), tuple(rows)))
    # what a screen reader is served, hidden widgets too: the last case's area, age, risk
    # and 999 wording stayed in names after a quick exit (seams review, 2026-12-04)
    seen += [
        ("spoken", type(w).__name__, w.accessibleName(), w.accessibleDescription())
        for w in root.findChildren(QWidget)
        if w.accessibleName() or w.accessibleDescription()
    ]
    return sorted(seen, key=repr)


def everything_a_worker_does(qtbot, window, tmp_path):
    walk(qtbot, window, WALSALL)
    window.copy_summary()
    card = next(label for label in window.plan_view.findChildren(QLabel) if "MARAC" in label.text())
    card.setFocus()
    card.setSelection(0, len(card.text()))
    qtbot.keyClick(card, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    window.read_back()
    window.tabs.setCurrentWidget(window.directory)
    window.directory.borough.setCurrentIndex(window.directory.borough.findData("walsall"))
    qtbot.keyClicks(window.directory.query, "refuge")
    qtbot.waitUntil(lambda: window.directory.model.rowCount() > 0)
    window.directory.table.selectRow(0)
    panel = window.settings_tab.stored
    panel.show_counts_button.click()
    panel.export_path_provider = lambda: str(tmp_path / "counts.csv")
    panel.export_button.click()
    window.show_countdown(30)


def test_after_quick_exit_every_view_is_as_a_fresh_windows(qtbot, make_window, user_data, tmp_path):
    window = make_window(user_data=user_data)
    fresh = make_window(user_data=user_data)
    fresh_view = on_screen(fresh.work)
    everything_a_worker_does(qtbot, window, tmp_path)
    assert len(window.holds_case()) >= 6  # the list is real: these places held the case
    window.quick_exit()
    assert window.holds_case() == []
    assert not window.pathway.holds_case()  # no service choices remembered from the case
    assert on_screen(window.work) == fresh_view


def test_after_the_999_page_quick_exit_leaves_nothing_a_screen_reader_reads(qtbot, make_window):
    """The 999 page's name kept its card's words after a quick exit (seams review)."""
    window, fresh = make_window(), make_window()
    press(qtbot, window, Qt.Key.Key_Y)  # someone is in danger now
    assert window.pages.currentWidget() is window.emergency
    assert "999" in window.emergency.accessibleName()
    window.quick_exit()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the card, gone
    assert on_screen(window.work) == on_screen(fresh.work)


def test_text_selected_in_the_plan_and_copied_is_cleared(qtbot, make_window):
    window = make_window()
    walk(qtbot, window, WALSALL)
    card = next(label for label in window.plan_view.findChildren(QLabel) if "MARAC" in label.text())
    card.setFocus()
    card.setSelection(0, len(card.text()))
    qtbot.keyClick(card, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied and copied == card.selectedText().replace("\u2029", "\n")
    window.quick_exit()
    assert QGuiApplication.clipboard().text() == ""


@pytest.mark.parametrize("summary_copied_before", [False, True])
def test_text_another_program_copied_is_left_alone(qtbot, make_window, summary_copied_before):
    """Also after the worker copied the plan's summary earlier: a draft copied in Word since
    was emptied by quick exit (review 2026-12-01)."""
    window = make_window()
    if summary_copied_before:
        walk(qtbot, window, WALSALL)
        window.copy_summary()
    clipboard = QGuiApplication.clipboard()
    clipboard.blockSignals(True)  # as if copied elsewhere: the app never saw it arrive
    clipboard.setText("the worker's own note from another program")
    clipboard.blockSignals(False)
    window.quick_exit()
    assert clipboard.text() == "the worker's own note from another program"


@pytest.mark.parametrize("existed", [True, False])
def test_saving_a_pdf_leaves_qts_shared_settings_as_they_were(
    qtbot, make_window, tmp_path, existed
):
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    path = settings.fileName()

    shared = Path(path)
    shared.parent.mkdir(parents=True, exist_ok=True)
    if existed:
        shared.write_text("[OtherApp]\nrecent=/home/someone/else\n")
    else:
        shared.unlink(missing_ok=True)
    before = shared.read_bytes() if existed else None
    window = make_window()
    walk(qtbot, window, WALSALL)
    target = tmp_path / "saved" / "plan.pdf"
    target.parent.mkdir()

    def choose() -> None:
        dialog = window.active_file_dialog
        if dialog is None:
            QTimer.singleShot(20, choose)
            return
        warning = dialog.findChild(QLabel, "save_warning")
        assert warning.isVisible() and "Do not give a printed plan" in warning.text()
        assert Path(dialog.directory().absolutePath()) == Path(documents_folder())
        dialog.setDirectory(str(target.parent))
        dialog.selectFile(str(target))
        dialog.accept()

    QTimer.singleShot(0, choose)
    window.save_pdf()
    assert target.is_file() and target.stat().st_size > 1000
    assert (shared.read_bytes() if shared.exists() else None) == before


def test_the_search_cannot_be_brought_back_with_undo(qtbot, make_window):
    window = make_window()
    window.tabs.setCurrentWidget(window.directory)
    qtbot.keyClicks(window.directory.query, "sarc walsall")
    window.quick_exit()
    window.reopen()
    window.tabs.setCurrentWidget(window.directory)
    qtbot.keyClick(window.directory.query, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.directory.query.text() == ""
    assert not window.directory.query.isUndoAvailable()


def test_copies_are_marked_to_stay_out_of_windows_clipboard_history(qtbot, make_window):
    window = make_window()
    walk(qtbot, window, WALSALL)
    card = next(label for label in window.plan_view.findChildren(QLabel) if "MARAC" in label.text())
    card.setFocus()
    card.setSelection(0, len(card.text()))
    qtbot.keyClick(card, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # through the app
    mime = QGuiApplication.clipboard().mimeData()
    formats = set(mime.formats())
    for name in ("ExcludeClipboardContentFromMonitorProcessing", "CanIncludeInClipboardHistory"):
        assert f'application/x-qt-windows-mime;value="{name}"' in formats
    assert bytes(mime.data("x-kde-passwordManagerHint")) == b"secret"  # and Linux's (H409)
    assert card.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_a_search_copied_or_cut_is_marked_and_goes_at_quick_exit(qtbot, make_window):
    """Ctrl+C or the menu's Copy in the directory search put plain text on the clipboard:
    kept by Win+V, and left there when the app closed (privacy review 2026-12-01)."""
    window = make_window()
    query = window.directory.query
    clipboard = QGuiApplication.clipboard()

    def marked() -> bool:
        formats = set(clipboard.mimeData().formats())
        return 'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"' in formats

    query.setText("forced marriage walsall")
    query.selectAll()
    qtbot.keyClick(query, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "forced marriage walsall" and marked()
    clipboard.clear()
    qtbot.keyClick(query, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "forced marriage walsall" and marked() and query.text() == ""

    def copy_from_menu() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, copy_from_menu)
            return
        next(a for a in menu.actions() if a.objectName() == "edit-copy").trigger()
        menu.close()

    query.setText("fgm")
    query.selectAll()
    clipboard.clear()
    QTimer.singleShot(20, copy_from_menu)
    query.customContextMenuRequested.emit(query.rect().center())
    assert clipboard.text() == "fgm" and marked()
    query.setText("forced marriage")  # a result copied (attack review): its number (H499)
    table = window.directory.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    table.setCurrentIndex(table.model().index(0, 0))
    clipboard.clear()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == window.directory.model.hits[0].phone != "" and marked()
    window.quick_exit()
    assert clipboard.text() == ""


def test_a_copy_from_the_read_back_or_reminders_is_marked_and_goes_at_quick_exit(
    qtbot, make_window
):
    """Ctrl+C in the read-back put "Dudley" and "A family member" on the clipboard with Qt's
    own copy, unmarked: kept by Win+V and Klipper beyond quick exit (privacy attack,
    2026-12-07; H574). And quick exit takes it off without giving the clipboard up: GNOME's
    own clipboard manager offers the last text again the moment the clipboard has no owner."""
    from app.ui.clipboard_guard import OURS, SECRET_HINT

    window = make_window()
    walk(qtbot, window, WALSALL)
    clipboard = QGuiApplication.clipboard()
    window.read_back()
    table = window.readback.table
    area = next(
        r
        for r in range(table.model().rowCount())
        if "Walsall" in str(table.model().index(r, 1).data())
    )
    table.setCurrentIndex(table.model().index(area, 1))
    clipboard.clear()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = clipboard.mimeData()
    assert "Walsall" in clipboard.text() and bytes(mime.data(SECRET_HINT[0])) == SECRET_HINT[1]
    reminders = window.reminders.case_view
    reminders.setCurrentIndex(reminders.model().index(0, 0))
    qtbot.keyClick(reminders, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() and clipboard.mimeData().hasFormat(SECRET_HINT[0])
    window.quick_exit()
    left = clipboard.mimeData()
    assert clipboard.text() == "" and not left.hasText()
    assert left.hasFormat(OURS)  # held, marked and empty: not given up to a manager's copy
