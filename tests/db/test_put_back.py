"""A working copy that puts back what the update it began from changed is refused."""

import json
import sqlite3
from datetime import date, timedelta

import pytest

from app.db import signing
from app.db.bundle import publish, read_bundle
from app.db.checks import Refused
from app.db.loader import load_graph, load_valid_graph
from app.db.maintenance import open_copy, publish_copy, start_copy
from app.db.published import Published
from app.db.put_back import record_as_is, records_in_sight
from app.db.replaced_numbers import replaced_in
from app.db.transfer import ImportRefused, export_directory, import_directory
from tests.conftest import REPO, shipped_changed

SHIPPED = REPO / "resources" / "directory.sqlite"
PASSPHRASE = "a long enough passphrase"
MASH = "UPDATE phone SET number = '{}' WHERE service_id = 'walsall-mast'"
VERSION = "UPDATE content_meta SET value = '{}' WHERE key = 'directory_version'"


@pytest.fixture
def lead(tmp_path):
    return signing.generate(tmp_path / "lead", PASSPHRASE)


def published(copy, words, lead, tmp_path, version, in_use, database):
    bundle, _ = publish_copy(copy, words, in_use, database, lead.private_path, PASSPHRASE,
                             tmp_path / "out", version, release=SHIPPED)  # fmt: skip
    data = read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))[1]
    return load_valid_graph(data), data  # installed on the lead's laptop


def gives_replaced(what: str, version: str) -> str:
    return (
        "this working copy gives what an update replaced: Walsall children's front door (MASH): "
        f"{what}. If the number here is right (a slip in {version} put right, or the service "
        "went back to it), ring it (an email: confirm it with the service in writing) and "
        "record that person's check, made today (directory check-service, or the window's "
        "Mark checked), then publish again. If it came from an older spreadsheet saved over "
        f"services.csv, or a number typed from an old leaflet, put those back as {version} "
        "gives them"
    )


def test_a_sheet_saved_back_over_the_copy_never_puts_old_numbers_back(graph, lead, tmp_path):
    """A lead saved an older services.csv (their "master" spreadsheet) over a copy begun
    from their own 2026.12.13 and made one edit: every number 2026.12.13 had replaced went
    back on every laptop, the old front door number shown "confirmed", and publish, verify
    and the self-test said nothing (the lead's walk, 2026-12-06)."""
    folder = tmp_path / "copy"
    start_copy(folder, SHIPPED)
    copy, words = open_copy(folder, graph)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today() - timedelta(days=14))
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    master = (folder / "services.csv").read_bytes()  # the sheet as it was then
    copy.update("walsall-mast", {"phone": "0300 555 2868"})
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today() - timedelta(days=7))
    copy.update("crasac", {"hours": "Mon-Fri"})
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.13", in_use, data)
    (folder / "services.csv").write_bytes(master)
    copy, words = open_copy(folder, graph)
    copy.update("dudley-spoc", {"phone": "01384 455412"})  # the edit the lead meant
    copy.save()
    with pytest.raises(Refused) as said:
        published(copy, words, lead, tmp_path, "2026.12.20", in_use, data)
    assert str(said.value) == gives_replaced(
        "0300 555 2867, replaced in 2026.12.13 (2026.12.13 gives 0300 555 2868, 0300 555 2922)",
        "2026.12.13",
    )
    # a slip in 2026.12.13 put right: a person's check of the number since says so
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today())
    with pytest.raises(Refused) as said:  # CRASAC's hours, which 2026.12.13 changed, too
        published(copy, words, lead, tmp_path, "2026.12.20", in_use, data)
    assert str(said.value).startswith(
        "this working copy puts back what 2026.12.13, the update it began from, changed: "
        "CRASAC (Coventry Rape and Sexual Abuse Centre)"
    )
    # hours put back on purpose are no spreadsheet's doing: said so (re-attack on H451, R5)
    assert "If you undid the change on purpose (a slip put right, seasonal hours ended" in (
        str(said.value)
    )
    copy.update("crasac", {"hours": "Mon-Fri"})
    in_use, _ = published(copy, words, lead, tmp_path, "2026.12.20", in_use, data)
    assert in_use.services["walsall-mast"].phone == "0300 555 2867"
    assert in_use.services["dudley-spoc"].phone == "01384 455412"


