"""An update made without the update before it: what it changes back, told to IT."""

import shutil
from datetime import date

import pytest

from app.db.bundle import publish, read_bundle
from app.db.directories import select_directory
from app.db.stale_update import changed_back, in_use_changes_back
from app.db.trust import load_trusted_keys
from tests.conftest import shipped_changed

TODAY = date(2026, 12, 2)
CORRECTED = (
    "UPDATE phone SET number = '0121 788 4333' WHERE service_id = 'solihull-mash'",
    "UPDATE service SET assured_date = '2026-11-28', assured_method = 'phoned', "
    "assured_by = 'DA lead' WHERE id = 'solihull-mash'",
)
HOURS = "UPDATE schedule SET description = 'Mon-Fri 9:00-17:00' WHERE service_id = 'bswa'"


@pytest.fixture
def corrected(it, tmp_path):
    """The first lead's update in IT's folder: Solihull's front door's new number, phoned."""
    where, lead = it
    database = shipped_changed(tmp_path / "first.sqlite", *CORRECTED)
    publish(database, lead.private_path, where.machine_updates, "2026.12.2", TODAY)
    return where, lead


def second(tmp_path, where, lead, *statements) -> bytes:
    """The second lead's update, published on a laptop the first had not reached, then put
    in IT's folder: its database."""
    database = shipped_changed(tmp_path / "second.sqlite", *statements)
    path = publish(database, lead.private_path, tmp_path / "lead-b", "2026.12.5", TODAY)
    shutil.copy(path, where.machine_updates)
    return read_bundle(path, load_trusted_keys(where.keys)[0])[1]


def test_an_update_made_without_the_one_before_it_is_named_with_what_it_changes_back(
    corrected, tmp_path
):
    """A second lead began from the app's own directory, changed only Birmingham and
    Solihull Women's Aid's hours, and put 0121 788 4300 back on every laptop; IT's verify
    and the self-test said nothing (the lead's and IT's walk, 2026-12-02)."""
    where, lead = corrected
    database = second(tmp_path, where, lead, HOURS)
    keys = load_trusted_keys(where.keys)[0]
    said = changed_back(database, "2026.12.5", where, keys)
    assert said.startswith("the update 2026.12.5 changes back what the older update 2026.12.2")
    assert "0121 788 4333 (2026.12.5's: 0121 788 4300)" in said
    assert "Women's Aid" not in said  # its own change, made on purpose
    # removed from IT's folder, the laptops' kept copies are read as a worker's (H444)
    assert "removed from IT's folder, it is set aside on laptops at their next check" in said
    choice = select_directory(where, TODAY)
    assert choice.version == "2026.12.5"
    assert in_use_changes_back(choice, where) == said


def test_an_update_made_from_the_one_before_it_is_never_named(corrected, tmp_path):
    where, lead = corrected
    database = second(tmp_path, where, lead, *CORRECTED, HOURS)
    assert changed_back(database, "2026.12.5", where, load_trusted_keys(where.keys)[0]) == ""


def test_an_update_begun_from_the_one_before_it_may_put_its_slip_right(corrected, tmp_path):
    """2026.12.2 changed Solihull's front door's number by a slip; 2026.12.5, begun from
    it, put the number right. Verify refused it as "made without 2026.12.2, from a working
    copy begun before it", and told the lead to make the slip again (attack round, H232)."""
    import hashlib

    where, lead = corrected
    keys = load_trusted_keys(where.keys)[0]
    (first,) = where.machine_updates.glob("*.navdir")
    began = hashlib.sha256(read_bundle(first, keys)[1]).hexdigest()
    from_it = "UPDATE content_meta SET value = '2026.12.2' WHERE key = 'directory_version'"
    database = shipped_changed(tmp_path / "from-it.sqlite", from_it)  # the slip put right

    def update(version, sha) -> bytes:
        path = publish(database, lead.private_path, tmp_path / version, version, TODAY,
                       begun_from="2026.12.2", begun_sha256=sha)  # fmt: skip
        return read_bundle(path, keys)[1]

    # a version claimed is not content: a copy whose own 2026.12.2, made without this one,
    # IT had refused claimed it, and went through (re-attack round, H241); and so did the
    # second lead's own 2026.12.2 of the same day (two leads, one version)
    other = hashlib.sha256(b"another 2026.12.2").hexdigest()
    said = changed_back(update("2026.12.6", other), "2026.12.6", where, keys)
    assert said.startswith("the update 2026.12.6 changes back what the older update 2026.12.2")
    assert changed_back(update("2026.12.5", began), "2026.12.5", where, keys) == ""
    # any database the copy held: its own 2026.12.4, withdrawn, signed after this one (H243)
    assert changed_back(update("2026.12.7", f"{began} {other}"), "2026.12.7", where, keys) == ""
    shutil.copy(next((tmp_path / "2026.12.5").glob("*.navdir")), where.machine_updates)
    assert in_use_changes_back(select_directory(where, TODAY), where) == ""


