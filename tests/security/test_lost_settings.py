"""Settings and start-up under pressure: a file another program holds locked, a corrupt
file, a full disk, and broken records. None loses a file or leaves a stuck window."""

import hashlib
import os
import subprocess
import sys

import pytest

from app.db.bundle import MAGIC
from app.db.user_store import FILE_NAME, open_user_store
from app.event_log import EventLog
from app.settings import UserSettings
from app.ui.application import open_window
from app.user_data import UserData
from tests.conftest import machine_folder, run_app
from tests.security.attacks import user_folder

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


FULL_DISK = """
import resource
# every file stops at 8 KB, as on a full disk (a link to /dev/full is now set aside: F17)
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
from PySide6.QtWidgets import QApplication
from app.event_log import EventLog
from app.ui.application import open_window
app = QApplication([])
window = open_window(None, EventLog())
window.show()
print(window.storage_banner.text())
print(window.session.question.id)
"""


@pytest.mark.skipif(os.name != "posix", reason="a file size limit as on Linux")
def test_a_full_disk_on_first_run_gives_a_banner_not_a_stuck_window(app_home):
    command = [sys.executable, "-c", FULL_DISK]
    result = run_app(env=app_home.env, command=command, timeout=60)
    banner, question = result.stdout.splitlines()[-2:]
    assert "cannot be written" in banner and "full" in banner, result.stderr
    assert question == "immediate_danger"  # and the walk goes on


def test_broken_bundles_are_named_or_set_aside_and_the_app_starts(app_home, tmp_path):
    """A manifest nested 60,000 deep, a named pipe, a folder and junk, in IT's folder and
    the worker's: none stops or hangs the start (the pipe is opened without waiting), IT's
    are named and the worker's are moved aside."""
    machine = machine_folder(app_home.env, "data", "directory-updates")
    mine = user_folder(app_home.env, "directory-updates")
    for folder in (machine, mine):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "deep.navdir").write_bytes(MAGIC + b"[" * 60_000 + b"\n" + b"x" * 100)
        (folder / "junk.navdir").write_bytes(b"not a bundle")
        (folder / "a-folder.navdir").mkdir()
        os.mkfifo(folder / "pipe.navdir")
    result = run_app("--self-test", env=app_home.env, timeout=60)
    assert result.returncode == 1, result.stderr  # the app starts; the self-test tells IT
    assert "Traceback" not in result.stderr
    assert "self-test passed" not in result.stdout
    assert "deep.navdir: no readable manifest" in result.stderr
    assert (
        "deep.navdir was set aside" in result.stderr
        and "junk.navdir was set aside" in result.stderr
    )
    assert "a-folder.navdir: not a regular file but a folder" in result.stderr
    assert "pipe.navdir: not a regular file but a pipe" in result.stderr
    assert not [p.name for p in mine.iterdir() if p.name.endswith(".navdir")]


@pytest.mark.parametrize(
    ("content", "applied"),
    [
        ('{"allow_exports": false}'.encode("utf-16"), True),  # PowerShell 5.1 Out-File
        (b"\xef\xbb\xbf" + b'{"allow_exports": false}', True),  # Notepad's UTF-8 with a mark
        (b"[" * 100_000, False),  # nested far too deep
        (b"\xff\xfe\x00\xd8 not text", False),  # not text at all
    ],
    ids=["utf-16", "utf-8 with a mark", "nested", "not text"],
)
def test_a_policy_file_in_another_encoding_or_nested_deep_never_stops_the_app(
    app_home, tmp_path, content, applied
):
    from app.policy import load_policy

    policy = machine_folder(app_home.env, "config", "policy.json")
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_bytes(content)
    loaded = load_policy(registry=dict)
    assert loaded.allow_exports is (not applied)
    assert applied or loaded.problems
    result = run_app("--self-test", env=app_home.env)
    assert "Traceback" not in result.stderr
    # a policy file that cannot be read fails the self-test: IT must act on it (review)
    assert result.returncode == (0 if applied else 1)
    assert applied or "self-test failed: policy file" in result.stderr


def test_a_stored_value_that_is_not_json_is_left_out_with_a_note(tmp_path, graph):
    path = settings_file(graph, tmp_path, tier=1, default_borough="dudley")
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("UPDATE setting SET value = 'two' WHERE key = 'tier'")
    db.close()
    store = open_user_store(tmp_path)
    settings, _ = UserData(store, graph).load_settings()
    assert settings.default_borough == "dudley" and settings.tier == 2  # the default
    assert any("'tier' could not be read" in note for note in store.notes)
