"""The updates a laptop has used: its own chain passes, a chain it never used is read."""

import hashlib
import os
import shutil
import threading
from datetime import date

import pytest

from app.db.bundle import publish, read_bundle
from app.db.directories import Locations, select_directory
from app.db.install import install_bundle
from app.db.trust import load_trusted_keys
from app.db.used_here import KEPT, RECORD, forget_used, note_used, used_here
from tests.conftest import REPO, shipped_changed

TODAY = date(2026, 11, 21)
SHIPPED = REPO / "resources" / "directory.sqlite"
MASH = "UPDATE phone SET number = '{}' WHERE service_id = 'solihull-mash'"
HOURS = "UPDATE schedule SET description = 'Mon-Fri 9:00-{}' WHERE service_id = 'bswa'"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_start_records_the_update_it_uses_and_what_was_here_beside_its_folder(where, key):
    """Beside the worker's folder, not in it: a lead who handed over the folder handed over
    their record, and their stale chain passed on the worker's laptop (attack on H450)."""
    made = publish(SHIPPED, key.private_path, where.user_updates, "2026.12.6", TODAY)
    choice = select_directory(where, TODAY)
    select_directory(where, TODAY)
    release = sha(where.shipped.read_bytes())
    assert choice.path == made
    assert used_here(where.user_updates) == {choice.sha256: {choice.sha256, release}}
    assert not (where.user_updates / RECORD).exists()


def test_the_apps_own_directory_is_never_recorded(where):
    select_directory(where, TODAY)
    assert used_here(where.user_updates) == {}


def test_a_record_that_is_not_one_reads_as_none_and_is_kept_short(tmp_path):
    updates = tmp_path / "updates"
    (tmp_path / RECORD).write_bytes(b"\xff\xfe junk\n\n" + b"a" * 63 + b"\n")
    assert used_here(updates) == {}
    shas = [sha(bytes([n])) for n in range(KEPT + 5)]
    for one in shas:
        note_used(updates, [one, "not a sha256"], [shas[0], "junk"])
    assert list(used_here(updates)) == shas[-KEPT:]
    assert set(used_here(updates).values()) == {frozenset([shas[0]])}
    forget_used(updates, shas[-1])
    assert list(used_here(updates)) == shas[-KEPT:-1]
    assert used_here(None) == {} and note_used(None, shas, shas) is None


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_record_another_account_could_have_written_reads_as_none(tmp_path):
    """Read as this laptop's, a forged record can let an older signed update undo a
    correction (re-attack F21): another's record, a link, or a folder of ours reached
    through a folder of theirs, each read as none (every older link read again)."""
    mine = tmp_path / "Navigator"
    updates = mine / "directory-updates"
    note_used(updates, [sha(b"in use")], [sha(b"release")])
    assert list(used_here(updates)) == [sha(b"in use")]
    record = mine / RECORD
    os.chown(record, 65534, 65534)  # t1: a record of theirs in a folder of ours
    assert used_here(updates) == {}
    os.chown(record, os.getuid(), os.getgid())
    record.rename(tmp_path / "elsewhere.txt")
    record.symlink_to(tmp_path / "elsewhere.txt")  # t2: a link
    assert used_here(updates) == {}
    record.unlink()
    (tmp_path / "elsewhere.txt").rename(record)
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "Navigator").symlink_to(mine)  # t3: ours, reached through a folder of theirs
    os.chown(theirs, 65534, 65534)
    assert used_here(theirs / "Navigator" / "directory-updates") == {}
    assert list(used_here(updates)) == [sha(b"in use")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_in_the_records_place_is_never_waited_on(where, key):
    """Read plainly, it hung every start, route and self-test for good (attack F19)."""
    publish(SHIPPED, key.private_path, where.user_updates, "2026.12.6", TODAY)
    where.user_updates.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(where.user_updates.parent / RECORD)
    chosen = []
    start = threading.Thread(target=lambda: chosen.append(select_directory(where, TODAY)))
    start.daemon = True  # left waiting on the pipe, were it read plainly
    start.start()
    start.join(timeout=20)
    assert [choice.version for choice in chosen] == ["2026.12.6"]


def test_a_record_that_cannot_be_written_never_stops_a_start(where, key):
    publish(SHIPPED, key.private_path, where.user_updates, "2026.12.6", TODAY)
    (where.user_updates.parent / RECORD).mkdir()  # a folder in its place: every write fails
    assert select_directory(where, TODAY).version == "2026.12.6"


def chain(lead: Locations, key, tmp_path, versions, first_began="2026.11.30") -> list:
    """A lead's updates, each begun from the one in use on the lead's laptop and installed
    there, as the lead works: the files installed, newest first, once the folder keeps two."""
    keys = load_trusted_keys(lead.keys)[0]
    began, before = first_began, select_directory(lead, TODAY).data
    for n, version in enumerate(versions):
        database = shipped_changed(tmp_path / f"{version}.sqlite", HOURS.format(f"17:{n}5"))
        made = publish(database, key.private_path, tmp_path / version, version, TODAY,
                       begun_from=began, begun_sha256=sha(before))  # fmt: skip
        assert install_bundle(made, lead, TODAY).version == version
        began, before = version, read_bundle(made, keys)[1]
    return sorted(lead.user_updates.glob("installed-*.navdir"))


@pytest.fixture
def lead(tmp_path, where):
    """A second lead's laptop, trusting the same key, that never received IT's update."""
    shipped = tmp_path / "lead" / "install" / "directory.sqlite"
    shipped.parent.mkdir(parents=True)
    shutil.copy(where.shipped, shipped)
    shutil.copy(where.shipped.with_name("directory.sqlite.sha256"), shipped.parent)
    return Locations(shipped, where.keys, tmp_path / "lead" / "it", tmp_path / "lead" / "user")


def test_a_leads_stale_chain_its_first_link_gone_is_set_aside(where, lead, key, tmp_path):
    """A lead whose laptop never had IT's 2026.12.5 (Solihull's front door corrected)
    published and installed 2026.12.6, .7 and .8, each from the one before; the folder
    keeps two, and those two, given to a worker, put the old number back at every start:
    2026.12.7, begun from 2026.12.6 (gone), was passed as the laptop's own chain (fourth
    look at H449, 2026-12-05; H450). On the lead's laptop, which used them, they stay."""
    corrected = shipped_changed(tmp_path / "corrected.sqlite", MASH.format("0121 788 4333"))
    publish(corrected, key.private_path, where.machine_updates, "2026.12.5", TODAY)
    files = chain(lead, key, tmp_path, ("2026.12.6", "2026.12.7", "2026.12.8"))
    assert len(files) == 2
    where.user_updates.mkdir()
    for n, file in enumerate(files):
        shutil.copy(file, where.user_updates / f"from-lead-{n}.navdir")
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, len(choice.set_aside)) == ("2026.12.5", "machine", 2)
    assert select_directory(lead, TODAY).version == "2026.12.8"