def test_a_number_changed_back_on_a_persons_later_check_is_not_named(corrected, tmp_path):
    """The second lead phoned and found the old number right: their check says so."""
    where, lead = corrected
    phoned = CORRECTED[1].replace("2026-11-28", "2026-12-01")
    database = second(tmp_path, where, lead, phoned)
    assert changed_back(database, "2026.12.5", where, load_trusted_keys(where.keys)[0]) == ""


def test_the_apps_own_directory_in_use_is_left_to_what_it_overtook(corrected):
    """With no update in use there is nothing to read: app.db.overtaken says what a release
    changes back of an update."""
    where, _ = corrected
    choice = select_directory(where, TODAY)
    choice.origin = "shipped"
    assert in_use_changes_back(choice, where) == ""


def test_a_second_update_of_the_same_version_is_named_whatever_it_changes(corrected, tmp_path):
    """Two leads published 2026.12.2 the same day; the second, copied over the first, took
    its correction off every laptop and verify said ok (re-attack round, 2026-12-02)."""
    where, lead = corrected
    database = shipped_changed(tmp_path / "same-day.sqlite", HOURS)
    path = publish(database, lead.private_path, tmp_path / "lead-b", "2026.12.2", TODAY)
    keys = load_trusted_keys(where.keys)[0]
    said = changed_back(read_bundle(path, keys)[1], "2026.12.2", where, keys)
    assert said.startswith("version 2026.12.2 is here already with other contents")
    assert "0121 788 4333 (this one's: 0121 788 4300)" in said  # not two of 2026.12.2's
    # a version publish takes ("2026.12.2.2" after "2026.12.2.2" was refused: lead's walk)
    from app.db.publish_versions import version_above

    assert f"(e.g. {version_above('2026.12.2', date.today())})" in said
    # the very same update is no other one
    (same,) = where.machine_updates.glob("*.navdir")
    assert changed_back(read_bundle(same, keys)[1], "2026.12.2", where, keys) == ""


BEGUN = "INSERT INTO content_meta (key, value) VALUES ('begun_from', '{}')"
RELEASE = "UPDATE content_meta SET value = '2026.12.10' WHERE key = 'directory_version'"


def test_an_update_begun_before_a_release_holding_the_correction_is_named(it, tmp_path):
    """A release held update 2026.12.2's correction; an update begun before it put the old
    number back, and nothing was said (re-attack round, 2026-12-02)."""
    import hashlib

    where, lead = it
    release = shipped_changed(tmp_path / "release.sqlite", *CORRECTED, RELEASE).read_bytes()
    where.shipped.write_bytes(release)
    digest = hashlib.sha256(release).hexdigest()
    where.shipped.with_name("directory.sqlite.sha256").write_text(f"{digest}  directory.sqlite")
    keys = load_trusted_keys(where.keys)[0]

    def update(*statements) -> bytes:
        database = shipped_changed(tmp_path / "b.sqlite", *statements)
        path = publish(database, lead.private_path, tmp_path / "out", "2026.12.12", TODAY)
        data = read_bundle(path, keys)[1]
        path.unlink()
        return data

    stale = update(HOURS, BEGUN.format("2026.11.30"))
    said = changed_back(stale, "2026.12.12", where, keys)
    assert said.startswith("the update 2026.12.12 was begun from directory 2026.11.30, before")
    assert "0121 788 4300" in said
    made_from_it = update(*CORRECTED, RELEASE, HOURS, BEGUN.format("2026.12.10"))
    assert changed_back(made_from_it, "2026.12.12", where, keys) == ""
    as_is = update(HOURS)  # a database published as it is: begun from the version it holds
    assert changed_back(as_is, "2026.12.12", where, keys).startswith("the update 2026.12.12 was")


