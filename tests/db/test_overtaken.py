"""A release's own directory in use over the lead's update: what it changes back, told to IT."""

import hashlib
from datetime import date

import pytest

from app.db.bundle import publish
from app.db.directories import select_directory
from app.db.overtaken import changes_undone, undone_words
from tests.conftest import REPO, shipped_changed

SHIPPED = (REPO / "resources" / "directory.sqlite").read_bytes()
TODAY = date(2026, 11, 21)
NDAH = "National Domestic Abuse Helpline"
NEW = "UPDATE phone SET number = '0808 2000 248' WHERE service_id = 'ndah'"


def checked(day, service="ndah"):
    return (
        f"UPDATE service SET assured_date = '{day}', assured_method = 'phoned', "
        f"assured_by = 'DA lead' WHERE id = '{service}'"
    )


def seen(day):
    return f"UPDATE service SET source_date = '{day} (council page)' WHERE id = 'ndah'"


def directory(tmp_path, name, *statements):
    return shipped_changed(tmp_path / f"{name}.sqlite", *statements).read_bytes()


def test_a_number_the_lead_checked_is_undone_by_a_directory_without_that_check(tmp_path):
    update = directory(tmp_path, "update", NEW, checked("2026-11-24"))
    assert changes_undone(update, SHIPPED) == [f"{NDAH}: 0808 2000 248 (the app's: 0808 2000 247)"]
    older_check = directory(tmp_path, "older", checked("2026-11-23"))
    assert len(changes_undone(update, older_check)) == 1


def test_a_number_refused_by_todays_rules_is_said_so_with_the_way_out(tmp_path):
    """ "Make its changes again" named a number a digit short that publish now refuses,
    and the lead was stuck (attack review 2026-12-01)."""
    short = "UPDATE phone SET number = '0121 552 644' WHERE service_id = 'bcwa'"
    update = directory(tmp_path, "update", short, checked("2026-11-24", "bcwa"))
    (undone,) = changes_undone(update, SHIPPED)
    assert "0121 552 644 (refused by today's number rules: phone the service)" in undone


def test_a_person_check_in_the_release_on_the_day_or_after_is_not_undoing(tmp_path):
    update = directory(tmp_path, "update", NEW, checked("2026-11-24"))
    for day in ("2026-11-24", "2026-12-10"):
        assert changes_undone(update, directory(tmp_path, day, checked(day))) == []


def test_a_page_seen_later_does_not_outweigh_a_persons_check(tmp_path):
    update = directory(tmp_path, "update", NEW, checked("2026-11-24"))
    assert len(changes_undone(update, directory(tmp_path, "seen", seen("2026-12-15")))) == 1


def test_an_unchecked_edit_stands_unless_the_release_has_newer_evidence(tmp_path):
    update = directory(tmp_path, "update", NEW)  # no check, no source day: the lead's edit
    assert len(changes_undone(update, SHIPPED)) == 1
    assert changes_undone(update, directory(tmp_path, "seen", seen("2026-12-15"))) == []
    dated = directory(tmp_path, "dated", NEW, seen("2026-12-20"))
    assert len(changes_undone(dated, directory(tmp_path, "seen2", seen("2026-12-15")))) == 1
    # the same day: the lead's edit came after the data the release began from
    assert len(changes_undone(dated, directory(tmp_path, "same", seen("2026-12-20")))) == 1


def test_the_same_contacts_and_a_service_offered_in_neither_undo_nothing(tmp_path):
    assert changes_undone(directory(tmp_path, "same", checked("2026-11-24")), SHIPPED) == []
    gone = "UPDATE service SET status = 'retired' WHERE id = 'ndah'"
    retired = directory(tmp_path, "retired", gone, NEW, checked("2026-11-24"))
    assert changes_undone(retired, directory(tmp_path, "also", gone)) == []


def test_an_email_or_a_retirement_the_lead_checked_is_undone_too(tmp_path):
    email = "UPDATE service SET email = 'new@example.org' WHERE id = 'ndah'"
    update = directory(tmp_path, "email", email, checked("2026-11-24"))
    (said,) = changes_undone(update, SHIPPED)
    assert said.startswith(f"{NDAH}: 0808 2000 247, new@example.org (the app's: 0808 2000 247")
    gone = "UPDATE service SET status = 'retired' WHERE id = 'ndah'"
    retired = directory(tmp_path, "gone", gone, checked("2026-11-24"))
    assert changes_undone(retired, SHIPPED)[0].endswith("not offered (the app's: 0808 2000 247)")


