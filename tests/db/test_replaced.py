"""The version in use changed under the laptop by IT's file: what it showed before, for IT."""

import shutil

from app.db.bundle import publish
from app.db.directories import select_directory
from app.db.replaced import KEEP_REPLACED, REPLACED
from tests.conftest import NEW_NUMBER
from tests.db.test_directories import TODAY, bundle, database_of

OLD_NUMBER = "024 7678 8555"  # Coventry MASH's in the shipped directory


def test_another_content_copied_over_the_version_in_use_is_said_until_a_higher_one(
    where, key, coventry_edit, tmp_path
):
    """IT copied a second lead's bundle of the same version over the one in use (the same
    file name): every laptop switched to its numbers with nothing said, the self-test passed,
    and the copy kept here was deleted, so nothing remembered the other numbers (the lead's
    walk, F-g, 2026-12-04)."""
    used = bundle(where, key, "2026.12.1")
    assert select_directory(where, TODAY).path == used  # a copy kept in the profile
    shown = database_of(used)
    other = publish(coventry_edit, key.private_path, tmp_path / "o", "2026.12.1", TODAY)
    shutil.copy(other, used)  # the same name: a plain copy replaces it
    for _ in range(2):  # said at every start, not once
        choice = select_directory(where, TODAY)
        assert choice.data == database_of(other) and choice.origin == "machine"  # IT decides
        (said,) = choice.replaced
        assert said in choice.problems  # About, the log, and the self-test fails
        assert "2026.12.1 in use is not the 2026.12.1 this laptop used before" in said
        assert f"Coventry MASH: {OLD_NUMBER}" in said and f"(now: {NEW_NUMBER}" in said
        assert "publishes a higher version" in said
    (kept,) = (where.user_updates / REPLACED).glob("kept-*.navdir")
    assert database_of(kept) == shown  # what this laptop showed is remembered
    shutil.rmtree(where.machine_updates)  # the share offline: never back to an older one
    offline = select_directory(where, TODAY)
    assert offline.version == "2026.12.1" and offline.data == database_of(other)
    where.machine_updates.mkdir()
    shutil.copy(other, where.machine_updates / other.name)
    higher = publish(coventry_edit, key.private_path, where.machine_updates, "2026.12.2", TODAY)
    fixed = select_directory(where, TODAY)
    assert fixed.path == higher and fixed.replaced == [] and fixed.problems == []
    assert list((where.user_updates / REPLACED).iterdir()) == []  # forgotten


def test_the_first_contents_put_back_are_said_of_the_other_ones_this_laptop_showed(
    where, key, coventry_edit, tmp_path
):
    """IT put the right file back: a laptop that showed both under the version is still
    told (it showed the other numbers for a while); the one put aside that is the very
    content in use says nothing."""
    used = bundle(where, key, "2026.12.1")
    right = used.read_bytes()
    select_directory(where, TODAY)
    other = publish(coventry_edit, key.private_path, tmp_path / "o", "2026.12.1", TODAY)
    shutil.copy(other, used)
    select_directory(where, TODAY)  # the other used, and kept here
    used.write_bytes(right)  # IT puts the right one back
    back = select_directory(where, TODAY)
    assert back.data == database_of(used)
    (said,) = back.replaced  # of the other content only, not of the one in use
    assert f"Coventry MASH: {NEW_NUMBER}" in said and f"(now: {OLD_NUMBER}" in said
    assert len(list((where.user_updates / REPLACED).glob("*.navdir"))) == KEEP_REPLACED


def test_a_file_planted_among_the_replaced_names_no_numbers(where, key, coventry_edit, tmp_path):
    """The worker's folder is never trusted: a bundle no trusted key signed, put where the
    replaced are kept, never names its numbers to IT (numbers no lead published). Its key
    may be a former lead's (A3, below), so it is said without them."""
    from app.db import signing

    used = bundle(where, key, "2026.12.1")
    select_directory(where, TODAY)
    stranger = signing.generate(tmp_path / "stranger")
    planted = publish(coventry_edit, stranger.private_path, tmp_path / "p", "2026.12.1", TODAY)
    aside = where.user_updates / REPLACED
    aside.mkdir()
    shutil.copy(planted, aside / "kept-planted.navdir")
    choice = select_directory(where, TODAY)
    assert choice.path == used
    (said,) = choice.replaced
    assert "showed other numbers (not said: the key that signed them is not trusted" in said
    assert NEW_NUMBER not in said


