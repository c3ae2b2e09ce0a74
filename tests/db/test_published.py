"""What is already published stops a publish that would undo it: here, a bundle in IT's
folder signed by a key this computer does not trust (a lead before this one)."""

import sqlite3
from datetime import date

import pytest

from app.db import signing
from app.db.bundle import publish
from app.db.checks import Refused
from app.db.published import Published
from tests.conftest import REPO, feed_line

SHIPPED = REPO / "resources" / "directory.sqlite"
TODAY = date(2026, 12, 1)


def test_a_database_is_not_published_over_a_newer_one_signed_by_a_key_not_trusted_here(
    tmp_path,
):
    share = tmp_path / "share"
    last_lead = signing.generate(tmp_path / "last")
    publish(SHIPPED, last_lead.private_path, share, "2026.12.1", TODAY)
    new_lead = signing.generate(tmp_path / "new")
    trusted_here = tuple(signing.load_public_keys(tmp_path / "new").items())
    with pytest.raises(Refused, match=r"share/directory-2026\.12\.1\.navdir holds directory"):
        publish(
            SHIPPED, new_lead.private_path, tmp_path / "out", "2026.12.2", TODAY,
            published=Published((share,), trusted_here),
        )  # fmt: skip
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    (share / "notes.navdir").write_bytes(b"not a bundle")  # junk claims nothing: no stop
    shouted = (share / "directory-2026.12.1.navdir").rename(share / "UPDATE.NAVDIR")
    with pytest.raises(Refused, match=r"share/UPDATE\.NAVDIR holds directory"):
        publish(
            SHIPPED, new_lead.private_path, tmp_path / "out", "2026.12.2", TODAY,
            published=Published((share,), trusted_here),
        )  # fmt: skip
    shouted.unlink()
    publish(
        SHIPPED, new_lead.private_path, tmp_path / "out", "2026.12.2", TODAY,
        published=Published((share,), trusted_here),
    )  # fmt: skip


def stale_then_published(tmp_path, *change):
    """2026.12.2 holds BCWA checked (2026-11-25), then 2026.12.3 makes `change` from it as
    a working copy publishes (its own checks made). Returns publishing the stale 2026.12.2
    again as 2026.12.4, from a laptop 2026.12.3 had not reached."""
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "lead")
    share = tmp_path / "share"
    checked = (
        "UPDATE service SET assured_date = '2026-11-25', assured_method = 'phoned', "
        "assured_by = 'DA lead' WHERE id = 'bcwa'"
    )
    stale = shipped_changed(tmp_path / "stale.sqlite", checked)
    publish(stale, lead.private_path, share, "2026.12.2", TODAY)
    begun = "UPDATE content_meta SET value = '2026.12.2' WHERE key = 'directory_version'"
    changed = shipped_changed(tmp_path / "changed.sqlite", begun, *change)
    publish(changed, lead.private_path, share, "2026.12.3", TODAY, just_built=True)
    trusted = Published((share,), tuple(signing.load_public_keys(tmp_path / "lead").items()))
    return lambda: publish(
        stale, lead.private_path, tmp_path / "out", "2026.12.4", TODAY, published=trusted
    )


def test_a_database_older_than_the_newest_published_never_changes_back_its_corrections(
    tmp_path,
):
    """The lead's laptop still had 2026.12.2 in use when 2026.12.3 corrected BCWA's number
    (its check cleared, as the refusal says to): publishing the database in use as
    2026.12.4 put the old number back on every laptop, "confirmed", and said "no change"
    (tenth attack round, 2026-12-01). A database older than the newest published takes
    back nothing it changed, whatever the dates say."""
    again = stale_then_published(
        tmp_path, "UPDATE phone SET number = '0121 552 6400' WHERE service_id = 'bcwa'"
    )
    with pytest.raises(Refused, match=r"changes back what 2026\.12\.3, published already"):
        again()


def test_a_database_older_than_the_newest_published_never_restores_a_withdrawn_check(tmp_path):
    """2026.12.3 withdrew BCWA's check and added "check before use" (its number reported
    unanswered); the stale 2026.12.2 in use on a laptop it had not reached, published as
    it is, put the check back and the alert away: the number "confirmed" again on every
    laptop, and the lead told "no change" (eleventh attack round, 2026-12-01)."""
    alert = (
        "UPDATE service SET alert = 'Reported not answering: check before use' WHERE id = 'bcwa'"
    )
    again = stale_then_published(tmp_path, alert)
    said = r"Black Country Women's Aid: alert 'Reported not answering: check before use'"
    with pytest.raises(Refused, match=said):
        again()


