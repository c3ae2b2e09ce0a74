"""A lead's line of updates begun before the app's own directory, read by what it gives."""

import hashlib
import json
import shutil
from datetime import date, timedelta

import pytest

from app.db import signing
from app.db.bundle import publish, read_bundle
from app.db.directories import Locations, select_directory
from app.db.install import install_bundle
from app.db.loader import load_valid_graph
from app.db.maintenance import open_copy, publish_copy, start_copy
from app.db.replaced_numbers import replaced_in
from app.db.stale_line import line_began, line_begun_before_the_release, line_from, line_held
from app.db.stale_update import changed_back
from app.db.trust import KeySources, load_trusted_keys
from tests.conftest import REPO, shipped_changed

SHIPPED = REPO / "resources" / "directory.sqlite"
PASSPHRASE = "a long enough passphrase"
MASH = "UPDATE phone SET number = '{}' WHERE service_id = 'solihull-mash'"
VERSION = "UPDATE content_meta SET value = '{}' WHERE key = 'directory_version'"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def laptop(tmp_path):
    """A laptop trusting a lead's passphrase-sealed key: (its locations, the key)."""
    lead = signing.generate(tmp_path / "lead", PASSPHRASE)
    (tmp_path / "trusted").mkdir()
    shutil.copy(lead.public_path, tmp_path / "trusted")
    install = tmp_path / "install"
    install.mkdir()
    for name in ("directory.sqlite", "directory.sqlite.sha256"):
        shutil.copy(SHIPPED.with_name(name), install)
    where = Locations(install / "directory.sqlite", KeySources(tmp_path / "trusted"),
                      tmp_path / "it", tmp_path / "user")  # fmt: skip
    where.machine_updates.mkdir()
    return where, lead


def it_update(tmp_path, lead, version: str, *statements) -> bytes:
    """IT's update, published as it is from the app's own directory: its database."""
    database = shipped_changed(tmp_path / f"it-{version}.sqlite", *statements)
    bundle = publish(database, lead.private_path, tmp_path / "it-out", version, date.today(),
                     passphrase=PASSPHRASE)  # fmt: skip
    return read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))[1]


def from_copy(
    tmp_path, lead, began: bytes, version: str, changes: dict, checked=(), on=b"", bundle=None
) -> tuple:
    """An update made in a new working copy begun from `began` (from the update `bundle`),
    as a lead makes one once `began` is in use on their laptop, `checked` (service, day)
    phoned, published there or on a laptop using `on`: (its bundle, its database)."""
    folder, source = tmp_path / f"copy-{version}", tmp_path / f"began-{version}.sqlite"
    source.write_bytes(began)
    start_copy(folder, source, bundle)
    source.write_bytes(on or began)
    in_use = load_valid_graph(on or began)
    keys = signing.load_public_keys(lead.public_path.parent)
    copy, words = open_copy(folder, in_use)
    for service_id, change in changes.items():
        copy.update(service_id, change)
    for service_id, day in checked:
        copy.mark_checked(service_id, "phoned", "DA lead", day)
    copy.save()
    bundle, _ = publish_copy(copy, words, in_use, source, lead.private_path, PASSPHRASE,
                             tmp_path / f"out-{version}", version, release=SHIPPED)  # fmt: skip
    return bundle, read_bundle(bundle, keys)[1]


def new_release(where: Locations, tmp_path, version: str, *statements) -> bytes:
    """The app upgraded: its own directory `version`, changed by `statements`."""
    release = shipped_changed(tmp_path / "release.sqlite", *statements, VERSION.format(version))
    data = release.read_bytes()
    where.shipped.write_bytes(data)
    where.shipped.with_name("directory.sqlite.sha256").write_text(f"{sha(data)}  directory.sqlite")
    return data


