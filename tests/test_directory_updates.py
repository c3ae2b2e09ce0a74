"""Updates while the app runs: a newer signed directory in IT's folder is found, a bundle
the worker picks is described before it is installed, and every refusal keeps the directory
in use. Real bundles, signed with real keys, of a directory built from the shipped source."""

import dataclasses
import shutil
from datetime import date

from app.db import signing
from app.db.bundle import MAGIC, publish
from app.db.directories import ORIGINS, select_directory
from app.db.trust import INSTALL, MACHINE_FOLDER
from app.directory_updates import worker_notes
from app.in_force import InForce
from tests.conftest import NEW_NUMBER, change, edited_directory, running


def unreadable(monkeypatch, which) -> None:
    """The files `which` picks cannot be read now (locked, or not this worker's to read)."""
    import app.db.directories as directories
    from app.db.checks import Unreadable

    real = directories.read_signed_manifest

    def refusing(path, keys):
        if which(path):
            raise Unreadable("cannot read it (locked by another program)")
        return real(path, keys)

    monkeypatch.setattr(directories, "read_signed_manifest", refusing)


def test_a_newer_bundle_in_its_folder_is_found_with_the_new_number(it, coventry_edit):
    where, lead = it
    updates = running(where)
    assert updates.check() is None  # nothing newer yet
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    found = updates.check()
    assert found is not None and found.version == "2026.12.1"
    assert found.graph.services["coventry-mash"].phone == NEW_NUMBER
    assert found.in_force.selection.origin == "machine"
    updates.adopt(found)
    assert updates.check() is None  # already in use


