"""A database's services as a working copy's services.csv holds them."""

import csv

from app.db.copy_records import copy_records, note_with_type
from app.db.oruk_format import read_directory
from tests.conftest import REPO, shipped_changed

SHIPPED = REPO / "resources" / "directory.sqlite"
FIELDS = ("name", "organisation", "kinds", "area", "phone", "phone_note", "hours", "open_24_7")


def test_the_shipped_directory_reads_back_as_its_source_rows():
    with (REPO / "resources" / "services" / "services.csv").open(encoding="utf-8") as handle:
        source = {row["id"]: row for row in csv.DictReader(handle)}
    records = {record["id"]: record for record in copy_records(read_directory(SHIPPED))}
    assert records.keys() == source.keys()
    for sid, record in records.items():  # lists in any order: areas and kinds are sets
        assert _as_sets(record) == _as_sets(source[sid]), sid


def _as_sets(row: dict[str, str]) -> dict:
    read = {f: set(row[f].split(";")) if f in ("kinds", "area") else row[f] for f in FIELDS}
    # a note is held with its number: with none, there is no line to hold it
    return read | {"phone_note": row["phone_note"] if row["phone"] else ""}


def test_a_kind_is_read_by_its_code_whatever_its_terms_id(tmp_path):
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "UPDATE taxonomy_term SET id = 'kinds/x' WHERE code = 'refuge'",
        "UPDATE attribute SET taxonomy_term_id = 'kinds/x' "
        "WHERE taxonomy_term_id = 'navigator_service_kind/refuge'",
    )
    records = {r["id"]: r for r in copy_records(read_directory(database))}
    assert "refuge" in records["haven-wolverhampton"]["kinds"].split(";")


def test_a_round_the_clock_row_beside_daytime_hours_is_not_open_24_7_in_the_copy(tmp_path):
    """H405's seam: the copy read any round-the-clock row as "yes", and published the line
    as open day and night, where the laptops read it as a daytime line."""
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "INSERT INTO schedule (id, service_id, description, byday, opens_at, closes_at) "
        "VALUES ('all', 'coventry-safe-to-talk', '', 'MO,TU,WE,TH,FR,SA,SU', '00:00', '23:59')",
        "INSERT INTO schedule (id, service_id, description, byday, opens_at, closes_at) "
        "VALUES ('day', 'coventry-safe-to-talk', '', 'MO,TU,WE,TH,FR', '08:30', '20:30')",
    )
    records = {r["id"]: r for r in copy_records(read_directory(database))}
    assert records["coventry-safe-to-talk"]["open_24_7"] == ""


def test_a_lines_type_leads_its_note_once():
    assert note_with_type("Out of hours", "Emergency Duty Team") == (
        "Out of hours; Emergency Duty Team"
    )
    assert note_with_type("Out of hours", "out of hours: duty desk") == "out of hours: duty desk"
    assert note_with_type("voice", "option 3") == "option 3"  # a plain voice line says nothing
    assert note_with_type("Main/Fax", "") == "Main/Fax"  # the lead settles which it is
