"""Practice vignette files: their shape checked as they are read, each problem named with
the file; the shipped ones built into the directory and read back unchanged."""

import shutil
import tomllib

from app.db.practice_source import read_vignettes
from tests.conftest import REPO

PRACTICE = REPO / "resources" / "practice"


def test_the_shipped_vignettes_are_in_the_shipped_directory(graph):
    files = sorted(PRACTICE.glob("*.toml"))
    assert [v.id for v in graph.vignettes] == [tomllib.loads(f.read_text())["id"] for f in files]
    first = tomllib.loads(files[0].read_text())
    vignette = graph.vignettes[0]
    assert vignette.answers == first["answers"] and vignette.story == " ".join(
        first["story"].split()
    )
    assert "\n" not in vignette.story
    assert [p.text for p in vignette.points] == [p["text"] for p in first["point"]]


def test_a_bad_vignette_is_named_with_what_is_allowed(tmp_path):
    shutil.copy(PRACTICE / "15-li-wants-to-wait.toml", tmp_path / "a.toml")
    shutil.copy(PRACTICE / "15-li-wants-to-wait.toml", tmp_path / "b.toml")  # same id
    (tmp_path / "c.toml").write_text(
        'id = "Bad Id"\ntitle = ""\ntier = 3\nstory = "x"\n[answers]\ntier = 2\n'
        '[[point]]\ntext = "t"\nsources = []\nrules = ["R99x"]\nshows = ["plan:x"]\n'
    )
    (tmp_path / "d.toml").write_text("id = [")
    bare = (PRACTICE / "09-edna-carer-money.toml").read_text().replace('"001 MARF"', '"001"')
    (tmp_path / "e.toml").write_text(bare.replace('id = "edna', 'id = "other-edna'))
    problems: list[str] = []
    rows = read_vignettes(tmp_path, problems)
    assert [r["id"] for r in rows] == ["li-wants-to-wait"]
    assert "b.toml: id 'li-wants-to-wait' is used by another vignette" in problems
    assert any(p.startswith("c.toml: id: lower-case words") for p in problems)
    assert "c.toml: tier: 1 or 2 (the tier the vignette is written for)" in problems
    assert any(p.startswith("c.toml: answers: a table") for p in problems)
    assert any(p.startswith("c.toml: point 1: sources:") for p in problems)
    assert any(p.startswith("c.toml: point 1: rules:") for p in problems)
    assert any(p.startswith("c.toml: point 1: shows:") for p in problems)
    assert any(p.startswith(f"{tmp_path / 'd.toml'}:") for p in problems)
    assert any(
        p.startswith("e.toml: point 1: sources: '001' alone names no clause") for p in problems
    )
