"""A locked-down, shared laptop: read-only install, no writable profile, no directory, a
second launch, and an unexpected error. Each keeps the worker going and says what to do."""

import csv
import hashlib
import os
import shutil
import stat
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from app.event_log import EventLog
from app.last_resort import LAST_RESORT
from app.ui.application import bring_forward, open_window, start
from app.ui.error_report import install_error_handler
from app.ui.single_instance import SingleInstance, instance_key
from app.ui.start_problem import StartProblemScreen
from tests.conftest import REPO, run_app


def snapshot(root):
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_runs_from_a_read_only_install_and_writes_nothing_there(app_home, tmp_path):
    install = tmp_path / "Program Files" / "Navigator"
    for part in ("app", "resources", "migrations"):
        shutil.copytree(REPO / part, install / part, ignore=shutil.ignore_patterns("__pycache__"))
    before = snapshot(install)
    for path in [install, *install.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        result = run_app(
            "--self-test",
            cwd=install,
            # bytecode caching is the interpreter's, not the app's (a frozen build has none);
            # as root, chmod stops nothing, so the snapshot below is the real check
            env={**app_home.env, "PYTHONPATH": str(install), "PYTHONDONTWRITEBYTECODE": "1"},
        )
    finally:
        for path in [install, *install.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    assert result.returncode == 0, result.stderr
    assert snapshot(install) == before  # not one file added or changed, not even bytecode


def test_no_writable_profile_runs_with_settings_in_memory_and_says_so(qtbot, app_home):
    data_home = app_home.root / "xdg_data_home"
    shutil.rmtree(data_home)
    data_home.write_text("the profile folder cannot be created here")
    window = open_window(None, EventLog(app_home.root / "log"))
    qtbot.addWidget(window)
    window.show()
    assert window.storage_banner.isVisible()
    assert "not being saved" in window.storage_banner.text()
    window.replace_settings(tier=1)  # changing settings still works, for this session
    assert window.session.answers["tier"] == 1


@pytest.mark.parametrize("problem", ["missing", "refused"])
def test_no_usable_directory_shows_what_to_do_and_the_last_resort_numbers(
    qtbot, app_home, tmp_path, problem, monkeypatch
):
    monkeypatch.setenv("NAVIGATOR_DEVELOPER", "1")  # so the window considers --directory
    database = tmp_path / "directory.sqlite"
    if problem == "refused":
        database.write_bytes(b"this is not a directory database" * 64)
    log = EventLog(tmp_path / "log")
    app = QApplication.instance()
    app.navigator_window = None
    start(app, database, log)
    qtbot.waitUntil(lambda: isinstance(app.navigator_window, StartProblemScreen), timeout=5000)
    screen = app.navigator_window
    qtbot.addWidget(screen)
    text = screen.message.text()
    for contact in LAST_RESORT:
        assert contact.phone in text and contact.name in text
    assert "For IT" in text and "--self-test" in text and str(log.path) in text
    assert "start: no usable directory" in log.path.read_text(encoding="utf-8")


def test_the_last_resort_numbers_match_the_directory_source():
    with (REPO / "resources" / "services" / "services.csv").open(encoding="utf-8") as source:
        rows = {row["id"]: row for row in csv.DictReader(source)}
    for contact in LAST_RESORT:
        row = rows[contact.service_id]
        assert (row["name"], row["phone"]) == (contact.name, contact.phone)
        assert row["open_24_7"] == "yes" and row["area"] == "national"


def test_a_second_launch_brings_the_first_window_forward(
    qtbot, app_home, socket_folder, monkeypatch
):
    from app.paths import user_data_folder

    monkeypatch.setenv("TMPDIR", str(socket_folder))  # where Qt puts the socket
    app_home.env["TMPDIR"] = str(socket_folder)
    first = SingleInstance(instance_key(str(user_data_folder())))
    assert first.listen()
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    first.activated.connect(lambda: bring_forward(window))
    second = subprocess.Popen(
        [sys.executable, "-m", "app"],
        cwd=REPO,
        env=app_home.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with qtbot.waitSignal(first.activated, timeout=30_000):
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    finally:
        if second.poll() is None:
            second.kill()
        out, err = second.communicate()
        first.close()
    assert second.returncode == 0, err
    assert "already open" in out
    assert not window.isMinimized()


def test_a_stale_instance_name_from_a_crash_does_not_block_the_next_start(qtbot, tmp_path):
    key = instance_key(str(tmp_path))
    crashed = SingleInstance(key)
    assert crashed.listen()
    crashed.server.close()  # the pipe name can be left behind; the next start takes it over
    fresh = SingleInstance(key)
    assert not fresh.forward_to_running()
    assert fresh.listen()
    fresh.close()


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_shows_a_message_and_logs_no_case_data(
    qtbot, make_window, tmp_path, monkeypatch
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    shown = []
    log = EventLog(tmp_path / "log")
    install_error_handler(log, shown.append)
    window = make_window()

    def broken(value):
        raise ValueError(f"could not handle {value!r} for Flat 9, Canary Road")

    monkeypatch.setattr(window.session, "answer", broken)
    window.question_page.panel.answered.emit(True)  # a Qt slot raises
    assert len(shown) == 1 and "999" in shown[0] and str(log.path) in shown[0]
    written = log.path.read_text(encoding="utf-8")
    assert "unexpected error ValueError" in written and "main_window.py" in written
    assert "Canary" not in written and "Flat 9" not in written and "True" not in written


def test_an_error_when_the_log_cannot_be_written_still_shows_the_message(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    blocked = tmp_path / "log-is-a-file"
    blocked.write_text("")
    shown = []
    install_error_handler(EventLog(blocked), shown.append)
    try:
        raise KeyError("walsall")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert "could not be written" in shown[0]


def test_canary_without_self_test_is_refused(app_home):
    result = run_app("--canary", "x", env=app_home.env)
    assert result.returncode == 2 and "only with --self-test" in result.stderr
    assert os.environ.get("QT_QPA_PLATFORM") == "offscreen"
