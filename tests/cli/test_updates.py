"""`directory diff` as a script would run it."""

from app.__main__ import main
from tests.conftest import REPO


def test_diff_of_two_databases(tmp_path, capsys, coventry_edit):
    shipped = REPO / "resources" / "directory.sqlite"
    assert main(["directory", "diff", str(shipped), str(coventry_edit)]) == 0
    out = capsys.readouterr().out
    assert ": 1 number changed" in out
    assert "changed: Coventry MASH: number 024 7678 8555 → 024 7600 0000" in out
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database")
    assert main(["directory", "diff", str(shipped), str(garbage)]) == 1
    assert "garbage.sqlite" in capsys.readouterr().err
