"""Export and import of the directory as Open Referral UK CSV tables or JSON."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.db.build import write_database
from app.db.directory_import import leave_national, map_rows, merge, national_rows
from app.db.feed_clashes import id_clashes, kind_term_clashes
from app.db.loader import Source, open_directory
from app.db.oruk_format import (
    TABLES,
    flatten_service_full,
    read_csv_package,
    read_directory,
    service_full,
    write_csv_package,
)
from app.db.overtaken import named
from app.db.replaced_numbers import BY_THIS_IMPORT, carried, put_back, replaced_in, stamp
from app.db.search import area_labels
from app.db.services_swap import scratch_beside
from app.db.source import SourceError
from app.db.stale_update import imported_onto, meta_value


@dataclass
class ImportReport:
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


class ImportRefused(ValueError):
    """Nothing was imported; carries every problem and note."""

    def __init__(self, problems: list[str], notes: list[str]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems, self.notes = problems, notes


def export_directory(database: Source, target: Path) -> int:
    """Write target as JSON (a .json file) or as a CSV datapackage folder; returns services."""
    rows = read_directory(database)
    for phone in rows["phone"]:
        phone.pop("ordinal", None)  # HSDS has no phone order: the file's order carries it
    if target.suffix.lower() == ".json":
        target.write_text(json.dumps(service_full(rows), indent=2, ensure_ascii=False), "utf-8")
    else:
        write_csv_package(rows, target)
    return len(rows["service"])


WHAT_IMPORTS = (
    "allowed: a folder of Open Referral UK CSV tables (services.csv, phones.csv…), its "
    "datapackage.json, or a .json file of services"
)


def read_import(source: Path) -> tuple[dict[str, list[dict]], list[str]]:
    raw, notes = _read_import(source)
    if not raw.get("service"):  # said as such, not as 20 pathway services missing (review)
        raise ImportRefused([f"{source}: no services found; {WHAT_IMPORTS}"], notes)
    return raw, notes


def _read_import(source: Path) -> tuple[dict[str, list[dict]], list[str]]:
    if source.name.lower() == "datapackage.json":  # offered in --help, read as services
        source = source.parent
    if source.suffix.lower() == ".json":
        if not source.is_file():  # "cannot read it as JSON ([Errno 2] …)" before
            raise ImportRefused([f"{source}: no such file; {WHAT_IMPORTS}"], [])
        try:
            data = json.loads(source.read_text(encoding="utf-8-sig"), object_pairs_hook=_once)
        except RecursionError:  # 100,000 brackets: "unexpected problem" before (review)
            raise ImportRefused([f"{source.name}: nested too deeply to be services"], []) from None
        except UnicodeDecodeError as error:  # a UTF-16 file named only its first byte
            said = f"{source.name}: not UTF-8 text ({error.reason} at byte {error.start}): save "
            said += "it as UTF-8 (in Notepad: Save as, Encoding UTF-8) and import it again"
            raise ImportRefused([said], []) from error
        except (OSError, ValueError) as error:  # a 5,000-digit age too
            raise ImportRefused([f"{source.name}: cannot read it as JSON ({error})"], []) from error
        # a page of an Open Referral API's answer holds its services in "contents" (HSDS 3)
        # or "content" (the UK API): read as one service with no id before (feed attack)
        items = data
        if isinstance(data, dict):
            key = next((k for k in ("contents", "content") if k in data), None)
            if key is None and "id" not in data:  # {"items": [...]}: no service, "imported"
                raise ImportRefused([_not_a_page(source.name, data)], [])
            items = data[key] if key else [data]
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ImportRefused([f"{source.name}: expected service objects"], [])
        try:
            return flatten_service_full(items), []
        except (AttributeError, TypeError, KeyError, RecursionError):  # never a traceback
            raise ImportRefused(
                [
                    f"{source.name}: not Open Referral UK services: a service's organization "
                    "must be an object, and its phones, schedules, areas and taxonomy terms "
                    "lists of objects"
                ],
                [],
            ) from None
    if not source.exists():
        raise ImportRefused([f"{source}: no such file or folder"], [])
    try:
        return read_csv_package(source)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ImportRefused([f"{source}: cannot read the CSV tables ({error})"], []) from error


def _once(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """An object whose every key is given once: a number given twice was taken as the last,
    and another viewer shows the lead the first (attack F18b)."""
    made = dict(pairs)
    if len(made) < len(pairs):
        twice = next(key for key, _ in pairs if sum(k == key for k, _ in pairs) > 1)
        raise ValueError(f'"{twice}" given twice in one object: keep the right one')
    return made


def _not_a_page(name: str, data: dict) -> str:
    found = ", ".join(f'"{key}"' for key in list(data)[:5]) or "nothing"
    return (
        f"{name}: no services found: expected a list of Open Referral services, a page of them "
        f'under "contents" (or "content"), or one service with an "id"; found {found}'
    )


def known_areas(database: Source) -> dict[str, str]:
    """Area codes and their lower-case names, as the importer may meet them."""
    db = open_directory(database)
    try:
        labels = area_labels(db)
    finally:
        db.close()
    return {code: code for code in labels} | {name.lower(): code for code, name in labels.items()}


def _checked_and_recorded(
    output: Path, base: Source, merged: bool, feed: str, notes: list[str]
) -> None:
    """Refused when the import gives a number an update replaced; else the numbers it
    replaces recorded (app.db.replaced_numbers), and (`merged`) the directory a feed was
    merged into, by content, for publish (app.db.published):
    what the import changes of the update in use is the feed's, not that update undone. Read
    as a revert, a feed's new service was refused as one the update "removed", and a
    correction as one changed back (feed attack F3, 2026-12-05). An import onto an import
    keeps the first one's: the two feeds' changes are both the lead's."""
    from app.db.bundle import MAX_DATABASE_BYTES
    from app.db.regular_files import read_regular_file

    data = base if isinstance(base, bytes) else read_regular_file(base, MAX_DATABASE_BYTES)
    began = imported_onto(data) or hashlib.sha256(data).hexdigest()
    if merged:
        with contextlib.closing(sqlite3.connect(output)) as db, db:
            db.execute(
                "INSERT OR REPLACE INTO content_meta (key, value) VALUES (?, ?)",
                ("imported_onto_sha256", began),
            )
    # a partner's stale feed put back a number an update replaced, said as any change (attack
    # on H453); and what it replaces is recorded, with every update's before it: a copy
    # begun from the import, published as it is, put old numbers back unsaid (H451, R3)
    made = output.read_bytes()
    if undone := put_back(data, made, meta_value(data, "directory_version"), replaced_in(data)):
        raise ImportRefused(
            [
                f"{feed} gives what an update replaced: {named(undone)}. The feed may be out "
                "of date: ask its provider for the service's number now, or "
                + (
                    "take those services out of the file and import again. If the feed is "
                    "right (the service went back to it), import the rest, then change it in "
                    "a working copy, ring it, record the check (Mark checked) and publish"
                    if merged  # a whole directory's: a service left out of it is retired
                    else "put those numbers in the file as the directory in use gives them "
                    "and import again (a service taken out of a whole directory is retired). "
                    "If the file is right, change them afterwards in a working copy, ring "
                    "them, record the check (Mark checked) and publish"
                )
            ],
            notes,
        )
    stamp(output, carried(data, made, BY_THIS_IMPORT))