def test_after_a_version_a_year_ahead_its_own_day_with_a_higher_number_is_allowed(tmp_path):
    """A bundle 2027.12.4, signed on a wrong clock (or before versions were held to a month
    ahead), left nothing publishable for a year: lower ones are refused, and its own day was
    too far ahead (eleventh attack round, 2026-12-01)."""
    lead = signing.generate(tmp_path / "lead")
    share = tmp_path / "share"
    publish(SHIPPED, lead.private_path, share, "2027.12.4", date(2027, 12, 4))
    # the way out is named: "must be higher" alone sent the lead to 2027.12.5, refused as
    # too far ahead (the lead's and IT's walk, 2026-12-02)
    with pytest.raises(
        Refused, match=r"must be higher than 2027\.12\.4.*\(e\.g\. 2027\.12\.4\.2\)"
    ):
        publish(SHIPPED, lead.private_path, share, "2026.12.2", TODAY)
    with pytest.raises(Refused, match="a month ahead at most"):
        publish(SHIPPED, lead.private_path, share, "2027.12.5", TODAY)
    assert publish(SHIPPED, lead.private_path, share, "2027.12.4.1", TODAY).exists()


def test_a_leads_own_note_in_a_database_published_again_is_no_undoing(tmp_path):
    """Published as 2026.12.2, the same database file (still stamped as the release it
    began from) had one service's notes edited and was refused as changing back 2026.12.2
    (twelfth attack round, 2026-12-01): where a detail came from is the lead's record."""
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "lead")
    share = tmp_path / "share"
    first = shipped_changed(tmp_path / "x.sqlite")
    publish(first, lead.private_path, share, "2026.12.2", TODAY)
    noted = shipped_changed(tmp_path / "y.sqlite", "UPDATE service SET notes = 'Rang 1 Dec'")
    trusted = Published((share,), tuple(signing.load_public_keys(tmp_path / "lead").items()))
    assert publish(noted, lead.private_path, share, "2026.12.3", TODAY, published=trusted)
    said = r"the directory's kind_labels \(this database's differ\)"  # a kind's words back
    words = "UPDATE taxonomy_term SET name = 'Old words' WHERE code = 'refuge'"
    with pytest.raises(Refused, match=said):
        publish(
            shipped_changed(tmp_path / "z.sqlite", words), lead.private_path, share,
            "2026.12.4", TODAY, published=trusted,
        )  # fmt: skip
    # a card's old words are no undoing: what is signed is this release's (H345)
    words = "UPDATE action_template SET say = 'Old words.' WHERE kind = 'emergency_999'"
    assert publish(
        shipped_changed(tmp_path / "w.sqlite", words), lead.private_path, share,
        "2026.12.4", TODAY, published=trusted,
    ).exists()  # fmt: skip


def test_a_version_a_year_ahead_kept_only_in_the_ledger_allows_its_own_day(tmp_path):
    """IT removed the bundle from the share; the lead's ledger kept it, and nothing could be
    published: its own day was refused as too far ahead (twelfth attack round)."""
    lead = signing.generate(tmp_path / "lead")
    ledger = tmp_path / "ledger"
    publish(SHIPPED, lead.private_path, ledger, "2027.12.4", date(2027, 12, 4))
    seen = Published(keys=tuple(signing.load_public_keys(tmp_path / "lead").items()), ledger=ledger)
    made = publish(
        SHIPPED, lead.private_path, tmp_path / "out", "2027.12.4.1", TODAY, published=seen
    )
    assert made.exists()