def test_a_slip_put_right_and_rung_the_same_day_is_published(graph, lead, tmp_path):
    """A number mistyped in the day's update, typed back and rung the same day, was refused
    until the next day, the typo on laptops meanwhile (re-attack on H451, 2026-12-06)."""
    folder = tmp_path / "copy"
    start_copy(folder, SHIPPED)
    copy, words = open_copy(folder, graph)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today() - timedelta(days=7))
    first = f"{date.today().year}.{date.today().month}.{date.today().day}"
    in_use, data = published(copy, words, lead, tmp_path, first, graph, SHIPPED)
    copy.update("walsall-mast", {"phone": "0300 555 2876"})  # the slip: its check goes
    in_use, data = published(copy, words, lead, tmp_path, f"{first}.1", in_use, data)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    with pytest.raises(Refused, match="0300 555 2867, replaced in"):
        published(copy, words, lead, tmp_path, f"{first}.2", in_use, data)
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today())  # rung today
    in_use, _ = published(copy, words, lead, tmp_path, f"{first}.2", in_use, data)
    assert in_use.services["walsall-mast"].phone == "0300 555 2867"


def sheet_of(database, tmp_path, name):
    """services.csv as a copy begun from `database` has it: a lead's "master" sheet."""
    start_copy(tmp_path / name, database)
    return (tmp_path / name / "services.csv").read_bytes()


def refused_over(master, folder, lead, tmp_path, version, in_use, data, **phones) -> str:
    """The refusal of a copy with `master` saved over its sheet, then these numbers typed."""
    (folder / "services.csv").write_bytes(master)
    copy, words = open_copy(folder, in_use)
    for service_id, phone in phones.items():
        copy.update(service_id, {"phone": phone})
    with pytest.raises(Refused) as said:
        published(copy, words, lead, tmp_path, version, in_use, data)
    return str(said.value)


def test_another_leads_correction_is_never_put_back_by_a_sheet_from_before_it(
    graph, lead, tmp_path
):
    """Lead B began a copy from lead A's 2026.12.6 (Walsall's front door corrected), as the
    guide says, and published 2026.12.6.2; then saved B's master sheet, which never had A's
    correction, over it: published, the old number on every laptop. The check looked one
    update back, at 2026.12.6.2's start, where the number was already A's (re-attack on
    H451, R1)."""
    master = sheet_of(SHIPPED, tmp_path, "b-master")
    copy, words = open_copy(start_copy(tmp_path / "a", SHIPPED) or tmp_path / "a", graph)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    copy.mark_checked("walsall-mast", "phoned", "DA lead A", date.today() - timedelta(days=7))
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    folder = tmp_path / "b"
    start_copy(folder, data)
    copy, words = open_copy(folder, in_use)
    copy.update("bswa", {"phone": "0808 800 0029"})
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.6.2", in_use, data)
    said = refused_over(master, folder, lead, tmp_path, "2026.12.6.3", in_use, data,
                        bswa="0808 800 0029", **{"dudley-spoc": "01384 455412"})  # fmt: skip
    assert said == gives_replaced(
        "0300 555 2866, replaced in 2026.12.6 (2026.12.6.2 gives 0300 555 2867, 0300 555 2922)",
        "2026.12.6.2",
    )


@pytest.mark.parametrize("earlier", ["kept", "gone"])
def test_a_number_an_update_replaced_is_known_without_the_update_before_it(
    graph, lead, tmp_path, earlier
):
    """The lead moved to a new laptop with the working copy and 2026.12.13 only: the check,
    finding none of the databases before 2026.12.13, passed the old sheet unsaid (re-attack
    on H451, R2). Each update carries the numbers replaced along its line."""
    folder = tmp_path / "copy"
    master = sheet_of(SHIPPED, tmp_path, "master")
    start_copy(folder, SHIPPED)
    copy, words = open_copy(folder, graph)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    copy.update("bswa", {"phone": "0808 800 0029"})
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.13", in_use, data)
    if earlier == "gone":
        (tmp_path / "out" / "directory-2026.12.6.navdir").unlink()
    said = refused_over(master, folder, lead, tmp_path, "2026.12.20", in_use, data,
                        bswa="0808 800 0029")  # fmt: skip
    assert said == gives_replaced(
        "0300 555 2866, replaced in 2026.12.6 (2026.12.13 gives 0300 555 2867, 0300 555 2922)",
        "2026.12.13",
    )


