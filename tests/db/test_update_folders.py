"""IT's update folders: what laptops list there, and what they say of a folder or an update
another account could change, or of updates left where no laptop reads them."""

import dataclasses
import os
import shutil

import pytest

from app.db.directories import select_directory
from app.db.trust import KeySources
from app.db.update_folders import OPEN_CHECKED, left_in_default_folder, not_read
from app.db.used_here import used_here
from tests.db.test_directories import TODAY, bundle


def said(choice, words: str) -> list[str]:
    """What a start says that holds these words."""
    return [problem for problem in choice.problems if words in problem]


def test_one_folder_named_two_ways_or_a_file_in_both_is_not_left_behind(where, key):
    """The policy naming the machine's own folder by another path, or by a link to it,
    failed the self-test of the very update in use (re-attack round, 2026-12-02)."""
    made = bundle(where, key, "2026.12.3")
    folder = where.machine_updates
    assert (
        left_in_default_folder(folder, folder.parent / ".." / folder.parent.name / folder.name)
        == ""
    )
    link = folder.parent / "share-link"
    link.symlink_to(folder)
    assert left_in_default_folder(folder, link) == ""
    share = folder.parent / "share"
    share.mkdir()
    (share / made.name).write_bytes(made.read_bytes())  # IT copies to both: no harm
    assert left_in_default_folder(folder, share) == ""
    (share / made.name).unlink()
    assert left_in_default_folder(folder, share).startswith(
        f"1 update file(s) in {folder} are not read"
    )


def test_the_update_in_use_is_looked_at_however_many_are_before_it(where, key):
    """Eight files before it, the update in use was a link into a folder any user writes,
    and the self-test passed (re-attack round, 2026-12-02)."""
    folder = where.machine_updates
    folder.mkdir()
    for n in range(OPEN_CHECKED):
        (folder / f"archive-{n}.navdir").write_bytes(b"an old file IT keeps")
    anyone = folder.parent / "anyone"
    anyone.mkdir()
    os.chmod(anyone, 0o777)
    made = bundle(dataclasses.replace(where, machine_updates=anyone), key, "2026.12.3")
    (folder / "update.navdir").symlink_to(made)
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.3"
    assert said(choice, "any user could") == [
        f"{folder / 'update.navdir'} is a link into a folder ({anyone}) that can be changed by "
        "other accounts (mode 777): any user could remove or replace its updates; make it "
        "writable by administrators only"
    ]


def test_updates_left_in_the_machine_folder_when_a_policy_names_another_are_named(where, key):
    """IT kept copying bundles to the machine's own folder after a policy named a share: no
    laptop read them, new ones stayed on the app's directory, and the self-test passed
    (attack, 2026-12-02)."""
    bundle(where, key, "2026.12.3")  # in the machine's own folder
    share = where.machine_updates.parent / "share"
    share.mkdir()
    named = dataclasses.replace(
        where, machine_updates=share, machine_updates_named=True, passed_over=where.machine_updates
    )
    choice = select_directory(named, TODAY)
    assert choice.origin == "shipped"
    assert said(choice, "are not read") == [
        f"1 update file(s) in {where.machine_updates} are not read: IT's policy names {share} "
        "as the update folder; put updates there"
    ]
    (where.machine_updates / "directory-2026.12.3.navdir").rename(share / "u.navdir")
    moved = select_directory(named, TODAY)
    assert moved.version == "2026.12.3" and not any("not read" in p for p in moved.problems)


def test_an_entry_of_an_updates_name_that_is_no_file_is_named(where, key):
    """A folder, or a link to /dev/null, planted under the next update's name: the real
    update copied onto it went inside the folder, or nowhere, and no word of either reached
    IT; the self-test passed on the older update (attack, 2026-12-03)."""
    made = bundle(where, key, "2026.12.2")
    folder = where.machine_updates
    (folder / "directory-2026.12.3.navdir").mkdir()
    shutil.copy(made, folder / "directory-2026.12.3.navdir")  # IT's copy: into the folder
    (folder / "directory-2026.12.4.navdir").symlink_to(os.devnull)
    (folder / "directory-2026.12.5.navdir").symlink_to(folder / "gone")
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.2"
    assert said(choice, "directory-2026.12.3.navdir: not a regular file but a folder")
    assert said(choice, "directory-2026.12.4.navdir: not a regular file but a device")
    assert said(choice, "directory-2026.12.5.navdir: cannot read it")


