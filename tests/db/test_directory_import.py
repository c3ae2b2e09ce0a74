"""Merging a feed into the directory: a feed's rows replace only their own."""

import json

import pytest

from app.db.loader import load_graph
from app.db.transfer import ImportRefused, export_directory, import_directory, read_directory
from tests.conftest import REPO, partner_feed

SHIPPED = REPO / "resources" / "directory.sqlite"


def test_a_feed_with_ids_of_its_own_is_merged_beside_every_shipped_row(tmp_path):
    output = tmp_path / "out.sqlite"
    import_directory(partner_feed(tmp_path), SHIPPED, output, merge_into_base=True)
    merged, shipped = read_directory(output), read_directory(SHIPPED)
    for table in ("phone", "attribute", "service_area"):
        assert {r["id"] for r in shipped[table]} < {r["id"] for r in merged[table]}


def safe_to_talk_feed(tmp_path, *schedules):
    """Coventry's daytime Safe to Talk line as a feed gives it, with these schedules."""
    exported = tmp_path / "directory.json"
    export_directory(SHIPPED, exported)
    service = next(
        s for s in json.loads(exported.read_text()) if s["id"] == "coventry-safe-to-talk"
    )
    service["schedules"] = [*service["schedules"], *schedules]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([service]), encoding="utf-8")
    return path


ALL_DAY = {"byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "00:00", "closes_at": "23:59"}


def test_hours_for_a_season_are_never_read_as_the_lines_hours(tmp_path):
    """H405: "Christmas cover: 24 hours" with its dates dropped made the line 24/7 all year."""
    cover = {"id": "xmas", "description": "Christmas cover", **ALL_DAY}
    feed_file = safe_to_talk_feed(
        tmp_path, cover | {"valid_from": "2026-12-24", "valid_to": "2026-12-31"}
    )
    output = tmp_path / "out.sqlite"
    report = import_directory(feed_file, SHIPPED, output, merge_into_base=True)
    assert any("hours for a time only (valid_from 2026-12-24" in n for n in report.notes)
    assert not load_graph(output).services["coventry-safe-to-talk"].open_24_7


@pytest.mark.parametrize("description", ["", "24 hours"])
def test_a_schedules_notes_are_read_as_its_hours_words(tmp_path, description):
    """A feed's round-the-clock row with "overnight calls go to an answerphone" in its notes:
    the notes were left out ("not mapped"), and the line was shown open 24/7 (H420); with
    "24 hours" as the row's description, it still was (the answerphone part set aside as
    not the line's, H426)."""
    from app.pathways.services import open_day_and_night

    notes = "Overnight (8pm-8am) calls go to an answerphone"
    whole_day = {"id": "all", "description": description, "notes": notes, **ALL_DAY}
    path = partner_feed(tmp_path)
    service = json.loads(path.read_text(encoding="utf-8"))
    service[0]["schedules"] = [whole_day]
    path.write_text(json.dumps(service), encoding="utf-8")
    output = tmp_path / "out.sqlite"
    report = import_directory(path, SHIPPED, output, merge_into_base=True)
    line = load_graph(output).services["feed-adult-line"]
    assert line.hours.endswith(notes) and not open_day_and_night(line)
    assert not any("notes" in note for note in report.notes)


def test_a_check_of_a_daytime_line_goes_when_a_feed_makes_it_open_24_7(tmp_path):
    """H405: the lead's check of the daytime line stood as "confirmed" beside "24/7"."""
    from tests.conftest import shipped_changed

    check = "assured_date = '2026-11-24', assured_method = 'phoned', assured_by = 'DA lead'"
    base = shipped_changed(
        tmp_path / "base.sqlite",
        f"UPDATE service SET {check} WHERE id = 'coventry-safe-to-talk'",
    )
    exported = tmp_path / "directory.json"
    export_directory(base, exported)
    services = json.loads(exported.read_text())
    line = next(s for s in services if s["id"] == "coventry-safe-to-talk")
    line["schedules"] = [{"id": "all", "description": "24/7", **ALL_DAY}]
    exported.write_text(json.dumps([line]), encoding="utf-8")
    output = tmp_path / "out.sqlite"
    import_directory(exported, base, output, merge_into_base=True)
    merged = next(s for s in read_directory(output)["service"] if s["id"] == line["id"])
    assert merged["assured_date"] == ""


def test_a_second_number_no_card_shows_is_named_at_import(tmp_path):
    """H410: a feed's daytime line, second in the file, was on no plan and nothing said so."""
    path = partner_feed(tmp_path)
    services = json.loads(path.read_text())
    services[0]["phones"].append({"id": "feed/phone/2", "number": "01902 555 101"})
    services[0]["schedules"] = [{"id": "feed/hours", "description": "Daily", "freq": "WEEKLY"}]
    path.write_text(json.dumps(services), encoding="utf-8")
    report = import_directory(path, SHIPPED, tmp_path / "out.sqlite", merge_into_base=True)
    assert (
        "feed.json: phone 'feed/phone/2' of service 'feed-adult-line': 01902 555 101 is not "
        "shown to workers: a card shows one number per service, here 01902 555 100; give any "
        "other in its note"
    ) in report.notes
    # a JSON feed's notes name its file, never a CSV file the lead never had (H414, H423)
    assert "not mapped: feed.json: schedule field 'freq' (1 rows)" in report.notes
    assert not any(".csv" in note for note in report.notes)


def test_a_json_feeds_problem_is_named_by_its_file_and_service_not_a_csv_row(tmp_path):
    """A feed in one JSON file was told "phones.csv row 1": a file the lead never had
    (feed attack, 2026-12-05). Named by the file, the row's own id and its service."""
    path = partner_feed(tmp_path)
    service = json.loads(path.read_text(encoding="utf-8"))
    service[0]["phones"][0]["number"] = "01902 ABC"
    service[0]["service_areas"][0].pop("id")
    path.write_text(json.dumps(service), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_directory(path, SHIPPED, tmp_path / "out.sqlite", merge_into_base=True)
    problems = refused.value.problems
    assert any(p.startswith("feed.json: phone 'feed/phone/1' of service 'feed-adult-line'")
               for p in problems)  # fmt: skip
    assert "feed.json: service area 1 of service 'feed-adult-line': id: missing" in problems
    assert not any(".csv" in p for p in problems)


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("+44 (0)1922 654 321", "01922 654321"),
        ("01902-555-100", "01902 555100"),
        ("0808 2000 247", "0808 2000 247"),
    ],
)
def test_a_feeds_number_is_written_as_workers_read_it(tmp_path, given, shown):
    """A feed's "+44 (0)1922 654 321" was shown and copied as the feed had it, and dialled
    so rings no one; a working copy writes it as workers read it (the lead's walk, 12-06).
    A grouping the lead's own ("0808 2000 247") is kept."""
    path = partner_feed(tmp_path)
    services = json.loads(path.read_text())
    services[0]["phones"][0]["number"] = given
    path.write_text(json.dumps(services), encoding="utf-8")
    import_directory(path, SHIPPED, tmp_path / "out.sqlite", merge_into_base=True)
    graph = load_graph((tmp_path / "out.sqlite").read_bytes())
    assert graph.services["feed-adult-line"].phone == shown
