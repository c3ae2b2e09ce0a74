"""The worker's own files: made for their account alone, never written through a link or a
second name another account planted (attack F17: the log, followed through a link, put a
refused file's name into the worker's shell start-up file, where it ran)."""

import os
import stat

import pytest

from app.event_log import FILE_NAME, EventLog
from app.private_files import open_own, own_file, private_folder, replace_own

posix_only = pytest.mark.skipif(os.name != "posix", reason="links and modes as on Linux")


def mode(path):
    return stat.S_IMODE(path.lstat().st_mode)


@posix_only
def test_the_log_is_never_written_through_a_link_or_a_second_name(tmp_path):
    victim = tmp_path / "bashrc"
    victim.write_text("# the worker's shell start-up file\n")
    log = EventLog(tmp_path / "log")
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / FILE_NAME).symlink_to(victim)
    assert log.event("installed-b;touch $HOME${IFS}pwned;#.navdir was set aside") is False
    (tmp_path / "log" / FILE_NAME).unlink()
    os.link(victim, tmp_path / "log" / FILE_NAME)  # a hard link: the same file by two names
    assert log.event("again") is False
    assert victim.read_text() == "# the worker's shell start-up file\n"
    (tmp_path / "log" / FILE_NAME).unlink()
    os.mkfifo(tmp_path / "log" / FILE_NAME)  # never waited on
    assert log.event("a pipe") is False


@posix_only
def test_what_the_app_makes_is_the_accounts_alone_and_an_older_file_is_narrowed(tmp_path):
    log = EventLog(tmp_path / "state" / "log")
    assert log.event("started")
    assert (mode(log.folder), mode(log.path)) == (0o700, 0o600)
    log.path.chmod(0o644)  # as an older version left it
    log.folder.chmod(0o755)
    assert log.event("again") and (mode(log.folder), mode(log.path)) == (0o700, 0o600)
    assert log.path.read_text().count("\n") == 2


@posix_only
def test_a_file_written_whole_never_writes_through_a_link_in_its_place(tmp_path):
    target = tmp_path / "reason.txt"
    replace_own(target, "first, and longer\n")
    replace_own(target, "second\n")
    assert target.read_text() == "second\n" and mode(target) == 0o600
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("kept")
    link = tmp_path / "link.txt"
    link.symlink_to(elsewhere)
    replace_own(link, "written")  # the link is replaced by a file of its own
    assert not link.is_symlink() and link.read_text() == "written"
    (tmp_path / "log").symlink_to(elsewhere)
    with pytest.raises(OSError, match="not a file of this account's own"):
        os.close(open_own(tmp_path / "log"))
    with pytest.raises(OSError):
        os.close(open_own(tmp_path))  # a folder
    assert elsewhere.read_text() == "kept"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".navigator-")] == []
    private_folder(tmp_path / "a" / "b")
    assert mode(tmp_path / "a" / "b") == 0o700


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_folder_another_account_made_is_never_used_however_open(tmp_path):
    """Made beforehand by another account, open to all: it could swap what is kept there,
    and it was used without a word (attack F20)."""
    theirs = tmp_path / "state"
    theirs.mkdir(mode=0o777)
    os.chown(theirs, 65534, 65534)  # nobody's
    with pytest.raises(OSError, match="belongs to another account"):
        private_folder(theirs)
    (tmp_path / "mine").symlink_to(theirs)  # where a link of the worker's own leads counts
    with pytest.raises(OSError, match="belongs to another account"):
        private_folder(tmp_path / "mine")
    log = EventLog(theirs)
    assert log.event("started") is False and not log.path.exists()
    os.chown(theirs, os.getuid(), os.getgid())  # the worker's own: used, and narrowed
    assert log.event("started") and mode(theirs) == 0o700


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_folder_every_account_can_change_holding_the_workers_is_never_used(tmp_path):
    """Open to all without the sticky bit, any account could swap the worker's folder in it
    between a check and a read (re-attack F21, round 2); /tmp's sticky bit is allowed."""
    shared = tmp_path / "shared"
    (shared / "Navigator").mkdir(parents=True)
    shared.chmod(0o777)
    with pytest.raises(OSError, match="every account can change what is in it"):
        private_folder(shared / "Navigator")
    shared.chmod(0o1777)  # sticky, as /tmp: another's cannot rename ours
    private_folder(shared / "Navigator")
    record = shared / "Navigator" / "record.txt"
    record.write_text("ours")
    os.link(record, shared / "second-name.txt")  # a second name: refused
    with pytest.raises(OSError, match="not a file of this account's own"):
        own_file(record)


@posix_only
def test_narrowing_takes_permissions_away_and_never_adds_one(tmp_path):
    """A worker's folder IT made read-only (555) was made writable (700) by the narrowing,
    and the app wrote in it (re-attack, 2026-12-07)."""
    folder = tmp_path / "Navigator"
    folder.mkdir(mode=0o555)
    folder.chmod(0o555)
    private_folder(folder)
    assert mode(folder) == 0o500
    folder.chmod(0o755)
