"""`python -m app stats export FILE.csv`: the counts, and nothing else."""

import csv
import json
from datetime import date

from app.cli.route import answers_for
from app.db.user_store import open_user_store
from app.pathways.activity import activity_keys
from app.user_data import COUNT_COLUMNS
from tests.conftest import DATA, machine_folder, run_app

CASES = [
    c for c in json.loads((DATA / "reference.json").read_text()) if not c["expect"]["exit_code"]
]


def run(app_home, *args):
    return run_app("stats", *args, env=app_home.env)


def record_reference_plans(pathway):
    from app.paths import user_data_folder

    store = open_user_store(user_data_folder())
    for case in CASES:
        step = pathway.step(answers_for(pathway, case["scenario"]))
        keys = activity_keys(pathway.graph, step, date(2026, 11, 3))
        store.change_counts((), keys)
    store.save_settings({"organisation": "Walsall Housing"})
    rows = store.counts()
    store.close()
    return rows


def test_export_writes_exactly_the_counts(app_home, pathway, tmp_path):
    rows = record_reference_plans(pathway)
    target = tmp_path / "counts.csv"
    result = run(app_home, "export", str(target))
    assert result.returncode == 0, result.stderr
    assert f"wrote {len(rows)} count rows" in result.stdout
    with target.open(newline="", encoding="utf-8") as exported:
        lines = list(csv.reader(exported))
    assert lines[0] == list(COUNT_COLUMNS)
    assert lines[1:] == [[str(v) for v in row] for row in rows]
    assert "Walsall Housing" not in target.read_text(encoding="utf-8")  # settings stay out
    assert {line[0] for line in lines[1:]} == {"2026-11"}  # months, never days


def test_show_prints_the_same_rows(app_home, pathway):
    rows = record_reference_plans(pathway)
    result = run(app_home, "show")
    assert result.returncode == 0
    shown = [",".join([*row[:4], str(row[4] if row[4] >= 3 else "fewer than 3")]) for row in rows]
    assert result.stdout.splitlines()[1:-1] == shown
    assert any("fewer than 3" in line for line in shown)  # on screen, small counts are not exact


def test_export_is_refused_when_policy_turns_exports_off(app_home, tmp_path):
    policy = machine_folder(app_home.env, "config", "policy.json")
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text('{"allow_exports": false}')
    result = run(app_home, "export", str(tmp_path / "counts.csv"))
    assert result.returncode == 1 and "turned off by your organisation" in result.stderr
    assert not (tmp_path / "counts.csv").exists()


def test_bad_targets_are_named_and_nothing_is_written(app_home, tmp_path):
    wrong = run(app_home, "export", str(tmp_path / "counts.xlsx"))
    assert wrong.returncode == 2 and "must end in .csv" in wrong.stderr
    missing = run(app_home, "export", str(tmp_path / "nowhere" / "counts.csv"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert "Traceback" not in wrong.stderr + missing.stderr
    assert not list(tmp_path.glob("*.xlsx"))


def test_merge_prints_the_totals_and_names_what_it_skipped(tmp_path, capsys):
    from app.__main__ import main
    from app.user_data import write_counts_csv

    one, two = tmp_path / "a.csv", tmp_path / "b.csv"
    write_counts_csv([("2026-11", "walsall", "action", "marac_referral", 2)], one)
    write_counts_csv(
        [
            ("2026-11", "walsall", "unmet_need", "marac_referral", 1),
            ("2026-11", "walsall", "action", "marac_referral", 1),
        ],
        two,
    )
    other = tmp_path / "other.csv"
    other.write_text("x,y\n")
    out = tmp_path / "totals.csv"
    assert main(["stats", "merge", str(one), str(two), str(other), "--csv", str(out)]) == 0
    printed = capsys.readouterr()
    assert "walsall,marac_referral,3,1" in printed.out
    assert "skipped: other.csv: not a counts export" in printed.err
    assert out.read_text().splitlines()[1] == "walsall,marac_referral,3,1"
    assert main(["stats", "merge", str(other)]) == 1
    assert main(["stats", "merge", str(one), "--csv", str(one)]) == 2  # never its own input
    assert "it would be lost" in capsys.readouterr().err


def test_merge_of_files_whose_every_row_is_refused_fails(tmp_path, capsys):
    """An empty table and exit 0 said all was well (review 2026-12-01)."""
    from app.__main__ import main

    bad = tmp_path / "bad.csv"
    bad.write_text("month,borough,measure,value,count\nx,y,z,w,notanumber\n")
    assert main(["stats", "merge", str(bad)]) == 1
    assert "no row of the files could be read" in capsys.readouterr().err