def test_a_copy_begun_from_a_feed_import_keeps_what_it_and_those_before_replaced(
    graph, lead, tmp_path
):
    """A feed merged onto 2026.12.6 and published as it is recorded nothing of what came
    before: a copy begun from it, an old sheet saved over it, put back both the feed's new
    number and 2026.12.6's correction unsaid (re-attack on H451, R3)."""
    master = sheet_of(SHIPPED, tmp_path, "master")
    copy, words = open_copy(start_copy(tmp_path / "a", SHIPPED) or tmp_path / "a", graph)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    _, data = published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    (tmp_path / "in-use.sqlite").write_bytes(data)
    export_directory(tmp_path / "in-use.sqlite", tmp_path / "all.json")
    feed = [s for s in json.loads((tmp_path / "all.json").read_text()) if s["id"] == "bswa"]
    feed[0]["phones"][0]["number"] = "0808 800 0029"
    (tmp_path / "feed.json").write_text(json.dumps(feed), encoding="utf-8")
    import_directory(tmp_path / "feed.json", data, tmp_path / "merged.sqlite", True)
    made = publish(tmp_path / "merged.sqlite", lead.private_path, tmp_path / "out", "2026.12.13",
                   date.today(), passphrase=PASSPHRASE, rules_from=SHIPPED)  # fmt: skip
    data = read_bundle(made, signing.load_public_keys(lead.public_path.parent))[1]
    folder = tmp_path / "b"
    start_copy(folder, data)
    (folder / "services.csv").write_bytes(master)
    copy, words = open_copy(folder, load_valid_graph(data))
    copy.update("dudley-spoc", {"phone": "01384 455412"})
    with pytest.raises(Refused) as said:
        published(copy, words, lead, tmp_path, "2026.12.20", load_valid_graph(data), data)
    assert "(MASH): 0300 555 2866, replaced in 2026.12.6 (2026.12.13 gives 0300 555 2867, " in (
        str(said.value)
    )
    assert "0808 800 0028, replaced in 2026.12.13 (2026.12.13 gives 0808 800 0029)" in (
        str(said.value)
    )


def test_a_copy_begun_from_a_release_or_published_after_an_upgrade_keeps_the_record(
    graph, lead, tmp_path
):
    """A release holds no record: a copy begun from one, an old sheet saved over it, put
    2026.12.6's replaced number back; and the same copy published again after an upgrade,
    not begun from the release in use, recorded nothing (attack on H453)."""
    master = sheet_of(SHIPPED, tmp_path, "master")
    folder = tmp_path / "a"
    start_copy(folder, SHIPPED)
    copy, words = open_copy(folder, graph)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    start_copy(tmp_path / "b", data)
    copy, words = open_copy(tmp_path / "b", in_use)
    copy.update("bswa", {"phone": "0808 800 0029"})
    release = shipped_changed(  # in use after an upgrade: the lead's updates refused for now
        tmp_path / "release.sqlite", MASH.format("0300 555 2867"), VERSION.format("2026.12.5")
    )
    _, data = published(copy, words, lead, tmp_path, "2026.12.7", load_graph(release), release)
    assert ["0300 555 2866", "2026.12.6"] in replaced_in(data)["walsall-mast"]
    assert ["0808 800 0028", "2026.12.7"] in replaced_in(data)["bswa"]
    release = shipped_changed(  # the next release, holding 2026.12.7
        tmp_path / "release.sqlite",
        MASH.format("0300 555 2867"),
        "UPDATE phone SET number = '0808 800 0029' WHERE service_id = 'bswa'",
        VERSION.format("2026.12.7.5"),
    )
    start_copy(tmp_path / "b", release)  # as it-admin.md says, after the upgrade
    (tmp_path / "b" / "services.csv").write_bytes(master)
    copy, words = open_copy(tmp_path / "b", load_graph(release))
    with pytest.raises(Refused, match=r"\(MASH\): 0300 555 2866, replaced in 2026\.12\.6 "):
        published(copy, words, lead, tmp_path, "2026.12.8", load_graph(release), release)


