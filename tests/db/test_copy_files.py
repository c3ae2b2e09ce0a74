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