def test_links_round_in_a_loop_in_its_update_folder_are_named_and_stop_nothing(where, key):
    """Two links to each other, or one to itself, under updates' names in IT's folder: every
    start on Linux stopped ("RuntimeError: Symlink loop"), with no plan, and the running
    app's check failed every 15 minutes (attack, 2026-12-04; H338)."""
    bundle(where, key, "2026.12.2")
    folder = where.machine_updates
    (folder / "0-a.navdir").symlink_to("0-b.navdir")
    (folder / "0-b.navdir").symlink_to("0-a.navdir")
    (folder / "0-self.navdir").symlink_to("0-self.navdir")
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.2", "machine")
    assert said(choice, "0-a.navdir is a link that leads round in a loop, to no file: remove it")
    assert said(choice, "0-self.navdir: cannot read it")


def test_updates_in_a_folder_inside_its_update_folder_are_named(where, key):
    """Unpacked from the lead's archive into a folder of their own, updates were never read
    and nothing said so (attack, 2026-12-03)."""
    bundle(where, key, "2026.12.2")
    unpacked = where.machine_updates / "2026-12"
    bundle(dataclasses.replace(where, machine_updates=unpacked), key, "2026.12.3")
    (where.machine_updates / "old notes").mkdir()  # a folder of IT's own, with no update
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.2"
    assert said(choice, "are not read") == [
        f"update files in {unpacked} are not read: laptops read only the update folder itself "
        f"({where.machine_updates}); move them there"
    ]


def test_an_update_or_keys_folder_that_is_a_file_is_named(where, key, tmp_path):
    """IT copied the update, and the lead's key, to the folders' names before the folders
    were made: the self-test passed on the app's own directory, then told IT to add the key
    it had put there (attack, 2026-12-03)."""
    made = bundle(dataclasses.replace(where, machine_updates=tmp_path / "lead"), key, "2026.12.3")
    shutil.copy(made, where.machine_updates)  # a file named as the folder
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped"
    assert said(choice, "is not a folder") == [
        f"IT's update folder ({where.machine_updates}) is not a folder: no update from it was "
        "checked; make it a folder and copy the updates into it"
    ]
    where.machine_updates.unlink()
    where.machine_updates.mkdir()
    shutil.copy(made, where.machine_updates)
    machine_keys = tmp_path / "machine-keys"
    shutil.copy(key.public_path, machine_keys)  # a file named as the keys folder
    trusted_nowhere = dataclasses.replace(
        where, keys=KeySources(tmp_path / "no-keys", machine_keys)
    )
    choice = select_directory(trusted_nowhere, TODAY)
    assert choice.origin == "shipped"
    assert said(choice, "is not a folder: no key") == [
        f"the trusted keys folder ({machine_keys}) is not a folder: no key in it is read; "
        "make it a folder and put the lead's .pub key file inside it"
    ]


