"""A newer directory reaches a running window between conversations, never during one:
the real window, a real signed bundle in IT's update folder, the real engine and search."""

import shutil
from datetime import date

from PySide6.QtCore import Qt

from app.db.bundle import publish
from app.directory_updates import CHECK_EVERY_MS
from tests.conftest import NEW_NUMBER, NOT_A_RELEASE, REPO, routed_cases
from tests.ui.conftest import press, walk

OLD_NUMBER = "024 7678 8555"  # Coventry MASH in the shipped directory


def coventry_children_case():
    """A reference case with children at home, moved to Coventry: the plan names its MASH."""
    (case,) = (c for c in routed_cases() if c["name"].startswith("adult DA, 15 yes, children"))
    return {**case["scenario"], "borough": "coventry"}


def plan_text(window):
    return "\n".join(window.plan_view.plain_texts())


def test_it_waits_for_the_next_conversation(app_window, coventry_edit, qtbot):
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)  # a case has begun
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert window.switch.pending is not None
    assert "directory 2026.12.1" not in window.status.text()  # not in the middle of a case
    walk(qtbot, window, coventry_children_case())
    assert OLD_NUMBER in plan_text(window) and NEW_NUMBER not in plan_text(window)
    window.new_conversation()
    assert window.switch.pending is None
    assert "directory 2026.12.1" in window.status.text()
    banner = window.directory_banner.text()
    assert banner.startswith("Directory 2026.12.1 is now in use (1 number changed).")
    assert "marked in the list" not in banner  # the lead's marks: a worker has no list
    walk(qtbot, window, coventry_children_case())
    assert NEW_NUMBER in plan_text(window) and OLD_NUMBER not in plan_text(window)


def test_with_no_case_open_it_is_used_at_once_and_searched(app_window, coventry_edit, qtbot):
    window, where, lead = app_window
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert window.switch.pending is None and "2026.12.1" in window.status.text()
    assert "2026.12.1" in window.settings_tab.about.facts.text()
    with qtbot.waitSignal(window.directory.searches.answered, timeout=5000):
        window.directory.query.setText("Coventry MASH")
        window.directory.run_search()
    assert NEW_NUMBER in [hit.phone for hit in window.directory.model.hits]
    window.directory.clear()


def test_a_new_directorys_words_for_a_kind_are_offered_in_its_filter(app_window, tmp_path):
    """An update gave a kind new words: the Directory tab's filter kept the launch's (attack
    round, 2026-12-02). A kind this release knows keeps the release's words: an update's
    swapped labels sent "Children's front door" to adult safeguarding (H358); a kind the
    lead added is offered in the update's."""
    from app.db.build import build_directory

    window, where, lead = app_window
    kind = window.directory.kind
    source = tmp_path / "source"
    shutil.copytree(REPO / "resources", source, ignore=NOT_A_RELEASE)
    toml = source / "services" / "directory.toml"
    old = 'helpline_da = "Domestic abuse helpline"'
    assert old in toml.read_text("utf-8")
    new = f'{old[:-1]} (national, 24/7)"\npeer_support = "Peer support"'
    toml.write_text(toml.read_text("utf-8").replace(old, new), "utf-8")
    build_directory(source, tmp_path / "renamed.sqlite")
    renamed = tmp_path / "renamed.sqlite"
    publish(renamed, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert "2026.12.1" in window.status.text()
    words = [kind.itemText(i) for i in range(kind.count())]
    assert "Peer support" in words
    assert "Domestic abuse helpline" in words
    assert "Domestic abuse helpline (national, 24/7)" not in words


def test_a_switch_leaves_the_focus_in_the_tab_the_worker_is_in(app_window, coventry_edit, qtbot):
    """The focus went to the hidden conversation's "Yes [Y]": a Space in the Directory tab
    answered "in danger now" (re-attack round, 2026-12-02)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window, where, lead = app_window
    window.tabs.setCurrentWidget(window.directory)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.directory.table.setFocus()
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert "2026.12.1" in window.status.text()
    assert QApplication.focusWidget() is window.directory.table
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Space)
    assert "immediate_danger" not in window.session.answers


def test_quick_exit_lets_a_waiting_directory_in(app_window, coventry_edit, qtbot):
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert window.switch.pending is not None
    window.quick_exit()
    assert window.switch.pending is None and window.holds_case() == []


def test_its_folder_is_checked_every_fifteen_minutes(app_window):
    window, _, _ = app_window
    assert CHECK_EVERY_MS == 15 * 60 * 1000
    assert window.switch.timer.isActive() and window.switch.timer.interval() == CHECK_EVERY_MS


def test_the_launchs_directory_frozen_at_start_can_be_freed_once_replaced(
    app_window, coventry_edit, qtbot
):
    import gc
    import weakref

    window, where, lead = app_window
    old = weakref.ref(window.pathway.graph)
    gc.freeze()  # as gui_collector.take_over leaves what the launch made
    try:
        publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
        window.switch.check()
        assert "2026.12.1" in window.status.text()
        assert old() is None  # the old graph, thawed, collected
        # and what is in use now frozen again: a full collection walked it all (helper-275)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_waiting_directory_withdrawn_before_the_case_ends_is_not_switched_to(
    app_window, coventry_edit, qtbot
):
    """IT withdrew the key of a waiting directory mid-case: at the end of the case it was
    switched to all the same (review 2026-12-01)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)  # a case has begun
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert window.switch.pending is not None
    for key in where.keys.machine.glob("*.pub"):
        key.unlink()  # IT withdraws the publisher's key
    window.switch.check()
    assert window.switch.pending is None
    window.new_conversation()
    assert "directory 2026.12.1" not in window.status.text()