def test_a_later_link_of_a_line_begun_before_the_release_is_set_aside(laptop, tmp_path):
    """Lead B's 2026.12.6, begun from IT's 2026.12.4, then .7 and .8, each from the one
    before; IT took 2026.12.4 out once release 2026.12.5 held lead A's correction of
    Solihull's front door, and B's two newest, copied onto a laptop, gave the old number at
    every start, the self-test passing (attack on H450, R6)."""
    where, lead = laptop
    fourth = it_update(tmp_path, lead, "2026.12.4", MASH.format("0121 788 4300"))
    _, sixth = from_copy(tmp_path, lead, fourth, "2026.12.6", {"bswa": {"phone": "0121 685 8687"}})
    seventh_file, seventh = from_copy(tmp_path, lead, sixth, "2026.12.7", {"bswa": {"hours": "9"}})
    eighth_file, eighth = from_copy(tmp_path, lead, seventh, "2026.12.8", {"bswa": {"hours": "4"}})
    assert line_began(eighth) == "2026.11.30"  # where IT's 2026.12.4 began
    assert {sha(fourth), sha(sixth)} <= set(line_held(eighth))
    release = new_release(where, tmp_path, "2026.12.5", MASH.format("0121 788 4333"))
    where.user_updates.mkdir()
    for n, file in enumerate((seventh_file, eighth_file)):
        shutil.copy(file, where.user_updates / f"from-lead-b-{n}.navdir")
    choice = select_directory(where, date.today())
    assert (choice.version, choice.origin, len(choice.set_aside)) == ("2026.12.5", "shipped", 2)
    said = line_begun_before_the_release(eighth, "2026.12.8", release, "2026.12.5")
    assert said.startswith(
        "the update 2026.12.8 was made in a line of updates going back to directory 2026.11.30, "
        "from before this app's own directory 2026.12.5, and gives numbers that directory has "
        "replaced or stopped giving (Solihull children's front door (MASH): 0121 788 4300 "
        "(2026.12.5 gives 0121 788 4333, 0121 605 6060))"
    )
    keys = load_trusted_keys(where.keys)[0]
    assert changed_back(eighth, "2026.12.8", where, keys) == said  # IT's verify, the self-test
    # the line's own number (Women's Aid's, replaced in 2026.12.6) is its edit, never named
    assert "Women's Aid" not in said


def test_an_old_change_of_a_services_number_along_the_line_exempts_nothing(laptop, tmp_path):
    """Read first, any number a line had replaced on a service exempted the service: IT's
    2026.12.3 and 2026.12.4 each changed Solihull's front door's number; lead B's line from
    2026.12.4 (its second link on) then gave 2026.12.4's over the release's later correction
    unnamed."""
    where, lead = laptop
    mash = "solihull-mash"
    _, third = from_copy(tmp_path, lead, SHIPPED.read_bytes(), "2026.12.3",
                         {mash: {"phone": "0121 788 4301"}})  # fmt: skip
    _, fourth = from_copy(tmp_path, lead, third, "2026.12.4", {mash: {"phone": "0121 788 4302"}})
    _, sixth = from_copy(tmp_path, lead, fourth, "2026.12.6", {"bswa": {"hours": "9-5"}})
    _, seventh = from_copy(tmp_path, lead, sixth, "2026.12.7", {"bswa": {"hours": "9-6"}})
    assert replaced_in(seventh)[mash]  # the line changed its number before
    release = new_release(where, tmp_path, "2026.12.5", MASH.format("0121 788 4333"))
    said = line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5")
    assert "(MASH): 0121 788 4302 (2026.12.5 gives 0121 788 4333" in said


def test_each_number_is_read_and_a_number_the_line_added_is_its_own(laptop, tmp_path):
    """Read by service, the line's new out-of-hours number let Solihull's old front-door
    number through, and an email it added to Women's Aid was taken for a number the release
    had replaced, setting the lead's line aside (attack on H454, F1 and F4)."""
    where, lead = laptop
    note = "out of hours (evenings, weekends, bank holidays): 0121 605 6061; in an emergency 999"
    fourth = it_update(tmp_path, lead, "2026.12.4", MASH.format("0121 788 4300"))
    _, sixth = from_copy(
        tmp_path, lead, fourth, "2026.12.6", {"solihull-mash": {"phone_note": note}}
    )
    email = {"bswa": {"email": "helpline@bswaid.org"}}
    _, seventh = from_copy(tmp_path, lead, sixth, "2026.12.7", email)
    release = new_release(where, tmp_path, "2026.12.5", MASH.format("0121 788 4333"))
    said = line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5")
    assert "(MASH): 0121 788 4300, 0121 605 6061 (2026.12.5 gives 0121 788 4333" in said
    assert "bswaid" not in said  # added by the line: its own
    release = new_release(where, tmp_path, "2026.12.5", MASH.format("0121 788 4300"))
    assert line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5") == ""
    # the release made the note's out-of-hours number the front door's: read by its lines,
    # not by the numbers it gives anywhere (re-attack on H454, N2)
    release = new_release(where, tmp_path, "2026.12.5", MASH.format("0121 605 6061"))
    said = line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5")
    assert "(MASH): 0121 788 4300 (2026.12.5 gives 0121 605 6061" in said


