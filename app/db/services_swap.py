"""A directory database made from the one in use with its services replaced (the lead's
publish): its schema and pathway kept exactly as checked, new service rows written with
plain sqlite3. No Alembic or SQLAlchemy on this path: the schema is the in-use directory's,
made by the migrations and checked to be this app's own revision, so 10,000 services
publish in about a second.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
from collections import Counter
from pathlib import Path

from app.db.loader import Source, load_graph
from app.db.schema_versions import head
from app.db.search import rebuild_index
from app.db.service_rows import KIND_TAXONOMY, kind_words
from app.db.source import Rows, SourceError

# Children first, so a delete never leaves a row pointing at nothing.
SERVICE_TABLES = (
    "service_at_location",
    "location",
    "attribute",
    "service_area",
    "schedule",
    "phone",
    "service",
    "organization",
    "taxonomy_term",
)


def scratch_beside(target: Path) -> Path:
    """A new empty file beside target, under a name no other file has: "target.tmp" was
    deleted if the lead had a file of that name (attack review 2026-12-01)."""
    while True:  # mkstemp's files are the owner's alone: a directory built so was unreadable
        scratch = target.with_name(f"{target.name}.{secrets.token_hex(4)}.tmp")
        try:  # the umask's permissions, as any file the lead writes
            os.close(os.open(scratch, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return scratch


def in_release_words(rows: Rows, words: dict[str, str]) -> Rows:
    """The service kinds the release knows, in its words: an update's swapped labels were
    signed into the search index, and "children front door" found adult safeguarding on
    every laptop (re-attack, 2026-12-04; H363). An update changes services, never the rules."""
    terms = [
        {**t, "name": words.get(t["code"], t["name"])} if t.get("taxonomy") == KIND_TAXONOMY else t
        for t in rows.get("taxonomy_term", [])
    ]
    return {**rows, "taxonomy_term": terms}


def swap_services(in_use: Source, rows: Rows, target: Path) -> None:
    """Write target: in_use's schema and pathway with `rows` as its services; validated
    before it is put in place (SourceError naming the problems otherwise)."""
    from app.pathways.validate import fallback_contact_problems, validate

    scratch = scratch_beside(target)
    scratch.write_bytes(in_use if isinstance(in_use, bytes) else Path(in_use).read_bytes())
    try:
        db = sqlite3.connect(scratch)
        try:
            (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision != head():
                raise SourceError([f"the directory in use has schema {revision}, not {head()}"])
            rows = in_release_words(rows, kind_words(db))
            with db:
                for table in SERVICE_TABLES:
                    db.execute(f'DELETE FROM "{table}"')
                for table in reversed(SERVICE_TABLES):
                    _insert(db, table, rows.get(table, []))
                rebuild_index(db)
            # no VACUUM here: publishing stamps the version and VACUUMs once, at the end
        except sqlite3.Error as error:
            raise SourceError([f"the new directory could not be written ({error})"]) from None
        finally:
            db.close()
        graph = load_graph(scratch)
        problems = validate(graph) + fallback_contact_problems(graph)
        if problems:
            raise pathway_check(problems)
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)


GONE = re.compile(r"fallback service '([^']+)' is not (?:in the directory|active)")


def pathway_check(problems: list[str]) -> SourceError:
    """The pathway's problems with the services, in the lead's words where they can be: a
    national line's row deleted gave "action marac_referral: fallback service 'ndah' is not
    in the directory", four times (the lead's walk, 2026-12-06)."""
    cards = Counter(found.group(1) for p in problems if (found := GONE.search(p)))
    said = [
        f"pathway check: service {service_id!r} cannot be removed or retired: {n} kind(s) of "
        "card fall back to it when no local service can be rung; put its row back as it was"
        for service_id, n in cards.items()
    ]
    return SourceError(said + [f"pathway check: {p}" for p in problems if not GONE.search(p)])


def _insert(db: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    """Rows grouped by the columns they give; the schema's defaults fill the rest."""
    groups: dict[tuple[str, ...], list[tuple]] = {}
    for row in rows:
        columns = tuple(row)
        groups.setdefault(columns, []).append(tuple(row.values()))
    for columns, values in groups.items():
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        db.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
