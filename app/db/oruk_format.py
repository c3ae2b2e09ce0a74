"""Open Referral UK (HSDS 3.0) tables as we read and write them: CSV datapackage and JSON.

Field names are HSDS's; the fields HSDS has no place for (our provenance and audience) are
written after them under their own names and described in datapackage.json.
"""

from __future__ import annotations

import csv
import errno
import json
import os
from pathlib import Path
from typing import Any

from app.csv_cells import safe_cell, unescape_cell

__all__ = ["TABLES", "Rows", "read_directory", "unescape_cell"]

Rows = dict[str, list[dict[str, Any]]]

# table -> (file name, fields we keep). The order of TABLES is the order of writing.
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "organization": ("organizations.csv", ("id", "name", "description", "email", "website")),
    "taxonomy_term": ("taxonomy_terms.csv", ("id", "code", "name", "description", "taxonomy")),
    "service": (
        "services.csv",
        (
            "id",
            "organization_id",
            "name",
            "description",
            "url",
            "email",
            "status",
            "application_process",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "alert",
            "audience",
            "self_referral",
            "source",
            "source_date",
            "confidence",
            "notes",
        ),
    ),
    "phone": ("phones.csv", ("id", "service_id", "number", "type", "description")),
    "schedule": (
        "schedules.csv",
        ("id", "service_id", "description", "byday", "opens_at", "closes_at"),
    ),
    "service_area": ("service_areas.csv", ("id", "service_id", "name", "description")),
    "attribute": (
        "attributes.csv",
        ("id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value"),
    ),
    "location": (
        "locations.csv",
        ("id", "organization_id", "location_type", "name", "description"),
    ),
    "service_at_location": ("service_at_location.csv", ("id", "service_id", "location_id")),
}
EXTENSION_FIELDS = {
    "audience": "Who the service is for: any, women, men or lgbtq (navigator extension).",
    "self_referral": "Whether people can refer themselves (navigator extension).",
    "source": "Where the facts come from (navigator provenance).",
    "source_date": "When the source was seen (navigator provenance).",
    "confidence": "high, medium or low (navigator provenance).",
    "notes": "What is not confirmed, for the local lead (navigator provenance).",
}
INTEGER_FIELDS = {"minimum_age", "maximum_age"}
NEVER_READ = {"addresses.csv": "addresses are never stored (a refuge address must not leak)"}


def read_directory(source: Path | bytes) -> Rows:
    """Every directory row of a database (a file, or the bytes checked), as plain dicts."""
    from app.db.loader import open_directory

    db = open_directory(source)
    try:
        order = {"phone": "service_id, ordinal, id"}
        return {
            table: [
                dict(row)
                for row in db.execute(f'SELECT * FROM "{table}" ORDER BY {order.get(table, "id")}')
            ]
            for table in TABLES
        }
    finally:
        db.close()


