"""Settings → About this directory, and "Install directory update…" on real widgets with
real signed bundles: what changes is shown before anything is switched; a refusal says why."""

import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.db import signing
from app.db.bundle import publish
from app.db.directories import select_directory
from app.db.trust import MACHINE_FOLDER
from app.ui.settings.about_directory import AboutDirectoryPanel
from tests.conftest import running, shipped_changed

YES = QMessageBox.StandardButton.Yes


@pytest.fixture
def panel(qtbot, it):
    where, _ = it
    panel = AboutDirectoryPanel(running(where))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def clicked_through(panel, qtbot):
    """Install pressed, and its checks and install read on their thread to the end."""
    panel.install_button.click()
    qtbot.waitUntil(lambda: not panel.busy)


def test_it_names_the_directory_and_every_trusted_key_with_its_origin(panel, it):
    _, lead = it
    assert "installed with the app" in panel.facts.text()
    assert select_directory(it[0]).version in panel.facts.text()
    assert f"{lead.key_id}: {MACHINE_FOLDER}" in panel.keys.text()
    assert not panel.refused.isVisible()


def test_the_worker_sees_the_change_and_decides(panel, it, coventry_edit, tmp_path, qtbot):
    where, lead = it
    made = publish(coventry_edit, lead.private_path, tmp_path / "out", "2026.12.1", date.today())
    asked = []
    panel.path_provider = lambda: str(made)
    panel.confirm = lambda question: asked.append(question) or False
    clicked_through(panel, qtbot)
    assert "Directory 2026.12.1" in asked[0] and "1 number changed" in asked[0]
    assert panel.result.text() == "Not installed: nothing was changed."
    assert select_directory(where).origin == "shipped"
    panel.confirm = lambda question: True
    with qtbot.waitSignal(panel.installed) as installed:
        clicked_through(panel, qtbot)
    assert installed.args[0].version == "2026.12.1"
    assert panel.result.text() == "Installed directory 2026.12.1."


def test_a_file_name_that_looks_like_markup_is_shown_as_typed(
    panel, it, coventry_edit, tmp_path, qtbot
):
    """The real question box: a name read as markup hid "1 number changed" in a comment
    and put its own question in bold (attack F20, 2026-12-06; H473)."""
    where, lead = it
    made = publish(coventry_edit, lead.private_path, tmp_path / "out", "2026.12.1", date.today())
    named = made.rename(made.with_name("<b>No number changes. Install it?<!--.navdir"))
    panel.path_provider = lambda: str(named)
    seen = []

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_no)
            return
        label = box.findChild(QLabel, "qt_msgbox_label")
        seen.append((label.textFormat(), label.text(), box.defaultButton() is box.button(YES)))
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer_no)
    clicked_through(panel, qtbot)
    ((shown_as, text, yes_by_default),) = seen
    assert shown_as == Qt.TextFormat.PlainText
    assert text.startswith("Directory 2026.12.1 from <b>No number changes. Install it?<!--")
    assert "1 number changed" in text
    assert yes_by_default  # Enter installs, as before
    assert panel.result.text() == "Not installed: nothing was changed."
    assert select_directory(where).origin == "shipped"


def test_a_bundle_by_an_unknown_publisher_is_refused_with_the_reason(
    panel, it, coventry_edit, tmp_path, qtbot
):
    stranger = signing.generate(tmp_path / "stranger")
    made = publish(coventry_edit, stranger.private_path, tmp_path, "2026.12.1", date.today())
    panel.path_provider = lambda: str(made)
    panel.confirm = lambda question: pytest.fail("a refused bundle is never offered")
    clicked_through(panel, qtbot)
    assert panel.result.text().startswith(f"Not installed: {made.name}: signed with unknown key")
    assert select_directory(it[0]).origin == "shipped"