def test_a_switch_and_a_refusal_while_the_app_runs_are_logged(app_home, app_window, coventry_edit):
    """A laptop left open all day switched directories and refused updates, and the log
    held only its start (review 2026-12-01): IT reads the log."""
    from app.event_log import EventLog

    window, where, lead = app_window
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    (where.machine_updates / "junk.navdir").write_bytes(b"not a bundle")
    window.switch.check()
    logged = EventLog().path.read_text(encoding="utf-8")
    assert "now in use: directory 2026.12.1 (IT's update folder" in logged
    assert "directory check: junk.navdir: not a directory bundle" in logged
    window.switch.check()  # the same refusal again: said once
    assert EventLog().path.read_text(encoding="utf-8").count("junk.navdir") == 1


def test_the_check_reads_on_its_own_thread_so_a_hung_share_never_freezes_quick_exit(
    app_window, coventry_edit, qtbot
):
    """IT's folder was read on the window's thread every 15 minutes: a share that hangs (a
    laptop off the VPN waits out the network) froze the window and quick exit with it,
    mid-conversation (IT review 2026-12-01). Still reading at the next tick, it is said in
    About and the log, once: a share hung for hours left the laptop on old numbers with no
    word to anyone (attack F19)."""
    import threading

    from app.event_log import EventLog

    window, where, lead = app_window
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    share_answers, readers = threading.Event(), []
    real_check = window.switch.updates.check

    def hung_share():
        readers.append(threading.current_thread())
        share_answers.wait(5)
        return real_check()

    window.switch.updates.check = hung_share
    window.switch.timer.timeout.emit()  # the 15 minutes are up
    qtbot.waitUntil(lambda: bool(readers))
    window.switch.timer.timeout.emit()  # still reading: no second check
    window.switch.timer.timeout.emit()
    not_answered = "IT's update folder has not answered since "
    window.switch.look_again()  # a worker's install asking for a check: not one more line
    said = [line for line in window.switch.updates.about().refused if not_answered in line]
    assert len(said) == 1 and said[0].endswith("(the directory in use stays)")
    assert EventLog().path.read_text(encoding="utf-8").count(not_answered) == 1
    qtbot.mouseClick(window.exit_button, Qt.MouseButton.LeftButton)  # answered meanwhile
    assert window.screens.currentWidget() is window.neutral
    assert readers[0] is not threading.main_thread() and len(readers) == 1
    share_answers.set()
    qtbot.waitUntil(lambda: len(readers) == 2 and not window.switch.checking)  # looked again
    assert "directory 2026.12.1" in window.status.text()  # no case held: in use at once
    assert not [line for line in window.switch.updates.refused if not_answered in line]


def test_a_check_begun_before_an_install_never_puts_an_older_directory_back(
    app_window, coventry_edit, qtbot
):
    """A check that began reading IT's share before the worker installed a newer bundle
    came back after it, and put the older directory found in the share back in use
    (eleventh attack round, 2026-12-01): what it found was against what is gone."""
    import threading

    window, where, lead = app_window
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    share_answers, real_check = threading.Event(), window.switch.updates.check

    def slow_share():  # found, then slow to come back (the share's last files, a busy CPU)
        found = real_check()
        share_answers.wait(5)
        return found

    window.switch.updates.check = slow_share
    window.switch.timer.timeout.emit()
    downloads = where.machine_updates.parent / "downloads"
    newer = publish(coventry_edit, lead.private_path, downloads, "2026.12.2", date.today())
    loaded, reason = window.switch.updates.install(newer, window.switch.updates.preview(newer))
    assert reason == ""
    window.switch.offer(loaded)  # as About → Install does
    assert "directory 2026.12.2" in window.status.text()
    share_answers.set()
    qtbot.waitUntil(lambda: not window.switch.checking)
    assert "directory 2026.12.2" in window.status.text()  # never 2026.12.1 again
    assert window.switch.pending is None