def _within_a_laptops_limit(made: Path, rows: dict[str, list], feed: str) -> None:
    """A feed too large was refused as an "unexpected problem" naming a scratch file
    (attack F17): said in the lead's words, with what the feed holds."""
    from app.db.bundle import MAX_DATABASE_BYTES

    size = made.stat().st_size
    if size > MAX_DATABASE_BYTES:
        held = ", ".join(f"{len(rows.get(t, [])):,} {t} rows" for t in ("service", "phone"))
        raise SourceError(
            [
                f"{feed} makes a directory of {size / 2**20:.0f} MB, above the "
                f"{MAX_DATABASE_BYTES // 2**20} MB a laptop takes ({held}): check it is the "
                "feed meant, or ask its provider for the West Midlands services alone"
            ]
        )


def import_directory(
    source: Path, base: Source, output: Path, merge_into_base: bool
) -> ImportReport:
    """Import source into a new directory database at output, or refuse and change nothing."""
    raw, notes = read_import(source)
    mapping = map_rows(raw, source.name, known_areas(base))
    notes += mapping.notes
    if mapping.problems:
        raise ImportRefused(mapping.problems, notes)
    current = read_directory(base)
    if national := leave_national(current, mapping.rows):  # a whole directory's too
        notes.append(
            f"{source.name}: the feed's {', '.join(national)} not taken: 999, 101 and 111 are "
            "set nationally and a feed does not change them (their words are the lead's to "
            "change, in the working copy)"
        )
    clashes = kind_term_clashes(current, mapping.rows, source.name)
    # a whole directory keeps the directory's own 999, 101 and 111, whose rows' ids a
    # partner's line took: 999's 24/7 row replaced by a daytime line's (re-attack, H435)
    clashes += id_clashes(
        current if merge_into_base else national_rows(current), mapping.rows, source.name
    )
    if clashes:
        raise ImportRefused(clashes, notes)
    rows = merge(current if merge_into_base else national_rows(current), mapping.rows)
    # The kinds of service are the pathway's vocabulary: those no imported service uses
    # (a JSON file carries only the terms its services name) are kept from the base.
    imported_terms = {t["id"] for t in rows.get("taxonomy_term", [])}
    rows["taxonomy_term"] = [
        *(t for t in current["taxonomy_term"] if t["id"] not in imported_terms),
        *rows.get("taxonomy_term", []),
    ]
    made = scratch_beside(output)  # checked whole before it takes the output's place
    try:
        write_database(made, rows, pathway_from=base)
        _within_a_laptops_limit(made, rows, source.name)
        _checked_and_recorded(made, base, merge_into_base, source.name, notes)
        os.replace(made, output)
    except SourceError as error:
        raise ImportRefused(error.problems, notes) from error
    finally:
        made.unlink(missing_ok=True)
    return ImportReport({t: len(rows.get(t, [])) for t in TABLES}, notes)
