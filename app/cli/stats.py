"""`python -m app stats`: the anonymised counts, for the local DA lead (001 §9.4)."""

from __future__ import annotations

import sys
from pathlib import Path

from app.db.user_store import open_user_store
from app.user_data import COUNT_COLUMNS, shown_count, write_counts_csv


def show() -> int:
    store = open_user_store()
    try:
        for line in store.notes:
            print(f"note: {line}", file=sys.stderr)
        rows = store.counts()
        print(",".join(COUNT_COLUMNS))
        for *keys, count in rows:  # on screen: small counts could single someone out
            print(",".join([*keys, str(shown_count(count))]))
        print("(counts under 3 are not shown exactly here; `stats export` writes them exactly)")
        return 0
    finally:
        store.close()


def export(target: Path) -> int:
    from app.policy import load_policy

    if not load_policy().allow_exports:
        print("error: exports are turned off by your organisation's IT policy", file=sys.stderr)
        return 1
    if target.suffix.lower() != ".csv":
        print(f"error: {target} must end in .csv (a CSV file is written)", file=sys.stderr)
        return 2
    if not target.parent.is_dir():
        print(f"error: folder {target.parent} does not exist", file=sys.stderr)
        return 2
    store = open_user_store()
    try:
        if not store.persistent:
            print("error: no saved counts to export:", *store.notes, sep="\n  ", file=sys.stderr)
            return 1
        rows = store.counts()
    finally:
        store.close()
    return _written(lambda: write_counts_csv(rows, target), target, "count rows")


def merge(files: list[Path], target: Path | None) -> int:
    """Counts exports from several laptops summed: by borough and action, and where plans
    fell back; exit 0 when at least one file was read, 1 when none could be."""
    from app.returns import TOTAL_COLUMNS, read_returns, write_totals_csv

    if target is not None and any(target.resolve() == f.resolve() for f in files):
        print(f"error: --csv {target} is one of the files read (it would be lost)", file=sys.stderr)
        return 2
    returns = read_returns(files)
    for line in returns.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    for line in returns.notes:
        print(f"note: {line}", file=sys.stderr)
    if not returns.files:
        print("error: no counts export could be read (see above)", file=sys.stderr)
        return 1
    table = returns.table()
    if not table and returns.notes:  # every row refused: an empty table said all was well
        print("error: no row of the files could be read (see the notes above)", file=sys.stderr)
        return 1
    print(f"read {len(returns.files)} file(s): {', '.join(returns.files)}")
    print(",".join(TOTAL_COLUMNS))
    for row in table:
        print(",".join(str(cell) for cell in row))
    if target is not None:
        return _written(lambda: write_totals_csv(returns, target), target, "rows")
    return 0


def _written(write, target: Path, what: str) -> int:
    try:
        written = write()
    except OSError as error:
        print(f"error: could not write {target}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {written} {what} to {target}")
    return 0