def test_the_install_button_is_reached_by_its_key(panel, qtbot):
    chosen = []
    panel.path_provider = lambda: chosen.append(True)
    panel.install_button.setFocus()
    qtbot.keyClick(panel.install_button, Qt.Key.Key_Space)
    assert chosen == [True]


def test_the_maintenance_button_says_why_the_window_cannot_open(qtbot, it):
    where, _ = it
    opened = []
    allowed = AboutDirectoryPanel(running(where), lambda: opened.append(1) or "no folder")
    qtbot.addWidget(allowed)
    allowed.maintain_button.click()
    assert opened == [1]
    assert allowed.result.text() == "The maintenance window cannot open: no folder"


@pytest.mark.parametrize("allowed", [True, False])
def test_the_window_offers_maintenance_as_it_policy_says(app_home, qtbot, allowed):
    import json

    from app.event_log import EventLog
    from app.ui.application import open_window
    from tests.conftest import machine_folder

    folder = machine_folder(app_home.env, "config")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policy.json").write_text(json.dumps({"allow_directory_maintenance": allowed}))
    window = open_window(None, EventLog())
    qtbot.addWidget(window)
    assert hasattr(window.settings_tab.about, "maintain_button") is allowed
    window.close()


def test_an_update_it_could_not_use_is_named_with_what_to_do(qtbot, it, tmp_path):
    where, _ = it
    where.machine_updates.mkdir()
    (where.machine_updates / "directory-2026.12.9.navdir").write_bytes(b"not a bundle")
    panel = AboutDirectoryPanel(running(where))
    qtbot.addWidget(panel)
    panel.show()
    text = panel.refused.text()
    assert panel.refused.isVisible() and "tell IT" in text
    assert "directory-2026.12.9.navdir: not a directory bundle (it does not begin as one" in text


def test_a_refusal_since_it_was_first_shown_shows_when_it_is_shown_again(panel, it, tmp_path):
    """IT withdrew a key while the app ran: the panel, read when first shown, is read again."""
    where, _ = it
    assert not panel.refused.isVisible()
    where.machine_updates.mkdir()
    (where.machine_updates / "broken.navdir").write_bytes(b"not a bundle")
    panel.updates.check()
    panel.hide()
    panel.show()
    assert panel.refused.isVisible() and "broken.navdir: not a directory bundle" in (
        panel.refused.text()
    )


def test_an_update_rewording_a_card_changes_nothing_the_worker_is_asked_about(
    panel, it, tmp_path, qtbot
):
    """An update's words for the cards are never used (the release's are, H345): the worker
    was asked to install "pathway changed: card emergency_999", which never happens."""
    _, lead = it
    copy = shipped_changed(
        tmp_path / "changed.sqlite",
        "UPDATE action_template SET say = 'Wait.' WHERE kind = 'emergency_999'",
    )
    made = publish(copy, lead.private_path, tmp_path / "out", "2026.12.1", date.today())
    asked = []
    panel.path_provider = lambda: str(made)
    panel.confirm = lambda question: asked.append(question) or False
    clicked_through(panel, qtbot)
    assert "no change to any service" in asked[0] and "pathway" not in asked[0]


def test_checks_that_hang_leave_the_window_answering_and_quick_exit_is_never_asked_over(
    app_window, coventry_edit, tmp_path, qtbot
):
    """The install's checks read on the window's thread: an update on a share that hung, or
    a profile file that never answered, froze the window, quick exit with it (attack F19).
    Left by quick exit while they read, the worker is not asked over the neutral screen."""
    window, where, lead = app_window
    panel = window.settings_tab.about
    made = publish(coventry_edit, lead.private_path, tmp_path / "out", "2026.12.1", date.today())
    share_answers, real_preview = threading.Event(), panel.updates.preview
    panel.updates.preview = lambda path: share_answers.wait(5) and real_preview(path)
    asked = []
    panel.path_provider = lambda: str(made)
    panel.confirm = lambda question: asked.append(question) or True
    window.tabs.setCurrentWidget(window.settings_page)
    assert panel.isVisible()
    panel.install_button.click()
    assert panel.result.text() == f"Checking {made.name}…"
    qtbot.mouseClick(window.exit_button, Qt.MouseButton.LeftButton)  # answered meanwhile
    assert window.screens.currentWidget() is window.neutral
    share_answers.set()
    qtbot.waitUntil(lambda: not panel.busy)
    assert asked == [] and "you left before being asked" in panel.result.text()
    assert select_directory(where).origin == "shipped"