def test_a_database_stamped_as_the_newest_is_still_checked_against_it(tmp_path):
    """A stale release stamped with the same version as the lead's update, one e-mail
    edited and published as it was, put the update's number back on every laptop: a stamp
    proves no descent (fourteenth attack round, 2026-12-01)."""
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "lead")
    share = tmp_path / "share"
    stamped = "UPDATE content_meta SET value = '2026.12.1' WHERE key = 'directory_version'"
    corrected = shipped_changed(
        tmp_path / "corrected.sqlite",
        "UPDATE phone SET number = '0121 555 0199' WHERE service_id = 'bcwa'",
        "UPDATE service SET assured_date = '2026-11-30', assured_method = 'phoned', "
        "assured_by = 'DA lead' WHERE id = 'bcwa'",
    )
    publish(corrected, lead.private_path, share, "2026.12.1", TODAY, just_built=True)
    stale = shipped_changed(tmp_path / "stale.sqlite", stamped)
    trusted = Published((share,), tuple(signing.load_public_keys(tmp_path / "lead").items()))
    with pytest.raises(Refused, match=r"Black Country Women's Aid: 0121 555 0199"):
        publish(stale, lead.private_path, share, "2026.12.2", TODAY, published=trusted)


def test_a_copy_begun_from_the_newest_update_is_told_what_to_record_not_to_install_it(
    tmp_path,
):
    """Refused, a copy begun from 2026.12.3 in use was told to install 2026.12.3 (refused:
    in use already) and begin again, which went round in a loop (the lead's and IT's walk,
    2026-12-02). Its check dated before the update's day is still refused, with the way."""
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "lead")
    share = tmp_path / "share"
    path = publish(SHIPPED, lead.private_path, share, "2026.12.3", TODAY)
    published = Published((share,), tuple(signing.load_public_keys(tmp_path / "lead").items()))
    began = published.newest_content(("2026.12.3", path), tmp_path / "out")
    late_call = shipped_changed(
        tmp_path / "copy.sqlite",
        "UPDATE phone SET number = '0808 2000 248' WHERE service_id = 'ndah'",
        "UPDATE service SET assured_date = '2026-11-20', assured_method = 'phoned', "
        "assured_by = 'DA lead' WHERE id = 'ndah'",
    ).read_bytes()
    with pytest.raises(Refused) as refused:
        published.check_not_undone(("2026.12.3", path), tmp_path / "out", late_call, began)
    said = str(refused.value)
    assert said.startswith("this working copy, begun from 2026.12.3, changes back")
    assert "made on or after 2026.12.3's day" in said and "install" not in said