def test_a_stale_pair_begun_from_an_update_never_here_is_set_aside(where, key, tmp_path):
    """IT's 2026.12.4, then 2026.12.5 (made from it, the front door corrected) in its folder;
    a lead's 2026.12.6 and .7 begun from 2026.12.4, which a new laptop never held: both
    copied in, .7 was used with the old number (fourth look at H449, 2026-12-05; H450)."""
    keys = load_trusted_keys(where.keys)[0]
    fourth = publish(shipped_changed(tmp_path / "4.sqlite", HOURS.format("16:00")),
                     key.private_path, tmp_path / "it-4", "2026.12.4", TODAY)  # fmt: skip
    began = read_bundle(fourth, keys)[1]
    fifth = shipped_changed(
        tmp_path / "5.sqlite", HOURS.format("16:00"), MASH.format("0121 788 4333")
    )
    publish(fifth, key.private_path, where.machine_updates, "2026.12.5", TODAY,
            begun_from="2026.12.4", begun_sha256=sha(began))  # fmt: skip
    held = [sha(began)]
    where.user_updates.mkdir()
    for version in ("2026.12.6", "2026.12.7"):
        database = shipped_changed(tmp_path / f"{version}.sqlite", HOURS.format(version[-1]))
        made = publish(database, key.private_path, tmp_path / version, version, TODAY,
                       begun_from="2026.12.4", begun_sha256=" ".join(held))  # fmt: skip
        held.append(sha(read_bundle(made, keys)[1]))
        shutil.copy(made, where.user_updates)
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, len(choice.set_aside)) == ("2026.12.5", "machine", 2)


def test_a_chain_used_before_a_correction_came_is_read_again(where, key, tmp_path):
    """A lead's team installed 2026.12.6 then .7, begun from IT's 2026.12.4; IT then placed
    another lead's 2026.12.5 (the front door corrected) and removed 2026.12.4. The chain,
    used before the correction came, kept the old number at every start and the self-test
    passed (attack on H450, 2026-12-06)."""
    keys = load_trusted_keys(where.keys)[0]
    fourth = publish(shipped_changed(tmp_path / "4.sqlite", HOURS.format("16:00")),
                     key.private_path, where.machine_updates, "2026.12.4", TODAY)  # fmt: skip
    began = read_bundle(fourth, keys)[1]
    chain(where, key, tmp_path, ("2026.12.6", "2026.12.7"), first_began="2026.12.4")
    assert select_directory(where, TODAY).version == "2026.12.7"
    fifth = shipped_changed(
        tmp_path / "5.sqlite", HOURS.format("16:00"), MASH.format("0121 788 4333")
    )
    made = publish(fifth, key.private_path, tmp_path / "it-5", "2026.12.5", TODAY,
                   begun_from="2026.12.4", begun_sha256=sha(began))  # fmt: skip
    shutil.copy(made, where.machine_updates)
    fourth.unlink()
    for kept in where.user_updates.glob("kept-*.navdir"):  # pruned on a laptop in use
        kept.unlink()
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, len(choice.set_aside)) == ("2026.12.5", "machine", 2)


