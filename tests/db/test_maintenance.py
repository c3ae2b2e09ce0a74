"""From a working copy to a signed bundle: started from the directory in use, checked,
built with the pathway in use, published with a passphrase-protected key."""

import csv
import shutil
from datetime import date

import pytest

from app.db import signing
from app.db.bundle import read_bundle
from app.db.checks import Refused
from app.db.loader import load_valid_graph
from app.db.maintenance import open_copy, problems_of, publish_copy, start_copy
from app.db.source import SourceError
from app.db.working_copy import WorkingCopyError
from app.pathways.services import check_before_use
from tests.conftest import REPO

SHIPPED = REPO / "resources" / "directory.sqlite"
PASSPHRASE = "a long enough passphrase"


@pytest.fixture
def copy_and_words(tmp_path, graph):
    shutil.copytree(REPO / "resources" / "services", tmp_path / "copy")
    return open_copy(tmp_path / "copy", graph)


@pytest.fixture
def lead(tmp_path):
    return signing.generate(tmp_path / "lead", PASSPHRASE)


def test_a_copy_started_from_the_directory_in_use_holds_its_services(tmp_path):
    start_copy(tmp_path / "new", SHIPPED)
    with (tmp_path / "new" / "services.csv").open(encoding="utf-8") as handle:
        started = {r["id"]: r for r in csv.DictReader(handle)}
    with (REPO / "resources/services/services.csv").open(encoding="utf-8") as handle:
        shipped = {r["id"]: r for r in csv.DictReader(handle)}
    assert started.keys() == shipped.keys()
    for sid, row in shipped.items():
        assert started[sid]["phone"] == row["phone"] and started[sid]["name"] == row["name"]
        assert set(started[sid]["area"].split(";")) == set(row["area"].split(";"))


def test_publish_carries_the_edit_and_the_check_into_a_signed_bundle(
    copy_and_words, graph, lead, tmp_path
):
    copy, words = copy_and_words
    copy.update("coventry-mash", {"phone": "024 7600 0000"})
    copy.mark_checked("coventry-mash", "phoned", "DA co-ordinator", date.today())
    bundle, signed = publish_copy(
        copy, words, graph, SHIPPED, lead.private_path, PASSPHRASE, tmp_path / "out", "2026.12.1"
    )
    assert signed.summary() == "1 number changed"
    _, data = read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))
    published = load_valid_graph(data)
    mash = published.services["coventry-mash"]
    assert (mash.phone, mash.assured_method, mash.assured_by) == (
        "024 7600 0000",
        "phoned",
        "DA co-ordinator",
    )
    assert not check_before_use(mash, date.today(), 12)
    assert published.pathway_version == graph.pathway_version
    assert copy.version == "2026.12.1" and not copy.unsaved
    # where it began, for a laptop to tell an update begun before a release it holds
    from app.db.stale_update import begun_from

    assert begun_from(data) == graph.directory_version


def test_a_number_pasted_in_any_uk_form_is_published_as_workers_read_it(
    copy_and_words, graph, lead, tmp_path
):
    """ "+44 (0)121 496 0456", pasted and applied with the focus still in the box, went
    through publish to the plan as pasted; a check recorded on it still stands (the lead's
    walk, 2026-12-03)."""
    copy, words = copy_and_words
    copy.update("coventry-mash", {"phone": "+44 (0)24 7600 0000"})
    copy.mark_checked("coventry-mash", "phoned", "DA co-ordinator", date.today())
    bundle, _ = publish_copy(
        copy, words, graph, SHIPPED, lead.private_path, PASSPHRASE, tmp_path / "out", "2026.12.1"
    )
    _, data = read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))
    mash = load_valid_graph(data).services["coventry-mash"]
    assert mash.phone == "024 7600 0000"
    assert not check_before_use(mash, date.today(), 12)


def test_an_update_records_every_database_its_copy_held(graph, lead, tmp_path):
    """By content, not version: the directory the copy began from, then each it signed.
    A version claimed let a stale copy through (H241); the last signed alone lost the
    update IT took when a later one was withdrawn (re-attack round, H243)."""
    import hashlib

    from app.db.stale_update import databases_held

    copy, words = copy_in(tmp_path / "copy", graph)
    keys = signing.load_public_keys(lead.public_path.parent)
    began, held = hashlib.sha256(SHIPPED.read_bytes()).hexdigest(), []
    (copy.folder / ".navigator-begun").write_text(began, "ascii")  # as H241 wrote it (H249)
    for version, phone in (("2026.12.1", "024 7600 0000"), ("2026.12.2", "024 7600 0001")):
        copy.update("coventry-mash", {"phone": phone})
        copy.mark_checked("coventry-mash", "phoned", "DA co-ordinator", date.today())
        out = tmp_path / "out"
        bundle, _ = publish_copy(
            copy, words, graph, SHIPPED, lead.private_path, PASSPHRASE, out, version
        )
        _, data = read_bundle(bundle, keys)
        assert databases_held(data) == [began, *held]
        held.append(hashlib.sha256(data).hexdigest())
    # the folder begun again from the directory in use: nothing of its publishing vouches
    # for the new copy (its hidden mark did: re-attack round, H249)
    for name in ("services.csv", "directory.toml"):
        (copy.folder / name).unlink()
    again, words = copy_in(copy.folder, graph)
    elsewhere = tmp_path / "elsewhere"  # on a laptop the first copy's updates never reached
    bundle, _ = publish_copy(
        again, words, graph, SHIPPED, lead.private_path, PASSPHRASE, elsewhere, "2026.12.3"
    )
    assert databases_held(read_bundle(bundle, keys)[1]) == [began]


