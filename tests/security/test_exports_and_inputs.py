"""Files in and out: exported cells a spreadsheet will not run, and `route` inputs that
are hostile in shape. Each exits 2 with a short message naming the problem, never 1."""

import csv
import json
import shutil
import sqlite3

import pytest

from app.db.transfer import ImportRefused, export_directory, import_directory
from app.pathways.activity import CountKey
from app.user_data import write_counts_csv
from tests.conftest import REPO, run_app
from tests.security.attacks import SHIPPED

BASE = json.loads((REPO / "tests" / "data" / "reference.json").read_text())[0]["scenario"]
FORMULAS = ['=HYPERLINK("http://x")', "+44 121 000", "-1+1", "@SUM(A1)", "\tx", "\rx"]


def test_directory_export_escapes_formula_cells_and_an_import_refuses_them(tmp_path):
    """Escaped on the way out; on the way in, one without its apostrophe went into the
    lead's services.csv as a live formula, so none is taken (review 2026-12-01)."""
    database = tmp_path / "edited.sqlite"
    shutil.copy(SHIPPED, database)
    with sqlite3.connect(database) as db:
        for number, text in enumerate(FORMULAS):
            db.execute(
                "UPDATE service SET notes = ? WHERE rowid = ?", (text.strip("\t\r"), number + 1)
            )
        db.execute("UPDATE service SET notes = '=1+1' WHERE id = 'ndah'")
    db.close()
    export_directory(database, tmp_path / "tables")
    with (tmp_path / "tables" / "services.csv").open(newline="", encoding="utf-8") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert "'=1+1" in cells and "=1+1" not in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    with pytest.raises(ImportRefused) as refused:
        import_directory(tmp_path / "tables", database, tmp_path / "back.sqlite", False)
    assert any("would run it as a formula" in p for p in refused.value.problems)
    assert not (tmp_path / "back.sqlite").exists()


def test_counts_export_escapes_formula_cells(tmp_path):
    rows = [(*CountKey("2026-11", "=cmd|' /C calc'!A0", "plans", "@x"), 1)]
    write_counts_csv(rows, tmp_path / "counts.csv")
    with (tmp_path / "counts.csv").open(newline="") as handle:
        written = list(csv.reader(handle))[1]
    assert written[1] == "'=cmd|' /C calc'!A0" and written[3] == "'@x"


def route(tmp_path, env, text: str):
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    return run_app("route", "--scenario", str(path), "--json", env=env)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (json.dumps({**BASE, "dash_answers": ["yes"]}), "dash_answers"),
        (json.dumps({**BASE, "dash_answers": {"dash_01": {"deep": 1}}}), "dash_01"),
        ('{"incidents_12_months": ' + "9" * 5000 + "}", "5000 digits"),
        ("[" * 100_000 + "]" * 100_000, "nests 100000 levels"),
        ('{"tier": 2, "tier": 1}', "given twice"),
        (json.dumps({**BASE, "borough": "x" * 50_000_000}), "at most 1,000,000"),
    ],
    # short ids: pytest puts the id in each test's environment (PYTEST_CURRENT_TEST), and
    # a 200,000-character one made every program the test starts too big to start
    ids=["dash-list", "dash-deep", "long-number", "deep-nesting", "twice", "huge"],
)
def test_hostile_scenarios_exit_2_with_a_short_message(tmp_path, app_home, text, says):
    result = route(tmp_path, app_home.env, text)
    assert result.returncode == 2, result.stderr[:300]
    assert says in result.stderr and len(result.stderr) < 2000
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_long_list_of_mixed_values_is_refused_before_the_schema(tmp_path, app_home):
    """Mixed types make the schema's uniqueness check slow with the square of the length."""
    values = [v for n in range(20_000) for v in (n, str(n))]
    result = route(tmp_path, app_home.env, json.dumps({**BASE, "abuse_types": values}))
    assert result.returncode == 2 and "at most 64" in result.stderr


def test_a_reader_that_stops_early_is_no_error(app_home):
    import subprocess
    import sys

    reader = subprocess.run(
        f'"{sys.executable}" -m app directory search "" | head -c 10',
        shell=True,
        cwd=REPO,
        env=app_home.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in reader.stderr and "unexpected" not in reader.stderr


def test_a_file_name_cannot_write_a_line_into_the_log(tmp_path):
    from app.event_log import EventLog

    log = EventLog(tmp_path)
    log.event("refused a\n2026-01-01T00:00:00 self-test passed\nb.navdir")
    assert len(log.path.read_text(encoding="utf-8").splitlines()) == 1
