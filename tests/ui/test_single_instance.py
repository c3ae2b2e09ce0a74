"""One Navigator per user: the second launch brings the first forward; another user's
socket never stops a launch."""

import hashlib
import os
import socket

import pytest

from app.ui.single_instance import SingleInstance, instance_key


def test_the_second_launch_finds_the_first_in_the_users_private_folder(
    qtbot, tmp_path, monkeypatch, socket_folder
):
    runtime = socket_folder
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    key = instance_key(str(tmp_path / "Navigator"))
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
    assert not instance_key(str(tmp_path / "Navigator")).startswith(str(runtime))


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_another_users_socket_of_the_same_name_never_stops_a_launch(
    tmp_path, monkeypatch, socket_folder
):
    """Another user bound the predictable name in /tmp first: every launch said "already
    open", brought nothing forward and ended, with no window (review 2026-12-01)."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(socket_folder))
    key = instance_key(str(tmp_path / "Navigator"))
    squatter = socket.socket(socket.AF_UNIX)
    squatter.bind(str(socket_folder / key))
    squatter.listen()
    os.chown(socket_folder / key, 65534, 65534)  # nobody's
    try:
        assert not SingleInstance(key).forward_to_running()
    finally:
        squatter.close()


def test_the_name_holds_a_word_no_other_account_can_read(tmp_path, monkeypatch):
    """On Windows every account sees a pipe's name: one worked out from the user's folder
    alone was made first by another account on a terminal server, and every launch of this
    worker "brought it forward" and ended with no window."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    folder = tmp_path / "Navigator"  # a first launch: not made yet
    key = instance_key(str(folder))
    assert instance_key(str(folder)) == key  # the same word at every launch
    secret = folder / "instance.secret"
    assert len(secret.read_text()) == 32 and secret.stat().st_mode & 0o077 == 0
    assert list(folder.iterdir()) == [secret]  # nothing half-made left beside it
    guessed = "navigator-" + hashlib.sha256(str(folder).encode()).hexdigest()[:16]
    assert key != guessed
    secret.unlink()
    assert instance_key(str(folder)) != key  # a new word, never the folder's name alone


def test_a_folder_that_cannot_be_written_still_gives_one_name(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    blocked = tmp_path / "file"
    blocked.write_text("")  # a file where the folder would be: nothing can be made there
    folder = blocked / "Navigator"
    key = instance_key(str(folder))
    assert key == instance_key(str(folder))
    assert key == "navigator-" + hashlib.sha256(str(folder).encode()).hexdigest()[:16]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_or_a_device_put_where_the_word_is_kept_never_stops_a_launch(tmp_path, monkeypatch):
    """A pipe at instance.secret waited for ever, with no window and nothing said; a link to
    /dev/zero filled the memory (attack, 2026-12-07): the name is then the folder's alone."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    folder = tmp_path / "Navigator"
    folder.mkdir()
    alone = "navigator-" + hashlib.sha256(str(folder).encode()).hexdigest()[:16]
    os.mkfifo(folder / "instance.secret")
    assert instance_key(str(folder)) == alone
    (folder / "instance.secret").unlink()
    (folder / "instance.secret").symlink_to("/dev/zero")
    assert instance_key(str(folder)) == alone


def test_a_folder_where_the_word_is_kept_never_stops_a_launch(tmp_path, monkeypatch):
    """A folder (or a link to one) at instance.secret ended every launch with "cannot use
    4: Is a directory", no window and no log (re-attack, 2026-12-07)."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    folder = tmp_path / "Navigator"
    (folder / "instance.secret").mkdir(parents=True)
    alone = "navigator-" + hashlib.sha256(str(folder).encode()).hexdigest()[:16]
    assert instance_key(str(folder)) == alone