def test_hours_changed_and_a_service_added_are_undone_too(tmp_path):
    """A release without the update lost a new IDVA service and NDAH's changed hours, and
    the self-test passed (IT review 2026-12-01)."""
    hours = "UPDATE schedule SET description = '9am to 5pm' WHERE service_id = 'ndah'"
    update = directory(tmp_path, "hours", hours, checked("2026-11-24"))
    (said,) = changes_undone(update, SHIPPED)
    assert said.startswith(f"{NDAH}: 0808 2000 247, hours 9am to 5pm (the app's: 0808 2000 247")
    added = directory(
        tmp_path,
        "added",
        "INSERT INTO service SELECT 'walsall-idva-new', organization_id, minimum_age, "
        "maximum_age, 'Walsall IDVA (new)', description, url, email, status, "
        "application_process, eligibility_description, '', alert, audience, self_referral, "
        "source, source_date, confidence, notes, '', '' FROM service WHERE id = 'bcwa'",
        "INSERT INTO phone VALUES ('walsall-idva-new-1', 'walsall-idva-new', 1, "
        "'01922 650 000', 'voice', '')",
    )
    assert changes_undone(added, SHIPPED) == [
        "Walsall IDVA (new): 01922 650 000 (added by the update)"
    ]


def test_the_words_name_three_count_the_rest_and_say_what_to_do_either_way(tmp_path):
    undone = [f"service {n}: 0121 000 000{n} (the app's: 0121 000 0000)" for n in range(5)]
    update = tmp_path / "directory-2026.12.1.navdir"
    words = undone_words("2026.12.20", update, "2026.12.1", undone)
    assert f"directory 2026.12.20 is in use over the update 2026.12.1 ({update})" in words
    assert "service 2" in words and "service 3" not in words and "and 2 more" in words
    assert "makes its changes again in a new working copy, begun from this release" in words
    assert "remove that update from IT's update folder" in words


# The seam: which directory a laptop uses after the app is upgraded, and what IT is told


def release(where, version, *statements):
    """The app upgraded: its shipped directory replaced, with its .sha256 beside it."""
    changed = shipped_changed(
        where.shipped,
        *statements,
        f"UPDATE content_meta SET value = '{version}' WHERE key = 'directory_version'",
    )
    digest = hashlib.sha256(changed.read_bytes()).hexdigest()
    changed.with_name("directory.sqlite.sha256").write_text(f"{digest}  directory.sqlite\n")


@pytest.fixture
def corrected(where, key, tmp_path):
    """The lead's correction (NDAH's number, phoned and checked), published as 2026.12.1."""
    source = shipped_changed(tmp_path / "lead.sqlite", NEW, checked("2026-11-20"))
    return publish(source, key.private_path, tmp_path / "published", "2026.12.1", TODAY)


@pytest.mark.parametrize("folder", ["machine_updates", "user_updates"])
def test_a_release_built_without_the_update_stays_in_use_and_it_is_told(
    where, key, corrected, folder
):
    """Switching to the update let an old one left in IT's folder (or put in a worker's)
    take laptops below the release (attack review 2026-12-01): the release stays in use,
    and the self-test fails saying what it changes back, the share offline too."""
    placed = getattr(where, folder) / corrected.name
    placed.parent.mkdir()
    placed.write_bytes(corrected.read_bytes())
    release(where, "2026.12.20")
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin) == ("2026.12.20", "shipped")
    (said,) = choice.undone
    assert f"over the update 2026.12.1 ({placed})" in said
    assert f"{NDAH}: 0808 2000 248 (the app's: 0808 2000 247)" in said
    assert said in choice.problems  # for IT: About, the log and the self-test


def test_a_release_with_the_update_in_it_says_nothing(where, key, corrected):
    where.machine_updates.mkdir()
    (where.machine_updates / corrected.name).write_bytes(corrected.read_bytes())
    release(where, "2026.12.20", NEW, checked("2026-11-20"))
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, choice.problems) == ("2026.12.20", "shipped", [])


def test_once_it_removes_an_update_the_release_replaces_nothing_more_is_said(where, key, corrected):
    """The copy of it kept on each laptop would have failed the self-test everywhere, for
    good, after IT did as told; with the share offline before that, it counts."""
    where.machine_updates.mkdir()
    placed = where.machine_updates / corrected.name
    placed.write_bytes(corrected.read_bytes())
    assert select_directory(where, TODAY).origin == "machine"  # a copy kept on the laptop
    assert list(where.user_updates.glob("kept-*.navdir"))
    release(where, "2026.12.20")
    assert len(select_directory(where, TODAY).undone) == 1
    where.machine_updates.rename(where.machine_updates.with_name("offline"))
    assert len(select_directory(where, TODAY).undone) == 1  # its copy kept here counts
    where.machine_updates.with_name("offline").rename(where.machine_updates)
    placed.unlink()  # the release replaces it: IT removes it
    assert select_directory(where, TODAY).problems == []
    assert not list(where.user_updates.glob("kept-*.navdir"))  # below the release: gone
    where.machine_updates.rmdir()  # the share offline later: nothing more is said
    assert select_directory(where, TODAY).problems == []