def test_nothing_is_published_while_a_problem_stands_or_the_key_refuses(
    copy_and_words, graph, lead, tmp_path
):
    copy, words = copy_and_words
    out = tmp_path / "out"

    def publish(version="2026.12.1", passphrase=PASSPHRASE, key=lead.private_path):
        return publish_copy(copy, words, graph, SHIPPED, key, passphrase, out, version)

    with pytest.raises(signing.KeyFileError, match="wrong passphrase"):
        publish(passphrase="not the passphrase")
    with pytest.raises(signing.KeyFileError, match="is not a private key"):
        publish(key=tmp_path / "missing.private-key")
    with pytest.raises(Refused, match="must be higher"):
        publish(version=graph.directory_version)
    copy.update("coventry-mash", {"phone": "not a number"})
    (problem,) = problems_of(copy, words)["coventry-mash"]["phone"]
    assert problem.startswith("'not a number' is not a UK phone number")
    with pytest.raises(SourceError, match=r"Coventry MASH \(coventry-mash\): phone"):
        publish()
    assert not out.exists() or list(out.glob("*.navdir")) == []
    copy.update("coventry-mash", {"name": " "})  # read "-  (coventry-mash)" (lead's walk)
    with pytest.raises(SourceError, match=r"A service with no name \(coventry-mash\): name"):
        publish()
    copy.update("coventry-mash", {"name": "Coventry MASH"})
    assert copy.unsaved  # the edit is kept for the lead to correct
    copy.update("coventry-mash", {"phone": "024 7678 8555"})
    services = copy.folder / "services.csv"  # saved meanwhile (a spreadsheet, a sync client)
    services.write_text(services.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    # refused before signing: the bundle was written, then "nothing was published" (review)
    with pytest.raises(WorkingCopyError, match="was changed since this copy was opened"):
        publish()
    assert not out.exists() or list(out.glob("*.navdir")) == []


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ({"ndah": {"max_age": " 16"}}, "highest age 120 → 16"),  # stripped by the build
        ({"coventry-mash": {"open_24_7": "yes "}}, "open 24/7 no → yes"),
    ],
)
def test_what_is_signed_is_what_the_lead_is_shown(
    copy_and_words, graph, lead, tmp_path, edit, said
):
    """Spaces the build strips made a change the lead's view did not see: the national
    helpline taken from every adult's plan, "no change to any service" (review 2026-12-01)."""
    from app.db.maintenance_session import Maintenance

    copy, words = copy_and_words
    for service_id, values in edit.items():
        copy.update(service_id, values)
    shown = Maintenance(copy, words, graph, SHIPPED).diff()
    _, signed = publish_copy(
        copy, words, graph, SHIPPED, lead.private_path, PASSPHRASE, tmp_path / "out", "2026.12.1"
    )
    assert any(said in line for line in shown.lines()), shown.lines()
    assert any(said in line for line in signed.lines()), signed.lines()


def test_nothing_a_laptop_would_refuse_is_signed(copy_and_words, graph, lead, tmp_path):
    """A number in a kind's words, or a formula behind a space, was signed and published;
    every laptop refused the bundle, and the lead's other corrections with it."""
    copy, words = copy_and_words
    copy.update("childline", {"notes": ' =HYPERLINK("https://x", "ring")'})
    refused(copy, words, graph, lead, tmp_path, SourceError, "would run it as a formula")
    copy.update("childline", {"notes": ""})
    copy.kinds = {**copy.kinds, "new_kind": "Housing: ring 0121 496 0999"}  # a kind of its own
    refused(copy, words, graph, lead, tmp_path, Refused, "phone number")


def refused(copy, words, in_use, lead, folder, error, said) -> None:
    """Publishing the copy is refused with `said`, and no bundle is written."""
    with pytest.raises(error, match=said):
        publish_copy(
            copy, words, in_use, SHIPPED, lead.private_path, PASSPHRASE, folder, "2026.12.1"
        )
    assert list(folder.glob("*.navdir")) == []


def test_a_check_kept_on_a_number_changed_in_excel_is_refused(
    copy_and_words, graph, lead, tmp_path
):
    """A working copy's number changed in Excel, its check columns left as they were, was
    published: every laptop showed the new number "confirmed" (attack review 2026-12-01)."""
    import dataclasses

    copy, words = copy_and_words
    check = {"assured_date": "2026-11-20", "assured_method": "phoned", "assured_by": "DA lead"}
    checked = dataclasses.replace(graph.services["sandwell-mash"], **check, confidence="high")
    in_use = dataclasses.replace(graph, services={**graph.services, "sandwell-mash": checked})
    copy.update("sandwell-mash", {"phone": "0121 569 3199", **check})  # as Excel saves it
    said = "sandwell-mash: the person's check is not of the contact the service now holds"
    refused(copy, words, in_use, lead, tmp_path, Refused, said)
    # the day swapped by a spreadsheet set to US dates is named among the causes: the lead
    # went to ring the number again not knowing why (the lead's walk, 2026-12-07)
    copy.update("sandwell-mash", {**check, "assured_date": "2026-07-12"})
    swapped = "its assured_date rewritten by a spreadsheet set to another country's dates"
    refused(copy, words, in_use, lead, tmp_path, Refused, swapped)


