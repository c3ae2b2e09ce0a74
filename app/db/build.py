"""Compiles the reviewable source files into the directory database, through the migrations.

The new file is written beside the target, validated, and only then swapped in, so a bad
source never replaces a good database.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, insert

from app.db import models as m
from app.db.loader import DirectoryError, Source, load_graph, name, open_directory
from app.db.migrate import upgrade
from app.db.pathway_words import pathway_words_problem
from app.db.release_record import read_snapshot, unrecorded
from app.db.search import rebuild_index
from app.db.service_rows import kind_words
from app.db.services_swap import in_release_words, pathway_check, scratch_beside
from app.db.source import Rows, SourceError, read_sources
from app.pathways.validate import fallback_contact_problems, validate

TABLES = {
    "content_meta": m.ContentMeta,
    "setting": m.Setting,
    "question": m.Question,
    "flow_node": m.FlowNode,
    "flow_edge": m.FlowEdge,
    "taxonomy_term": m.TaxonomyTerm,
    "organization": m.Organization,
    "action_template": m.ActionTemplate,
    "outcome_rule": m.OutcomeRule,
    "guidance": m.Guidance,
    "audience_rule": m.AudienceRule,
    "named_condition": m.NamedCondition,
    "derived_fact": m.DerivedFact,
    "practice_vignette": m.PracticeVignette,
    "question_page": m.QuestionPageRow,
    "service": m.Service,
    "phone": m.Phone,
    "schedule": m.Schedule,
    "service_area": m.ServiceArea,
    "attribute": m.Attribute,
    "location": m.Location,
    "service_at_location": m.ServiceAtLocation,
}
PATHWAY_TABLES = (
    "content_meta",
    "setting",
    "question",
    "flow_node",
    "flow_edge",
    "action_template",
    "outcome_rule",
    "guidance",
    "audience_rule",
    "named_condition",
    "derived_fact",
    "practice_vignette",
    "question_page",
)


def build_directory(source_root: Path, target: Path) -> dict[str, int]:
    """Build target from source_root; returns row counts. Raises SourceError with every problem."""
    rows, problems = read_sources(source_root), []
    # the last release built: what it gave, this one must give or record (H454)
    earlier = read_snapshot(source_root / "services", problems)
    if problems:
        raise SourceError(problems)
    write_database(target, rows, earlier=earlier)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    # The installed copy is checked against this at start-up: an altered file is refused.
    target.with_name(target.name + ".sha256").write_text(f"{digest}  {target.name}\n")
    return {table: len(rows.get(table, [])) for table in TABLES}


def write_database(
    target: Path,
    rows: Rows,
    pathway_from: Source | None = None,
    check: bool = True,
    earlier: dict | None = None,
) -> None:
    """Write a new directory database from rows (pathway content copied from another one),
    validate it (unless check is False, for generated benchmark data), then put it in place.
    `earlier`: the last release built (release_record.snapshot), whose numbers it must give
    or record."""
    scratch = scratch_beside(target)
    try:
        _write(scratch, rows, pathway_from)
        problems = []
        if check:
            graph = load_graph(scratch)
            words = pathway_words_problem(graph)  # found at build, not first at verify or start
            problems = validate(graph) + fallback_contact_problems(graph)
            problems += [words] if words else []
        if problems:
            raise pathway_check(problems)
        if check and earlier and (dropped := unrecorded(earlier, scratch.read_bytes())):
            raise SourceError(dropped)
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)


def _write(path: Path, rows: Rows, pathway_from: Source | None) -> None:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            upgrade(connection)
        if pathway_from is not None:
            rows = in_release_words(rows, _copy_pathway(path, pathway_from))
        with engine.begin() as connection:
            for table, model in TABLES.items():
                if rows.get(table):
                    connection.execute(insert(model), _with_defaults(model, rows[table]))
            rebuild_index(connection.connection.driver_connection)
    finally:
        engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute("VACUUM")
    db.close()


def _with_defaults(model, rows: list[dict]) -> list[dict]:
    """Rows from an older source or another format lack the newer columns: their defaults."""
    defaults = {
        c.name: c.default.arg
        for c in model.__table__.columns
        if c.default is not None and c.default.is_scalar
    }
    return [{**defaults, **row} for row in rows]


def _copy_pathway(path: Path, source: Source) -> dict[str, str]:
    """Pathway content from a database (a file, or checked bytes) of the same schema; returns
    its service kinds' words by code."""
    db = sqlite3.connect(path)
    try:
        base = open_directory(source)
    except DirectoryError as error:
        raise SourceError([str(error)]) from error
    try:
        revision = tuple(base.execute("SELECT version_num FROM alembic_version").fetchone())
        ours = db.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision != ours:
            raise SourceError([f"{name(source)} has schema {revision}, this app writes {ours}"])
        for table in PATHWAY_TABLES:
            rows = [tuple(row) for row in base.execute(f'SELECT * FROM "{table}"')]
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                db.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
        db.commit()
        return kind_words(base)
    except sqlite3.DatabaseError as error:
        raise SourceError([f"{name(source)}: cannot read its pathway content ({error})"]) from error
    finally:
        base.close()
        db.close()


def dump_content(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: what 'the same content' means for two builds."""
    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if not r[0].startswith("service_fts_")  # FTS5's own storage: compared via service_fts
        ]
        return {
            name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
    finally:
        db.close()
