"""Refusals said within reason, and of one version signed twice, which content stands."""

import shutil
from datetime import timedelta

from app.db.bundle import MAGIC, publish
from app.db.directories import select_directory
from tests.db.test_directories import SHIPPED, TODAY, bundle, database_of


def test_a_version_signed_twice_with_other_contents_is_decided_by_its_share(
    where, key, coventry_edit, tmp_path
):
    """Two bundles of one version, other numbers: the one listed first was used, so whoever
    arranged the update folder chose what laptops showed; then refusing both took laptops
    back to an older directory, and IT's removal of the wrong file did not end it (the copy
    kept in each profile stood) (reviews 2026-12-01)."""
    first = bundle(where, key, "2026.12.1")
    assert select_directory(where, TODAY).path == first  # and a copy kept in the profile
    other = publish(coventry_edit, key.private_path, tmp_path / "o", "2026.12.1", TODAY)
    shutil.copy(other, where.machine_updates / "a-correction.navdir")  # listed first
    both = select_directory(where, TODAY)
    assert both.version == "2026.12.1" and both.data == database_of(first)  # never back
    assert both.origin == "kept"  # the one this laptop used, from its kept copy
    refused = [line for line in both.refused if "signed more than once" in line]
    assert len(refused) == 2  # IT's two files, named with what to do
    assert "a-correction.navdir, directory-2026.12.1.navdir, kept-" in refused[0]
    assert "remove the wrong one from IT's update folder" in refused[0]
    (where.machine_updates / "directory-2026.12.1.navdir").unlink()  # IT removes the first
    fixed = select_directory(where, TODAY)
    assert fixed.data == database_of(other) and fixed.origin == "machine"
    # what this laptop showed under that version, for IT, until a higher one (F-g)
    assert fixed.problems == fixed.replaced and "Coventry" in fixed.replaced[0]
    assert select_directory(where, TODAY).data == database_of(other)  # and stays so


def test_a_version_signed_twice_on_a_new_laptop_uses_neither(where, key, coventry_edit, tmp_path):
    bundle(where, key, "2026.12.1")
    other = publish(coventry_edit, key.private_path, tmp_path / "o", "2026.12.1", TODAY)
    shutil.copy(other, where.machine_updates / "a-correction.navdir")
    choice = select_directory(where, TODAY)
    assert choice.origin == "shipped"  # neither chosen by the order of file names
    assert sum("signed more than once" in line for line in choice.refused) == 2


def test_thousands_of_junk_files_are_counted_after_the_first_few_said(where, key):
    """20,000 copies of a genuine manifest on junk in IT's share made 20,000 lines at every
    check (self-test, log, banner): the log's rotation lost which directory was in use."""
    from app.db.refusals import REFUSALS_SAID
    from app.directory_updates import worker_notes
    from app.in_force import InForce
    from app.policy import MachinePolicy

    made = bundle(where, key, "2026.12.1")
    head = made.read_bytes()[: made.read_bytes().index(b"\n", len(MAGIC)) + 1]
    for n in range(REFUSALS_SAID + 30):
        (where.machine_updates / f"c{n:05}.navdir").write_bytes(head + b"junk")
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.1"  # the genuine one is still used
    assert len(choice.refused) == REFUSALS_SAID
    assert choice.problems[REFUSALS_SAID] == "and 30 more update files refused"
    assert "wrong size" in choice.refused[0]
    (note,) = worker_notes(InForce(choice, MachinePolicy()))
    assert note.startswith(f"{REFUSALS_SAID + 30} directory update(s) could not be used")


def test_a_failing_file_of_the_same_version_in_the_share_never_takes_the_kept_copy(
    where, key, coventry_edit, tmp_path
):
    """IT's file replaced by another content's genuine header on zeros: the copy kept here
    was removed before that file was checked whole, it then failed, and the laptop went
    back to the shipped directory for good (review 2026-12-01)."""
    first = bundle(where, key, "2026.12.1")
    in_use = database_of(first)
    assert select_directory(where, TODAY).path == first  # a copy kept in the profile
    other = publish(coventry_edit, key.private_path, tmp_path / "o", "2026.12.1", TODAY)
    data = other.read_bytes()
    head = data[: data.index(b"\n", len(MAGIC)) + 1]
    first.write_bytes(head + bytes(len(data) - len(head)))  # the right size, the wrong hash
    for _ in range(2):  # and at the next check
        choice = select_directory(where, TODAY)
        # IT's file may be it, or not: not said to be IT's
        assert choice.data == in_use and choice.origin == "kept_unconfirmed"
        assert list(where.user_updates.glob("kept-*.navdir"))


def test_the_same_content_signed_again_never_sets_aside_the_kept_copy(where, key, tmp_path):
    """Signed again another day, the same database: the kept copy's manifest differs from
    IT's file's, and was set aside as "changed while it was being checked" once that file
    failed (review 2026-12-01)."""
    first = bundle(where, key, "2026.12.1")
    assert select_directory(where, TODAY).path == first
    again = publish(SHIPPED, key.private_path, tmp_path / "o", "2026.12.1", TODAY + timedelta(1))
    data = again.read_bytes()
    head = data[: data.index(b"\n", len(MAGIC)) + 1]
    first.write_bytes(head + bytes(len(data) - len(head)))  # its header on zeros
    choice = select_directory(where, TODAY)
    assert choice.origin == "kept" and choice.data == database_of(again)
    assert choice.set_aside == []