def test_a_check_records_its_contact_so_a_later_change_is_never_shown_confirmed(
    copy_and_words, graph, lead, tmp_path
):
    """Against a release with no checks, a check made with check-service and the number
    changed afterwards in Excel was published "confirmed"; and a new check made the same
    day as the one in use was refused (attack review 2026-12-01)."""
    import dataclasses
    from datetime import date

    copy, words = copy_and_words
    today = date.today()
    copy.mark_checked("sandwell-mash", "phoned", "DA lead", today)
    row = copy.service("sandwell-mash")
    copy.update("sandwell-mash", {"phone": "0121 569 3199", **{k: row[k] for k in CHECK}})
    assert copy.checks_of_other_contacts({}) == ["sandwell-mash"]
    said = "sandwell-mash: the person's check is not of the contact the service now holds"
    refused(copy, words, graph, lead, tmp_path, Refused, said)
    copy.mark_checked("sandwell-mash", "phoned", "DA lead", today)  # the new number, phoned
    checked = dataclasses.replace(
        graph.services["sandwell-mash"], assured_date=today.isoformat(), assured_method="phoned"
    )
    in_use = dataclasses.replace(graph, services={**graph.services, "sandwell-mash": checked})
    version = f"{today.year}.{today.month}.{today.day}"
    path, _ = publish_copy(
        copy, words, in_use, SHIPPED, lead.private_path, PASSPHRASE, tmp_path, version
    )
    assert path.exists()


CHECK = ("assured_date", "assured_method", "assured_by", "checked_contact")


def test_a_check_whose_record_is_emptied_or_replaced_with_the_number_is_no_check(
    copy_and_words, graph, lead, tmp_path
):
    """The record's cell emptied (or its column deleted) brought the hole back; Find and
    Replace over the sheet changed the number and the record with it (attack review
    2026-12-01). A check recording nothing is taken as made on the directory in use's
    contact, and the record is a digest."""
    from datetime import date

    copy, words = copy_and_words
    copy.mark_checked("coventry-mash", "phoned", "DA lead", date.today())
    row = copy.service("coventry-mash")
    assert row["checked_contact"].startswith("sha256:") and "7678" not in row["checked_contact"]
    kept = {k: row[k] for k in CHECK[:3]}
    copy.update("coventry-mash", {"phone": "024 7699 9999", **kept, "checked_contact": ""})
    said = "coventry-mash: the person's check is not of the contact the service now holds"
    refused(copy, words, graph, lead, tmp_path, Refused, said)


def test_a_check_moved_onto_another_service_is_refused(copy_and_words, graph, lead, tmp_path):
    """Excel sorting a block of columns moved Walsall's checked number onto Sandwell's row,
    and a checked row copied as a new service took its check with it: both were signed
    "confirmed" (seventh attack round, 2026-12-01). A check's record names its service."""
    copy, words = copy_and_words
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today())
    walsall, sandwell = copy.service("walsall-mast"), copy.service("sandwell-mash")
    moved = ("phone", "phone_note", "email", *CHECK)
    copy.update("sandwell-mash", {k: walsall[k] for k in moved})
    said = "sandwell-mash: the person's check is not of the contact the service now holds"
    refused(copy, words, graph, lead, tmp_path, Refused, said)
    copy.update("sandwell-mash", {k: sandwell[k] for k in moved})  # sorted back
    copy.add({**walsall, "id": "walsall-adults", "name": "Walsall adult safeguarding"})
    said = "walsall-adults: the person's check is not of the contact the service now holds"
    refused(copy, words, graph, lead, tmp_path, Refused, said)


def test_a_check_recording_nothing_of_its_service_stands_only_as_the_check_in_use(
    copy_and_words, graph, lead, tmp_path
):
    """A record made before records named their service ("sha256:<digest>"), or none, is
    taken as recording nothing: its check stands only where the directory in use holds that
    same check of that contact. A check's three cells filled down onto a row no one checked
    were signed "confirmed" (eighth attack round, 2026-12-01)."""
    import dataclasses
    import hashlib

    from app.pathways.phone_numbers import contact_key

    copy, words = copy_and_words
    checked = {"assured_date": "2026-11-20", "assured_method": "phoned", "assured_by": "DA lead"}
    service = dataclasses.replace(graph.services["coventry-mash"], **checked, confidence="high")
    in_use = dataclasses.replace(graph, services={**graph.services, "coventry-mash": service})
    row = copy.service("coventry-mash")
    key = contact_key(row["phone"], row["phone_note"], row["email"]).encode()
    old = f"sha256:{hashlib.sha256(key).hexdigest()[:16]}"
    copy.update("coventry-mash", {**checked, "checked_contact": old})  # the check in use
    copy.update("paladin", {**checked, "checked_contact": ""})  # filled down: no one's check
    said = "^paladin: the person's check is not of the contact the service now holds"
    refused(copy, words, in_use, lead, tmp_path, Refused, said)
    copy.update("paladin", {"assured_date": "", "assured_method": "", "assured_by": ""})
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today())
    copy.update("walsall-mast", {"checked_contact": old.replace(old[7:], "0" * 16)})
    said = "^walsall-mast: the person's check is not of the contact the service now holds"
    refused(copy, words, in_use, lead, tmp_path, Refused, said)  # an old record, a new check


def test_a_check_re_dated_in_excel_is_refused(copy_and_words, graph, lead, tmp_path):
    """A check from last year, "check it" on every laptop, had its day typed over in Excel
    and was signed "confirmed" as today's (ninth attack round, 2026-12-01): the record holds
    the check's day, how and who, as well as the contact."""
    from datetime import timedelta

    copy, words = copy_and_words
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today() - timedelta(days=400))
    copy.update("walsall-mast", {"assured_date": date.today().isoformat()})  # typed over
    said = "^walsall-mast: the person's check is not of the contact the service now holds"
    refused(copy, words, graph, lead, tmp_path, Refused, said)
    copy.mark_checked("walsall-mast", "phoned", "DA lead", date.today())  # phoned again
    assert copy.checks_of_other_contacts({}) == []


