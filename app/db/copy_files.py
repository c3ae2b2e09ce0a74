"""A working copy's files on disk: `services.csv` and `directory.toml` read without losing
a cell, written as a one-line diff per edit, atomically; the fingerprint a save compares
with; and another window's saved rows merged with this one's, field by field."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tomllib
from pathlib import Path

from app.db.service_rows import OPTIONAL_COLUMNS, SERVICE_COLUMNS
from app.pathways.phone_numbers import contact_key
from app.pathways.services import typed_day


class WorkingCopyError(ValueError):
    """An edit that cannot be made; the message says why and what is allowed."""


FIELDS = (*SERVICE_COLUMNS, *OPTIONAL_COLUMNS)


def refuse_what_a_save_would_drop(folder: Path, columns: list[str], rows: list[dict]) -> None:
    """A column of the lead's own, or cells past the last column, went at the next save
    with nothing said; a second "phone" column won over the first, and a deleted one saved
    every number empty (attack reviews 2026-12-01): named instead, before anything is saved."""
    twice = sorted({c for c in columns if c.strip() and columns.count(c) > 1})
    if twice:
        raise WorkingCopyError(
            f"{folder}/services.csv has the column {', '.join(map(repr, twice))} twice: keep "
            "one (which is meant cannot be told)"
        )
    missing = [c for c in SERVICE_COLUMNS if c not in columns]
    if missing and len(columns) == 1 and ";" in columns[0]:
        # Excel where a comma is the decimal mark saves ";": "put it back from the copy
        # last published" would have thrown the lead's edits away (lead's attack, 12-02)
        raise WorkingCopyError(
            f"{folder}/services.csv is separated by semicolons, not commas: in Excel, save "
            'it again as "CSV UTF-8 (Comma delimited)" (nothing of it is lost)'
        )
    if missing:
        raise WorkingCopyError(
            f"{folder}/services.csv has no column {', '.join(map(repr, missing))}: put its "
            "heading back in the first row (a save would empty it); a new working copy begun "
            "in the maintenance window has every column, to copy it from"
        )
    # an empty column Excel added past the last one holds nothing to lose
    extra = [
        c
        for c in columns
        if c not in FIELDS and (c.strip() or any((r.get(c) or "").strip() for r in rows))
    ]
    if extra:
        raise WorkingCopyError(
            f"{folder}/services.csv has columns this app does not keep: "
            f"{', '.join(repr(c) if c.strip() else 'one with no heading' for c in extra)}. "
            "Move them to another file (a save here would drop them); the columns allowed "
            f"are {', '.join(FIELDS)}"
        )
    for number, row in enumerate(rows, start=2):  # the header is line 1
        if any(cell.strip() for cell in row.get(None) or []):
            raise WorkingCopyError(
                f"{folder}/services.csv line {number} has more cells than columns "
                f"({len(columns)}): a comma in a value needs the value in double quotes"
            )


SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")


def refuse_a_workbook_beside_the_csv(folder: Path) -> None:
    """Excel's "Save" of services.csv as a workbook left services.xlsx beside it, holding
    the edits; the publish read services.csv alone, signed an update with "no change to any
    service", and the correction never reached a laptop (the lead's walk, 2026-12-07). By
    its being there, not its time: a check recorded (which saves services.csv) made a newer
    workbook older, and its edits were signed away with the check (re-walk). Excel's own
    "~$" file, there while a workbook is open, is none."""
    try:
        there = sorted(
            entry.name
            for entry in os.scandir(folder)
            if entry.name.lower().startswith("services")
            and entry.name.lower().endswith(SPREADSHEETS)
        )
    except OSError:  # a folder not listed: reading the copy says so
        return
    if there:
        raise WorkingCopyError(
            f"{', '.join(there)} is in {folder}: Navigator reads only services.csv. If your "
            'latest edits are in it, open it in Excel and Save As "CSV UTF-8 (Comma '
            'delimited)" named services.csv, replacing it; then move it out of this folder '
            "(keep it elsewhere if you want it) and publish again"
        )


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for name in ("services.csv", "directory.toml"):
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


def csv_text(rows: list[dict[str, str]]) -> str:
    """The rows as services.csv; checked_contact only once a check has recorded one, so an
    edit of a copy without it stays a one-line diff."""
    fields = [f for f in FIELDS if f != "checked_contact" or any(r.get(f) for r in rows)]
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_atomic(*files: tuple[Path, str]) -> None:
    """Each (path, text) whole, all written before any is put in place: a disk full between
    two had services.csv saved and "Not saved" said (fourth attack round, 2026-12-02)."""
    partials = [(path.with_name(path.name + ".partial"), path, text) for path, text in files]
    try:
        for partial, _, text in partials:
            partial.write_text(text, encoding="utf-8", newline="")
    except OSError:
        for partial, _, _ in partials:  # a full disk left empty ones behind (re-attack)
            partial.unlink(missing_ok=True)
        raise
    for partial, path, _ in partials:
        os.replace(partial, path)


def merged(
    began: dict[str, dict[str, str]], mine: list[dict[str, str]], saved: list[dict[str, str]]
) -> tuple[list[dict[str, str]], list[tuple[dict[str, str], str]]]:
    """The rows saved meanwhile by another window (or check-service) with this window's own
    changes on top, field by field: the fields it changed from the rows it began with
    (`began`), and the services it added. Whole rows put back the other window's corrected
    number and retirements, unsaid (re-attack round, 2026-12-02). Returns the rows and each
    (row, field) both changed, where this window's stands for the lead to check; the field
    "" for a service added in both."""
    rows = {row["id"]: dict(row) for row in saved}
    both = []
    for row in mine:
        before, now = began.get(row["id"]), rows.get(row["id"])
        if before is None:  # added here
            if now is not None and now != row:
                both.append((row, ""))
            rows[row["id"]] = dict(row)
            continue
        saved_contact = contact_of(now) if now is not None else None
        for name, value in row.items():
            if value == before.get(name) or now is None:
                continue
            if now.get(name) not in (before.get(name), value):
                both.append((row, name))
            now[name] = value
        if now is not None and _check_of_another_contact(now, saved_contact, row, before):
            now.update(dict.fromkeys(CHECK_CLEARED, ""))
            both.append((row, OLD_CHECK))
    order = [row["id"] for row in saved] + [r["id"] for r in mine if r["id"] not in began]
    return [rows[sid] for sid in dict.fromkeys(order)], both


CHECK_FIELDS = ("assured_date", "assured_method", "assured_by")
CHECK_CLEARED = (*CHECK_FIELDS, "checked_contact")  # what goes when its contact changes
CONTACT_FIELDS = ("phone", "phone_note", "email")
OLD_CHECK = "a check saved meanwhile was of the contact before this one: cleared"


def contact_of(row: dict[str, str]) -> str:
    """What a person's check confirms, by digits (see contact_key)."""
    return contact_key(*(row.get(name, "") for name in CONTACT_FIELDS))


