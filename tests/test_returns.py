"""Returns read together: counts files written by the real exporter summed exactly, files
that are not counts exports named and skipped, formula-looking cells never trusted."""

import csv

from app.returns import TOTAL_COLUMNS, read_returns, write_totals_csv
from app.user_data import write_counts_csv

LAPTOPS = [
    [
        ("2026-11", "coventry", "action", "child_safeguarding_referral", 4),
        ("2026-11", "coventry", "unmet_need", "child_safeguarding_referral", 1),
        ("2026-11", "walsall", "action", "marac_referral", 2),
    ],
    [
        ("2026-11", "coventry", "action", "child_safeguarding_referral", 3),
        ("2026-12", "walsall", "action", "marac_referral", 5),
        ("2026-12", "walsall", "unmet_need", "marac_referral", 5),
    ],
    [
        ("2026-12", "coventry", "unmet_need", "child_safeguarding_referral", 2),
        ("2026-12", "coventry", "action", "child_safeguarding_referral", 2),
        ("2026-12", "dudley", "plans", "completed", 7),
    ],
]


def exported(tmp_path):
    paths = []
    for n, rows in enumerate(LAPTOPS, start=1):
        path = tmp_path / f"laptop-{n}.csv"
        write_counts_csv(rows, path)
        paths.append(path)
    return paths


def test_three_laptops_are_summed_exactly(tmp_path):
    returns = read_returns(exported(tmp_path))
    assert returns.files == ["laptop-1.csv", "laptop-2.csv", "laptop-3.csv"]
    assert returns.skipped == [] and returns.notes == []
    assert returns.table() == [
        ("walsall", "marac_referral", 7, 5),
        ("coventry", "child_safeguarding_referral", 9, 3),
    ]
    assert returns.fallbacks() == [
        ("walsall", "marac_referral", 5),
        ("coventry", "child_safeguarding_referral", 3),
    ]
    assert returns.by("plans") == {("dudley", "completed"): 7}
    assert (returns.period, returns.plans) == ("2026-11 to 2026-12", 7)


def test_what_is_not_a_counts_export_is_named_and_skipped(tmp_path):
    other = tmp_path / "services.csv"
    other.write_text("id,name\nndah,Helpline\n")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    missing = tmp_path / "gone.csv"
    laptops = exported(tmp_path)
    again = tmp_path / "laptop-1 (1).csv"
    again.write_bytes(laptops[0].read_bytes())  # the same export saved twice
    returns = read_returns([*laptops, other, binary, missing, again, laptops[1]])
    assert len(returns.files) == 3
    assert returns.skipped[3:] == [
        "laptop-1 (1).csv: the same counts as laptop-1.csv",
        "laptop-2.csv: the same counts as laptop-2.csv",
    ]
    assert returns.skipped[0].startswith("services.csv: not a counts export (its first line")
    assert returns.skipped[1] == "photo.csv: not a counts export (not UTF-8 CSV text)"
    assert returns.skipped[2].startswith("gone.csv: cannot read it")


def test_formula_looking_cells_are_never_counted_or_written(tmp_path):
    hostile = tmp_path / "hostile.csv"
    write_counts_csv(
        [
            ("2026-11", '=HYPERLINK("http://x")', "action", "marac_referral", 1),
            ("2026-11", "walsall", "action", "marac_referral", "+1"),
            ("2026-11", "walsall", "action", "marac_referral", "²"),
            ("2026-11", "walsall", "action", "marac_referral", 2),
        ],
        hostile,
    )
    assert "'=HYPERLINK" in hostile.read_text()  # the exporter escaped it
    returns = read_returns([hostile])
    assert returns.table() == [("walsall", "marac_referral", 2, 0)]
    assert "line 2: borough '=HYPERLINK" in returns.notes[0]
    assert "line 3: count '+1' is not a whole number" in returns.notes[1]
    assert "line 4: count '²' is not a whole number" in returns.notes[2]
    out = tmp_path / "totals.csv"
    assert write_totals_csv(returns, out) == 1
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == TOTAL_COLUMNS
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
