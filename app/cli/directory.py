"""`python -m app directory …`: build the directory database from its source files."""

from __future__ import annotations

import sys
from pathlib import Path

from app.db.build import build_directory
from app.db.source import SourceError
from app.paths import resources_dir, shipped_directory


def build(source: Path | None, output: Path | None) -> int:
    source = source or resources_dir()
    output = output or shipped_directory()
    try:
        counts = build_directory(source, output)
    except SourceError as error:
        print(f"error: {output} was not changed. Problems in {source}:", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    summary = ", ".join(f"{n} {table}" for table, n in counts.items() if n)
    print(f"built {output}: {summary}")
    return 0
