"""Files that may be anything: read only if regular, never past a limit, never waiting."""

import hashlib
import os
from pathlib import Path

import pytest

from app.db.checks import Refused, Unreadable
from app.db.regular_files import read_head, read_regular_file, sha256_of


def test_a_regular_file_is_read_up_to_its_limit(tmp_path):
    path = tmp_path / "update.navdir"
    path.write_bytes(b"x" * 3000)
    assert read_head(path, 10) == (b"x" * 10, 3000)
    assert read_regular_file(path, 3000) == b"x" * 3000
    with pytest.raises(Refused, match="larger than"):
        read_regular_file(path, 2999)
    assert sha256_of(path) == hashlib.sha256(b"x" * 3000).hexdigest()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_or_a_folder_put_where_a_file_was_expected_is_never_waited_on(tmp_path):
    pipe = tmp_path / "update.navdir"
    os.mkfifo(pipe)  # opened plainly, reading it would wait for a writer for ever
    with pytest.raises(Refused, match="not a regular file but a pipe"):
        read_regular_file(pipe, 100)
    with pytest.raises(Refused, match="but a folder"):
        read_head(tmp_path, 100)
    with pytest.raises(Refused, match="but a device"):
        read_head(Path("/dev/null"), 100)
    with pytest.raises(Unreadable, match="cannot read it"):
        read_head(tmp_path / "gone", 100)


def test_a_file_there_but_unreadable_for_a_moment_is_read_once_more(tmp_path):
    """The app's own directory locked for a moment at start (a scan or a backup on Windows)
    gave a whole session of last-resort numbers (re-attack, 2026-12-04; H364). Here the
    name is there and reads nothing until its file is written a moment later."""
    import threading

    target, name = tmp_path / "written-later.sqlite", tmp_path / "directory.sqlite"
    name.symlink_to(target)
    with pytest.raises(Unreadable):
        read_regular_file(name, 100)  # no wait asked for: said at once
    timer = threading.Timer(0.05, target.write_bytes, [b"the directory"])
    timer.start()
    try:
        assert read_regular_file(name, 100, locked_retry=2.0) == b"the directory"
    finally:
        timer.join()
    with pytest.raises(Unreadable):  # no file of that name at all: nothing to wait for
        read_regular_file(tmp_path / "missing.sqlite", 100, locked_retry=2.0)


def test_a_file_is_moved_into_a_folder_beside_it_even_where_a_file_held_its_place(tmp_path):
    """A file named as the folder kept every refused file where it was (review 2026-12-01)."""
    from app.db.regular_files import move_into

    (tmp_path / "set-aside").write_text("in the way")
    refused = tmp_path / "installed-a.navdir"
    refused.write_bytes(b"bundle")
    moved = move_into(refused, "set-aside", "installed-a.navdir.1")
    assert moved == tmp_path / "set-aside" / "installed-a.navdir.1"
    assert moved.read_bytes() == b"bundle" and not refused.exists()
    again = tmp_path / "kept-b.navdir"
    again.write_bytes(b"other")
    assert move_into(again, "set-aside").name == "kept-b.navdir"  # its own name by default