def test_copies_go_only_once_its_replacement_is_kept_here(
    where, key, coventry_edit, tmp_path, monkeypatch
):
    """The copy kept here was removed before the replacing content's copy was written: a
    full disk, then the share offline, took the laptop back (review 2026-12-01)."""
    import app.db.directories as directories

    bundle(where, key, "2026.12.1")
    select_directory(where, TODAY)  # keeps a copy of it
    other = publish(coventry_edit, key.private_path, tmp_path / "o", "2026.12.1", TODAY)
    shutil.copy(other, where.machine_updates / "directory-2026.12.1.navdir")  # IT replaces it
    monkeypatch.setattr(directories, "keep_copy", lambda choice, where: False)  # disk full
    assert select_directory(where, TODAY).data == database_of(other)
    shutil.rmtree(where.machine_updates)  # the share offline
    assert select_directory(where, TODAY).version == "2026.12.1"  # the old copy stands in


def test_an_old_version_signed_twice_is_passed_over_once_a_higher_one_is_published(
    where, key, coventry_edit, tmp_path
):
    """The lead published a higher version, as asked: the old pair still stood as refused
    in the self-test, the log and the worker's banner at every start (review 2026-12-01)."""
    bundle(where, key, "2026.12.1")
    other = publish(coventry_edit, key.private_path, tmp_path / "o", "2026.12.1", TODAY)
    shutil.copy(other, where.machine_updates / "a-correction.navdir")
    # the correction kept: one that changed it back is refused (test_publish_never_undoes…)
    fixed = publish(coventry_edit, key.private_path, where.machine_updates, "2026.12.2", TODAY)
    choice = select_directory(where, TODAY)
    assert choice.path == fixed and choice.problems == []


def test_copies_of_an_update_under_other_names_are_said_to_it_and_checked_once(
    where, key, monkeypatch
):
    """20,000 copies of the genuine manifest in IT's folder, each a hole of the right size,
    made every start seconds slower, and nothing said (attack, 2026-12-04; H337). Past a
    few they are said to IT (not to the worker); each is still read, its signature checked
    once for all of them; the update is used."""
    import app.db.signing as signing

    made = bundle(where, key, "2026.12.1")
    whole = made.read_bytes()
    head = whole[: whole.index(b"\n", len(MAGIC)) + 1]
    for n in range(11):
        (where.machine_updates / f"a{n:02d}.navdir").write_bytes(head.ljust(len(whole), b"\0"))
    checked = []
    real = signing.signature_holds
    monkeypatch.setattr(signing, "signature_holds", lambda *a: checked.append(a) or real(*a))
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.1", "machine")
    assert len(checked) <= 2  # IT's file and the copy kept here: one manifest
    (said,) = choice.copies
    assert said.startswith("IT's update folder holds 11 more copies of updates under other")
    assert "(such as a00.navdir)" in said and said in choice.problems
    (where.machine_updates / "a00.navdir").unlink()
    assert select_directory(where, TODAY).copies == []  # ten: a few, not said


def test_a_laptop_away_during_a_key_handover_tells_the_worker_its_numbers_are_older(
    where, key, tmp_path
):
    """Off the network while IT withdrew the old lead's key: the laptop went back to the
    app's own directory, its dead out-of-hours line and closed service, and the worker's
    banner said only that an update "could not be used" (the lead's walk, F-i, 2026-12-04).
    The withdrawn key is never trusted again; the worker is told the numbers are older than
    the ones this laptop had."""
    from app.db import signing
    from app.directory_updates import worker_notes
    from app.in_force import InForce
    from app.policy import MachinePolicy

    bundle(where, key, "2026.12.4")
    assert select_directory(where, TODAY).origin == "machine"  # a copy kept in the profile
    for public in (tmp_path / "trusted").iterdir():
        public.unlink()  # the old lead's key withdrawn by IT's policy
    new = signing.generate(tmp_path / "new")
    shutil.copy(new.public_path, tmp_path / "trusted")
    shutil.rmtree(where.machine_updates)  # the laptop away from IT's folder
    away = select_directory(where, TODAY)
    assert away.origin == "shipped" and away.behind == "2026.12.4"
    (note,) = worker_notes(InForce(away, MachinePolicy()))
    assert note.startswith("Numbers may be out of date: this laptop's newer directory (2026.12.4)")
    assert note.endswith(f"so Navigator is using {away.version}. Tell IT today.")
    (why,) = [line for line in away.problems if "signed with unknown key" in line]  # IT's
    assert why.endswith(
        "; if not, leave it: it is this laptop's own copy of an update newer than the one in "
        "use, and goes by itself once a newer update is in use here (from IT's update folder, "
        "or a new one the lead publishes)"
    )
    assert "remove the file" not in why  # the only sign the numbers are older
    where.machine_updates.mkdir()  # back on the network: the new lead's newer update
    publish(SHIPPED, new.private_path, where.machine_updates, "2026.12.5", TODAY)
    back = select_directory(where, TODAY)
    assert back.version == "2026.12.5" and back.behind == ""
    assert worker_notes(InForce(back, MachinePolicy())) == []
