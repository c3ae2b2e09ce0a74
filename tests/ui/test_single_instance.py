"""One Navigator per user: the second launch brings the first forward; another user's
socket never stops a launch."""

import os
import socket

import pytest

from app.ui.single_instance import SingleInstance, instance_key


def test_the_second_launch_finds_the_first_in_the_users_private_folder(
    qtbot, tmp_path, monkeypatch
):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    key = instance_key("/home/worker/.local/share/Navigator")
    assert key.startswith(str(runtime))  # never in the shared temp folder
    first = SingleInstance(key)
    assert first.listen()
    with qtbot.waitSignal(first.activated):
        assert SingleInstance(key).forward_to_running()
    first.close()


def test_a_runtime_folder_others_may_enter_is_not_used(tmp_path, monkeypatch):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o755)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert not instance_key("/home/worker").startswith(str(runtime))


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_another_users_socket_of_the_same_name_never_stops_a_launch(tmp_path, monkeypatch):
    """Another user bound the predictable name in /tmp first: every launch said "already
    open", brought nothing forward and ended, with no window (review 2026-12-01)."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    key = instance_key("/home/worker/.local/share/Navigator")
    squatter = socket.socket(socket.AF_UNIX)
    squatter.bind(str(tmp_path / key))
    squatter.listen()
    os.chown(tmp_path / key, 65534, 65534)  # nobody's
    try:
        assert not SingleInstance(key).forward_to_running()
    finally:
        squatter.close()
