"""The directory database: built through the migrations, reproducible, never half-written."""

import csv
import shutil
import sqlite3

import pytest
from sqlalchemy import create_engine, inspect

from app.__main__ import main
from app.db import schema_versions
from app.db.build import build_directory, dump_content
from app.db.loader import DirectoryError, load_graph, open_directory
from app.db.migrate import head_revision
from app.db.models import Base
from app.db.source import SourceError
from tests.conftest import REPO

SHIPPED = REPO / "resources" / "directory.sqlite"


@pytest.fixture
def sources(tmp_path):
    """A scratch copy of the reviewable source files, safe to break."""
    root = tmp_path / "resources"
    for part in ("pathway", "services"):
        shutil.copytree(REPO / "resources" / part, root / part)
    return root


def test_committed_database_is_not_stale_against_its_sources(tmp_path):
    rebuilt = tmp_path / "directory.sqlite"
    build_directory(REPO / "resources", rebuilt)
    assert dump_content(rebuilt) == dump_content(SHIPPED), (
        "resources/directory.sqlite is stale: run `python -m app directory build` and commit it"
    )


def test_schema_is_made_by_the_migrations_and_matches_the_models():
    engine = create_engine(f"sqlite:///{SHIPPED}")
    try:
        with engine.connect() as connection:
            version = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert version.scalar_one() == head_revision()
            found = inspect(connection)
            for table in Base.metadata.sorted_tables:
                columns = {c["name"] for c in found.get_columns(table.name)}
                assert columns == set(table.columns.keys()), table.name
    finally:
        engine.dispose()


def test_revisions_read_from_the_files_agree_with_alembic():
    from alembic.script import ScriptDirectory

    from app.db.migrate import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    assert schema_versions.head() == head_revision()
    directory = {
        s.revision
        for s in scripts.walk_revisions()
        if "directory" in (s.branch_labels or ()) or s.revision.startswith("directory")
    }
    assert set(schema_versions.revisions()) == directory


def test_the_shipped_database_opens_read_only():
    db = open_directory(SHIPPED)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.execute("DELETE FROM service")
    finally:
        db.close()


def test_broken_sources_list_every_problem_and_keep_the_old_database(sources, tmp_path):
    target = tmp_path / "directory.sqlite"
    build_directory(sources, target)
    before = dump_content(target)
    services = sources / "services" / "services.csv"
    lines = services.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",16,120,", ",sixteen,120,")  # ndah, on file line 4
    lines.append(lines[1])  # emergency-999 twice
    lines.append(",".join(["", *lines[2].split(",")[1:]]))  # no id: its name said
    services.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        build_directory(sources, target)
    assert any("line 4 (ndah)" in p and "whole numbers" in p for p in error.value.problems)
    # each with what clashes, or the name of the row with no id (the lead's walk, 12-07)
    said = "'emergency-999' is used twice (line 2 has it too): give each service its own id"
    assert any(said in p for p in error.value.problems)
    name = lines[2].split(",")[1]
    no_id = f"line {len(lines)} ({name!r}): no id: give the service one"
    assert any(no_id in p for p in error.value.problems)
    assert dump_content(target) == before


def test_an_invalid_graph_is_refused_with_the_validator_list(sources, tmp_path):
    actions = sources / "pathway" / "actions.toml"
    text = actions.read_text(encoding="utf-8")
    assert 'when = { q = "immediate_danger", eq = true }' in text
    text = text.replace('when = { q = "immediate_danger", eq = true }', 'when = { q = "danger" }')
    text = text.replace('sources = ["001 §5.5", "national: Silent Solution"]', "sources = []", 1)
    actions.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as error:
        build_directory(sources, tmp_path / "d.sqlite")
    assert any("rule R1" in p and "needs exactly one of" in p for p in error.value.problems)
    assert not (tmp_path / "d.sqlite").exists()
    assert not list(tmp_path.glob("d.sqlite*.tmp"))  # no scratch file left


def test_toml_syntax_errors_name_the_file(sources, tmp_path):
    (sources / "pathway" / "flow.toml").write_text("start = [", encoding="utf-8")
    with pytest.raises(SourceError, match=r"flow\.toml"):
        build_directory(sources, tmp_path / "d.sqlite")