def test_an_update_set_aside_is_never_again_the_laptops_own(where, key, tmp_path):
    """A stale 2026.12.6 used once (IT's folder out of reach), then set aside, stayed in the
    record: the next one made from it passed as the laptop's own chain (attack on H450)."""
    corrected = shipped_changed(tmp_path / "corrected.sqlite", MASH.format("0121 788 4333"))
    publish(corrected, key.private_path, where.machine_updates, "2026.12.5", TODAY)
    stale = shipped_changed(tmp_path / "stale.sqlite", HOURS.format("17:06"))
    made = publish(stale, key.private_path, where.user_updates, "2026.12.6", TODAY)
    data = read_bundle(made, load_trusted_keys(where.keys)[0])[1]
    note_used(where.user_updates, [sha(data)], [sha(where.shipped.read_bytes())])
    choice = select_directory(where, TODAY)
    assert (choice.version, len(choice.set_aside)) == ("2026.12.5", 1)
    assert sha(data) not in used_here(where.user_updates)


def test_links_read_whole_with_the_update_in_use_stay_its_chain(where, key, tmp_path):
    """IT's 2026.12.5 held a slip, which the lead's 2026.12.6 (installed here) put right;
    .7 and .8, made from it, copied in together: .8 was used, .6 pruned, and at the next
    start .7, read whole but never in use, was set aside with .8 and the slip came back
    (attack on H450, 2026-12-06)."""
    keys = load_trusted_keys(where.keys)[0]
    slip = shipped_changed(tmp_path / "slip.sqlite", MASH.format("0121 788 4399"))
    publish(slip, key.private_path, where.machine_updates, "2026.12.5", TODAY)
    (installed,) = chain(where, key, tmp_path, ("2026.12.6",), first_began="2026.12.5")
    before = read_bundle(installed, keys)[1]
    for n, version in enumerate(("2026.12.7", "2026.12.8")):
        database = shipped_changed(tmp_path / f"{version}.sqlite", HOURS.format(f"18:{n}0"))
        began = ("2026.12.6", "2026.12.7")[n]
        made = publish(database, key.private_path, tmp_path / version, version, TODAY,
                       begun_from=began, begun_sha256=sha(before))  # fmt: skip
        shutil.copy(made, where.user_updates / f"copied-{n}.navdir")
        before = read_bundle(made, keys)[1]
    for _ in range(2):
        choice = select_directory(where, TODAY)
        assert (choice.version, choice.origin, choice.set_aside) == ("2026.12.8", "user", [])
    assert not list(where.user_updates.glob(installed.name))  # 2026.12.6 went


def test_what_was_here_is_noted_newest_first_never_by_sha256(where, key, tmp_path, monkeypatch):
    """The record kept the 50 alphabetically lowest sha256s of what was here: an IT folder
    keeping every weekly update reaches 50 within a year, and the update a link is read
    against was cut at random, the lead's own chain then set aside (re-attack on H450, R8).
    Kept: the release, then the newest at or below the one in use (here three of them)."""
    monkeypatch.setattr("app.db.used_here.HELD_SAID", 3)
    keys = load_trusted_keys(where.keys)[0]
    datas = {}
    for version in ("2026.12.3", "2026.12.4", "2026.12.5"):
        folder = where.user_updates if version == "2026.12.5" else where.machine_updates
        made = publish(SHIPPED, key.private_path, folder, version, TODAY)
        datas[version] = read_bundle(made, keys)[1]
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.5"
    release = sha(where.shipped.read_bytes())
    noted = {release, sha(datas["2026.12.5"]), sha(datas["2026.12.4"])}
    assert used_here(where.user_updates) == {choice.sha256: noted}
    note_used(where.user_updates, ["a" * 64], [*sorted(noted, reverse=True), "0" * 64])
    assert used_here(where.user_updates)["a" * 64] == noted  # the first said, in order


def test_the_record_is_never_written_through_a_link_planted_beside_it(tmp_path):
    """It was written to "updates-used.txt.partial" through whatever stood there: a link
    another account planted had a file of the worker's overwritten (attack F17's seam)."""
    updates = tmp_path / "Navigator" / "directory-updates"
    updates.mkdir(parents=True)
    victim = tmp_path / "bashrc"
    victim.write_text("kept")
    (updates.parent / f"{RECORD}.partial").symlink_to(victim)
    used = hashlib.sha256(b"u").hexdigest()
    note_used(updates, [used], [])
    assert victim.read_text() == "kept"
    assert used in used_here(updates)