def version(day):
    return f"UPDATE content_meta SET value = '{day}' WHERE key = 'directory_version'"


def test_a_release_that_puts_back_a_withdrawn_check_or_drops_an_alert_says_so(tmp_path):
    """An update withdrew NDAH's check and said "check before use"; a release built without
    it held the check: NDAH "confirmed" again on every laptop, and the self-test passed
    (twelfth attack round, 2026-12-01). A check made after the update's day is a new one."""
    alert = "UPDATE service SET alert = 'Reported not answering' WHERE id = 'ndah'"
    update = directory(tmp_path, "update", version("2026.12.3"), alert)
    release = directory(tmp_path, "release", checked("2026-11-25"))
    (said,) = changes_undone(update, release)
    assert said.startswith(f"{NDAH}: alert 'Reported not answering' (the app's: 'none')")
    withdrawn = directory(tmp_path, "withdrawn", version("2026.12.3"))
    (said,) = changes_undone(withdrawn, release)
    assert said == (
        f"{NDAH}: no person's check in the update, withdrawn or never made "
        "(the app's: checked 2026-11-25, not after the update's day)"
    )
    after = directory(tmp_path, "after", checked("2026-12-05"))
    assert changes_undone(withdrawn, after) == []  # phoned after the update: a new check


def test_a_check_after_the_updates_day_is_newer_news_than_its_caution(tmp_path):
    """A release that held the update and then NDAH phoned, its alert cleared, was refused
    for ever: the only publish that went through put the stale alert back (thirteenth
    attack round, 2026-12-01)."""
    alert = "UPDATE service SET alert = 'Reported not answering' WHERE id = 'ndah'"
    update = directory(tmp_path, "update", version("2026.11.30"), alert)
    phoned = directory(tmp_path, "phoned", checked("2026-12-01"))
    assert changes_undone(update, phoned) == []
    withdrawn = directory(tmp_path, "withdrawn", version("2026.12.3"))
    # on the update's day itself it may be the very check the update withdrew (round 14)
    assert changes_undone(withdrawn, directory(tmp_path, "same_day", checked("2026-12-03")))
    assert changes_undone(withdrawn, directory(tmp_path, "next_day", checked("2026-12-04"))) == []


def test_a_copys_edit_of_one_part_of_a_service_lets_nothing_else_back(tmp_path):
    """A working copy begun from a stale release changed BCWA's hours only, and its publish
    put the update's withdrawn check and alert back (thirteenth attack round)."""
    alert = "UPDATE service SET alert = 'Reported not answering' WHERE id = 'bcwa'"
    update = directory(tmp_path, "update", version("2026.12.3"), alert)
    stale = directory(tmp_path, "stale", checked("2026-11-25", "bcwa"))
    hours = "UPDATE schedule SET description = '24/7' WHERE service_id = 'bcwa'"
    copy = directory(tmp_path, "copy", checked("2026-11-25", "bcwa"), hours)
    (said,) = changes_undone(update, copy, "this working copy's", base=stale)
    assert said.startswith("Black Country Women's Aid: alert 'Reported not answering'")
    # its own alert never replaces one it never saw (round 15), nor lets the check back
    own_alert = "UPDATE service SET alert = 'Self-referrals paused' WHERE id = 'bcwa'"
    copy = directory(tmp_path, "copy2", checked("2026-11-25", "bcwa"), own_alert)
    (said,) = changes_undone(update, copy, "this working copy's", base=stale)
    assert said.startswith("Black Country Women's Aid: alert 'Reported not answering'")
    withdrawn = directory(tmp_path, "withdrawn", version("2026.12.3"))
    late_call = directory(tmp_path, "late", checked("2026-11-20", "bcwa"))  # dated before
    (said,) = changes_undone(withdrawn, late_call, "this working copy's", base=stale)
    assert said.startswith("Black Country Women's Aid: no person's check in the update")
    # its hours exempt the hours, never the update's new number (round 14)
    renumbered = directory(
        tmp_path, "renumbered", version("2026.12.3"), checked("2026-12-01", "bcwa"),
        "UPDATE phone SET number = '0121 555 0199' WHERE service_id = 'bcwa'",
    )  # fmt: skip
    copy = directory(tmp_path, "copy3", checked("2026-11-25", "bcwa"), hours)
    (said,) = changes_undone(renumbered, copy, "this working copy's", base=stale)
    assert said.startswith("Black Country Women's Aid: 0121 555 0199")