def test_numbers_waiting_are_said_for_the_services_on_the_plan(it, tmp_path):
    """An update held for the conversation's end: the worker is told which numbers on the
    plan in front of them it replaces, new and old (lead walk, 2026-12-07; H573)."""
    from app.cli.route import answers_for
    from app.pathways.engine import Pathway
    from tests.test_waiting_numbers import coventry_children

    where, lead = it
    updates = running(where)
    mash = updates.current.graph.services["coventry-mash"]
    edited = edited_directory(
        tmp_path / "edit",
        lambda rows: change(
            change(
                rows, "coventry-mash", phone=NEW_NUMBER, phone_note="Out of hours: 0300 555 0000"
            ),
            "walsall-mast",  # not on a Coventry plan: not said
            phone="0300 555 2867",
        ),
    )
    publish(edited, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    found = updates.check()
    pathway = Pathway(updates.current.graph)
    answers = answers_for(pathway, coventry_children())
    numbers = updates.numbers_waiting(found, pathway.step(answers).plan, answers)
    assert numbers == {
        "coventry-mash": f"{mash.name}: now {NEW_NUMBER}, not {mash.phone}, and out of hours "
        f"now 0300 555 0000, not {mash.phone_note.split(': ')[-1]}"
    }
    said = updates.adopt(found)
    # the lead's marks are not a worker's: "1 change to check (marked in the list)" read as
    # a doubtful number (lead walk, 2026-12-07; H573)
    assert said == "2 numbers changed"


def test_the_worker_sees_what_changes_then_installs(it, coventry_edit, tmp_path):
    where, lead = it
    updates = running(where)
    made = publish(coventry_edit, lead.private_path, tmp_path / "out", "2026.12.1", date.today())
    preview = updates.preview(made)
    assert preview.reason == "" and preview.version == "2026.12.1"
    assert preview.diff.summary() == "1 number changed"
    loaded, reason = updates.install(made, preview)
    assert reason == "" and loaded.graph.services["coventry-mash"].phone == NEW_NUMBER
    assert loaded.in_force.selection.origin == "user"


def test_a_threshold_it_set_is_no_pathway_change_in_the_preview(it, coventry_edit, tmp_path):
    """With IT's policy moving a threshold, a bundle changing one number was previewed as
    "the pathway's rules or words changed: settings" (review 2026-12-01): a false alarm
    that teaches workers to ignore the one that matters."""
    from app.policy import check_policy

    where, lead = it
    updates = running(where, check_policy({"escalation_incidents": 2}))
    made = publish(coventry_edit, lead.private_path, tmp_path / "out", "2026.12.1", date.today())
    preview = updates.preview(made)
    assert preview.diff.summary() == "1 number changed" and not preview.diff.pathway_items


def test_an_update_with_other_rules_is_previewed_as_the_services_it_brings(it, tmp_path):
    """Its rules are not used (the release's are, H345): "pathway rules 2026.1 → 2025.9"
    in the worker's preview would say a change that never happens."""
    from tests.conftest import shipped_changed
    from tests.test_in_force import NO_999

    where, lead = it
    other_rules = shipped_changed(
        tmp_path / "other-rules.sqlite",
        "UPDATE content_meta SET value = '2025.9' WHERE key = 'pathway_version'",
        f"UPDATE phone SET number = '{NEW_NUMBER}' WHERE service_id = 'coventry-mash'",
        NO_999,
    )
    made = publish(other_rules, lead.private_path, tmp_path / "out", "2026.12.1", date.today())
    preview = running(where).preview(made)
    assert preview.diff.summary() == "1 number changed" and not preview.diff.pathway_change


def test_what_is_installed_is_the_file_the_worker_was_shown(it, coventry_edit, tmp_path):
    """Another bundle (signed, older, perhaps withdrawn) copied over the chosen file while
    the worker reads the preview is not installed in its place."""
    where, lead = it
    updates = running(where)
    shown = publish(coventry_edit, lead.private_path, tmp_path / "b", "2026.12.2", date.today())
    withdrawn = publish(coventry_edit, lead.private_path, tmp_path / "a", "2026.12.1", date.today())
    preview = updates.preview(shown)
    assert preview.reason == "" and preview.version == "2026.12.2"
    shown.write_bytes(withdrawn.read_bytes())
    loaded, reason = updates.install(shown, preview)
    assert loaded is None and reason == "the file changed after it was checked: choose it again"
    assert select_directory(where).version == updates.current.version
    assert not list(where.user_updates.glob("*.navdir"))


def refusals(where, lead, coventry_edit, tmp_path):
    """Bundles that must each be refused, by name, with a word the reason must contain."""
    out = tmp_path / "refused"
    stranger = signing.generate(tmp_path / "stranger")
    unknown = publish(coventry_edit, stranger.private_path, out / "a", "2026.12.1", date.today())
    flipped = publish(coventry_edit, lead.private_path, out / "b", "2026.12.1", date.today())
    data = bytearray(flipped.read_bytes())
    data[len(data) // 2] ^= 0x01
    flipped.write_bytes(bytes(data))
    truncated = publish(coventry_edit, lead.private_path, out / "c", "2026.12.1", date.today())
    truncated.write_bytes(truncated.read_bytes()[: len(MAGIC) + 200])
    shipped = select_directory(where).version
    pathed = _naming_a_path(
        publish(coventry_edit, lead.private_path, out / "f", "2026.12.1", date.today()), lead
    )
    return {
        "unknown key": (unknown, "unknown key"),
        "one flipped byte": (flipped, "wrong hash"),
        "truncated": (truncated, "no readable manifest"),
        "equal version": (_bundle_of(lead, tmp_path / "d", shipped), "not newer"),
        "lower version": (_bundle_of(lead, tmp_path / "e", "2026.1.1"), "not newer"),
        "names a path outside its folder": (pathed, "no readable manifest"),
    }


def _naming_a_path(bundle, lead):
    """The lead's own signature over a manifest that also names a path to write to: the
    format has no path, and a manifest with any field it does not know is refused."""
    import json

    line, database = bundle.read_bytes()[len(MAGIC) :].split(b"\n", 1)
    fields = {k: v for k, v in json.loads(line).items() if k != "signature"}
    fields["path"] = "../../../Navigator/directory.sqlite"
    _, key = signing.load_private(lead.private_path)
    signed = {**fields, "signature": signing.sign(fields, key)}
    bundle.write_bytes(MAGIC + signing.canonical(signed) + b"\n" + database)
    return bundle


def _bundle_of(lead, folder, version):
    """A good signature on a bundle whose version is not above the one in use."""
    source = edited_directory(folder, lambda rows: rows, "2000.1")
    return publish(source, lead.private_path, folder / "out", version, date.today())


def test_each_refused_bundle_is_named_and_the_directory_in_use_stays(it, coventry_edit, tmp_path):
    where, lead = it
    updates = running(where)
    before = updates.current.version
    for name, (bundle, word) in refusals(where, lead, coventry_edit, tmp_path).items():
        preview = updates.preview(bundle)
        assert preview.reason and word in preview.reason, (name, preview.reason)
        loaded, reason = updates.install(bundle, preview)
        assert loaded is None and reason, name
        assert updates.current.version == before
        assert select_directory(where).version == before, name


def test_about_names_the_directory_and_where_each_trusted_key_came_from(it, coventry_edit):
    where, lead = it
    updates = running(where)
    about = updates.about()
    assert about.origin == "installed with the app"
    assert (lead.key_id, MACHINE_FOLDER) in [(k, o) for k, o, _ in about.trusted]
    assert INSTALL not in [o for _, o, _ in about.trusted]  # the test install has no keys
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    updates.adopt(updates.check())
    about = updates.about()
    assert about.version == "2026.12.1" and about.origin == "IT's update folder"
    assert lead.key_id in about.published and date.today().isoformat() in about.published


def test_a_directory_whose_key_it_withdrew_is_left_while_the_app_runs(it, coventry_edit, tmp_path):
    """Withdrawing the key of a bad update must not wait for every laptop to restart."""
    where, lead = it
    bad = edited_directory(
        tmp_path / "bad", lambda rows: change(rows, "ndah", phone="0808 2000 999")
    )
    publish(bad, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    updates = running(where)
    assert updates.current.graph.services["ndah"].phone == "0808 2000 999"
    second = signing.generate(tmp_path / "second")
    (where.keys.machine / lead.public_path.name).unlink()
    shutil.copy(second.public_path, where.keys.machine)
    # published elsewhere (a folder holding a higher version refuses it), then put beside
    own = publish(coventry_edit, second.private_path, tmp_path / "o", "2026.11.30.5", date.today())
    shutil.copy(own, where.machine_updates)
    found = updates.check()
    assert found is not None and found.version == "2026.11.30.5"
    assert found.graph.services["ndah"].phone == "0808 2000 247"
    assert any("unknown key" in r for r in updates.refused)


def test_a_directory_out_of_reach_stays_in_use_and_its_copy_is_used_at_the_next_start(
    it, coventry_edit
):
    """The share offline, or an older signed bundle put back in place of the newer: the
    laptop never goes back to an older directory."""
    where, lead = it
    older = publish(
        coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today()
    )
    kept_older = older.read_bytes()
    newer = publish(
        coventry_edit, lead.private_path, where.machine_updates, "2026.12.2", date.today()
    )
    updates = running(where)
    assert updates.current.version == "2026.12.2"
    assert updates.current.in_force.selection.origin == "machine"
    shutil.rmtree(where.machine_updates)  # the share cannot be reached
    assert updates.check() is None
    again = select_directory(where)
    assert (again.version, again.origin) == ("2026.12.2", "kept_unconfirmed")
    where.machine_updates.mkdir()  # the newer taken away, the older put back
    older.write_bytes(kept_older)
    assert newer.exists() is False
    assert updates.check() is None
    assert select_directory(where).version == "2026.12.2"


def test_about_says_where_the_directory_in_use_is_now_kept(it, coventry_edit):
    """IT removed the update in use from its folder: a start and the self-test called the
    copy kept here "no longer in IT's update folder", About in a running window still "IT's
    update folder" (attack, 2026-12-02)."""
    where, lead = it
    made = publish(
        coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today()
    )
    updates = running(where)
    assert updates.about().origin == ORIGINS["machine"]
    made.unlink()
    assert updates.check() is None  # the same numbers, from the copy kept here
    assert (
        updates.about().origin == ORIGINS["kept_removed"] == ORIGINS[select_directory(where).origin]
    )
    assert updates.current.graph.services["coventry-mash"].phone == NEW_NUMBER


def test_an_update_it_removed_leaves_a_window_that_could_keep_no_copy(
    it, coventry_edit, monkeypatch
):
    """A read-only profile keeps no copy: IT removed the update in use (a wrong number), a
    start, route and the self-test went back to the directory before it, and a running
    window kept the removed numbers (attack, 2026-12-02). The share offline changes nothing."""
    import app.db.directories as directories

    where, lead = it
    monkeypatch.setattr(directories, "keep_copy", lambda choice, where: False)
    made = publish(
        coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today()
    )
    updates = running(where)
    before = updates.current.version
    shutil.move(where.machine_updates, where.machine_updates.with_name("offline"))
    assert updates.check() is None  # out of reach: the numbers checked stay
    shutil.move(where.machine_updates.with_name("offline"), where.machine_updates)
    made.unlink()
    # junk in IT's folder (refused) cannot be the update in use: it kept the window on the
    # removed numbers (re-attack round, 2026-12-02)
    (where.machine_updates / "Thumbs.navdir").write_bytes(b"junk")
    found = updates.check()
    assert found is not None and found.version == select_directory(where).version != before
    assert found.graph.services["coventry-mash"].phone != NEW_NUMBER


def test_a_file_in_its_folder_that_cannot_be_read_keeps_no_removed_update(
    it, coventry_edit, monkeypatch
):
    """One file in IT's folder this worker may not read (an old draft, permission denied)
    kept a window with no kept copy on the numbers IT removed, at every check (second
    re-attack round, 2026-12-02): it cannot be the update in use, which is gone."""
    import app.db.directories as directories

    where, lead = it
    monkeypatch.setattr(directories, "keep_copy", lambda choice, where: False)
    made = publish(
        coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today()
    )
    updates = running(where)
    locked = where.machine_updates / "old-draft.navdir"
    shutil.copy(made, locked)
    unreadable(monkeypatch, lambda path: path == locked)
    made.unlink()
    found = updates.check()
    assert found is not None and found.graph.services["coventry-mash"].phone != NEW_NUMBER


def test_its_file_refused_for_a_moment_or_signed_twice_never_takes_a_window_back(
    it, coventry_edit, tmp_path, monkeypatch
):
    """With no copy kept here: IT copying the update in use again (a part copy for a
    moment), or a second content signed under its version put beside it, sent a window
    back to older numbers (second re-attack round, 2026-12-02). The bytes in use were
    checked whole when taken; only its key withdrawn takes a window off them."""
    import app.db.directories as directories

    where, lead = it
    monkeypatch.setattr(directories, "keep_copy", lambda choice, where: False)
    made = publish(
        coventry_edit, lead.private_path, where.machine_updates, "2026.12.2", date.today()
    )
    whole = made.read_bytes()
    updates = running(where)
    made.write_bytes(whole[:100_000])  # IT copying it again
    assert updates.check() is None
    made.write_bytes(whole)
    assert updates.check() is None
    other = edited_directory(
        tmp_path / "b", lambda rows: change(rows, "coventry-mash", phone="024 7600 2222")
    )
    second = publish(other, lead.private_path, tmp_path / "b", "2026.12.2", date.today())
    shutil.copy(second, where.machine_updates / "zz-lead2.navdir")
    assert updates.check() is None
    assert updates.current.graph.services["coventry-mash"].phone == NEW_NUMBER


def test_a_kept_copy_locked_at_the_check_after_it_removed_the_update_moves_nothing(
    it, coventry_edit, monkeypatch
):
    """IT removed the update in use as the copy kept here was locked for a moment: the
    window went back to the older numbers for a check, then forward again (re-attack round,
    2026-12-02). A file that cannot be read now changes nothing."""

    where, lead = it
    made = publish(
        coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today()
    )
    updates = running(where)
    made.unlink()
    unreadable(monkeypatch, lambda path: path.name.startswith("kept-"))
    assert updates.check() is None
    assert updates.current.graph.services["coventry-mash"].phone == NEW_NUMBER


def test_other_contents_of_the_version_in_use_put_in_its_folder_are_taken(it, tmp_path):
    """Two leads signed 2026.12.2 with other numbers; IT put the right file in place of the
    wrong: a running window kept the wrong numbers, under the same version, while route,
    search and the self-test gave the right ones (attack, 2026-12-02)."""
    where, lead = it
    wrong_number = "024 7600 0001"

    def signed(name, number):
        edited = edited_directory(
            tmp_path / name, lambda rows: change(rows, "coventry-mash", phone=number)
        )
        return publish(edited, lead.private_path, tmp_path / name, "2026.12.2", date.today())

    wrong = signed("wrong", wrong_number)
    placed = where.machine_updates / wrong.name
    where.machine_updates.mkdir(exist_ok=True)
    shutil.copy(wrong, placed)
    updates = running(where)
    assert updates.current.graph.services["coventry-mash"].phone == wrong_number
    shutil.copy(signed("right", NEW_NUMBER), placed)
    found = updates.check()
    assert found is not None and found.version == "2026.12.2"
    assert found.graph.services["coventry-mash"].phone == NEW_NUMBER
    assert found.in_force.selection.sha256 == select_directory(where).sha256  # as at a start
    updates.adopt(found)
    assert updates.check() is None  # in use: no switch at every check


def test_a_moment_the_share_cannot_be_read_never_takes_a_window_back(it, tmp_path, monkeypatch):
    """With no room in the profile for a kept copy of the right contents, the copy of the
    replaced ones stayed; IT's file locked for a moment, a running window went back to them
    (re-attack round, 2026-12-02)."""
    import app.db.directories as directories

    where, lead = it

    def signed(name, number):
        edited = edited_directory(
            tmp_path / name, lambda rows: change(rows, "coventry-mash", phone=number)
        )
        return publish(edited, lead.private_path, tmp_path / name, "2026.12.2", date.today())

    wrong = signed("wrong", "024 7600 0001")
    placed = where.machine_updates / wrong.name
    where.machine_updates.mkdir(exist_ok=True)
    shutil.copy(wrong, placed)
    updates = running(where)  # its copy kept here
    monkeypatch.setattr(directories, "keep_copy", lambda choice, where: False)  # disk full
    shutil.copy(signed("right", NEW_NUMBER), placed)
    updates.adopt(updates.check())
    unreadable(monkeypatch, lambda path: path == placed)
    assert updates.check() is None
    assert updates.current.graph.services["coventry-mash"].phone == NEW_NUMBER


def test_a_directory_whose_key_went_with_its_file_is_left_while_the_app_runs(it, coventry_edit):
    """IT deleted the bundle and withdrew its key (or the share went offline as the key
    went): nothing in the folder was refused, and the withdrawn directory stayed in use."""
    where, lead = it
    made = publish(
        coventry_edit, lead.private_path, where.machine_updates, "2026.12.2", date.today()
    )
    updates = running(where)
    assert updates.current.version == "2026.12.2"
    made.unlink()
    where.machine_updates.rmdir()  # and the share offline
    for kept in where.user_updates.glob("kept-*.navdir"):
        kept.unlink()
    assert updates.check() is None  # out of reach, its key still trusted: it stays in use
    (where.keys.machine / lead.public_path.name).unlink()
    found = updates.check()
    assert found is not None and found.in_force.selection.origin == "shipped"


def test_the_policy_is_read_again_at_each_check(it, coventry_edit):
    """A key IT withdraws by policy counts at the next check, not the next start."""
    where, lead = it
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.2", date.today())
    updates = running(where)
    trusted_now = [where]
    updates.locate = lambda: trusted_now[0]
    without_key = dataclasses.replace(
        where, keys=dataclasses.replace(where.keys, machine=where.keys.install)
    )
    trusted_now[0] = without_key
    found = updates.check()
    assert found is not None and found.version != "2026.12.2"


def test_an_update_folder_that_cannot_be_read_is_named_and_never_raised(it):
    where, _ = it
    where.machine_updates.mkdir()
    unreadable = dataclasses.replace(where, machine_updates=where.machine_updates / ("x" * 300))
    choice = select_directory(unreadable)
    assert choice.origin == "shipped" and choice.verified
    assert any("IT's update folder" in r and "cannot be read" in r for r in choice.refused)


def test_a_policy_that_cannot_be_read_again_keeps_the_folders_it_named(it, coventry_edit):
    where, lead = it
    updates = running(where)

    def unreadable():
        raise PermissionError("policy")

    updates.locate = unreadable
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    found = updates.check()
    assert found is not None and found.version == "2026.12.1"
    assert updates.refused == ["IT's policy could not be read again (policy)"]


def test_keys_that_cannot_be_read_set_nothing_aside_and_keep_the_directory(it, coventry_edit):
    """A keys folder unreadable for a moment trusted nothing: the worker's installed update
    was set aside for good and the app fell back to the shipped directory."""
    where, lead = it
    made = publish(coventry_edit, lead.private_path, where.user_updates, "2026.12.1", date.today())
    updates = running(where)
    assert updates.current.version == "2026.12.1"
    unreadable = dataclasses.replace(
        where, keys=dataclasses.replace(where.keys, machine=where.keys.machine / ("k" * 300))
    )
    updates.locate = lambda: unreadable
    assert updates.check() is None
    assert any("trusted keys cannot be read" in r for r in updates.refused)
    assert made.exists()
    choice = select_directory(unreadable)
    assert choice.keys_unread and choice.origin == "shipped" and made.exists()
    # a start now uses older numbers than the laptop had: the worker is told (F-i)
    assert choice.behind == "2026.12.1"
    (note,) = worker_notes(InForce(choice, updates.current.in_force.policy))
    assert note.startswith("Numbers may be out of date: this laptop's newer directory (2026.12.1)")


def test_a_directory_whose_file_cannot_be_read_for_a_moment_stays_in_use(
    it, coventry_edit, monkeypatch
):
    """A kept copy locked for one check (a Windows sharing violation, an antivirus scan)
    sent a running laptop back to the older shipped directory and its withdrawn numbers
    (review 2026-12-01). Only Windows refuses a read this way (root reads any file here),
    so the lock is made by refusing that one file's opening."""
    import os

    where, lead = it
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.2", date.today())
    updates = running(where)
    assert updates.current.version == "2026.12.2"
    shutil.rmtree(where.machine_updates)  # off the share: the kept copy is in use
    in_use = select_directory(where)
    assert in_use.origin == "kept_unconfirmed"
    updates = running(where)
    locked, real_open = updates.current.in_force.selection.path, os.open

    def sharing_violation(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(13, "The process cannot access the file")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", sharing_violation)
    assert updates.check() is None  # the bytes in use were checked: they stay
    monkeypatch.setattr(os, "open", real_open)
    assert locked.exists() and select_directory(where).version == "2026.12.2"


def test_an_update_made_without_the_one_in_use_is_not_offered(it, coventry_edit, tmp_path):
    """Settings' install offered a second lead's update made from the app's own directory,
    which put the front door's old number back; verify and `directory install` refuse it
    (H431)."""
    from tests.conftest import shipped_changed

    where, lead = it
    updates = running(where)
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    updates.adopt(updates.check())
    hours = "UPDATE schedule SET description = 'Mon-Fri 9:00-16:00' WHERE service_id = 'bswa'"
    stale = shipped_changed(tmp_path / "stale.sqlite", hours)
    made = publish(stale, lead.private_path, tmp_path / "b", "2026.12.2", date.today())
    preview = updates.preview(made)
    assert "changes back what the older" in preview.reason and NEW_NUMBER in preview.reason


def test_a_policy_that_hides_its_update_folder_is_told_to_the_worker(it, tmp_path):
    """A trailing comma in IT's policy.json, or its folder typed as a relative path, left new
    laptops on a number the lead had replaced, and the worker was told nothing: only the
    self-test and the log said it (IT's walk, 2026-12-07)."""
    from app.policy import check_policy, load_policy

    where, _ = it
    choice = select_directory(where)
    broken = tmp_path / "policy.json"
    broken.write_text('{"directory_update_folder": "/srv/navigator",}', encoding="utf-8")
    relative = check_policy({"directory_update_folder": "navigator-updates"})
    # a NUL or a lone surrogate in it stopped every start, no plan at all (attack, 2026-12-07)
    unnameable = [check_policy({"directory_update_folder": f"/srv/nav{c}"}) for c in "\x00\ud800"]
    for policy in (load_policy(broken, registry=dict), relative, *unnameable):
        (note,) = worker_notes(InForce(choice, policy))
        assert note.startswith("Numbers may be out of date: IT's settings on this laptop")
        assert note.endswith("Tell IT today.")
    # a value IT may mend at leisure (a tier out of range) reaches no worker
    assert worker_notes(InForce(choice, check_policy({"tier": 7}))) == []