def test_two_ways_of_writing_one_organisation_are_refused(copy_and_words, graph, lead, tmp_path):
    """A service added first with "Coventry City Council ☎ ０２４ …" gave that name, and its
    number, to every Coventry council service (review 2026-12-01)."""
    copy, words = copy_and_words
    copy.update(
        "coventry-mash", {"organisation": "Coventry City Council ☎ ０２４ ７６４１ ０９９９"}
    )
    with pytest.raises(SourceError, match="would be the same organisation as"):
        publish_copy(
            copy, words, graph, SHIPPED, lead.private_path, PASSPHRASE, tmp_path, "2026.12.1"
        )


def test_a_build_of_the_shipped_copy_is_the_shipped_directory(copy_and_words, tmp_path):
    """The maintenance build (the in-use schema, services swapped, no Alembic) writes exactly
    what the migrations-built directory holds, row for row."""
    from app.db.build import dump_content
    from app.db.maintenance import build

    copy, words = copy_and_words
    build(copy, words, SHIPPED, tmp_path / "built.sqlite")
    assert dump_content(tmp_path / "built.sqlite") == dump_content(SHIPPED)


def test_one_version_is_published_once_and_an_old_copy_never_undoes_a_newer_one(
    copy_and_words, graph, lead, tmp_path
):
    import dataclasses

    copy, words = copy_and_words
    out = tmp_path / "out"

    def publish(version, in_use=graph):
        return publish_copy(
            copy, words, in_use, SHIPPED, lead.private_path, PASSPHRASE, out, version
        )

    publish("2026.12.1")
    copy.update("coventry-mash", {"hours": "Mon-Fri"})
    with pytest.raises(Refused, match=r"must be higher than 2026\.12\.1, the version of this"):
        publish("2026.12.1")  # what the lead's own laptop, still on the old one, suggests
    (out / "directory-2026.12.1.navdir").rename(out / "kept.navdir")
    with pytest.raises(Refused, match=r"must be higher than 2026\.12\.1"):
        publish("2026.12.1")
    newer = dataclasses.replace(graph, directory_version="2026.12.5")  # a colleague's, in use
    with pytest.raises(Refused, match="would undo every change published since"):
        publish("2026.12.6", in_use=newer)
    assert sorted(p.name for p in out.glob("*.navdir")) == ["kept.navdir"]


def correction_published(tmp_path, graph, key, out):
    """Walsall's front door's number corrected in a first working copy, published as
    2026.12.1 into `out`, signed with `key`."""
    first, words = copy_in(tmp_path / "first", graph)
    first.update("walsall-mast", {"phone": "0300 555 2800"})
    first.save()
    publish_copy(first, words, graph, SHIPPED, key.private_path, PASSPHRASE, out, "2026.12.1")


def test_the_version_suggested_is_above_every_one_published_here(graph, lead, tmp_path):
    """ "Must be higher than 2026.12.7 … e.g. 2026.12.7.2" was suggested while 2026.12.7.2
    was published already, and following it was refused again (the lead's walk, 2026-12-07;
    H579)."""
    out, today = tmp_path / "out", date.today()
    (first, words), (second, _) = (copy_in(tmp_path / n, graph) for n in ("first", "second"))
    todays = f"{today.year}.{today.month}.{today.day}"
    second.update("coventry-mash", {"hours": "Mon-Fri"})
    for version in (todays, f"{todays}.2"):
        publish_copy(second, words, graph, SHIPPED, lead.private_path, PASSPHRASE, out, version)
        second.update("coventry-mash", {"hours": "Mon-Thu"})
    first.update("coventry-mash", {"hours": "Tue-Fri"})
    shipped = graph.directory_version
    with pytest.raises(Refused, match=rf"must be higher than {shipped}.*e\.g\. {todays}\.3\)"):
        publish_copy(first, words, graph, SHIPPED, lead.private_path, PASSPHRASE, out, shipped)


def copy_in(folder, graph):
    """A working copy started from the shipped directory, as a laptop would start one."""
    start_copy(folder, SHIPPED)
    return open_copy(folder, graph)


def test_a_copy_older_than_a_bundle_published_in_the_folder_never_undoes_it(graph, lead, tmp_path):
    """A second working copy, started from the directory in use on a laptop the first
    bundle had not reached, published "no change to any service" and undid its correction
    on every laptop (review 2026-12-01)."""
    out = tmp_path / "out"
    (first, words), (second, _) = (copy_in(tmp_path / n, graph) for n in ("first", "second"))
    first.update("coventry-mash", {"phone": "024 7600 0000"})
    first.save()
    publish_copy(first, words, graph, SHIPPED, lead.private_path, PASSPHRASE, out, "2026.12.1")
    with pytest.raises(Refused, match=r"older than 2026\.12\.1 published already .*would undo"):
        publish_copy(second, words, graph, SHIPPED, lead.private_path, PASSPHRASE, out, "2026.12.2")
    assert [p.name for p in out.glob("*.navdir")] == ["directory-2026.12.1.navdir"]
    assert second.version == graph.directory_version  # the copy is as it was


def test_a_bundle_this_lead_published_into_another_folder_still_counts(graph, lead, tmp_path):
    """Each working copy publishes into its own folder by default: a second copy, begun
    before IT had copied the first one's bundle, undid its correction on every laptop (lead
    review 2026-12-01). A copy of every bundle is kept in the lead's own ledger."""
    from app.db.published import Published

    mine = Published(ledger=tmp_path / "ledger")
    (first, words), (second, _) = (copy_in(tmp_path / n, graph) for n in ("first", "second"))
    first.update("galop", {"phone": "0800 999 5429"})
    first.save()
    args = (graph, SHIPPED, lead.private_path, PASSPHRASE)
    made, _ = publish_copy(first, words, *args, tmp_path / "first-out", "2026.12.4", published=mine)
    assert (tmp_path / "ledger" / made.name).read_bytes() == made.read_bytes()
    with pytest.raises(Refused, match=r"older than 2026\.12\.4 published already"):
        publish_copy(second, words, *args, tmp_path / "second-out", "2026.12.5", published=mine)
    assert not (tmp_path / "second-out").exists() or not any((tmp_path / "second-out").iterdir())