def test_an_update_made_from_the_one_a_release_holds_is_read_from_it(it, tmp_path):
    """A, then B from the same copy; a release holding only A came out before B reached
    laptops: B's own hours edit was named "changed back" and a proper update held back
    (second re-attack round, 2026-12-02)."""
    import hashlib

    from app.db.stale_update import begun_from

    where, lead = it
    first = shipped_changed(tmp_path / "a.sqlite", *CORRECTED)
    publish(first, lead.private_path, where.machine_updates, "2026.12.2", TODAY)
    later = "UPDATE schedule SET description = '9-5' WHERE service_id = 'bcwa'"
    release = shipped_changed(tmp_path / "r.sqlite", *CORRECTED, later, RELEASE).read_bytes()
    where.shipped.write_bytes(release)
    digest = hashlib.sha256(release).hexdigest()
    where.shipped.with_name("directory.sqlite.sha256").write_text(f"{digest}  directory.sqlite")
    keys = load_trusted_keys(where.keys)[0]
    from_a = "UPDATE content_meta SET value = '2026.12.2' WHERE key = 'directory_version'"
    b = shipped_changed(tmp_path / "b.sqlite", *CORRECTED, HOURS, from_a)  # as A's copy is
    made = read_bundle(publish(b, lead.private_path, tmp_path / "b", "2026.12.12", TODAY), keys)
    said = changed_back(made[1], "2026.12.12", where, keys)
    assert "Solihull Women's Aid" not in said  # its own edit, told by A
    assert said.startswith("the update 2026.12.12 was begun from directory 2026.12.2")
    assert "Black Country" in said  # the release's own later change, which B lacks
    # a database published as it is records the version it holds as where it began
    as_is = shipped_changed(tmp_path / "as-is.sqlite", HOURS)
    bundle = publish(as_is, lead.private_path, tmp_path / "c", "2026.12.3", TODAY)
    assert begun_from(read_bundle(bundle, keys)[1]) == "2026.11.30"


def test_copies_of_the_update_in_use_are_read_whole_once(corrected, monkeypatch):
    """20,000 copies of the genuine manifest in IT's folder, each on a hole of the right
    size, were each read whole and hashed: the self-test took a minute (attack, 2026-12-04;
    H337). One database is read once; a copy that fails is tried only a few times more."""
    import app.db.stale_update as stale_update
    from app.db.bundle import MAGIC
    from app.db.stale_update import older_update

    where, _ = corrected
    genuine = where.machine_updates / "directory-2026.12.2.navdir"
    whole = genuine.read_bytes()
    head = whole[: whole.index(b"\n", len(MAGIC)) + 1]
    for n in range(12):
        (where.machine_updates / f"a{n:02d}.navdir").write_bytes(head.ljust(len(whole), b"\0"))
    keys = load_trusted_keys(where.keys)[0]
    in_use = read_bundle(genuine, keys)[1]
    read = []
    monkeypatch.setattr(
        stale_update, "read_bundle", lambda p, k: read.append(p) or read_bundle(p, k)
    )
    assert older_update(where, keys, "2026.12.2", in_use) is None
    assert read == [genuine]
    genuine.unlink()  # only the copies: a few are tried, then no more
    read.clear()
    assert older_update(where, keys, "2026.12.2", in_use) is None
    assert len(read) == 3


def test_a_second_leads_copy_begun_from_an_update_puts_back_nothing_unsaid(corrected, tmp_path):
    """Both leads began from 2026.12.2; the first corrected Solihull again (2026.12.3), the
    second changed only hours (2026.12.4): the second put 2026.12.2's number back on every
    laptop, and verify and the self-test passed, as the value was no longer the app's own
    (the lead's walk, 2026-12-04; H369)."""
    import hashlib

    where, lead = corrected
    keys = load_trusted_keys(where.keys)[0]
    (first,) = where.machine_updates.glob("*.navdir")
    began = hashlib.sha256(read_bundle(first, keys)[1]).hexdigest()
    again = "UPDATE phone SET number = '0121 788 4334' WHERE service_id = 'solihull-mash'"
    a2 = shipped_changed(tmp_path / "a2.sqlite", *CORRECTED, again, version_of("2026.12.2"))
    made = dict(begun_from="2026.12.2", begun_sha256=began)
    publish(a2, lead.private_path, where.machine_updates, "2026.12.3", TODAY, **made)
    b = shipped_changed(tmp_path / "b.sqlite", *CORRECTED, HOURS, version_of("2026.12.2"))
    path = publish(b, lead.private_path, tmp_path / "lead-b", "2026.12.4", TODAY, **made)
    said = changed_back(read_bundle(path, keys)[1], "2026.12.4", where, keys)
    assert said.startswith("the update 2026.12.4 changes back what the older update 2026.12.3")
    assert "0121 788 4334 (2026.12.4's: 0121 788 4333)" in said
    assert "Women's Aid" not in said  # its own edit, made on purpose


def version_of(day: str) -> str:
    return f"UPDATE content_meta SET value = '{day}' WHERE key = 'directory_version'"