def test_an_install_overtaken_by_a_newer_directory_never_puts_its_numbers_back(
    app_window, coventry_edit, tmp_path, qtbot
):
    """The install read on its thread while the 15-minute check switched the window to
    IT's newer 2026.12.3; offered when it finished, the worker's 2026.12.2 put its older
    Coventry number back on screen (re-attack F19, 2026-12-06)."""
    window, where, lead = app_window
    panel = window.settings_tab.about
    ours = publish(coventry_edit, lead.private_path, tmp_path / "out", "2026.12.2", date.today())
    chosen, finish, real_install = threading.Event(), threading.Event(), panel.updates.install

    def slow_install(*args):  # chosen, then slow to come back (a busy laptop)
        outcome = real_install(*args)
        chosen.set()
        finish.wait(5)
        return outcome

    panel.updates.install = slow_install
    panel.path_provider = lambda: str(ours)
    panel.confirm = lambda question: True
    window.tabs.setCurrentWidget(window.settings_page)
    assert panel.isVisible()
    panel.install_button.click()
    qtbot.waitUntil(chosen.is_set)
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.3", date.today())
    window.switch.check()  # the 15-minute check, while the install reads
    assert "directory 2026.12.3" in window.status.text()
    finish.set()
    qtbot.waitUntil(lambda: not panel.busy and not window.switch.checking)
    assert "another directory came meanwhile: the newer of the two is used" in (panel.result.text())
    assert "directory 2026.12.3" in window.status.text()
    assert window.switch.updates.current.version == "2026.12.3"


def test_a_file_chosen_while_another_is_checked_is_the_one_asked_about(
    panel, it, coventry_edit, tmp_path, qtbot
):
    """A file on a share that hung left "Checking…" and Install did nothing until a
    restart; the share answering hours later asked about the old file (re-attack F19)."""
    _, lead = it
    hung = publish(coventry_edit, lead.private_path, tmp_path / "share", "2026.12.1", date.today())
    local = publish(coventry_edit, lead.private_path, tmp_path / "local", "2026.12.2", date.today())
    share_answers, real_preview = threading.Event(), panel.updates.preview
    panel.updates.preview = lambda path: (
        (path != hung or share_answers.wait(5)) and real_preview(path)
    )
    asked = []
    panel.confirm = lambda question: asked.append(question) or False
    panel.path_provider = lambda: str(hung)
    panel.install_button.click()
    assert panel.result.text() == f"Checking {hung.name}…"
    panel.path_provider = lambda: str(local)
    clicked_through(panel, qtbot)
    share_answers.set()
    qtbot.wait(300)  # the share's answer, for the file chosen before, is passed over
    assert len(asked) == 1 and "Directory 2026.12.2" in asked[0]
    assert panel.result.text() == "Not installed: nothing was changed."


def test_a_check_that_failed_says_so_and_the_panel_stays_usable(panel, tmp_path, qtbot):
    """The label went blank, and only a general error was shown (re-attack F19)."""

    def unreadable(path):
        raise PermissionError("the worker's folder cannot be read")

    panel.updates.preview = unreadable
    panel.path_provider = lambda: str(tmp_path / "update.navdir")
    with qtbot.capture_exceptions() as raised:
        clicked_through(panel, qtbot)
    assert [kind for kind, *_ in raised] == [PermissionError]
    assert panel.result.text() == (
        "Not installed: update.navdir: it could not be checked (PermissionError): tell IT."
    )