def test_build_command(sources, tmp_path, capsys):
    out = tmp_path / "d.sqlite"
    assert main(["directory", "build", "--source", str(sources), "--output", str(out)]) == 0
    with (REPO / "resources" / "services" / "services.csv").open(encoding="utf-8") as source:
        services = sum(1 for _ in csv.DictReader(source))
    assert f" {services} service," in capsys.readouterr().out
    (sources / "services" / "directory.toml").unlink()
    assert main(["directory", "build", "--source", str(sources), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert "was not changed" in err and "directory.toml: missing" in err


@pytest.mark.parametrize("content", [None, b"garbage" * 500, b""])
def test_the_loader_refuses_what_is_not_a_directory(tmp_path, content):
    path = tmp_path / "directory.sqlite"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DirectoryError):
        load_graph(path)


def test_a_database_without_the_tables_is_refused(tmp_path):
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(DirectoryError, match="not a usable directory database"):
        load_graph(path)


def test_a_bad_value_in_a_column_only_later_rows_have_is_still_found():
    """The column-by-column check of plain tables must look at every row's every field."""
    from app.db.field_rules import rows_problems

    rows = {"service": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "url": "javascript:x"}]}
    (problem,) = rows_problems(rows)
    assert problem.startswith("service b: service url: 'javascript:x' is not an https:")


def test_a_page_with_a_misspelt_field_or_apart_questions_is_refused(sources, tmp_path):
    flow = sources / "pathway" / "flow.toml"
    text = flow.read_text(encoding="utf-8")
    label = '{ question = "perpetrator_nearby", label ='
    assert label in text
    flow.write_text(text.replace(label, '{ question = "perpetrator_nearby", lable ='), "utf-8")
    with pytest.raises(SourceError) as error:
        build_directory(sources, tmp_path / "d.sqlite")
    assert any(
        "page about_the_person_causing_harm: member field 'lable' is not one of" in p
        for p in error.value.problems
    )
    apart = '{ question = "children_in_household", label'
    flow.write_text(text.replace(apart, '{ question = "consent_to_share", label'), "utf-8")
    with pytest.raises(SourceError) as error:
        build_directory(sources, tmp_path / "d.sqlite")
    assert any(
        "page household_and_needs" in p and "can be asked between" in p
        for p in error.value.problems
    )


def test_a_wording_with_a_key_the_app_never_reads_is_refused(sources, tmp_path):
    """A card's wording given a "prompt" (a question's word, not a card's) was built and
    never shown: the FGM card's title stood unchanged over its words (review 2026-12-01)."""
    actions = sources / "pathway" / "actions.toml"
    text = actions.read_text(encoding="utf-8")
    title = '  title = "Explain that the police will be involved (FGM is a crime)"'
    assert title in text
    actions.write_text(text.replace(title, title.replace("title", "prompt", 1)), "utf-8")
    with pytest.raises(SourceError) as error:
        build_directory(sources, tmp_path / "d.sqlite")
    assert any(
        "police_report_option: wording prompt: allowed when, title, say" in p
        for p in error.value.problems
    )


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("asked_again = 1", "wording asked_again: allowed true or false"),
        ("asks_again = true", "wording asks_again: allowed when, prompt, help, asked_again"),
    ],
)
def test_a_questions_asked_again_is_true_or_false_and_spelt_right(sources, tmp_path, written, said):
    """`asked_again` makes a correction ask consent again in its new words: a 1 read as
    "true", or the word misspelt, would leave a friend's "yes" standing as consent."""
    questions = sources / "pathway" / "questions.toml"
    text = questions.read_text(encoding="utf-8")
    assert "  asked_again = true" in text
    questions.write_text(text.replace("  asked_again = true", f"  {written}"), "utf-8")
    with pytest.raises(SourceError) as error:
        build_directory(sources, tmp_path / "d.sqlite")
    assert any(said in p for p in error.value.problems)


def test_a_database_written_under_the_releases_pathway_keeps_the_releases_kind_words(tmp_path):
    """A database published as it is, its kinds' words swapped: the words signed into the
    search index were the update's (re-attack, 2026-12-04; H363)."""
    from app.db.build import write_database
    from app.db.oruk_format import read_directory
    from app.db.search_words import KIND_WORDS
    from tests.conftest import shipped_changed

    update = shipped_changed(
        tmp_path / "update.sqlite",
        "UPDATE taxonomy_term SET name = 'Adult safeguarding' WHERE code = 'mash_children'",
    )
    write_database(tmp_path / "signed.sqlite", read_directory(update), pathway_from=SHIPPED)
    with sqlite3.connect(tmp_path / "signed.sqlite") as db:
        words = db.execute("SELECT kinds FROM service_fts WHERE kinds LIKE 'mash_children%'")
        release = f"mash_children Children's front door (MASH) {KIND_WORDS['mash_children']}"
        assert {row[0] for row in words} == {release}
    db.close()