def test_a_slip_the_release_put_right_is_named_whatever_the_line_replaced_before(laptop, tmp_path):
    """IT's 2026.12.2 made a slip of Solihull's front door, which the release put right;
    lead B's line from it kept the slip: the record it inherited, "0121 788 4300 replaced in
    2026.12.2", was read as the line's own answer to the release (attack on H454, F2)."""
    where, lead = laptop
    mash = "solihull-mash"
    _, second = from_copy(tmp_path, lead, SHIPPED.read_bytes(), "2026.12.2",
                          {mash: {"phone": "0121 788 4399"}})  # fmt: skip
    _, sixth = from_copy(tmp_path, lead, second, "2026.12.6", {"bswa": {"hours": "9-5"}})
    _, seventh = from_copy(tmp_path, lead, sixth, "2026.12.7", {"bswa": {"hours": "9-6"}})
    assert replaced_in(seventh)[mash] == [["0121 788 4300", "2026.12.2"]]
    release = new_release(where, tmp_path, "2026.12.5", MASH.format("0121 788 4300"))
    said = line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5")
    assert "(MASH): 0121 788 4399 (2026.12.5 gives 0121 788 4300" in said


def test_a_copy_holding_an_update_made_without_the_one_in_use_is_refused(laptop, tmp_path):
    """After an app upgrade set lead B's 2026.12.6 aside (the release corrected Solihull's
    front door), B went on publishing from the same copy: its line was lost and its updates
    gave the old number on every laptop (attack on H454, F3)."""
    from app.db.checks import Refused

    where, lead = laptop
    fourth = it_update(tmp_path, lead, "2026.12.4", MASH.format("0121 788 4300"))
    from_copy(tmp_path, lead, fourth, "2026.12.6", {"bswa": {"hours": "9-5"}})
    folder = tmp_path / "copy-2026.12.6"  # the copy, as B left it
    release = new_release(where, tmp_path, "2026.12.5", MASH.format("0121 788 4333"))
    in_use = load_valid_graph(release)
    copy, words = open_copy(folder, in_use)
    copy.update("bswa", {"hours": "9-6"})
    copy.save()
    with pytest.raises(Refused) as said:
        publish_copy(copy, words, in_use, where.shipped, lead.private_path, PASSPHRASE,
                     tmp_path / "out-7", "2026.12.7", release=where.shipped)  # fmt: skip
    assert str(said.value).startswith(
        "this working copy holds directory 2026.12.6, which this laptop does not use, made in "
        "a line going back to 2026.11.30, from before 2026.12.5 in use here"
    )
    assert not (tmp_path / "out-7").exists()
    (folder / ".navigator-line").unlink()  # a copy begun before copies kept one (N1)
    with pytest.raises(Refused, match=r"made in a line from before 2026\.12\.5 in use here"):
        publish_copy(copy, words, in_use, where.shipped, lead.private_path, PASSPHRASE,
                     tmp_path / "out-7", "2026.12.7", release=where.shipped)  # fmt: skip


def test_a_copy_begun_from_the_release_begins_its_line_there(laptop, tmp_path):
    """A release whose database was an update's kept that update's line: a lead who began
    from the release, as told, had an email they added read as the release's change undone
    (attack on H454, F5). Only databases in use as each link was made are its line's, never
    a hash the copy's own mark names (F7)."""
    from app.db.stale_line import copy_line

    _, lead = laptop
    fourth = it_update(tmp_path, lead, "2026.12.4", MASH.format("0121 788 4300"))
    _, sixth = from_copy(tmp_path, lead, fourth, "2026.12.6", {"bswa": {"hours": "9-5"}})
    release = sixth  # released as it is
    assert line_began(release) == "2026.11.30"
    assert copy_line(release, "2026.11.30", release, [sha(release)]) == ("2026.12.6", sha(release))
    planted = "ab" * 32
    line, held = copy_line(sixth, "", None, [sha(sixth), planted])
    assert line == "2026.11.30" and held.split() == [sha(fourth), sha(sixth)]


