"""A release's own directory that would undo a number the lead corrected and published."""

import hashlib
from datetime import date

import pytest

from app.db.bundle import publish
from app.db.directories import select_directory
from app.db.overtaken import numbers_undone, overtaken_words
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
    assert numbers_undone(update, SHIPPED) == [f"{NDAH}: 0808 2000 248 (the app's: 0808 2000 247)"]
    older_check = directory(tmp_path, "older", checked("2026-11-23"))
    assert len(numbers_undone(update, older_check)) == 1


def test_a_person_check_in_the_release_on_the_day_or_after_is_not_undoing(tmp_path):
    update = directory(tmp_path, "update", NEW, checked("2026-11-24"))
    for day in ("2026-11-24", "2026-12-10"):
        assert numbers_undone(update, directory(tmp_path, day, checked(day))) == []


def test_a_page_seen_later_does_not_outweigh_a_persons_check(tmp_path):
    update = directory(tmp_path, "update", NEW, checked("2026-11-24"))
    assert len(numbers_undone(update, directory(tmp_path, "seen", seen("2026-12-15")))) == 1


def test_an_unchecked_edit_stands_unless_the_release_has_newer_evidence(tmp_path):
    update = directory(tmp_path, "update", NEW)  # no check, no source day: the lead's edit
    assert len(numbers_undone(update, SHIPPED)) == 1
    assert numbers_undone(update, directory(tmp_path, "seen", seen("2026-12-15"))) == []
    dated = directory(tmp_path, "dated", NEW, seen("2026-12-20"))
    assert len(numbers_undone(dated, directory(tmp_path, "seen2", seen("2026-12-15")))) == 1
    # the same day: the lead's edit came after the data the release began from
    assert len(numbers_undone(dated, directory(tmp_path, "same", seen("2026-12-20")))) == 1


def test_the_same_numbers_and_retired_services_undo_nothing(tmp_path):
    assert numbers_undone(directory(tmp_path, "same", checked("2026-11-24")), SHIPPED) == []
    retired = directory(tmp_path, "retired", NEW, "UPDATE service SET status = 'retired'")
    assert numbers_undone(retired, SHIPPED) == []


def test_the_words_name_three_and_count_the_rest():
    undone = [f"service {n}: 0121 000 000{n} (the app's: 0121 000 0000)" for n in range(5)]
    words = overtaken_words("2026.12.20", "2026.12.1", undone)
    assert "directory 2026.12.20 is not used" in words and "update 2026.12.1" in words
    assert "service 2" in words and "service 3" not in words and "and 2 more" in words
    assert "publishes a version above 2026.12.20" in words


# The seam: which directory a laptop uses after the app is upgraded


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


def test_a_release_built_without_the_correction_stands_aside_for_it(where, key, corrected):
    (where.machine_updates).mkdir()
    placed = where.machine_updates / corrected.name
    placed.write_bytes(corrected.read_bytes())
    release(where, "2026.12.20")
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, choice.path) == ("2026.12.1", "machine", placed)
    (said,) = choice.overtaken
    assert "2026.12.20 is not used" in said and f"{NDAH}: 0808 2000 248" in said
    assert said in choice.problems  # for IT: About, the log and the self-test
    assert not any(s.startswith(placed.name) for s in choice.skipped)


def test_a_release_with_the_correction_is_used(where, key, corrected):
    (where.machine_updates).mkdir()
    (where.machine_updates / corrected.name).write_bytes(corrected.read_bytes())
    release(where, "2026.12.20", NEW, checked("2026-11-20"))
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, choice.overtaken) == ("2026.12.20", "shipped", [])


def test_a_bundle_only_in_the_workers_profile_never_takes_a_laptop_below_the_release(
    where, key, corrected
):
    """Anyone working as the worker can put a genuinely signed old bundle there."""
    where.user_updates.mkdir()
    (where.user_updates / corrected.name).write_bytes(corrected.read_bytes())
    release(where, "2026.12.20")
    choice = select_directory(where, TODAY)
    assert (choice.version, choice.origin, choice.overtaken) == ("2026.12.20", "shipped", [])
