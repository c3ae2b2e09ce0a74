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
    try:
        written = write_counts_csv(rows, target)
    except OSError as error:
        print(f"error: could not write {target}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {written} count rows to {target}")
    return 0
