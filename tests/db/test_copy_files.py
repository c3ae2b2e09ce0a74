"""A working copy's files: nothing on disk is dropped by a save unsaid."""

import csv
import shutil

import pytest

from app.db.working_copy import WorkingCopy, WorkingCopyError
from tests.conftest import REPO


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(REPO / "resources" / "services", tmp_path / "copy")
    return tmp_path / "copy"


def test_a_column_of_the_leads_own_is_named_before_a_save_could_drop_it(folder):
    """A "my_notes" column and its 66 values went at the next check-service, which said
    nothing (attack review 2026-12-01). An empty column Excel adds is no loss."""
    table = folder / "services.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    before = table.read_bytes()

    def write(columns, cell, headed=True):
        with table.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([*records[0], *(columns if headed else ())])
            writer.writerows([*r.values(), *([cell] * len(columns))] for r in records)

    write(["my_notes"], "rang twice")
    with pytest.raises(WorkingCopyError, match=r"does not keep: 'my_notes'.* allowed are id, name"):
        WorkingCopy.open(folder)
    write([""], "rang twice")
    with pytest.raises(WorkingCopyError, match="does not keep: one with no heading"):
        WorkingCopy.open(folder)
    write(["x"], "rang twice", headed=False)  # cells past the last column
    with pytest.raises(WorkingCopyError, match="line 2 has more cells than columns"):
        WorkingCopy.open(folder)
    write(["phone"], "0121 000 0000")  # a second "phone": the later one won (review)
    with pytest.raises(WorkingCopyError, match="has the column 'phone' twice"):
        WorkingCopy.open(folder)
    with table.open("w", encoding="utf-8", newline="") as handle:  # a column deleted
        writer = csv.DictWriter(handle, [c for c in records[0] if c != "phone"])
        writer.writeheader()
        writer.writerows({k: v for k, v in r.items() if k != "phone"} for r in records)
    with pytest.raises(WorkingCopyError, match="has no column 'phone'"):
        WorkingCopy.open(folder)
    with table.open("w", encoding="utf-8", newline="") as handle:  # Excel in a ";" locale
        writer = csv.DictWriter(handle, list(records[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(records)
    with pytest.raises(WorkingCopyError, match="separated by semicolons, not commas: in Excel"):
        WorkingCopy.open(folder)  # never "put it back from the copy last published" (12-02)
    write([""], "")
    assert WorkingCopy.open(folder).service("ndah")["phone"] == "0808 2000 247"
    table.write_bytes(before)


def test_a_windows_changes_go_on_top_of_anothers_field_by_field():
    """Whole rows put back the other window's corrected number and its retirement, and an
    edit undone still put the old row back (re-attack round, 2026-12-02)."""
    from app.db.copy_files import merged, said_of

    def row(sid, **values):
        return {
            "id": sid,
            "name": sid.upper(),
            "phone": "1",
            "hours": "9-5",
            "status": "active",
        } | values

    began = {r["id"]: r for r in (row("a"), row("b"), row("c"))}
    mine = [row("a", hours="24/7"), row("b"), row("c", phone="3"), row("new")]
    saved = [row("a", phone="2"), row("b", status="retired"), row("c", phone="4")]
    rows, both = merged(began, mine, saved)
    assert rows == [
        row("a", phone="2", hours="24/7"),  # their number, my hours
        row("b", status="retired"),  # unchanged here (an edit undone): theirs stands
        row("c", phone="3"),  # both changed it: mine stands, named
        row("new"),
    ]
    assert said_of(both) == ["C (c): phone"] and both == [(mine[2], "phone")]
    _, both = merged(began, [row("new", phone="5")], [*saved, row("new")])
    assert said_of(both) == ["NEW (new): added in both"]


def test_a_check_saved_meanwhile_of_the_number_this_window_changed_is_cleared(folder):
    """check-service recorded a check of 0300 555 2866 while a window changed the number:
    the save's merge kept the check on 0300 555 2867, named nowhere until publish refused
    it, and the window had no way to clear it (lead's attack, 2026-12-02)."""
    from datetime import date

    window = WorkingCopy.open(folder)
    other = WorkingCopy.open(folder)
    other.mark_checked("walsall-mast", "provider", "DA lead", date(2026, 12, 1))
    other.save()
    window.update("walsall-mast", {"phone": "0300 555 2867"})
    both = window.rebase()
    row = window.service("walsall-mast")
    assert (row["phone"], row["assured_date"], row["checked_contact"]) == ("0300 555 2867", "", "")
    assert both == [
        f"{row['name']} (walsall-mast): a check saved meanwhile was of the contact before "
        "this one: cleared"
    ]
    again = WorkingCopy.open(folder)  # a check made here of the new number stands
    mine = WorkingCopy.open(folder)
    mine.update("bcwa", {"phone": "0121 552 0000"})
    mine.mark_checked("bcwa", "phoned", "DA lead", date(2026, 12, 2))
    again.update("bcwa", {"notes": "saved first"})
    again.save()
    assert mine.rebase() == [] and mine.service("bcwa")["assured_date"] == "2026-12-02"


def test_rows_with_nothing_in_them_are_no_services(folder):
    """Excel leaves empty rows after the last: each was "(): name: a service needs a name",
    naming no row (the lead's walk, 2026-12-04)."""
    from app.db.copy_files import read_copy

    table = folder / "services.csv"
    _, _, before = read_copy(folder)
    columns = len(before[0])
    table.write_bytes(table.read_bytes() + (b"," * (columns - 1) + b"\r\n") * 3 + b" , ,\r\n")
    assert read_copy(folder)[2] == before


def test_days_excel_rewrote_are_read_as_the_days_they_are(folder):
    """Excel saved the day a source was seen as 07/12/2026, and it was published as words,
    no day; the day decides whether a feed's change or the lead's wins (the lead's walk,
    2026-12-07). Words with a day in them stay as they are."""
    path = folder / "services.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    rows[0] |= {"source_seen": "07/12/2026", "assured_date": "24/11/2026"}
    rows[1]["source_seen"] = "2026-11-30 (council page, 01/02 edition)"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    copy = WorkingCopy.open(folder)
    first, second = (copy.service(rows[n]["id"]) for n in (0, 1))
    assert (first["source_seen"], first["assured_date"]) == ("2026-12-07", "2026-11-24")
    assert second["source_seen"] == "2026-11-30 (council page, 01/02 edition)"
