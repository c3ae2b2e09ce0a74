"""Settings and start-up under pressure: a file another program holds locked, a corrupt
file, a full disk, and broken records. None loses a file or leaves a stuck window."""

import hashlib
import json
import os
import subprocess
import sys

from app.db.user_store import FILE_NAME, open_user_store
from app.event_log import EventLog
from app.settings import UserSettings
from app.ui.application import open_window
from app.user_data import UserData
from tests.conftest import run_app
from tests.security.attacks import publish_to_machine, trusted_publisher, user_folder

HOLD_LOCK = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def settings_file(graph, folder, **saved):
    store = open_user_store(folder)
    UserData(store, graph).save_settings(UserSettings(**saved))
    store.close()
    return folder / FILE_NAME


def test_a_locked_settings_file_is_waited_for_then_left_alone(tmp_path, graph):
    path = settings_file(graph, tmp_path, tier=1, default_borough="dudley")
    before = digest(path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        store = open_user_store(tmp_path, busy_wait_s=0.5)
        assert not store.persistent
        assert "another program is using them" in store.notes[0]
        assert "will not be saved this time" in store.notes[0]
    finally:
        holder.communicate("")
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]  # nothing renamed
    assert digest(path) == before
    again = open_user_store(tmp_path)  # the lock gone: the same settings, saved as before
    assert again.persistent and again.settings()["default_borough"] == "dudley"


def test_the_window_says_when_the_settings_file_is_busy(qtbot, app_home, tmp_path, graph):
    folder = user_folder(app_home.env)
    path = settings_file(graph, folder, tier=1)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        holder.stdout.readline()
        window = open_window(None, EventLog(tmp_path / "log"))
        qtbot.addWidget(window)
        window.show()
        assert window.storage_banner.isVisible()
        assert "another program is using them" in window.storage_banner.text()
    finally:
        holder.communicate("")


def test_a_corrupt_file_is_kept_aside_and_the_worker_is_told_where(qtbot, app_home, tmp_path):
    folder = user_folder(app_home.env)
    folder.mkdir(parents=True)
    (folder / FILE_NAME).write_bytes(b"this was never a database" * 100)
    window = open_window(None, EventLog(tmp_path / "log"))
    qtbot.addWidget(window)
    window.show()
    kept = list(folder.glob(f"{FILE_NAME}.unreadable-*"))
    assert len(kept) == 1
    assert str(kept[0]) in window.storage_banner.text()
    assert window.storage_banner.isVisible()


def test_a_full_disk_on_first_run_gives_a_banner_not_a_stuck_window(qtbot, app_home, tmp_path):
    folder = user_folder(app_home.env)
    folder.mkdir(parents=True)
    os.symlink("/dev/full", folder / FILE_NAME)  # every write fails: "disk full"
    window = open_window(None, EventLog(tmp_path / "log"))
    qtbot.addWidget(window)
    window.show()
    assert "cannot be written" in window.storage_banner.text()
    assert "full" in window.storage_banner.text()
    assert window.session.question.id == "immediate_danger"  # and the walk goes on


def test_broken_installed_records_are_set_aside_and_the_app_starts(app_home, tmp_path):
    publisher = trusted_publisher(app_home.env, tmp_path)
    publish_to_machine(app_home.env, publisher, "2026.12.1")
    assert run_app("--self-test", env=app_home.env).returncode == 0
    record = user_folder(app_home.env, "directories", "directory-2026.12.1.manifest.json")
    for broken in ('{"manifest": "{\\"expires\\": \\"x\\"}"}', "{}", "not json", '{"manifest": 5}'):
        publish_to_machine(app_home.env, publisher, "2026.12.1")  # so it can come back
        run_app("--self-test", env=app_home.env)
        record.write_text(broken)
        result = run_app("--self-test", env=app_home.env)
        assert result.returncode == 0, result.stderr
        assert "set aside" in result.stderr and "Traceback" not in result.stderr
        assert "directory 2026.12.1" in result.stdout  # reinstalled from IT's bundle
    old_pointer = user_folder(app_home.env, "directories", "current.json")
    old_pointer.write_text(json.dumps({"file": "/etc/passwd", "expires": "x"}))
    result = run_app("--self-test", env=app_home.env)
    assert result.returncode == 0 and "current.json was set aside" in result.stderr