def test_an_unsigned_copy_of_the_newest_version_in_the_share_is_never_read_as_it(tmp_path):
    """Someone who can write IT's folder cut the published 2026.12.1 short and put beside
    it a file claiming 2026.12.1, its manifest naming its own database (NDAH 0808 2000
    666), unsigned: the check read that as what was published and told the lead to copy
    its number (attack, 2026-12-04; H335). Only a copy holding the database the signed
    manifest names counts: the lead's ledger's, or none."""
    import dataclasses
    import hashlib

    from app.db.bundle import bundle_bytes, claimed_manifest, whole_bundle
    from tests.conftest import shipped_changed

    ndah = "UPDATE phone SET number = '0808 2000 666' WHERE service_id = 'ndah'"
    lead = signing.generate(tmp_path / "lead")
    share, ledger = tmp_path / "share", tmp_path / "ledger"
    genuine = publish(SHIPPED, lead.private_path, share, "2026.12.1", TODAY)
    keys = tuple(signing.load_public_keys(tmp_path / "lead").items())
    decoy = shipped_changed(tmp_path / "decoy.sqlite", ndah).read_bytes()
    claimed = dataclasses.replace(
        claimed_manifest(genuine), sha256=hashlib.sha256(decoy).hexdigest(), size=len(decoy)
    )
    (share / "directory-2026.12.1-copy.navdir").write_bytes(bundle_bytes(claimed, decoy))
    whole = genuine.read_bytes()
    genuine.write_bytes(whole[: len(whole) // 2])
    newest = ("2026.12.1", genuine)
    with pytest.raises(Refused, match="cannot be read whole") as refused:
        Published((share,), keys).newest_content(newest, tmp_path / "out")
    # never "remove it": an update made without it undid it everywhere (re-attack, H335)
    assert "Do not remove it" in str(refused.value)
    ledger.mkdir()
    (ledger / genuine.name).write_bytes(whole)
    published = Published((share,), keys, ledger=ledger)
    assert published.newest_content(newest, tmp_path / "out") == whole_bundle(whole)[1]
    again = tmp_path / "again.sqlite"  # what was published, with no change: nothing undone
    again.write_bytes(whole_bundle(whole)[1])
    publish(again, lead.private_path, share, "2026.12.2", TODAY, published=published)


def test_a_file_in_the_ledger_holding_no_directory_is_named_not_a_database_error(tmp_path):
    """A bundle in the lead's ledger (whose signature is not asked for) claiming the newest
    version, its database no directory at all, stopped every publish, and the import's
    note, with "unexpected problem (DatabaseError): file is not a database": not which
    file, nor what to do (own attack, 2026-12-05)."""
    import hashlib

    from app.db.bundle import Manifest, bundle_bytes

    lead = signing.generate(tmp_path / "lead")
    ledger = tmp_path / "ledger"
    ledger.mkdir()
    junk = b"no database at all" * 20
    sha = hashlib.sha256(junk).hexdigest()
    manifest = Manifest(1, "2026.11.30", "x", "2026-11-30", "2027-06-01", sha, len(junk), "k")
    planted = ledger / "directory-2026.11.30.navdir"
    planted.write_bytes(bundle_bytes(manifest, junk))
    with pytest.raises(Refused) as refused:
        publish(SHIPPED, lead.private_path, tmp_path / "out", "2026.12.1", TODAY,
                published=Published(ledger=ledger))  # fmt: skip
    said = str(refused.value)
    assert f"{planted}, directory 2026.11.30 published already, cannot be read whole" in said
    assert "not a readable directory database" in said


FEED = [feed_line("feed-dudley-line", "Dudley Women's Support Line", "01384 555100")]


def feed_merged_into(tmp_path, database, feed=FEED, output="imported.sqlite"):
    """The lead's import --merge of a partner's feed (one new Dudley line) into `database`."""
    import json

    from app.db.transfer import import_directory

    source = tmp_path / "feed.json"
    source.write_text(json.dumps(feed))
    output = tmp_path / output
    output.unlink(missing_ok=True)
    import_directory(source, database, output, merge_into_base=True)
    return output


def test_a_feed_merged_into_the_newest_update_publishes_as_the_feeds_change(tmp_path):
    """With 2026.12.2 in use, the lead imported a partner's new line and was refused: "this
    database changes back what 2026.12.2 changed: Dudley Women's Support Line (not in the
    update: it removed it)" (feed attack F3, 2026-12-05). The import records where it began,
    so what differs from that update is the feed's; that record is never signed."""
    from app.db.bundle import read_bundle
    from app.db.stale_update import imported_onto

    lead = signing.generate(tmp_path / "lead")
    keys = signing.load_public_keys(tmp_path / "lead")
    share = tmp_path / "share"
    in_use = read_bundle(publish(SHIPPED, lead.private_path, share, "2026.12.2", TODAY), keys)[1]
    trusted = Published((share,), tuple(keys.items()))
    imported = feed_merged_into(tmp_path, in_use)
    unrecorded = tmp_path / "unrecorded.sqlite"
    unrecorded.write_bytes(imported.read_bytes())
    with sqlite3.connect(unrecorded) as db:
        db.execute("DELETE FROM content_meta WHERE key = 'imported_onto_sha256'")
    with pytest.raises(Refused, match=r"Dudley Women's Support Line: 01384 555100 \(not in"):
        publish(unrecorded, lead.private_path, share, "2026.12.3", TODAY, published=trusted)
    bundle = publish(imported, lead.private_path, share, "2026.12.3", TODAY, published=trusted)
    assert imported_onto(read_bundle(bundle, keys)[1]) == ""


def test_a_feed_merged_into_an_older_update_is_told_only_what_the_newer_one_changed(tmp_path):
    """Imported into 2026.12.2 after 2026.12.3 corrected BCWA's number: refused, naming
    the correction only (not the feed's own line as one 2026.12.3 "removed"), with the way
    a lead with a feed takes: install 2026.12.3 and import the feed into it again."""
    from app.db.bundle import read_bundle
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "lead")
    keys = signing.load_public_keys(tmp_path / "lead")
    share = tmp_path / "share"
    older = read_bundle(publish(SHIPPED, lead.private_path, share, "2026.12.2", TODAY), keys)[1]
    corrected = shipped_changed(
        tmp_path / "corrected.sqlite",
        "UPDATE content_meta SET value = '2026.12.2' WHERE key = 'directory_version'",
        "UPDATE phone SET number = '0121 555 0199' WHERE service_id = 'bcwa'",
        "UPDATE service SET assured_date = '2026-11-30', assured_method = 'phoned', "
        "assured_by = 'DA lead' WHERE id = 'bcwa'",
    )
    publish(corrected, lead.private_path, share, "2026.12.3", TODAY, just_built=True)
    imported = feed_merged_into(tmp_path, older)
    trusted = Published((share,), tuple(keys.items()))
    with pytest.raises(Refused) as refused:
        publish(imported, lead.private_path, share, "2026.12.4", TODAY, published=trusted)
    said = str(refused.value)
    assert "changes back what 2026.12.3, published already" in said
    assert "Black Country Women's Aid: 0121 555 0199" in said and "Dudley" not in said
    assert "install that update here" in said and "import the feed into it again" in said


def test_a_feed_merged_into_the_apps_own_directory_is_told_only_what_the_update_changed(tmp_path):
    """The lead's laptop still used the app's own directory, their newer update (BCWA's
    number corrected) not installed there: a feed merged into it was refused naming the
    feed's own new line as one the update "removed", and told to begin a working copy (own
    attack on H418's note, 2026-12-05). Where it began is the release's own directory."""
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "lead")
    share = tmp_path / "share"
    corrected = shipped_changed(
        tmp_path / "corrected.sqlite",
        "UPDATE phone SET number = '0121 555 0199' WHERE service_id = 'bcwa'",
    )
    publish(corrected, lead.private_path, share, "2026.12.2", TODAY, just_built=True)
    imported = feed_merged_into(tmp_path, SHIPPED)
    with pytest.raises(Refused) as refused:
        publish(
            imported, lead.private_path, share, "2026.12.3", TODAY, rules_from=SHIPPED.read_bytes()
        )
    said = str(refused.value)
    assert "changes back what 2026.12.2, published already" in said
    assert "Black Country Women's Aid: 0121 555 0199 (this database's: 0121 552 6448)" in said
    assert "import the feed into it again" in said and "Dudley" not in said


