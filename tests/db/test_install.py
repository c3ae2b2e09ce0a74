"""A bundle the worker installs: used only if the app's own choice takes those bytes."""

import os
import shutil

import pytest

from app.db import signing
from app.db.bundle import publish
from app.db.directories import select_directory
from app.db.install import install_bundle
from tests.conftest import NEW_NUMBER, change, edited_directory, shipped_changed
from tests.db.test_directories import SHIPPED, TODAY


def test_a_bundle_the_worker_installs_is_checked_as_at_start(where, key, tmp_path):
    made = publish(SHIPPED, key.private_path, tmp_path / "outbox", "2026.12.3", TODAY)
    outcome = install_bundle(made, where, TODAY)
    assert (outcome.installed, outcome.version) == (True, "2026.12.3")
    assert select_directory(where, TODAY).origin == "user"
    assert install_bundle(made, where, TODAY).installed  # again: still the one in use
    made.write_bytes(b"changed after installing")  # the copy in the updates folder is used
    assert select_directory(where, TODAY).version == "2026.12.3"
    older = publish(SHIPPED, key.private_path, tmp_path / "older", "2026.12.2", TODAY)
    again = install_bundle(older, where, TODAY)
    assert not again.installed and again.reason == "not newer than 2026.12.3 in use"
    stranger = signing.generate(tmp_path / "stranger")
    other = publish(SHIPPED, stranger.private_path, tmp_path / "other", "2026.12.4", TODAY)
    refused = install_bundle(other, where, TODAY)
    assert not refused.installed and "unknown key" in refused.reason
    assert [p.name for p in where.user_updates.glob("*.navdir")] == [
        p.name for p in where.user_updates.glob("installed-*.navdir")
    ]  # the refused one is not kept to be tried again at every start
    assert len(list(where.user_updates.glob("*.navdir"))) == 1
    aside = where.user_updates / "set-aside"
    assert not aside.exists() or list(aside.iterdir()) == []  # nor a copy kept aside (disk)


def test_a_bundle_named_in_capitals_installs(where, key, tmp_path):
    made = publish(SHIPPED, key.private_path, tmp_path / "outbox", "2026.12.3", TODAY)
    shouted = made.rename(made.with_name("Directory.NavDir"))
    assert install_bundle(shouted, where, TODAY).installed
    assert select_directory(where, TODAY).version == "2026.12.3"


def test_installing_again_a_bundle_kept_but_not_in_use_keeps_it(where, key, tmp_path):
    """Installed, then a newer one came from IT: installing the first again said "not
    newer" and deleted the worker's copy of it (review 2026-12-01)."""
    made = publish(SHIPPED, key.private_path, tmp_path / "outbox", "2026.12.3", TODAY)
    assert install_bundle(made, where, TODAY).installed
    newer = publish(SHIPPED, key.private_path, tmp_path / "it", "2026.12.4", TODAY)
    where.machine_updates.mkdir()
    shutil.copy(newer, where.machine_updates)
    again = install_bundle(made, where, TODAY)
    assert not again.installed and again.reason == "not newer than 2026.12.4 in use"
    assert len(list(where.user_updates.glob("installed-*.navdir"))) == 1


def test_installing_the_update_already_in_use_from_its_folder_says_so(where, key, tmp_path):
    """The lead installed the update IT's folder already gave their laptop, as they were
    told: "refused: … not newer than 2026.12.3 in use", exit 1, read as a failure of the
    step (the lead's walk, 2026-12-04)."""
    made = publish(SHIPPED, key.private_path, where.machine_updates, "2026.12.3", TODAY)
    assert select_directory(where, TODAY).origin == "machine"
    outcome = install_bundle(made, where, TODAY)
    assert (outcome.installed, outcome.version, outcome.reason) == (
        True,
        "2026.12.3",
        "already in use here",
    )
    assert not list(where.user_updates.glob("installed-*.navdir"))  # no second copy kept


def test_an_install_never_writes_through_a_link_planted_in_the_updates_folder(where, key, tmp_path):
    """The bundle was written to "installed-<hash>.partial" through whatever stood there:
    a link planted by another account put the bundle over a file of the worker's (F17)."""
    import hashlib

    made = publish(SHIPPED, key.private_path, tmp_path / "outbox", "2026.12.3", TODAY)
    victim = tmp_path / "bashrc"
    victim.write_text("kept")
    where.user_updates.mkdir(parents=True)
    name = f"installed-{hashlib.sha256(made.read_bytes()).hexdigest()[:16]}.partial"
    (where.user_updates / name).symlink_to(victim)
    assert install_bundle(made, where, TODAY).installed
    assert victim.read_text() == "kept"
    assert select_directory(where, TODAY).version == "2026.12.3"