def test_the_lead_handover_keeps_what_this_laptop_showed(where, key, coventry_edit, tmp_path):
    """The new lead's other content of the version in use was copied over it, then IT
    withdrew the first lead's key (a handover's end): the copy put aside could not be
    checked, was deleted, and the self-test passed with the dead number (re-attack A3,
    2026-12-04)."""
    from app.db import signing

    used = bundle(where, key, "2026.12.1")
    select_directory(where, TODAY)
    (first,) = (tmp_path / "trusted").iterdir()
    new = signing.generate(tmp_path / "new")
    shutil.copy(new.public_path, tmp_path / "trusted")
    other = publish(coventry_edit, new.private_path, tmp_path / "o", "2026.12.1", TODAY)
    shutil.copy(other, used)
    assert f"Coventry MASH: {OLD_NUMBER}" in select_directory(where, TODAY).replaced[0]
    withdrawn = first.rename(tmp_path / first.name)  # the first lead's key withdrawn
    for _ in range(2):
        choice = select_directory(where, TODAY)
        assert choice.data == database_of(other)
        (said,) = choice.replaced
        assert "showed other numbers (not said: the key that signed them is not trusted" in said
    withdrawn.rename(first)  # trusted again: its numbers said again
    assert f"Coventry MASH: {OLD_NUMBER}" in select_directory(where, TODAY).replaced[0]


def test_junk_among_the_replaced_never_pushes_the_real_copy_out(
    where, key, coventry_edit, tmp_path
):
    """Two junk files there, newer than the real copy, pushed it out before any was read
    (re-attack A5, 2026-12-04)."""
    used = bundle(where, key, "2026.12.1")
    select_directory(where, TODAY)
    other = publish(coventry_edit, key.private_path, tmp_path / "o", "2026.12.1", TODAY)
    shutil.copy(other, used)
    select_directory(where, TODAY)
    for n in range(KEEP_REPLACED + 3):
        (where.user_updates / REPLACED / f"kept-junk{n}.navdir").write_bytes(b"junk")
    (said,) = select_directory(where, TODAY).replaced
    assert f"Coventry MASH: {OLD_NUMBER}" in said
    assert [p.name for p in (where.user_updates / REPLACED).iterdir()] == [
        next((where.user_updates / REPLACED).glob("kept-*")).name
    ]  # the junk gone, the real copy kept


def test_files_claiming_a_higher_version_never_push_the_real_copy_out(
    where, key, coventry_edit, tmp_path
):
    """Fifty files, each a real higher bundle's manifest cut short, newer than the real
    copy: kept for good, they filled the fifty read and the real copy was never said
    (re-attack B4, 2026-12-04; H387). A higher bundle whole is kept, for when it is in use."""
    used = bundle(where, key, "2026.12.1")
    select_directory(where, TODAY)
    other = publish(coventry_edit, key.private_path, tmp_path / "o", "2026.12.1", TODAY)
    shutil.copy(other, used)
    select_directory(where, TODAY)
    higher = publish(coventry_edit, key.private_path, tmp_path / "h", "2026.12.2", TODAY)
    aside = where.user_updates / REPLACED
    shutil.copy(higher, aside / "kept-higher.navdir")
    for n in range(60):
        (aside / f"kept-cut{n}.navdir").write_bytes(higher.read_bytes()[:2000])
    (said,) = select_directory(where, TODAY).replaced
    assert f"Coventry MASH: {OLD_NUMBER}" in said
    assert sorted(p.name for p in aside.iterdir())[1:] == ["kept-higher.navdir"]


def test_an_update_the_worker_installed_is_remembered_as_a_kept_copy_is(
    where, key, coventry_edit, tmp_path
):
    """The worker installed the right 2026.12.1; IT placed the other: the first start said
    only "set aside: replaced by …", and from the second the self-test passed with the
    other numbers (re-attack A4, 2026-12-04)."""
    from app.db.install import install_bundle

    right = publish(where.shipped, key.private_path, tmp_path / "r", "2026.12.1", TODAY)
    assert install_bundle(right, where, TODAY).installed
    other = publish(coventry_edit, key.private_path, where.machine_updates, "2026.12.1", TODAY)
    for _ in range(2):  # at the next start as at the first
        choice = select_directory(where, TODAY)
        assert choice.data == database_of(other)  # IT's folder decides, as for a kept copy
        (said,) = choice.replaced
        assert f"Coventry MASH: {OLD_NUMBER}" in said and f"(now: {NEW_NUMBER}" in said
    assert choice.set_aside == []  # not "set aside" without its numbers