def test_a_line_holding_the_releases_numbers_or_checked_since_is_never_named(laptop, tmp_path):
    """A line begun before the release that gives what the release gives, or a number a
    person confirmed after the release's evidence, changes nothing of it back."""
    where, lead = laptop
    fourth = it_update(tmp_path, lead, "2026.12.4", MASH.format("0121 788 4333"))
    _, sixth = from_copy(tmp_path, lead, fourth, "2026.12.6", {"bswa": {"hours": "9-5"}})
    _, seventh = from_copy(tmp_path, lead, sixth, "2026.12.7", {"crasac": {"hours": "9-4"}})
    release = new_release(where, tmp_path, "2026.12.5", MASH.format("0121 788 4333"))
    assert line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5") == ""
    release = new_release(where, tmp_path, "2026.12.5", MASH.format("0121 788 4399"))
    assert line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5") != ""
    folder = tmp_path / "checked"
    (tmp_path / "seventh.sqlite").write_bytes(seventh)
    start_copy(folder, tmp_path / "seventh.sqlite")
    copy, words = open_copy(folder, load_valid_graph(seventh))
    copy.mark_checked("solihull-mash", "phoned", "DA lead", date.today() - timedelta(days=1))
    copy.save()
    bundle, _ = publish_copy(copy, words, load_valid_graph(seventh), tmp_path / "seventh.sqlite",
                             lead.private_path, PASSPHRASE, tmp_path / "out-8", "2026.12.8",
                             release=SHIPPED)  # fmt: skip
    eighth = read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))[1]
    assert line_begun_before_the_release(eighth, "2026.12.8", release, "2026.12.5") == ""


@pytest.mark.parametrize("second_laptop", [False, True])
def test_a_leads_own_line_its_first_link_gone_outlasts_an_app_upgrade(
    laptop, tmp_path, second_laptop
):
    """IT's 2026.12.5 held a slip (Solihull's front door 0121 788 4399); the lead's 2026.12.6,
    begun from it, put it right, then .7 and .8, each installed in turn on the lead's laptop.
    At the first start after an app upgrade (its directory's website for one service
    changed) 2026.12.8 and .7 were set aside and the slip shown again: read against IT's
    2026.12.5 as if made without it (attack on H450, R7). So too when 2026.12.6 was
    published on the lead's second laptop, still on the app's own directory: it carried
    none of its line (re-attack on H454, N5)."""
    where, lead = laptop
    fifth = it_update(tmp_path, lead, "2026.12.5", MASH.format("0121 788 4399"))
    its = next((tmp_path / "it-out").iterdir())
    shutil.copy(its, where.machine_updates)
    began, elsewhere = fifth, SHIPPED.read_bytes() if second_laptop else b""
    for version, change in (("2026.12.6", {"phone": "0121 788 4300"}),
                            ("2026.12.7", {"hours": "Mon-Fri 9:00-17:00"}),
                            ("2026.12.8", {"hours": "Mon-Fri 9:00-17:30"})):  # fmt: skip
        field = "solihull-mash" if "phone" in change else "bswa"
        on = elsewhere if version == "2026.12.6" else b""
        bundle, began = from_copy(
            tmp_path, lead, began, version, {field: change}, on=on, bundle=its if on else None
        )
        assert install_bundle(bundle, where, date.today()).version == version
    assert len(list(where.user_updates.glob("installed-*.navdir"))) == 2  # 2026.12.6 gone
    url = "UPDATE service SET url = 'https://example.org/new' WHERE id = 'dudley-spoc'"
    for release in ("2026.12.1", "2026.11.30"):  # a new directory, or only its bytes
        new_release(where, tmp_path, release, url)
        choice = select_directory(where, date.today())
        assert (choice.version, choice.set_aside) == ("2026.12.8", [])
        assert load_valid_graph(choice.data).services["solihull-mash"].phone == "0121 788 4300"


def test_a_check_from_before_the_releases_day_says_nothing_of_its_number():
    """A person's check of the old number, carried along the line, outweighed the release's
    correction, which held no date of its own (re-attack on H454, N3)."""
    from app.db.stale_line import _newer_evidence

    release = {"checked": None, "seen": None, "published": date(2026, 12, 5)}
    carried = {"checked": date(2026, 11, 20), "seen": None}
    assert not _newer_evidence(carried, release)
    assert _newer_evidence({"checked": date(2026, 12, 5), "seen": None}, release)
    assert not _newer_evidence({"checked": None, "seen": date(2026, 12, 5)}, release)