def test_a_service_retired_with_its_check_kept_is_not_brought_back_unsaid(tmp_path):
    """Retired in the maintenance window (its check kept), it came back in a release built
    before, and the self-test passed (thirteenth attack round, 2026-12-01)."""
    retired = "UPDATE service SET status = 'retired' WHERE id = 'bcwa'"
    update = directory(tmp_path, "update", checked("2026-11-25", "bcwa"), retired)
    release = directory(tmp_path, "release", checked("2026-11-25", "bcwa"))
    (said,) = changes_undone(update, release)
    assert said.startswith("Black Country Women's Aid: not offered")


ROUTE = "UPDATE service SET application_process = 'Ring the MASH first' WHERE id = 'ndah'"


def test_a_referral_route_or_age_range_changed_under_the_same_check_is_undone_too(tmp_path):
    """The update changed NDAH's referral route and ages, its check kept; a release built
    without it put both back, and the self-test passed: only the contact was compared (N7,
    eighteenth session's last attack round)."""
    ages = "UPDATE service SET minimum_age = 13 WHERE id = 'ndah'"
    update = directory(tmp_path, "update", ROUTE, ages, checked("2026-11-24"))
    release = directory(tmp_path, "release", checked("2026-11-24"))
    (said,) = changes_undone(update, release)
    assert said.startswith(f"{NDAH}: 0808 2000 247, min age 13, referral route Ring the MASH")
    assert "(the app's: 0808 2000 247, min age 16, referral route " in said
    # the release's source seen after the update's: its own evidence is newer
    later = directory(tmp_path, "later", checked("2026-11-24"), seen("2026-12-15"))
    assert changes_undone(update, later) == []
    # a copy that changed the ages on purpose is still told of the route it put back
    stale = directory(tmp_path, "stale", checked("2026-11-24"))
    copy = directory(tmp_path, "copy", checked("2026-11-24"), ages)
    (said,) = changes_undone(update, copy, "this working copy's", base=stale)
    assert "referral route Ring the MASH" in said and "min age" not in said


def test_a_line_made_not_to_ring_and_put_back_as_the_number_shown_is_undone(tmp_path):
    """Which line the plan shows turns on its type: a release that put a line the update
    marked a fax back as voice showed it as the number to ring."""
    fax = "UPDATE phone SET type = 'fax' WHERE service_id = 'ndah'"
    update = directory(tmp_path, "update", fax, checked("2026-11-24"))
    (said,) = changes_undone(update, SHIPPED)
    # the shipped line's note goes with it (the line shown, a fax, has none)
    assert said.startswith(f"{NDAH}: 0808 2000 247 (not to ring), phone note none (the app's: ")
    assert "(the app's: 0808 2000 247, phone note Refuge says it is for women" in said


def test_a_copys_publish_differs_from_the_release_only_in_what_the_lead_changed(
    graph, key, tmp_path
):
    """The seam: a working copy's signed bundle and the release built from the same sources
    read the same in every detail, so only the lead's one change is named, in words."""
    from app.db.bundle import read_bundle
    from app.db.maintenance import open_copy, publish_copy, start_copy
    from app.db.signing import load_public_keys

    start_copy(tmp_path / "copy", REPO / "resources" / "directory.sqlite")
    copy, words = open_copy(tmp_path / "copy", graph)
    copy.update("coventry-mash", {"referral_route": "Phone first, then the MARF online"})
    copy.mark_checked("coventry-mash", "phoned", "DA lead", date(2026, 11, 24))
    bundle, _ = publish_copy(
        copy, words, graph, REPO / "resources" / "directory.sqlite", key.private_path,
        None, tmp_path / "out", "2026.12.1",
    )  # fmt: skip
    _, data = read_bundle(bundle, load_public_keys(tmp_path / "trusted"))
    (said,) = changes_undone(data, SHIPPED)
    assert said.startswith(graph.services["coventry-mash"].name + ": ")
    assert "referral route Phone first, then the MARF online (the app's: " in said


