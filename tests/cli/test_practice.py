"""`python -m app practice --check`: every vignette against the rules in force."""

import re

from app.__main__ import main
from app.db.build import build_directory
from tests.conftest import NOT_A_RELEASE, REPO


def test_the_shipped_vignettes_all_match_and_cover_the_pathway(capsys):
    assert main(["practice", "--check"]) == 0
    out = capsys.readouterr().out
    assert re.match(r"(\d+) vignettes checked, (\d+) of \2 rules covered\n", out)
    assert "rules no vignette" not in out


def test_a_vignette_a_rule_change_made_wrong_fails_the_check(tmp_path, capsys):
    import shutil

    source = tmp_path / "source"
    shutil.copytree(REPO / "resources", source, ignore=NOT_A_RELEASE)
    vignette = source / "practice" / "15-li-wants-to-wait.toml"
    text = vignette.read_text(encoding="utf-8")
    vignette.write_text(text.replace('"reminder:decision_respected"', '"action:marac_referral"'))
    build_directory(source, tmp_path / "directory.sqlite")
    code = main(["--directory", str(tmp_path / "directory.sqlite"), "practice", "--check"])
    captured = capsys.readouterr()
    assert code == 1
    assert (
        "error: li-wants-to-wait, point 1: the expected plan no longer shows "
        "'action:marac_referral'" in captured.err
    )
    shipped = len(list((REPO / "resources" / "practice").glob("*.toml")))
    assert f"{shipped} vignettes checked" in captured.out  # coverage is the plans', not the claims'
