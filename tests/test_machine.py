"""Whether a file IT places could be another account's doing (POSIX; Windows has the MSI's
ACL): owned by root (or by a developer, in a machine folder they moved), and writable by no
one else."""

import os
import shutil
import struct
import tempfile
from pathlib import Path

import pytest

from app.machine import others_could_change

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows: the MSI's ACL guards it")


def test_a_file_only_its_owner_may_write_is_its_owners(tmp_path):
    policy = tmp_path / "policy.json"
    policy.write_text("{}")
    policy.chmod(0o644)
    assert others_could_change(policy) == ""
    policy.chmod(0o666)
    assert "can be changed by other accounts (mode 666)" in others_could_change(policy)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another account needs root")
def test_a_file_of_another_account_is_named(tmp_path):
    key = tmp_path / "zz.pub"
    key.write_text("{}")
    os.chown(key, 65534, 65534)  # nobody's
    assert others_could_change(key) == "belongs to another account (user id 65534)"


def as_account(uid: int, path: Path) -> str:
    """What others_could_change says of `path` in a process running as `uid` (forked, so it
    needs no interpreter that account can reach)."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child's report is the test's evidence)
        said = "child failed"
        try:
            os.close(read)
            os.setgid(uid)
            os.setuid(uid)
            said = others_could_change(path)
        except BaseException as error:
            said = f"child failed: {error!r}"
        finally:
            os.write(write, said.encode())
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        said = answer.read()
    os.waitpid(child, 0)
    return said


@pytest.mark.skipif(os.geteuid() != 0, reason="running as another account needs root")
def test_a_file_of_the_account_running_navigator_is_not_its(monkeypatch):
    """A worker's own policy.json (made by a script run as them, or unpacked keeping its
    owner) trusted a key of theirs, and their planted number passed the self-test (attack,
    2026-12-02). Only a machine folder a developer moved may be their own."""
    folder = Path(tempfile.mkdtemp(prefix="machine-"))  # under /tmp, which they may enter
    try:
        folder.chmod(0o755)
        policy = folder / "policy.json"
        policy.write_text("{}")
        policy.chmod(0o644)
        worker = 65534
        monkeypatch.delenv("NAVIGATOR_MACHINE_FOLDER")
        assert as_account(worker, policy) == ""  # root's: IT's
        os.chown(policy, worker, worker)
        assert as_account(worker, policy) == (
            f"belongs to the account running Navigator (user id {worker}), not to an administrator"
        )
        monkeypatch.setenv("NAVIGATOR_MACHINE_FOLDER", str(folder))
        assert as_account(worker, policy) == ""  # a developer's folder
    finally:
        shutil.rmtree(folder)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another account needs root")
def test_a_link_is_held_to_what_it_is_reached_through(tmp_path):
    """A link in IT's folder to a link another account owns, or into a folder under one of
    theirs, let them point new laptops at an older update (re-attack round, 2026-12-02)."""
    theirs = tmp_path / "theirs"
    (theirs / "sub").mkdir(parents=True)
    (theirs / "sub" / "u.navdir").write_text("{}")
    link = tmp_path / "u.navdir"
    link.symlink_to(theirs / "sub" / "u.navdir")
    assert others_could_change(link) == ""
    os.chown(theirs, 65534, 65534)  # nobody's: they could rename sub and put another there
    said = others_could_change(link)
    assert (
        said
        == f"is reached through a folder ({theirs}) that belongs to another account (user id 65534)"
    )
    os.chown(theirs, 0, 0)
    hop = tmp_path / "hop.navdir"
    hop.symlink_to(theirs / "sub" / "u.navdir")
    os.lchown(hop, 65534, 65534)
    link.unlink()
    link.symlink_to(hop)
    assert others_could_change(link).startswith(f"is reached through a link ({hop}) that belongs")


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another account needs root")
def test_a_folder_of_another_account_anywhere_on_the_way_is_named(tmp_path):
    """A policy's folder under a folder of another account's, and a link whose own path
    goes through one, passed: they could swap what is under it (third attack round)."""
    theirs = tmp_path / "theirs"
    updates = theirs / "it" / "updates"
    updates.mkdir(parents=True)
    update = updates / "u.navdir"
    update.write_text("{}")
    assert others_could_change(update) == ""
    os.chown(theirs, 65534, 65534)
    said = f"is reached through a folder ({theirs}) that belongs to another account"
    assert others_could_change(update).startswith(said)
    os.chown(theirs, 0, 0)
    (theirs / "current").symlink_to(updates)
    os.lchown(theirs / "current", 65534, 65534)
    link = tmp_path / "v.navdir"
    link.symlink_to(theirs / "current" / "u.navdir")
    assert others_could_change(link).startswith(
        f"is reached through a folder ({theirs / 'current'})"
    )
    # the file no link, a folder above it named through one (fourth attack round)
    os.lchown(theirs / "current", 0, 0)
    named = tmp_path / "machine"
    named.symlink_to(theirs)
    os.chown(theirs, 65534, 65534)
    said = others_could_change(named / "it" / "updates" / "u.navdir")
    assert f"({theirs}) that belongs to another account" in said


def test_a_file_in_a_folder_others_may_write_is_not_its_owners(tmp_path):
    """A keys folder any account could write let a colleague swap their key in while the
    keys were read, and back again (eleventh attack round, 2026-12-01)."""
    folder = tmp_path / "keys"
    folder.mkdir()
    key = folder / "lead.pub"
    key.write_text("{}")
    key.chmod(0o644)
    assert others_could_change(key) == ""
    folder.chmod(0o777)
    assert "is in a folder" in others_could_change(key)
    assert "that can be changed by other accounts (mode 777)" in others_could_change(key)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a link to another account needs root")
def test_a_folder_above_others_may_write_or_its_folder_a_link_of_theirs_is_named(tmp_path):
    """The machine folder any account could write: a worker renamed its keys folder and
    put a link of theirs to an archive of old keys in its place, and a withdrawn key was
    trusted again, as from the machine keys folder (attack, 2026-12-03)."""
    machine, archive = tmp_path / "machine", tmp_path / "old-keys"
    for folder in (machine / "keys", archive):
        folder.mkdir(parents=True)
        (folder / "lead.pub").write_text("{}")
    key = machine / "keys" / "lead.pub"
    assert others_could_change(key) == ""
    machine.chmod(0o777)
    assert others_could_change(key) == (
        f"is reached through a folder ({machine}) that can be changed by other accounts (mode 777)"
    )
    machine.chmod(0o1777)  # sticky, as /tmp: no one renames what is not theirs
    assert others_could_change(key) == ""
    (machine / "keys").rename(machine / "keys.lead")
    (machine / "keys").symlink_to(archive)
    os.lchown(machine / "keys", 65534, 65534)
    assert others_could_change(key).startswith(
        f"is reached through a folder ({machine / 'keys'}) that belongs to another account"
    )


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="no extended attributes here")
def test_a_file_with_an_access_list_is_not_its_owners(tmp_path):
    """rw-rw-r-- root:root with an access list entry for another account: that account
    could write it, and nothing said so (eleventh attack round, 2026-12-01)."""
    key = tmp_path / "lead.pub"
    key.write_text("{}")
    key.chmod(0o664)
    give_write_by_access_list(key, 65534)  # (setfacl is seldom installed: it was skipped)
    assert "has an access list" in others_could_change(key)


def give_write_by_access_list(path: Path, uid: int) -> None:
    """A POSIX access list entry "user uid: rwx", written as setfacl writes it (setfacl
    itself is seldom installed): its mode then shows the list's mask in the group bits."""

    def entry(tag, perm, who=0xFFFFFFFF):
        return struct.pack("<HHI", tag, perm, who)

    user_obj, user, group_obj, mask, other = 0x01, 0x02, 0x04, 0x10, 0x20
    listed = entry(user_obj, 7) + entry(user, 7, uid) + entry(group_obj, 5)
    os.setxattr(
        path,
        "system.posix_acl_access",
        struct.pack("<I", 2) + listed + entry(mask, 7) + entry(other, 5),
    )


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="no extended attributes here")
def test_a_folder_above_with_an_access_list_is_named(tmp_path):
    """drwxrwxr-x+ root:root above the machine folder, the list giving a worker rwx: she
    renamed the machine folder away, its keys and updates with it, and the self-test passed
    (re-attack, 2026-12-03)."""
    above = tmp_path / "up"
    key = above / "machine" / "keys" / "lead.pub"
    key.parent.mkdir(parents=True)
    key.write_text("{}")
    assert others_could_change(key) == ""
    try:
        give_write_by_access_list(above, 65534)
    except OSError as error:
        pytest.skip(f"this file system keeps no access lists ({error})")
    assert others_could_change(key) == (
        f"is reached through a folder ({above}) that has an access list that may let other "
        "accounts change it"
    )


def test_a_link_round_in_a_loop_is_said_not_raised(tmp_path):
    """A policy, a key or an update that is a link round in a loop stopped every start
    with a RuntimeError (attack, 2026-12-04; H338): it is named, and not used."""
    from app.machine import LINK_LOOP

    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    (tmp_path / "self").symlink_to("self")
    assert others_could_change(tmp_path / "a") == LINK_LOOP
    assert others_could_change(tmp_path / "self") == LINK_LOOP