def test_a_bundle_in_the_ledger_counts_whatever_key_signed_it(graph, lead, tmp_path):
    """Published with a new key IT did not trust yet, then a second copy published with the
    old one: once IT trusted the new key, laptops took the second, which undid the first's
    correction (IT review 2026-12-01)."""
    from app.db.published import Published

    mine = Published(ledger=tmp_path / "ledger")  # no key trusted here but the one in hand
    new = signing.generate(tmp_path / "new", PASSPHRASE)
    (first, words), (second, _) = (copy_in(tmp_path / n, graph) for n in ("first", "second"))
    first.update("bcwa", {"phone": "0121 552 6449"})
    first.save()
    args = (graph, SHIPPED)
    publish_copy(
        first,
        words,
        *args,
        new.private_path,
        PASSPHRASE,
        tmp_path / "a",
        "2026.12.1",
        published=mine,
    )
    with pytest.raises(Refused, match=r"older than 2026\.12\.1 published already"):
        publish_copy(
            second,
            words,
            *args,
            lead.private_path,
            PASSPHRASE,
            tmp_path / "b",
            "2026.12.2",
            published=mine,
        )


def test_a_copy_whose_bundle_is_not_written_keeps_its_version(graph, lead, tmp_path, monkeypatch):
    """A lead who lost a race (or could not write the folder) kept a copy marked published,
    and its next publish undid the winner's correction (IT review 2026-12-01)."""
    import app.db.bundle as bundle
    from app.db.checks import Refused as Lost

    copy, words = copy_in(tmp_path / "copy", graph)
    copy.update("bcwa", {"phone": "0121 552 6449"})
    copy.save()
    before = copy.version

    def lost(target, data):
        raise Lost("directory-2026.12.1.navdir was written by someone else a moment ago")

    monkeypatch.setattr(bundle, "write_new", lost)
    with pytest.raises(Refused, match="someone else"):
        publish_copy(
            copy, words, graph, SHIPPED, lead.private_path, PASSPHRASE, tmp_path / "o", "2026.12.1"
        )
    assert copy.version == before == open_copy(tmp_path / "copy", graph)[0].version


def test_a_bundle_signed_by_the_leads_old_key_still_counts_after_a_new_key(graph, lead, tmp_path):
    """With a new key (a new laptop, a lost key) and IT trusting both, the same old copy was
    signed "no change" above the old key's correction, which every laptop then lost (review
    2026-12-01): bundles by any key this computer trusts count as published."""
    from app.db.bundle import publish
    from app.db.published import Published

    out = tmp_path / "out"
    (first, words), (second, _) = (copy_in(tmp_path / n, graph) for n in ("first", "second"))
    first.update("walsall-mast", {"phone": "0300 555 2867"})
    first.save()
    publish_copy(first, words, graph, SHIPPED, lead.private_path, PASSPHRASE, out, "2026.12.5")
    new = signing.generate(tmp_path / "new", PASSPHRASE)
    trusted = Published(keys=tuple(signing.load_public_keys(tmp_path / "lead").items()))
    new_key, args = new.private_path, (words, graph, SHIPPED)
    with pytest.raises(Refused, match=r"older than 2026\.12\.5 published already"):
        publish_copy(second, *args, new_key, PASSPHRASE, out, "2026.12.6", published=trusted)
    with pytest.raises(Refused, match=r"must be higher than 2026\.12\.5, published already"):
        publish(
            SHIPPED, new_key, out, "2026.12.4", date.today(), 180, PASSPHRASE, published=trusted
        )
    publish_copy(second, *args, new_key, PASSPHRASE, tmp_path / "elsewhere", "2026.12.6")
    assert [p.name for p in out.glob("*.navdir")] == ["directory-2026.12.5.navdir"]


def test_the_words_of_a_kind_changed_are_shown_before_signing(
    copy_and_words, graph, lead, tmp_path
):
    """Swapped, "Children's front door (MASH)" in the search filter gave housing services,
    and the lead saw "no change to any service" until after signing (review 2026-12-01).
    Laptops now show the release's words whatever an update holds (H358, H363): new words
    for a kind the release knows are refused, said, never signed and dropped unsaid."""
    from app.db.maintenance_session import Maintenance

    copy, words = copy_and_words
    copy.kinds = {**copy.kinds, "housing": copy.kinds["mash_children"]}
    shown = Maintenance(copy, words, graph, SHIPPED).diff()
    assert "the words of 1 service kind(s) changed" in shown.summary()
    assert any(
        line.startswith("pathway changed: service kind housing:")
        and line.endswith("(not published: a kind's words come with the release)")
        for line in shown.lines()
    )
    said = r"service kind housing: .* is not the release's 'Housing'(?s:.*)put them back"
    refused(copy, words, graph, lead, tmp_path, Refused, said)