def test_a_line_is_the_older_of_where_it_and_its_update_began():
    assert line_from("2026.11.30", "2026.12.6") == "2026.11.30"
    assert line_from("", "2026.12.6") == "2026.12.6"
    assert line_from("not a version", "") == ""


RECORD = "INSERT INTO content_meta (key, value) VALUES ('replaced_contacts', '{}')"
CLOSED = "DELETE FROM phone WHERE service_id = 'hourglass'"
DELETED = [
    *(f"DELETE FROM {table} WHERE service_id = 'hourglass'"
      for table in ("phone", "schedule", "service_area", "service_at_location")),
    "DELETE FROM service WHERE id = 'hourglass'",
]  # fmt: skip


def test_a_number_or_service_the_release_stopped_giving_is_named(laptop, tmp_path):
    """Release 2026.12.5 closed Hourglass's line, nothing in its place (or deleted the
    service outright); lead B's line from IT's 2026.12.4 went on giving the closed line's
    number at every start, read as a number the line had added (attack on H454, N4, F6).
    The release's own record says what it stopped giving, and in which version."""
    where, lead = laptop
    fourth = it_update(tmp_path, lead, "2026.12.4", MASH.format("0121 788 4300"))
    _, sixth = from_copy(tmp_path, lead, fourth, "2026.12.6", {"bswa": {"hours": "9-5"}})
    seventh_file, seventh = from_copy(tmp_path, lead, sixth, "2026.12.7", {"bswa": {"hours": "9"}})
    stopped = RECORD.format('{"hourglass":[["0808 808 8141","2026.12.5"]]}')
    release = new_release(where, tmp_path, "2026.12.5", CLOSED, stopped)
    said = line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5")
    assert (
        "Hourglass helpline (abuse of older people): 0808 808 8141 (2026.12.5 gives no number)"
        in said
    )
    where.user_updates.mkdir()
    shutil.copy(seventh_file, where.user_updates)
    assert select_directory(where, date.today()).version == "2026.12.5"  # set aside at the start
    deleted = RECORD.format('{"hourglass":[["0808 808 8141","2026.12.3"]]}')  # named by it (A9)
    release = new_release(where, tmp_path, "2026.12.5", *DELETED, deleted)
    said = line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5")
    assert (
        "Hourglass helpline (abuse of older people): 0808 808 8141 (2026.12.3 deleted it)" in said
    )
    # stopped before the line began: the line gave it again itself, its own
    before = RECORD.format('{"hourglass":[["0808 808 8141","2026.11.29"]]}')
    release = new_release(where, tmp_path, "2026.12.5", CLOSED, before)
    assert line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5") == ""


def test_a_copy_giving_a_number_the_directory_in_use_stopped_giving_is_refused(laptop, tmp_path):
    """The publish refusal reads the directory in use's record as laptops do (N4)."""
    from app.db.checks import Refused

    where, lead = laptop
    fourth = it_update(tmp_path, lead, "2026.12.4", MASH.format("0121 788 4300"))
    from_copy(tmp_path, lead, fourth, "2026.12.6", {"bswa": {"hours": "9-5"}})
    folder = tmp_path / "copy-2026.12.6"
    stopped = RECORD.format('{"hourglass":[["0808 808 8141","2026.12.5"]]}')
    release = new_release(where, tmp_path, "2026.12.5", CLOSED, stopped)
    in_use = load_valid_graph(release)
    copy, words = open_copy(folder, in_use)
    copy.update("bswa", {"hours": "9-6"})
    copy.save()
    with pytest.raises(
        Refused,
        match=r"stopped giving \(Hourglass helpline \(abuse of older people\): 0808 808 8141",
    ):
        publish_copy(copy, words, in_use, where.shipped, lead.private_path, PASSPHRASE,
                     tmp_path / "out-7", "2026.12.7", release=where.shipped)  # fmt: skip


