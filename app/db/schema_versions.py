"""Schema revision ids read from the migration files, without importing Alembic.

Checking a database's schema happens at every start; Alembic takes most of a second to
import, so the ids are read from the files (a test holds this to Alembic's own answer).
"""

from __future__ import annotations

import re
from functools import cache

from app.paths import migrations_dir

REVISION = re.compile(r'^revision\s*=\s*"([^"]+)"', re.MULTILINE)
# Each branch keeps its revision in its own table (the user database is its own file too).
VERSION_TABLES = {"directory": "alembic_version", "user": "user_schema_version"}
DOWN = re.compile(r'^down_revision\s*=\s*(?:None|"([^"]+)")', re.MULTILINE)


@cache
def revisions(branch: str = "directory") -> dict[str, str | None]:
    """Each revision of the branch with the one it revises."""
    found = {}
    for path in (migrations_dir() / "versions").glob(f"{branch}_*.py"):
        text = path.read_text(encoding="utf-8")
        revision, down = REVISION.search(text), DOWN.search(text)
        if revision and down:
            found[revision.group(1)] = down.group(1)
    return found


def head(branch: str = "directory") -> str:
    graph = revisions(branch)
    superseded = set(graph.values())
    heads = [r for r in graph if r not in superseded]
    if len(heads) != 1:
        raise RuntimeError(f"branch {branch!r} has {len(heads)} heads: {heads}")
    return heads[0]