def test_a_kind_label_with_a_quote_starts_a_copy_that_opens(graph, tmp_path):
    """A label with a quote or backslash was written unescaped: no new copy would open."""
    import dataclasses

    from app.db.maintenance import open_copy, start_copy

    labels = {**graph.kind_labels, "helpline_da": 'Forced marriage & "honour"-based abuse \\\\'}
    source = tmp_path / "labels.sqlite"
    import shutil
    import sqlite3

    shutil.copy(SHIPPED, source)
    with sqlite3.connect(source) as db:
        db.execute(
            "UPDATE taxonomy_term SET name = ? WHERE code = 'helpline_da'", (labels["helpline_da"],)
        )
    db.close()
    start_copy(tmp_path / "copy", source)
    copy, _ = open_copy(tmp_path / "copy", dataclasses.replace(graph, kind_labels=labels))
    assert copy.kinds["helpline_da"] == labels["helpline_da"]


def test_a_copy_changed_while_it_is_signed_is_never_published(
    copy_and_words, graph, lead, tmp_path, monkeypatch
):
    """Changed in the second between the first check and the end of signing (check-service
    run meanwhile), the bundle was written and the lead told "nothing was published"
    (review 2026-12-01): the version is saved before the bundle is written."""
    import app.db.maintenance as maintenance

    copy, words = copy_and_words
    copy.update("coventry-mash", {"phone": "024 7678 8555"})
    copy.save()
    real_build = maintenance.build

    def build_while_saved_elsewhere(*args):
        real_build(*args)
        services = copy.folder / "services.csv"
        services.write_text(services.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    monkeypatch.setattr(maintenance, "build", build_while_saved_elsewhere)
    out = tmp_path / "out"
    with pytest.raises(WorkingCopyError, match="was changed since this copy was opened"):
        publish_copy(copy, words, graph, SHIPPED, lead.private_path, PASSPHRASE, out, "2026.12.1")
    assert not out.exists() or list(out.glob("*.navdir")) == []


def test_a_second_laptops_copy_never_publishes_over_a_correction_in_its_update_folder(
    graph, lead, tmp_path
):
    """Months later, on a new laptop the update had not reached, a copy began from the
    shipped directory; its publish (suggested as the same version) took the first
    correction off every laptop, unsaid (review 2026-12-01)."""
    from app.db.maintenance_session import Maintenance
    from app.db.published import Published

    share = tmp_path / "share"
    correction_published(tmp_path, graph, lead, share)
    keys = tuple(signing.load_public_keys(tmp_path / "lead").items())
    seen = Published((share,), keys)
    second = Maintenance.open(tmp_path / "second", graph, SHIPPED, lambda: seen)
    assert "older than 2026.12.1 published already" in second.published_warning()
    assert second.suggested_version(date(2026, 12, 1)) == "2026.12.1.2"  # never one signed
    second.copy.update("bcwa", {"phone": "0121 555 0000"})
    second.copy.save()
    with pytest.raises(Refused, match=r"older than 2026\.12\.1 published already"):
        second.publish(
            lead.private_path, PASSPHRASE, tmp_path / "second" / "published", "2026.12.2"
        )
    bundle = share / "directory-2026.12.1.navdir"
    bundle.write_bytes(bundle.read_bytes()[:5000])  # a copy cut short still counts (round-4)
    with pytest.raises(Refused, match=r"older than 2026\.12\.1 published already"):
        second.publish(
            lead.private_path, PASSPHRASE, tmp_path / "second" / "published", "2026.12.2"
        )
    offline = Published(keys=keys, unreachable=f"IT's update folder {share} cannot be read")
    third = Maintenance.open(tmp_path / "third", graph, SHIPPED, lambda: offline)
    assert "a newer one may be published there" in third.published_warning()
    with pytest.raises(Refused, match="Publish when it can be reached"):
        third.publish(lead.private_path, PASSPHRASE, tmp_path / "third" / "published", "2026.12.2")
    assert [p.name for p in share.glob("*.navdir")] == ["directory-2026.12.1.navdir"]
    assert not list(tmp_path.glob("*/published/*.navdir"))


def test_a_copy_behind_an_update_signed_with_a_key_not_trusted_here_is_told_the_way_on(
    graph, lead, tmp_path
):
    """A publish with a second key made by mistake, kept in the lead's ledger, stopped every
    later publish with "install it here", which was refused: unknown key (the lead's walk,
    2026-12-07). Said, with the way on: publish again from its own copy with the right key."""
    from app.db.maintenance_session import Maintenance
    from app.db.published import Published

    slip = signing.generate(tmp_path / "second key", PASSPHRASE)
    ledger = tmp_path / "ledger"
    correction_published(tmp_path, graph, slip, ledger)
    keys = tuple(signing.load_public_keys(tmp_path / "lead").items())
    seen = Published((), keys, ledger=ledger)
    second = Maintenance.open(tmp_path / "second", graph, SHIPPED, lambda: seen)
    way_on = "publish again from its own working copy (the folder it was published from)"
    assert "signed with a key this computer does not trust" in second.published_warning()
    assert way_on in second.published_warning()
    second.copy.update("bcwa", {"phone": "0121 555 0000"})
    second.copy.save()
    with pytest.raises(Refused, match=r"key this computer does not trust.*with your key"):
        second.publish(lead.private_path, PASSPHRASE, tmp_path / "out", "2026.12.2")


def test_a_new_leads_first_publish_never_undoes_the_last_leads_corrections(graph, lead, tmp_path):
    """A new lead's laptop, trusting only their own key, saw nothing of the last lead's
    2026.12.1 in IT's folder: their first publish undid its correction on every laptop, and
    IT's self-test passed (IT review 2026-12-01). It is refused, naming the file and key."""
    from app.db.published import Published

    share = tmp_path / "share"
    first, words = copy_in(tmp_path / "first", graph)
    first.update("walsall-mast", {"phone": "0300 555 2800"})
    first.save()
    publish_copy(first, words, graph, SHIPPED, lead.private_path, PASSPHRASE, share, "2026.12.1")
    new_lead = signing.generate(tmp_path / "new-lead", PASSPHRASE)
    new_key = tuple(signing.load_public_keys(tmp_path / "new-lead").items())
    second, words = copy_in(tmp_path / "second", graph)
    second.update("bcwa", {"phone": "0121 555 0000"})
    second.save()

    def publish_seeing(keys):
        return publish_copy(
            second, words, graph, SHIPPED, new_lead.private_path, PASSPHRASE,
            tmp_path / "out", "2026.12.2", published=Published((share,), keys),
        )  # fmt: skip

    said = r"directory 2026\.12\.1, newer than any this computer trusts, signed by a key it"
    with pytest.raises(Refused, match=said):
        publish_seeing(new_key)
    old_key = tuple(signing.load_public_keys(tmp_path / "lead").items())
    with pytest.raises(Refused, match=r"older than 2026\.12\.1 published already"):
        publish_seeing(new_key + old_key)  # trusted: the copy must begin from it
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.navdir"))


def test_a_copy_begun_from_a_release_without_the_update_never_undoes_it(lead, tmp_path):
    """After a release made without the lead's update, a copy begun from the release (as
    the release's message says) and published with one other change took the update's
    correction off every laptop, and nothing said so again (attack review 2026-12-01)."""
    from app.db.bundle import publish
    from app.db.published import Published
    from tests.conftest import shipped_changed

    ndah = "UPDATE phone SET number = '0808 2000 248' WHERE service_id = 'ndah'"
    checked = "UPDATE service SET assured_date = '2026-11-20', assured_method = 'phoned', "
    checked += "assured_by = 'DA lead' WHERE id = 'ndah'"
    it = tmp_path / "it"
    update = shipped_changed(tmp_path / "u.sqlite", ndah, checked)
    publish(update, lead.private_path, it, "2026.12.1", date(2026, 11, 21), 180, PASSPHRASE)
    release = shipped_changed(
        tmp_path / "release.sqlite",
        "UPDATE content_meta SET value = '2026.12.20' WHERE key = 'directory_version'",
    )
    graph = load_valid_graph(release)
    start_copy(tmp_path / "copy", release)
    copy, words = open_copy(tmp_path / "copy", graph)
    copy.update("galop", {"phone": "0800 999 5429"})  # the lead's one change
    copy.save()
    args = (words, graph, release, lead.private_path, PASSPHRASE, tmp_path / "out")
    seen = Published(folders=(it,))
    with pytest.raises(Refused, match=r"this working copy changes back what 2026\.12\.1") as said:
        publish_copy(copy, *args, "2026.12.21", published=seen)
    assert "National Domestic Abuse Helpline: 0808 2000 248" in str(said.value)
    assert "Galop" not in str(said.value)  # changed on purpose in the copy
    copy.update("ndah", {"phone": "0808 2000 248"})  # made again, as it says
    copy.mark_checked("ndah", "phoned", "DA lead", date(2026, 11, 30))
    copy.save()
    made, _ = publish_copy(copy, *args, "2026.12.21", published=seen)
    assert made.exists()


def test_a_lead_puts_right_their_own_slip_once_the_update_is_installed_and_sees_it(
    copy_and_words, graph, lead, tmp_path
):
    """A referral route published wrong in 2026.12.1, put back in the same copy before that
    update reached the lead's laptop, was refused and the lead sent to make the slip again
    (H184); let through, a spreadsheet pasted back over the copy undid the update with
    nothing shown (attack round). Now the refusal says to install it first; then the copy
    publishes, and the change is listed against 2026.12.1."""
    copy, words = copy_and_words
    route = graph.services["ndah"].referral_route
    copy.update("ndah", {"referral_route": "Ring the MASH first"})  # the slip
    copy.save()
    out = tmp_path / "out"
    first, _ = publish_copy(
        copy, words, graph, SHIPPED, lead.private_path, PASSPHRASE, out, "2026.12.1"
    )
    copy.update("ndah", {"referral_route": route})  # put right where it was made
    copy.save()
    with pytest.raises(Refused, match=r"this working copy published 2026\.12\.1 itself") as said:
        publish_copy(copy, words, graph, SHIPPED, lead.private_path, PASSPHRASE, out, "2026.12.2")
    assert f"install 2026.12.1 here first (python -m app directory install {first})" in str(
        said.value
    )
    # a number put right may instead be rung and checked, as the lead's guide says (H540)
    assert "you may instead ring it and record that person's check today" in str(said.value)
    _, installed = read_bundle(first, signing.load_public_keys(lead.public_path.parent))
    in_use = load_valid_graph(installed)  # what installing it here puts in use
    bundle, signed = publish_copy(
        copy, words, in_use, installed, lead.private_path, PASSPHRASE, out, "2026.12.2"
    )
    assert "National Domestic Abuse Helpline" in "\n".join(signed.lines())  # shown before
    _, data = read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))
    assert load_valid_graph(data).services["ndah"].referral_route == route


