"""What an update changed since the release, signed inside it: only that is asked of a
release or a copy compared with it."""

from app.db.overtaken import changes_undone
from app.db.update_record import record_of, recorded, stamp
from tests.conftest import REPO, shipped_changed

SHIPPED = (REPO / "resources" / "directory.sqlite").read_bytes()
ROUTE = "UPDATE service SET application_process = 'Ring the MASH first' WHERE id = 'ndah'"
WEBSITE = "UPDATE service SET url = 'https://bcwa.example.org' WHERE id = 'bcwa'"
KIND = "UPDATE taxonomy_term SET name = 'Domestic abuse helplines' WHERE code = 'helpline_da'"
GONE = [
    *(f"DELETE FROM {t} WHERE service_id = 'galop'" for t in ("phone", "schedule", "service_area")),
    "DELETE FROM attribute WHERE link_id = 'galop'",
    "DELETE FROM service WHERE id = 'galop'",
]


def update(tmp_path, name, *statements, parent=SHIPPED):
    """A lead's update made from `parent`, its record signed in, as a publish writes it."""
    path = shipped_changed(tmp_path / f"{name}.sqlite", *statements)
    stamp(path, record_of(parent, path.read_bytes()))
    return path.read_bytes()


def directory(tmp_path, name, *statements):
    return shipped_changed(tmp_path / f"{name}.sqlite", *statements).read_bytes()


def test_the_record_holds_each_part_the_update_changed_since_the_release(tmp_path):
    made = update(tmp_path, "u1", ROUTE, KIND, *GONE)
    assert recorded(made) == {
        "services": {"ndah": ["referral_route"]},
        "removed": ["galop"],
        "kinds": ["helpline_da"],
    }
    # the next update, made from this one: its own change and all before it
    later = update(tmp_path, "u2", ROUTE, KIND, *GONE, WEBSITE, parent=made)
    assert recorded(later)["services"] == {"bcwa": ["website"], "ndah": ["referral_route"]}
    assert recorded(later)["removed"] == ["galop"]
    # made from a directory that is neither the release nor a recorded update: not known
    unknown = directory(tmp_path, "hand", WEBSITE)
    assert record_of(unknown, made) is None


def test_a_release_that_holds_the_update_and_a_fix_of_its_own_changes_nothing_back(tmp_path):
    """A release built with the lead's update and a developer's fix of BCWA's website
    failed the self-test on every pilot, naming BCWA (attack round on H180)."""
    made = update(tmp_path, "u1", ROUTE)
    release = directory(tmp_path, "release", ROUTE, WEBSITE)
    assert changes_undone(made, release) == []
    without_record = directory(tmp_path, "legacy", ROUTE)  # signed before records: whole
    assert len(changes_undone(without_record, release)) == 1
    stale = directory(tmp_path, "stale", WEBSITE)  # built without the update
    (said,) = changes_undone(made, stale)
    assert said.startswith("National Domestic Abuse Helpline: ")
    assert "referral route Ring the MASH first" in said


def test_a_removed_service_or_a_kinds_words_put_back_are_named(tmp_path):
    """A kind's words the update changed were never compared, and a release that lacked
    them passed the self-test (attack round on H180)."""
    made = update(tmp_path, "u1", KIND, *GONE)
    said = changes_undone(made, SHIPPED)
    assert any(s.startswith("National LGBT+") and s.endswith("it removed it)") for s in said)
    assert "the words for helpline_da 'Domestic abuse helplines'" in " ".join(said)
    # a service new in a release, not one the update removed, is not asked about
    retired_elsewhere = update(tmp_path, "u2", ROUTE)
    release = directory(tmp_path, "release", ROUTE, *GONE)
    assert changes_undone(retired_elsewhere, release) == []


def test_a_copys_publish_signs_its_record_and_a_database_published_as_it_is_none(
    graph, key, tmp_path
):
    """A database keeps no record of its edits: one carried over from the update it was
    exported from would hide its own changes from every later comparison."""
    from datetime import date

    from app.db.bundle import publish, read_bundle
    from app.db.maintenance import open_copy, publish_copy, start_copy
    from app.db.signing import load_public_keys

    start_copy(tmp_path / "copy", REPO / "resources" / "directory.sqlite")
    copy, words = open_copy(tmp_path / "copy", graph)
    copy.update("coventry-mash", {"referral_route": "Phone first, then the MARF"})
    bundle, _ = publish_copy(
        copy, words, graph, REPO / "resources" / "directory.sqlite", key.private_path,
        None, tmp_path / "out", "2026.12.1",
    )  # fmt: skip
    keys = load_public_keys(tmp_path / "trusted")
    _, data = read_bundle(bundle, keys)
    assert recorded(data) == {
        "services": {"coventry-mash": ["referral_route"]},
        "removed": [],
        "kinds": [],
    }
    again = publish(data, key.private_path, tmp_path / "db", "2026.12.2", date(2026, 12, 1))
    assert recorded(read_bundle(again, keys)[1]) is None


NUMBER = "UPDATE phone SET number = '0121 552 0000' WHERE service_id = 'bcwa'"


def test_a_record_made_on_a_release_holding_the_last_update_keeps_that_updates_parts(
    tmp_path, monkeypatch
):
    """U1 changed BCWA's number; the lead moved to release R2, which held U1, and published
    U2 (NDAH's route). Begun again at R2, U2's record left BCWA out, and a hotfix release
    made without U1 brought the old number back unnamed (attack round on H187)."""
    import app.db.update_record as update_record

    u1 = update(tmp_path, "u1", NUMBER)
    r2 = shipped_changed(tmp_path / "r2.sqlite", NUMBER)  # the next release, U1 in it
    monkeypatch.setattr(update_record, "shipped_directory", lambda: r2)
    u2_path = shipped_changed(tmp_path / "u2.sqlite", NUMBER, ROUTE)
    stamp(u2_path, record_of(r2.read_bytes(), u2_path.read_bytes(), newest=u1))
    u2 = u2_path.read_bytes()
    assert recorded(u2)["services"] == {"bcwa": ["numbers"], "ndah": ["referral_route"]}
    hotfix = directory(tmp_path, "hotfix", ROUTE)  # made from R1: without U1
    (said,) = changes_undone(u2, hotfix)
    assert said.startswith("Black Country Women's Aid: 0121 552 0000 (the app's: 0121 552 6448")
    # the newest published without a record (a database published as it is): not known
    legacy = directory(tmp_path, "legacy", NUMBER)
    assert record_of(r2.read_bytes(), u2_path.read_bytes(), newest=legacy) is None


def test_a_service_the_update_added_is_asked_its_contact_not_a_fix_of_its_website(tmp_path):
    """A release that held the service an update added, and fixed its website, failed the
    self-test: every part of an added service was asked (attack round on H187)."""
    added = {"services": {"galop": ["added"]}, "removed": [], "kinds": []}
    path = shipped_changed(tmp_path / "added.sqlite")
    stamp(path, added)
    fixed = directory(
        tmp_path, "fixed", "UPDATE service SET url = 'https://x.example' WHERE id = 'galop'"
    )
    assert changes_undone(path.read_bytes(), fixed) == []
    moved = directory(
        tmp_path, "moved", "UPDATE phone SET number = '0800 999 5429' WHERE service_id = 'galop'"
    )
    assert len(changes_undone(path.read_bytes(), moved)) == 1