def test_a_feed_merged_into_an_older_import_never_puts_back_what_was_corrected_since(tmp_path):
    """The lead imported BCWA's line from a feed into 2026.12.2 and published it as
    2026.12.3; 2026.12.4 corrected that number. A month's new feed merged into the lead's
    own file of the first import (its record: begun from 2026.12.2) published the first
    feed's number again over the correction, unsaid: both changes were read as the feed's
    (H417). What an update published since changed too is the evidence's to decide."""
    from app.db.bundle import read_bundle
    from tests.conftest import shipped_changed

    lead = signing.generate(tmp_path / "lead")
    keys = signing.load_public_keys(tmp_path / "lead")
    share = tmp_path / "share"
    trusted = Published((share,), tuple(keys.items()))
    older = read_bundle(publish(SHIPPED, lead.private_path, share, "2026.12.2", TODAY), keys)[1]
    bcwa_line = feed_line("bcwa", "Black Country Women's Aid", "0121 555 0177")
    first = feed_merged_into(tmp_path, older, [bcwa_line], "first-feed.sqlite")
    publish(first, lead.private_path, share, "2026.12.3", TODAY, published=trusted)
    corrected = shipped_changed(
        tmp_path / "corrected.sqlite",
        "UPDATE content_meta SET value = '2026.12.3' WHERE key = 'directory_version'",
        "UPDATE phone SET number = '0121 555 0199' WHERE service_id = 'bcwa'",
    )
    publish(corrected, lead.private_path, share, "2026.12.4", TODAY, just_built=True)
    second = feed_merged_into(tmp_path, first)  # the new Dudley line, into the old file
    with pytest.raises(Refused) as refused:
        publish(second, lead.private_path, share, "2026.12.5", TODAY, published=trusted)
    said = str(refused.value)
    assert "changes back what 2026.12.4, published already" in said
    assert "Black Country Women's Aid: 0121 555 0199 (this database's: 0121 555 0177)" in said
    assert "import the feed into it again" in said and "Dudley" not in said
    fresh = {**bcwa_line, "source_date": "2026-12-01"}  # the feed's is the newer: its own
    newer_evidence = feed_merged_into(tmp_path, first, [fresh, *FEED], "fresh.sqlite")
    publish(newer_evidence, lead.private_path, share, "2026.12.5", TODAY, published=trusted)