def test_a_folder_that_cannot_be_read_or_many_before_it_hide_no_update_in_a_folder(
    where, key, monkeypatch
):
    """A mount point's lost+found (root's, 700) hid every folder of updates from a worker,
    and with eight months' folders before it "2026-12" was never looked into; files named
    almost as an update were passed over unsaid (re-attack, 2026-12-03)."""
    folder = where.machine_updates
    for month in range(1, 13):
        (folder / f"2026-{month:02}").mkdir(parents=True)
    bundle(dataclasses.replace(where, machine_updates=folder / "2026-12"), key, "2026.12.3")
    (folder / "lost+found").mkdir()
    made = bundle(where, key, "2026.12.2")
    for name in ("directory-2026.12.4.navdir.part", "directory-2026.12.5.navd\u0456r", ".u.navdir"):
        shutil.copy(made, folder / name)
    real_listdir = os.scandir

    def no_lost_found(path="."):  # as a worker's account meets root's 700 folder
        if str(path).endswith("lost+found"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    with monkeypatch.context() as patched:
        patched.setattr(os, "scandir", no_lost_found)
        said = not_read(folder)
    assert said[0].startswith(f"update files in {folder / '2026-12'} are not read")
    assert (
        "'.u.navdir', 'directory-2026.12.4.navdir.part', 'directory-2026.12.5.navd\u0456r'"
        in said[1]
    )
    assert choice_says(where, "are not read as updates")


def choice_says(where, words):
    return said(select_directory(where, TODAY), words)


def test_no_update_folder_lists_no_other(tmp_path, monkeypatch):
    """os.scandir(None) lists the working folder: with no update folder, none is read."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "u.navdir").write_bytes(b"x")
    monkeypatch.chdir(tmp_path)
    assert not_read(None) == []
    assert not_read(tmp_path)[0].startswith(f"update files in {tmp_path / 'sub'} are not read")


def test_a_key_file_linked_round_in_a_loop_leaves_the_other_keys_trusted(where, key, tmp_path):
    """A .pub link loop beside the lead's key made every key unread: the laptop went back to
    the app's own directory, undoing the update's corrections, and the worker was told
    nothing (re-attack, 2026-12-04; H338). It is named; the lead's key and update stand."""
    bundle(where, key, "2026.12.2")
    trusted = tmp_path / "trusted"
    (trusted / "0-a.pub").symlink_to("0-b.pub")
    (trusted / "0-b.pub").symlink_to("0-a.pub")
    (trusted / "gone.pub").symlink_to(tmp_path / "nowhere.pub")
    (trusted / "old-keys.pub").mkdir()
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.2", "machine")
    assert said(choice, "0-a.pub is a link to no file (to nothing, or round in a loop)")
    assert said(choice, "gone.pub is a link to no file")
    assert said(choice, "old-keys.pub is a folder: no key is read from it")


def test_a_key_file_saved_again_by_windows_is_read_and_one_not_a_key_is_named(where, key, tmp_path):
    """A UTF-16 copy of the lead's key beside it (PowerShell's "> file") stopped every start
    with a UnicodeDecodeError; the key saved with a BOM (Notepad's "UTF-8 with BOM") was
    never trusted, and every update was refused as signed with an unknown key (re-attack,
    2026-12-04; H338). Both are read; a file that holds no key is named."""
    bundle(where, key, "2026.12.2")
    trusted = tmp_path / "trusted"
    (lead,) = trusted.glob("*.pub")
    text = lead.read_text(encoding="utf-8")
    (trusted / "lead-copy.pub").write_bytes(text.encode("utf-16"))
    lead.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    (trusted / "README.pub").write_bytes("caf\xe9".encode("latin-1"))
    os.mkfifo(trusted / "pipe.pub")  # read, it held every start
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.2", "machine")
    assert said(choice, "README.pub holds no public key: no key is read from it")
    assert said(choice, "pipe.pub is no file (a pipe or a device)")
    assert not said(choice, "lead-copy.pub") and not said(choice, lead.name)


def test_many_files_named_almost_as_an_update_are_counted_not_each_named(tmp_path):
    """50,000 "….navdir.part" files in the share made one 4.6 MB line in the self-test,
    About and the log, which rotated IT's log away at every start (attack, 2026-12-04)."""
    for n in range(200):
        (tmp_path / f"directory-2026.12.{n}.navdir.part").write_bytes(b"")
    (said,) = not_read(tmp_path)
    assert "and 195 more in" in said and len(said) < 600


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_worker_folder_another_account_made_is_not_read_and_is_named(where, key):
    """Another account's folder (or the one holding it, with the record of what was used)
    could swap the signed updates kept there: not read, and named to IT (attack F20)."""
    made = bundle(where, key, "2026.12.1", folder="user")
    for theirs in (where.user_updates, where.user_updates.parent):
        mode = theirs.stat().st_mode
        os.chown(theirs, 65534, 65534)  # nobody's
        theirs.chmod(0o777)
        choice = select_directory(where, TODAY)
        assert choice.origin == "shipped" and used_here(where.user_updates) == {}
        assert said(choice, "belongs to another account") == [
            f"installed by the worker ({theirs}) cannot be read: it belongs to another "
            "account; only this account's own folder is used"
        ]
        os.chown(theirs, os.getuid(), os.getgid())
        theirs.chmod(mode)
    assert select_directory(where, TODAY).path == made
    shutil.rmtree(where.user_updates)  # nothing installed yet: the folder holding it is said
    os.chown(where.user_updates.parent, 65534, 65534)
    assert said(select_directory(where, TODAY), "belongs to another account")
    os.chown(where.user_updates.parent, os.getuid(), os.getgid())


def test_a_leads_private_key_in_its_keys_or_update_folder_is_named_to_it(where, key):
    """IT copying both of the lead's key files, to the keys folder or beside the updates,
    left the key that signs updates where every account reads it, and the self-test passed
    (attack, 2026-12-07)."""
    bundle(where, key, "2026.12.2")
    folders = (where.keys.install, where.machine_updates)  # the keys beside the app here
    for folder in folders:
        (folder / "directory-0123456789abcdef.PRIVATE-KEY").write_text("{}")
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.2"  # the update still comes
    named = said(choice, "is the lead's private key, which signs updates")
    assert sorted(line.split(" is the")[0] for line in named) == sorted(
        str(folder / "directory-0123456789abcdef.PRIVATE-KEY") for folder in folders
    )


def test_a_private_key_renamed_is_named_by_what_it_holds_with_no_update_there(where):
    """With no update there (just after install, when IT copies the lead's files), or
    renamed "lead.txt", the key stayed readable by all, unsaid (re-attack, 2026-12-07)."""
    keys = where.keys.install
    keys.mkdir()
    (keys / "lead.txt").write_text('{"key_id": "x", "sealed_private_key": "…"}')
    (keys / "old.private-key").mkdir()  # a folder so named holds no key
    (keys / "notes.txt").write_text("the lead's key is kept by the DA lead")
    choice = select_directory(where, TODAY)
    assert [line.split(" is the")[0] for line in said(choice, "lead's private key")] == [
        str(keys / "lead.txt")
    ]
    # for IT (the self-test fails on it), never a worker's "update(s) could not be used"
    assert choice.refused == [] and len(choice.unreachable) == 1


def test_the_leads_sheet_or_an_update_zipped_in_the_update_folder_is_named(where, key):
    """services.csv, a workbook, or the update zipped to send it, put in IT's folder, were
    passed over unsaid: the self-test passed and no laptop took the correction (the lead's
    walk, 2026-12-07). Excel's own "~$" file and files of other kinds stay unsaid."""
    folder = where.machine_updates
    folder.mkdir(parents=True, exist_ok=True)
    made = bundle(where, key, "2026.12.2")
    names = ("services.csv", "services (2).xlsx", "directory-2026.12.7.zip", "~$services.xlsx")
    for name in names:
        shutil.copy(made, folder / name)
    for other in ("Thumbs.db", "Navigator-Setup-1.5.zip", "directory-2026.12.7.navdir.zip"):
        (folder / other).write_bytes(b"x")
    said = " ".join(not_read(folder))
    assert "'directory-2026.12.7.zip', 'services (2).xlsx', 'services.csv' in" in said
    assert "are not updates: laptops read only the .navdir file" in said
    assert "~$" not in said and "Thumbs.db" not in said and "Setup" not in said
    assert said.count("navdir.zip") == 1  # said once, as a name almost an update's
    assert choice_says(where, "are not updates")