def write_csv_package(rows: Rows, folder: Path) -> None:
    """Every table written beside its place first, then put in place: a failure half way
    left old and new tables mixed, which an import would read as one (review 2026-12-01)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [*(name for name, _ in TABLES.values()), "datapackage.json"]
    for blocked in (folder / name for name in names):
        if blocked.exists() and not blocked.is_file():
            raise IsADirectoryError(errno.EISDIR, "in the way of a table; nothing written", blocked)
    written: list[Path] = []
    try:
        _write_tables(rows, folder, written)
    except BaseException:
        for part in written:
            part.unlink(missing_ok=True)
        raise
    for part in written:
        os.replace(part, part.with_suffix(""))


def _write_tables(rows: Rows, folder: Path, written: list[Path]) -> None:
    resources = []
    for table, (file_name, fields) in TABLES.items():
        written.append(folder / f"{file_name}.part")
        with written[-1].open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            for row in rows.get(table, []):
                writer.writerow(
                    {f: "" if row.get(f) is None else safe_cell(row.get(f)) for f in fields}
                )
        resources.append(
            {
                "name": table,
                "path": file_name,
                "format": "csv",
                "schema": {
                    "primaryKey": "id",
                    "fields": [_field(f) for f in fields],
                },
            }
        )
    package = {
        "name": "navigator_directory",
        "title": "Navigator service directory (Open Referral UK 3.0 tables)",
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "resources": resources,
    }
    written.append(folder / "datapackage.json.part")
    written[-1].write_text(json.dumps(package, indent=2), encoding="utf-8")


def _field(name: str) -> dict[str, Any]:
    field = {"name": name, "type": "integer" if name in INTEGER_FIELDS else "string"}
    if name in EXTENSION_FIELDS:
        field["description"] = EXTENSION_FIELDS[name]
    return field


def read_csv_package(folder: Path) -> tuple[dict[str, list[dict[str, str]]], list[str]]:
    """Raw rows per table of a CSV folder (or its datapackage.json), and notes on the rest."""
    if folder.is_file():
        folder = folder.parent
    # "Phones.csv" was read as a table not modelled: every service came without a number
    by_file = {file_name.lower(): table for table, (file_name, _) in TABLES.items()}
    raw: dict[str, list[dict[str, str]]] = {}
    notes = []
    tables = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv")
    for path in tables:
        name = path.name.lower()
        if name in NEVER_READ:
            notes.append(f"not imported: {path.name} ({NEVER_READ[name]})")
            continue
        table = by_file.get(name)
        if table in raw:  # phones.csv and Phones.csv: which is meant cannot be told
            raise csv.Error(f"two files for one table: keep one of {path.name} and its twin")
        if path.is_symlink():  # phones.csv linked to /etc/passwd was read, its line shown
            raise csv.Error(f"{path.name} is a link to another file: copy the file itself")
        try:
            with path.open(newline="", encoding="utf-8-sig") as handle:
                if table is None:  # counted, never held: an 80 MB table took 4 GB (review)
                    rows = sum(1 for _ in csv.reader(handle)) - 1
                    if rows > 0:
                        notes.append(f"not imported: {path.name} ({rows} rows; not modelled)")
                    continue
                raw[table] = list(csv.DictReader(handle))
        except UnicodeDecodeError as error:  # named, with the way out (attack review)
            raise csv.Error(
                f'{path.name} is not UTF-8 text (byte {error.start}): in Excel, save it as "CSV '
                'UTF-8 (Comma delimited)"'
            ) from None
        except csv.Error as error:
            raise csv.Error(f"{path.name}: {error}") from None
    return raw, notes


def service_full(rows: Rows) -> list[dict[str, Any]]:
    """Each service as HSDS's nested 'service_full' object, with our fields beside."""
    children = {
        t: _by(rows.get(t, []), "service_id") for t in ("phone", "schedule", "service_area")
    }
    attributes = _by(rows.get("attribute", []), "link_id")
    terms = {t["id"]: t for t in rows.get("taxonomy_term", [])}
    organizations = {o["id"]: o for o in rows.get("organization", [])}
    out = []
    for service in rows.get("service", []):
        sid = service["id"]
        item = {k: v for k, v in service.items() if k != "organization_id"}
        item["organization"] = organizations.get(service.get("organization_id") or "")
        item["phones"] = [_strip(p, "service_id") for p in children["phone"].get(sid, [])]
        item["schedules"] = [_strip(s, "service_id") for s in children["schedule"].get(sid, [])]
        item["service_areas"] = [
            _strip(a, "service_id") for a in children["service_area"].get(sid, [])
        ]
        item["attributes"] = [
            {
                **_strip(a, "link_id", "taxonomy_term_id"),
                "taxonomy_term": terms.get(a["taxonomy_term_id"]),
            }
            for a in attributes.get(sid, [])
        ]
        out.append(item)
    return out


def flatten_service_full(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The inverse of service_full: HSDS service objects back into table rows."""
    raw: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for item in items:
        sid = item.get("id")
        organization = item.get("organization") or None
        service = {k: v for k, v in item.items() if not isinstance(v, list | dict)}
        service["organization_id"] = organization.get("id") if organization else None
        raw["service"].append(service)
        if organization:
            raw["organization"].append(organization)
        for table, key in (
            ("phone", "phones"),
            ("schedule", "schedules"),
            ("service_area", "service_areas"),
        ):
            raw[table] += [{**child, "service_id": sid} for child in item.get(key) or []]
        for attribute in item.get("attributes") or []:
            term = attribute.get("taxonomy_term") or {}
            link = {"link_id": sid, "taxonomy_term_id": term.get("id")}
            raw["attribute"].append(_strip(attribute, "taxonomy_term") | link)
            if term:
                raw["taxonomy_term"].append(
                    {k: v for k, v in term.items() if not isinstance(v, dict)}
                )
    return raw


def _by(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row.get(key), []).append(row)
    return grouped


def _strip(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in keys}