def test_a_copy_begun_from_a_line_typed_oddly_keeps_the_type_for_the_lead_to_settle(tmp_path):
    """A working copy holds no phone type: a "Fascimile" line, checked, signed before the
    type rules, became a plain voice line at the lead's next publish, "confirmed"
    (re-attack round, 2026-12-01; H194)."""
    from tests.conftest import shipped_changed

    odd = shipped_changed(
        tmp_path / "odd.sqlite",
        "UPDATE phone SET type = 'Fascimile', description = '' WHERE service_id = 'bcwa'",
        "UPDATE service SET assured_date = '2026-11-24', assured_method = 'phoned', "
        "assured_by = 'DA lead' WHERE id = 'bcwa'",
    )
    start_copy(tmp_path / "copy", odd)
    copy, words = open_copy(tmp_path / "copy", load_valid_graph(odd))
    row = copy.service("bcwa")
    assert (row["phone_note"], row["assured_date"]) == ("Fascimile", "")
    assert (
        "says 0121 552 6448 is a fascimile line"
        in problems_of(copy, words)["bcwa"]["phone_note"][0]
    )


def test_a_copy_begun_from_an_out_of_hours_line_keeps_what_it_is_and_its_check(lead, tmp_path):
    """A working copy holds no phone type: a line typed "Out of hours" (shown beside the
    number on every laptop) became an unlabelled number at the lead's next publish, read as
    the service's daytime line (twentieth session, 2026-12-02). The type leads its note, and
    the person's check of that line still stands."""
    from tests.conftest import shipped_changed

    typed = shipped_changed(
        tmp_path / "typed.sqlite",
        "UPDATE phone SET type = 'Out of hours', description = 'Weekends' "
        "WHERE service_id = 'bcwa'",
        "UPDATE service SET assured_date = '2026-11-24', assured_method = 'phoned', "
        "assured_by = 'DA lead' WHERE id = 'bcwa'",
    )
    in_use = load_valid_graph(typed)
    start_copy(tmp_path / "copy", typed)
    copy, words = open_copy(tmp_path / "copy", in_use)
    row = copy.service("bcwa")
    assert (row["phone_note"], row["assured_date"]) == ("Out of hours; Weekends", "2026-11-24")
    assert "bcwa" not in problems_of(copy, words)
    bundle, signed = publish_copy(
        copy, words, in_use, typed, lead.private_path, PASSPHRASE, tmp_path / "out", "2026.12.9"
    )
    _, data = read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))
    bcwa = load_valid_graph(data).services["bcwa"]
    assert (bcwa.phone_note, bcwa.assured_date) == ("Out of hours; Weekends", "2026-11-24")
    assert not check_before_use(bcwa, date(2026, 12, 2), 12)
    # a check the directory in use does not hold is not taken from the file begun from, and
    # the lead is told why: this computer does not use the copy's directory (attack F18)
    with pytest.raises(Refused, match="bcwa: the person's check cannot be confirmed on this"):
        publish_copy(
            copy,
            words,
            load_valid_graph(SHIPPED),
            SHIPPED,
            lead.private_path,
            PASSPHRASE,
            tmp_path / "out",
            "2026.12.19",
        )
    assert "number note Weekends → Out of hours; Weekends" in "\n".join(signed.lines())


