"""The numbers and emails each update replaced, carried along its line of updates."""

from app.db.replaced_numbers import (
    KEPT,
    KEY,
    MARK,
    MARK_BYTES,
    as_published,
    carried,
    joined,
    keep_with,
    kept_with,
    put_back,
    replaced_in,
    stamp,
)
from tests.conftest import shipped_changed

MASH = "UPDATE phone SET number = '{}' WHERE service_id = 'walsall-mast'"
RECORD = f"INSERT INTO content_meta (key, value) VALUES ('{KEY}', '{{}}')"


def database(tmp_path, name, *statements) -> bytes:
    return shipped_changed(tmp_path / f"{name}.sqlite", *statements).read_bytes()


def test_each_number_an_update_replaced_is_carried_with_those_before(tmp_path):
    release = database(tmp_path, "release")
    first = shipped_changed(tmp_path / "first.sqlite", MASH.format("0300 555 2867"))
    stamp(first, carried(release, first.read_bytes(), "2026.12.6"))
    second = shipped_changed(tmp_path / "second.sqlite", MASH.format("0300 555 2868"))
    stamp(second, carried(first.read_bytes(), second.read_bytes(), "2026.12.13"))
    assert replaced_in(second.read_bytes())["walsall-mast"] == [
        ["0300 555 2866", "2026.12.6"],
        ["0300 555 2867", "2026.12.13"],
    ]
    # said as the same number however it is spaced, and not for a service not offered
    spaced = database(tmp_path, "spaced", MASH.format("03005552866"))
    assert put_back(
        second.read_bytes(), spaced, "2026.12.13", replaced_in(second.read_bytes())
    ) == [
        "Walsall children's front door (MASH): 03005552866, replaced in 2026.12.6 "
        "(2026.12.13 gives 0300 555 2868, 0300 555 2922)"
    ]
    retired = (
        MASH.format("03005552866"),
        "UPDATE service SET status = 'inactive' WHERE id = 'walsall-mast'",
    )
    assert put_back(second.read_bytes(), database(tmp_path, "retired", *retired), "v", {}) == []
    assert put_back(second.read_bytes(), second.read_bytes(), "v", {}) == []


def test_a_number_given_again_moves_to_the_end_and_the_oldest_go_past_the_cap(tmp_path):
    def line(*numbers: str) -> list:
        made, previous = tmp_path / "made.sqlite", database(tmp_path, "release")
        for n, number in enumerate(numbers):
            shipped_changed(made, MASH.format(number))
            stamp(made, carried(previous, made.read_bytes(), f"2026.12.{n + 1}"))
            previous = made.read_bytes()
        return replaced_in(previous)["walsall-mast"]

    assert line("0300 555 2867", "0300 555 2866", "0300 555 2867") == [
        ["0300 555 2867", "2026.12.2"],  # given again since, and replaced again: said once
        ["0300 555 2866", "2026.12.3"],
    ]
    entries = line(*(f"0300 555 {3000 + n}" for n in range(KEPT + 3)))
    assert len(entries) == KEPT
    assert entries[-1] == ["0300 555 3013", f"2026.12.{KEPT + 3}"]


def test_a_feed_imports_replacements_take_the_version_it_is_published_as(tmp_path):
    base = database(tmp_path, "base")
    merged = shipped_changed(tmp_path / "merged.sqlite", MASH.format("0300 555 2867"))
    stamp(merged, carried(base, merged.read_bytes(), ""))
    said = as_published(merged.read_bytes(), "2026.12.13")
    assert said == {"walsall-mast": [["0300 555 2866", "2026.12.13"]]}
    assert as_published(base, "2026.12.13") == {}


def test_a_record_that_is_not_one_reads_as_none(tmp_path):
    garbled = [
        "not json",
        "[1, 2]",
        '{"walsall-mast": [["0300 555 2866"]]}',
        '{"walsall-mast": "0300 555 2866"}',
        "[" * 100_000 + "]" * 100_000,  # "unexpected problem (RecursionError)" at publish
    ]
    for n, text in enumerate(garbled):
        data = database(tmp_path, f"g{n}", RECORD.replace("{}", text.replace("'", "''")))
        assert replaced_in(data) == {}, text[:40]
    # one entry that is not one is passed over, never the service's whole list
    mixed = '{"walsall-mast": [["0300 555 2866", "2026.12.6"], [1, 2], ["x"]]}'
    data = database(tmp_path, "mixed", RECORD.replace("{}", mixed))
    assert replaced_in(data) == {"walsall-mast": [["0300 555 2866", "2026.12.6"]]}