@pytest.mark.parametrize(
    "edit",
    [
        "UPDATE schedule SET description = 'Mon-Fri 9:00-17:00' WHERE service_id = 'ndah'",
        "UPDATE phone SET type = 'fax' WHERE service_id = 'ndah'",
    ],
)
def test_hours_or_a_line_type_changed_under_the_same_check_do_not_let_a_route_back(tmp_path, edit):
    """The update changed NDAH's route and its hours (or a line's type), its check kept; a
    release built without it put all back, and the self-test passed: the release's copy of
    the check counted as another call, as recent (attack round on H180)."""
    update = directory(tmp_path, "update", ROUTE, edit, checked("2026-11-24"))
    release = directory(tmp_path, "release", checked("2026-11-24"))
    (said,) = changes_undone(update, release)
    assert "referral route Ring the MASH" in said


def test_a_service_the_update_removed_and_a_release_brings_back_is_said(tmp_path):
    """An import dropped BCWA and the update was published without it; a release built
    without the update brought BCWA's number back, and the self-test passed (attack round).
    One new in the release shows it: its source seen after the update's day."""
    removed = [
        f"DELETE FROM {table} WHERE service_id = 'bcwa'"
        for table in ("phone", "schedule", "service_area")
    ] + ["DELETE FROM attribute WHERE link_id = 'bcwa'", "DELETE FROM service WHERE id = 'bcwa'"]
    update = directory(tmp_path, "update", version("2026.12.3"), *removed)
    (said,) = changes_undone(update, SHIPPED)
    assert said.startswith("Black Country Women's Aid: 0121 552 6448")
    assert said.endswith("(not in the update: it removed it)")
    seen_after = "UPDATE service SET source_date = '2026-12-10 (page)' WHERE id = 'bcwa'"
    assert changes_undone(update, directory(tmp_path, "new", seen_after)) == []
    # a working copy that added it itself (ids are never reused: not a bringing back)
    assert changes_undone(update, SHIPPED, "this working copy's", base=update) == []


def test_a_check_made_on_the_updates_day_in_a_copy_begun_from_it_is_a_new_check(tmp_path):
    """A lead began a copy from 2026.12.3 in use, corrected a number and phoned it that
    day; publish refused, saying 2026.12.3 had changed that service (it had not) and to
    install 2026.12.3 (in use already): only tomorrow's date would do (the lead's and IT's
    walk, 2026-12-02). A copy that saw the update's row records a new check on its day."""
    update = directory(tmp_path, "update", version("2026.12.3"))
    copy = directory(tmp_path, "copy", version("2026.12.3"), NEW, checked("2026-12-03"))
    assert changes_undone(update, copy, "this working copy's", base=update) == []
    # begun before the update withdrew a check, that day's check may be the one withdrawn
    withdrawn = directory(tmp_path, "withdrawn", version("2026.12.3"))
    stale = directory(tmp_path, "stale", checked("2026-11-25"))
    same_day = directory(tmp_path, "same", NEW, checked("2026-12-03"))
    (said,) = changes_undone(withdrawn, same_day, "this working copy's", base=stale)
    assert said.startswith(f"{NDAH}: no person's check in the update")


def test_an_update_versioned_ahead_never_blocks_a_check_made_today(tmp_path):
    """Versioned 16 days ahead (allowed), the update made every check the lead then recorded
    "not after the update's day", and no check may be dated ahead: the corrections beside
    it never left the lead's laptop (the lead's walk, 2026-12-04)."""
    from datetime import timedelta

    ahead = date.today() + timedelta(days=16)
    stamped = version(f"{ahead.year}.{ahead.month}.{ahead.day}")
    update = directory(tmp_path, "update", stamped)
    copy = directory(tmp_path, "copy", stamped, checked(date.today().isoformat()))
    assert changes_undone(update, copy, "this working copy's", base=update) == []
    late_call = directory(tmp_path, "late", stamped, checked("2026-11-20"))  # dated before
    assert changes_undone(update, late_call, "this working copy's", base=update)


def test_a_long_alert_is_quoted_in_whole_words(tmp_path):
    """A refusal quoted an alert cut mid-word ("…the National Helpline instea'"): the lead
    could not tell whether the alert itself was cut short (attack F16)."""
    words = (
        "Reported not answering in the evenings since the move to the new office: "
        "give the National Domestic Abuse Helpline instead"
    )
    update = directory(
        tmp_path,
        "update",
        version("2026.12.3"),
        f"UPDATE service SET alert = '{words}' WHERE id = 'ndah'",
    )
    (said,) = changes_undone(update, directory(tmp_path, "release", checked("2026-11-25")))
    quoted = said.split("alert '", 1)[1].split("' (", 1)[0]
    assert quoted.endswith("…") and words.startswith(quoted[:-1])
    assert words[len(quoted) - 1] == " "  # cut between words