def test_an_updates_folder_replaced_by_a_file_is_said_at_start_and_at_install(where, key, tmp_path):
    """The worker's updates folder replaced by a file took their installed correction with
    it unsaid at start, and the next install said only "[Errno 17] File exists" (F17)."""
    made = publish(SHIPPED, key.private_path, tmp_path / "outbox", "2026.12.3", TODAY)
    assert install_bundle(made, where, TODAY).installed
    shutil.rmtree(where.user_updates)
    where.user_updates.write_text("not a folder")
    choice = select_directory(where, TODAY)
    named = [line for line in choice.refused if str(where.user_updates) in line]
    assert named == [
        f"the folder of updates installed on this laptop ({where.user_updates}) is not a "
        "folder: no update installed here can be read or kept; IT can move that file away, "
        "then install the update again"
    ]
    outcome = install_bundle(made, where, TODAY)
    assert not outcome.installed and outcome.reason == named[0]
    assert where.user_updates.read_text() == "not a folder"


def test_another_file_of_the_version_installed_is_named_and_nothing_is_said_to_it(
    where, key, tmp_path
):
    """IT's file of 2026.12.1 (other numbers) arrived while the worker was asked about theirs:
    the worker read "not newer than 2026.12.1 in use" with 2026.11.30 on screen, and every
    start told IT this laptop had shown the numbers it never used (attack F19)."""
    ours = publish(SHIPPED, key.private_path, tmp_path / "outbox", "2026.12.1", TODAY)
    changed = shipped_changed(
        tmp_path / "theirs.sqlite",
        "UPDATE phone SET number = '024 7600 2222' WHERE service_id = 'coventry-mash'",
    )
    publish(changed, key.private_path, where.machine_updates, "2026.12.1", TODAY)
    outcome = install_bundle(ours, where, TODAY)
    assert not outcome.installed
    assert outcome.reason.startswith("another file of directory 2026.12.1, with other contents")
    start = select_directory(where, TODAY)
    assert (start.origin, start.replaced) == ("machine", [])
    assert [path.name for path in where.user_updates.rglob("*.navdir")] == [
        f"kept-{start.manifest.sha256[:16]}.navdir"  # IT's, in use: only its copy kept
    ]


def test_an_install_refused_for_changing_back_corrections_keeps_its_reason_for_it(
    where, key, tmp_path
):
    """The worker was told "IT: the reason is beside the file in set-aside", and the install
    had deleted both (re-attack F19, 2026-12-06)."""
    ours = edited_directory(tmp_path / "ours", lambda rows: change(rows, "bcwa", phone=NEW_NUMBER))
    theirs = edited_directory(
        tmp_path / "theirs", lambda rows: change(rows, "solihull-mash", phone="0121 788 4399")
    )
    publish(theirs, key.private_path, where.machine_updates, "2026.12.1", TODAY)
    made = publish(ours, key.private_path, tmp_path / "outbox", "2026.12.2", TODAY)
    outcome = install_bundle(made, where, TODAY)
    assert not outcome.installed and "reason is beside the file in set-aside" in outcome.reason
    reason = next((where.user_updates / "set-aside").glob("installed-*.reason.txt"))
    assert "0121 788 4399" in reason.read_text()


def test_an_install_failing_after_its_copy_leaves_nothing_to_be_used_unsaid(
    where, key, tmp_path, monkeypatch
):
    """The selection failing after the copy (a folder the worker cannot read) left it, and
    the next start used a directory the worker was told nothing of (re-attack F19)."""
    import app.db.install

    def unreadable(*_):
        raise PermissionError("the worker's folder cannot be read")

    made = publish(SHIPPED, key.private_path, tmp_path / "outbox", "2026.12.3", TODAY)
    monkeypatch.setattr(app.db.install, "select_directory", unreadable)
    with pytest.raises(PermissionError):
        install_bundle(made, where, TODAY)
    assert not list(where.user_updates.glob("installed-*"))


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_worker_folder_another_account_made_takes_no_install_and_says_so(where, key, tmp_path):
    made = publish(SHIPPED, key.private_path, tmp_path / "outbox", "2026.12.3", TODAY)
    where.user_updates.mkdir(mode=0o777)
    os.chown(where.user_updates, 65534, 65534)  # nobody's
    outcome = install_bundle(made, where, TODAY)
    assert not outcome.installed and list(where.user_updates.iterdir()) == []
    assert outcome.reason == (
        f"cannot be copied to {where.user_updates} (it belongs to another account; only this "
        "account's own folder is used)"
    )