def _check_of_another_contact(now: dict, saved_contact, mine: dict, began: dict) -> bool:
    """A person's check saved meanwhile (check-service, another window) of the number this
    window changed: it stood on the new number until publish refused it, and the window
    had no way to clear it (lead's attack, 2026-12-02). Never this window's own check."""
    own = any(mine.get(f) != began.get(f) for f in CHECK_FIELDS)
    return bool(now.get("assured_date")) and not own and contact_of(now) != saved_contact


def said_of(both: list[tuple[dict[str, str], str]]) -> list[str]:
    """Each field both changed as the lead reads it: "Name (id): phone"."""
    return [f"{row['name']} ({row['id']}): {name or 'added in both'}" for row, name in both]


# The line a save rewrites: `version = "…"` at its start, spaces or a comment after it
VERSION_LINE = re.compile(r'(?m)^(version = )"[^"\n]*"(?=[ \t]*(#[^\n]*)?\r?$)')


def read_copy(folder: Path) -> tuple[str, dict[str, str], list[dict[str, str]]]:
    """A working copy's saved files: (its version, its kinds, its rows)."""
    try:  # Notepad's "UTF-8 with BOM" too
        toml = _utf8(folder / "directory.toml")
        meta = tomllib.loads(toml)
        # "CSV UTF-8" from Excel starts with a BOM: read as part of "id", every id was
        # lost on the next save (review 2026-12-01)
        text = _utf8(folder / "services.csv")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        # rows with nothing in them (Excel leaves some after the last) are no services: each
        # was "(): name: a service needs a name", with no row (the lead's walk, 2026-12-04)
        read = [row for row in reader if any(map(str.strip, _cells(row)))]
        refuse_what_a_save_would_drop(folder, reader.fieldnames or [], read)
        rows = [complete_row(r) for r in read]
        version, kinds = str(meta["version"]), meta["kinds"]
    except (OSError, csv.Error, tomllib.TOMLDecodeError) as error:
        raise WorkingCopyError(  # and how to make one: there was no word of it (review)
            f"{folder} is not a directory working copy ({error}); begin one in the "
            "maintenance window: python -m app maintain FOLDER"
        ) from None
    except KeyError as error:
        raise WorkingCopyError(f"{folder}/directory.toml has no {error}") from None
    if not VERSION_LINE.search(toml):  # save() writes the version there
        raise WorkingCopyError(
            f"{folder}/directory.toml: its version must be on a line of its own, written "
            f'version = "{version}": published versions are recorded on that line'
        )
    if not isinstance(kinds, dict) or not all(isinstance(v, str) for v in kinds.values()):
        raise WorkingCopyError(  # a hand edit: named, never an unexpected problem (review)
            f'{folder}/directory.toml: [kinds] must be a table of kind = "its words" lines'
        )
    return version, kinds, rows


def _utf8(path: Path) -> str:
    """A file's text; WorkingCopyError naming it and the line where it is not UTF-8: Excel's
    plain "CSV" is Windows-1252, and the lead was told of "a file" in the folder and a byte
    offset (the lead's walk, 2026-12-07)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise WorkingCopyError(
            f"{path} is not UTF-8 text (line {line}: a letter such as é, £ or an en dash "
            'saved another way): in Excel, save it as "CSV UTF-8 (Comma delimited)"'
        ) from None


def _cells(row: dict) -> list[str]:
    """A CSV row's cells, those past its header's columns too (DictReader lists them)."""
    cells = [value for value in row.values() if isinstance(value, str)]
    return cells + [cell for value in row.values() if isinstance(value, list) for cell in value]


def complete_row(row: dict) -> dict[str, str]:
    """Every field, as text (a hand-edited autosave may hold a number). A day checked as
    Excel saves it (24/11/2026) is read as that day, and "phoned " as phoned: opened and
    saved in Excel, every check was refused at publish (lead review 2026-12-01). Spaces
    round a cell go, as the build and the form trim them: a name ending in a space made the
    form say "typed, not applied" before anything was typed (the same review). So too the
    day a source was seen, which decides whether a feed's change or the lead's wins: Excel
    saved it as 07/12/2026, and it was published as words, no day (the lead's walk, 12-07)."""
    row = {name: "" if row.get(name) is None else str(row[name]).strip() for name in FIELDS}
    for field in ("assured_date", "source_seen"):
        if "/" in row[field] and (day := typed_day(row[field])) is not None:
            row[field] = day.isoformat()
    return row
