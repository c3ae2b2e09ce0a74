"""One Navigator per user: the lock file held from a copy's first moment, the listener that
comes after its first question, and a second launch that waits for it rather than opening a
second window (which quick exit would not hide)."""

import subprocess
import sys

from app.ui.single_instance import SingleInstance, instance_key
from tests.conftest import REPO

# Another copy's launch in its own process: claim, then say what it decided.
CLAIM = r"""
import os, sys
from PySide6.QtCore import QCoreApplication
from app.ui.single_instance import SingleInstance

app = QCoreApplication(sys.argv)
key, folder, wait_s, then = sys.argv[1:]
instance = SingleInstance(key, folder)
opened = instance.claim(float(wait_s))
listening = instance.server is not None and instance.server.isListening()
print("opens" if opened else "forwarded", "listening" if listening else "quiet", flush=True)
if then == "crash":
    os._exit(9)  # the lock file stays behind, as after a crash or a killed process
instance.close()
"""


def another_copy(key, folder, wait_s=10.0, then="end"):
    return subprocess.Popen(
        [sys.executable, "-c", CLAIM, key, str(folder), str(wait_s), then],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def decided(copy) -> str:
    out, err = copy.communicate(timeout=60)
    assert copy.returncode in (0, 9), err
    return out.strip()


def test_the_first_copy_holds_the_lock_and_does_not_listen_yet(tmp_path):
    first = SingleInstance(instance_key(str(tmp_path)), str(tmp_path))
    assert first.claim()
    assert first.lock.isLocked() and first.server is None  # listens after its first question
    first.close()


def test_a_second_launch_waits_for_a_first_still_starting_then_forwards(qtbot, tmp_path):
    key = instance_key(str(tmp_path))
    first = SingleInstance(key, str(tmp_path))
    assert first.claim()
    second = another_copy(key, tmp_path)
    try:
        qtbot.wait(1500)  # the first is still on its way to the first question
        assert second.poll() is None  # waiting: it opened no window of its own
        with qtbot.waitSignal(first.activated, timeout=30_000):
            assert first.listen()
        assert decided(second) == "forwarded quiet"
    finally:
        second.kill()
        first.close()


def test_a_lock_left_by_a_crashed_copy_does_not_hold_up_the_next(tmp_path):
    key = instance_key(str(tmp_path))
    assert decided(another_copy(key, tmp_path, then="crash")) == "opens quiet"
    assert (tmp_path / f"{key}.lock").exists()
    fresh = SingleInstance(key, str(tmp_path))
    assert fresh.claim(wait_s=60)
    assert fresh.server is None  # it took the lock; it did not wait out a holder
    fresh.close()


def test_a_holder_that_never_listens_is_waited_for_only_so_long(tmp_path):
    key = instance_key(str(tmp_path))
    first = SingleInstance(key, str(tmp_path))
    assert first.claim()
    try:
        # it opens its own window and listens at once, as copies did before the lock
        assert decided(another_copy(key, tmp_path, wait_s=0.5)) == "opens listening"
    finally:
        first.close()


def test_where_no_lock_can_be_made_the_copy_listens_at_once(tmp_path):
    instance = SingleInstance(instance_key(str(tmp_path)), str(tmp_path / "not-a-folder"))
    assert instance.claim(wait_s=60)
    assert instance.server is not None and instance.server.isListening()
    instance.close()


def test_a_stale_instance_name_from_a_crash_does_not_block_the_next_start(tmp_path):
    key = instance_key(str(tmp_path))
    crashed = SingleInstance(key, str(tmp_path))
    assert crashed.listen()
    crashed.server.close()  # the pipe name can be left behind; the next start takes it over
    fresh = SingleInstance(key, str(tmp_path))
    assert not fresh.forward_to_running()
    assert fresh.listen()
    fresh.close()


def test_two_users_never_share_a_name():
    assert instance_key("/home/a/Navigator") != instance_key("/home/b/Navigator")