def test_a_number_in_a_note_and_an_old_number_on_another_service_are_put_back_too(
    graph, lead, tmp_path
):
    """The out-of-hours line the lead writes in the note, which the card shows in large
    type, was not recorded; nor was an old number typed onto another service (attack on
    H453)."""
    folder = tmp_path / "copy"
    start_copy(folder, SHIPPED)
    copy, words = open_copy(folder, graph)
    copy.update("walsall-mast", {"phone": "0300 555 2867"})
    copy.update("walsall-mast", {"phone_note": "Out of hours: 0300 555 2923"})
    in_use, data = published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    copy.update("walsall-mast", {"phone_note": "Out of hours: 0300 555 2922"})
    with pytest.raises(Refused, match=r"\(MASH\): 0300 555 2922, replaced in 2026\.12\.6 "):
        published(copy, words, lead, tmp_path, "2026.12.13", in_use, data)
    copy.update("walsall-mast", {"phone_note": "Out of hours: 0300 555 2923"})
    copy.update("walsall-adult-safeguarding", {"phone": "0300 555 2866"})
    on_mash = r"safeguarding: 0300 555 2866, replaced on Walsall children's front door \(MASH\) in"
    with pytest.raises(Refused, match=on_mash + r" 2026\.12\.6 \(2026\.12\.6 gives no number\)"):
        published(copy, words, lead, tmp_path, "2026.12.13", in_use, data)


def test_a_feed_giving_a_number_an_update_replaced_is_refused_at_import(graph, lead, tmp_path):
    """A partner's feed still giving BSWA's old number, merged onto the update that replaced
    it and published as it is, put it back on every laptop, said as any change (attack on
    H453). Nothing is imported; a file already at the output is left as it was."""
    copy, words = open_copy(start_copy(tmp_path / "a", SHIPPED) or tmp_path / "a", graph)
    copy.update("bswa", {"phone": "0808 800 0029"})
    _, data = published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    feed = tmp_path / "feed.json"
    export_directory(SHIPPED, tmp_path / "all.json")
    rows = [s for s in json.loads((tmp_path / "all.json").read_text()) if s["id"] == "bswa"]
    feed.write_text(json.dumps(rows), encoding="utf-8")
    (tmp_path / "out.sqlite").write_bytes(b"the lead's earlier file")
    with pytest.raises(ImportRefused) as said:
        import_directory(feed, data, tmp_path / "out.sqlite", True)
    assert said.value.problems[0].startswith(
        "feed.json gives what an update replaced: Birmingham and Solihull Women's Aid "
        "helpline: 0808 800 0028, replaced in 2026.12.6 (2026.12.6 gives 0808 800 0029). "
        "The feed may be out of date"
    )
    assert (tmp_path / "out.sqlite").read_bytes() == b"the lead's earlier file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("out.")] == ["out.sqlite"]


def test_a_database_published_as_it_is_is_refused_a_replaced_number(graph, lead, tmp_path):
    """BSWA's number set back by hand in a database, its source "seen today", was published
    as it is, and IT's verify said ok (re-attack on H453, B1)."""
    copy, words = open_copy(start_copy(tmp_path / "a", SHIPPED) or tmp_path / "a", graph)
    copy.update("bswa", {"phone": "0808 800 0029"})
    _, data = published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    (tmp_path / "hand.sqlite").write_bytes(data)
    with sqlite3.connect(tmp_path / "hand.sqlite") as db:
        db.execute("UPDATE phone SET number = '0808 800 0028' WHERE service_id = 'bswa'")
    db.close()
    edited, seen = (tmp_path / "hand.sqlite").read_bytes(), Published()
    with pytest.raises(Refused, match=r"^this database gives what an update replaced: Birm"):
        record_as_is(data, edited, "2026.12.6", "2026.12.13", seen, tmp_path / "out")
    record = record_as_is(data, data, "2026.12.6", "2026.12.13", seen, tmp_path / "out")
    assert ["0808 800 0028", "2026.12.6"] in json.loads(record)["bswa"]


def test_only_updates_signed_by_a_trusted_key_are_read_for_their_record(graph, lead, tmp_path):
    """Five bundles planted in IT's folder, read unsigned, made a publish take nine minutes
    and were signed into the lead's update (re-attack on H453, B6)."""
    copy, words = open_copy(start_copy(tmp_path / "a", SHIPPED) or tmp_path / "a", graph)
    copy.update("bswa", {"phone": "0808 800 0029"})
    published(copy, words, lead, tmp_path, "2026.12.6", graph, SHIPPED)
    keys = tuple(signing.load_public_keys(lead.public_path.parent).items())
    it = Published(folders=(tmp_path / "out",), keys=keys)
    assert records_in_sight(it, tmp_path / "nowhere", {}) == {
        "bswa": [["0808 800 0028", "2026.12.6"]]
    }
    other = signing.generate(tmp_path / "other", PASSPHRASE)
    stranger = Published(folders=(tmp_path / "out",), keys=tuple(
        signing.load_public_keys(other.public_path.parent).items()))  # fmt: skip
    assert records_in_sight(stranger, tmp_path / "nowhere", {}) == {}
