"""A directory made from the one in use with its services replaced (the lead's publish)."""

from app.db.oruk_format import read_directory
from app.db.search import DirectorySearch, SearchFilters
from app.db.services_swap import swap_services
from tests.conftest import REPO, shipped_changed

SHIPPED = REPO / "resources" / "directory.sqlite"
# an update's words for two kinds, swapped: the release's pathway untouched (re-attack, H363)
SWAPPED = (
    "UPDATE taxonomy_term SET name = 'Adult safeguarding' WHERE code = 'mash_children'",
    "UPDATE taxonomy_term SET name = 'Children''s front door (MASH)' WHERE code = 'mash_adults'",
)


def front_door_search(database) -> list[str]:
    search = DirectorySearch(database)
    try:
        found = search.search("children front door", SearchFilters(borough="dudley"), limit=3)
    finally:
        search.close()
    return [hit.id for hit in found]


def test_the_release_keeps_its_words_for_its_kinds_in_the_search(tmp_path):
    """Signed with the update's words, "children front door" found Dudley's adult
    safeguarding first on every laptop."""
    rows = read_directory(shipped_changed(tmp_path / "update.sqlite", *SWAPPED))
    swap_services(SHIPPED, rows, tmp_path / "signed.sqlite")
    assert front_door_search(tmp_path / "signed.sqlite") == front_door_search(SHIPPED)
    assert front_door_search(SHIPPED)[0] == "dudley-front-door"


def test_a_kind_the_release_does_not_know_keeps_the_updates_word(tmp_path):
    update = shipped_changed(
        tmp_path / "update.sqlite",
        "INSERT INTO taxonomy_term VALUES ('navigator_service_kind/new_kind', 'new_kind', "
        "'A new kind', '', 'navigator_service_kind')",
    )
    swap_services(SHIPPED, read_directory(update), tmp_path / "signed.sqlite")
    import sqlite3

    with sqlite3.connect(tmp_path / "signed.sqlite") as db:
        (word,) = db.execute("SELECT name FROM taxonomy_term WHERE code = 'new_kind'").fetchone()
    db.close()
    assert word == "A new kind"


def test_a_national_lines_row_removed_is_said_in_the_leads_words(tmp_path):
    """The helpline's row deleted gave "pathway check: action marac_referral: fallback
    service 'ndah' is not in the directory", four times (the lead's walk, 2026-12-06)."""
    import pytest

    from app.db.source import SourceError

    rows = read_directory(SHIPPED)
    for table, key in (("service", "id"), ("phone", "service_id"), ("schedule", "service_id")):
        rows[table] = [r for r in rows.get(table, []) if r[key] != "ndah"]
    with pytest.raises(SourceError) as refused:
        swap_services(SHIPPED, rows, tmp_path / "signed.sqlite")
    said = [p for p in refused.value.problems if "ndah" in p]
    assert len(said) == 1 and said[0].startswith(
        "pathway check: service 'ndah' cannot be removed or retired: "
    )
    assert said[0].endswith("put its row back as it was")