def test_what_a_line_did_to_a_service_besides_neither_hides_nor_is_named_as_its_closed_number(
    laptop, tmp_path
):
    """The line's correction of an email it had added itself switched the release's record
    off for the service, and its closed number reached the worker (attack on the N4 fix,
    A1); an email the line added was named as the release's change undone, and where the
    release gives the number it recorded, the lead's line was set aside for it (A2)."""
    where, lead = laptop
    hourglass = "hourglass"
    fourth = it_update(tmp_path, lead, "2026.12.4", MASH.format("0121 788 4300"))
    _, sixth = from_copy(tmp_path, lead, fourth, "2026.12.6",
                         {hourglass: {"email": "help@hourglas.org.uk"}})  # fmt: skip
    _, seventh = from_copy(tmp_path, lead, sixth, "2026.12.7",
                           {hourglass: {"email": "help@hourglass.org.uk"}})  # fmt: skip
    assert replaced_in(seventh)[hourglass] == [["help@hourglas.org.uk", "2026.12.7"]]
    stopped = RECORD.format('{"hourglass":[["0808 808 8141","2026.12.5"]]}')
    release = new_release(where, tmp_path, "2026.12.5", CLOSED, stopped)
    said = line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5")
    assert "(abuse of older people): 0808 808 8141 (2026.12.5 gives no number)" in said
    assert "help@" not in said
    release = new_release(where, tmp_path, "2026.12.5", stopped)  # recorded, given again
    assert line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5") == ""


def test_a_service_deleted_since_is_kept_on_a_persons_check_since_the_release(laptop, tmp_path):
    """A line whose lead rang the service after the release deleted it had no way to keep
    it (attack on the N4 fix, A6)."""
    where, lead = laptop
    fourth = it_update(tmp_path, lead, "2026.12.4", MASH.format("0121 788 4300"))
    _, sixth = from_copy(tmp_path, lead, fourth, "2026.12.6", {"bswa": {"hours": "9-5"}},
                         checked=[("hourglass", date.today())])  # fmt: skip
    _, seventh = from_copy(tmp_path, lead, sixth, "2026.12.7", {"bswa": {"hours": "9"}})
    deleted = RECORD.format('{"hourglass":[["0808 808 8141","2026.12.5"]]}')
    release = new_release(where, tmp_path, "2026.12.5", *DELETED, deleted)
    assert line_begun_before_the_release(seventh, "2026.12.7", release, "2026.12.5") == ""


def test_a_copy_publishing_again_on_a_laptop_behind_keeps_its_line(laptop, tmp_path):
    """The copy kept only the update it began from: its second link, published on the
    lead's second laptop (on the app's own directory, the first laptop's folder out of
    sight), carried none of its line (re-attack on the N5 fix, R1)."""
    _, lead = laptop
    fifth = it_update(tmp_path, lead, "2026.12.5", MASH.format("0121 788 4399"))
    folder, source = tmp_path / "copy", tmp_path / "fifth.sqlite"
    source.write_bytes(fifth)
    start_copy(folder, source, next((tmp_path / "it-out").iterdir()))
    keys = signing.load_public_keys(lead.public_path.parent)
    for version, on, change in (
        ("2026.12.6", source, {"solihull-mash": {"phone": "0121 788 4300"}}),
        ("2026.12.7", SHIPPED, {"bswa": {"hours": "9-5"}}),
    ):
        in_use = load_valid_graph(on)
        copy, words = open_copy(folder, in_use)
        copy.update(*next(iter(change.items())))
        copy.save()
        bundle, _ = publish_copy(copy, words, in_use, on, lead.private_path, PASSPHRASE,
                                 tmp_path / f"out-{version}", version, release=SHIPPED)  # fmt: skip
        assert sha(fifth) in line_held(read_bundle(bundle, keys)[1])


def test_every_number_a_release_stopped_giving_is_read_not_its_newest_twelve(tmp_path):
    """Read as updates' records are, cut to each service's newest twelve, a release that
    closed thirteen lines of one service let a stale line give the first (re-attack, R3)."""
    from app.db.stale_line import _stopped_giving

    closed = [[f"0121 496 {1000 + n}", "2026.12.5"] for n in range(13)]
    record = RECORD.format(json.dumps({"hourglass": closed}))
    release = shipped_changed(tmp_path / "release.sqlite", record).read_bytes()
    assert len(_stopped_giving(release, "2026.11.30")["hourglass"]) == 13