def test_a_number_is_one_however_written_and_records_join_each_value_once():
    assert joined(
        {"a": [["+44 300 555 2866", "2026.12.6"]]},
        {"a": [["03005552866", "2026.12.13"], ["X@Example.org", "2026.12.13"]]},
        {"a": [["x@example.org ", "2026.12.20"]]},
    ) == {"a": [["03005552866", "2026.12.13"], ["x@example.org ", "2026.12.20"]]}


NOTE = "UPDATE phone SET description = '{}' WHERE service_id = 'walsall-mast'"


def test_a_number_in_a_note_is_read_however_it_is_written_and_times_never(tmp_path):
    """A note giving the replaced number as "+44 (0)300 …", "0044 …", with "(24 hours)" or
    "24/7" after it, times before it, slashes or dashes, was published; and times, hours and
    references changed and changed back were refused as numbers (re-attack on H453)."""
    began = database(tmp_path, "began", MASH.format("0300 555 2867"))
    record = {"walsall-mast": [["0300 555 2866", "2026.12.6"]]}
    for n, note in enumerate([
        "Out of hours: +44 (0)300 555 2866",
        "Out of hours: 0044 300 555 2866",
        "Out of hours: 0300 555 2866 (24 hours)",
        "Out of hours 0300 555 2866 24/7",
        "Out of hours (17.00-09.00) 0300 555 2866",
        "Out of hours: 0300–555–2866",
    ]):  # fmt: skip
        copy = database(tmp_path, f"n{n}", MASH.format("0300 555 2867"), NOTE.format(note))
        assert put_back(began, copy, "2026.12.6", record), note
    for n, note in enumerate(["Sat 10.00-14.00 09.00-12.00", "scheme ref 2024 0001 2345"]):
        before = database(tmp_path, f"t{n}", NOTE.format(note))
        after = database(tmp_path, f"u{n}", NOTE.format(note.replace("4", "5")))
        assert replaced_in(after) == {}
        stamped = tmp_path / f"u{n}.sqlite"
        stamp(stamped, carried(before, after, "2026.12.6"))
        assert (
            put_back(stamped.read_bytes(), before, "2026.12.6", replaced_in(stamped.read_bytes()))
            == []
        )


def test_the_newest_replaced_are_kept_whatever_order_records_are_joined_in():
    """Joined newest first, the older entries came last and the cap cut the newest: a
    correction went, and its old number back (re-attack on H453)."""
    older = {"a": [[f"0300 555 {3000 + n}", f"2026.11.{n + 1}"] for n in range(KEPT)]}
    newer = {"a": [["0300 555 2867", "2026.12.30"]]}
    assert joined(newer, older)["a"][-1] == ["0300 555 2867", "2026.12.30"]
    assert len(joined(newer, older)["a"]) == KEPT


def test_a_number_given_as_a_line_now_is_never_put_back(tmp_path):
    """The national helpline in a local note, taken out and put back, was refused, and
    ringing the local service tests nothing of it (re-attack on H453)."""
    began = database(tmp_path, "began")
    copy = database(tmp_path, "copy", NOTE.format("If no answer: 0808 2000 247"))
    record = {"walsall-mast": [["0808 2000 247", "2026.12.6"]]}
    assert put_back(began, copy, "2026.12.6", record) == []
    # a shared out-of-hours team's number, in another service's note now: in use too
    shared = (
        "UPDATE phone SET description = 'Out of hours: 0300 555 2922' WHERE service_id = 'bswa'"
    )
    record = {"bswa": [["0300 555 2922", "2026.12.6"]]}
    assert put_back(began, database(tmp_path, "shared", shared), "2026.12.6", record) == []


def test_a_working_copys_record_beyond_its_size_is_not_read(tmp_path):
    """A planted 38 MB record took a publish to 110 s and was signed into the update."""
    keep_with(tmp_path, '{"a": [["0300 555 2866", "2026.12.6"]]}')
    assert kept_with(tmp_path) == {"a": [["0300 555 2866", "2026.12.6"]]}
    (tmp_path / MARK).write_text("{" + " " * MARK_BYTES + "}")
    assert kept_with(tmp_path) == {}