def test_an_update_made_on_a_laptop_a_release_behind_carries_this_releases_rules(
    copy_and_words, graph, lead, tmp_path
):
    """A new working copy begins from the directory in use, an earlier release's update
    with its rules: published, those rules went to every laptop (attack, 2026-12-04). The
    rules signed are the release's (H345); the changes listed are the lead's."""
    from tests.conftest import shipped_changed
    from tests.test_in_force import NO_999

    in_use = shipped_changed(
        tmp_path / "earlier.sqlite",
        "UPDATE content_meta SET value = '2025.9' WHERE key = 'pathway_version'",
        NO_999,
    )
    copy, words = copy_and_words
    copy.update("coventry-mash", {"phone": "024 7600 0000"})
    out = tmp_path / "out"
    bundle, signed = publish_copy(
        copy, words, graph, in_use, lead.private_path, PASSPHRASE, out, "2026.12.1", release=SHIPPED
    )
    assert signed.summary() == "1 number changed"
    _, data = read_bundle(bundle, signing.load_public_keys(lead.public_path.parent))
    published = load_valid_graph(data)
    assert (published.pathway_version, published.rules) == (graph.pathway_version, graph.rules)


def test_a_wrong_number_is_named_before_the_check_it_outdates(
    copy_and_words, graph, lead, tmp_path
):
    """A checked service's number typed as 105 in Excel was refused only as "the person's
    check is not of the contact": the lead cleared the check, published again, and only then
    heard that 105 is no service's line (attack F16). The number is named first."""
    import dataclasses

    copy, words = copy_and_words
    check = {"assured_date": "2026-11-20", "assured_method": "phoned", "assured_by": "DA lead"}
    checked = dataclasses.replace(graph.services["sandwell-mash"], **check, confidence="high")
    in_use = dataclasses.replace(graph, services={**graph.services, "sandwell-mash": checked})
    copy.update("sandwell-mash", {"phone": "105", **check})
    refused(copy, words, in_use, lead, tmp_path, SourceError, "'105' is the national power-cut")


def test_a_check_held_by_a_directory_not_in_use_here_is_not_called_typed_by_hand(
    copy_and_words, graph, lead, tmp_path
):
    """A copy begun from an update this computer no longer uses (its key withdrawn) was
    refused as holding checks "typed into the sheet by hand", and the lead was told to
    record checks they never made (attack F18). The real reason is named."""
    copy, words = copy_and_words
    checked = {"assured_date": "2026-11-20", "assured_method": "phoned", "assured_by": "DA lead"}
    copy.update("paladin", {**checked, "checked_contact": ""})  # as a directory's check is
    copy.version = "2026.11.30.4"  # begun from an update this computer does not use
    said = (
        "^paladin: the person's check cannot be confirmed on this computer: this copy holds "
        f"directory 2026.11.30.4, and this computer uses {graph.directory_version}, which"
    )
    refused(copy, words, graph, lead, tmp_path, Refused, said)
    copy.version = graph.directory_version  # the same copy where its directory is in use
    said = "^paladin: the person's check is not of the contact the service now holds"
    refused(copy, words, graph, lead, tmp_path, Refused, said)
