"""Maps Open Referral rows into the directory, checking every row: all or nothing.

Problems (which stop the import) name the file, row and field. What cannot be mapped but
does no harm (a table we do not model, a phone for a location, an area we do not know) is
reported as a note and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.db.field_rules import AUDIENCES, CONFIDENCES, row_problems
from app.db.loader import open_all_hours
from app.db.oruk_format import TABLES, Rows, unescape_cell
from app.db.schedule_words import times_in_words
from app.db.service_checks import NATIONAL_SERVICES
from app.pathways.phone_numbers import contact_key, format_uk_phone, ringable, type_problem
from app.pathways.services import typed_day

# Open Referral's statuses, and what each is here: a service not active is not offered,
# which this directory calls retired (and the diff of an import shows as retired)
STATUSES = {"active": "active", "inactive": "retired", "defunct": "retired"}
STATUSES |= {"temporarily closed": "retired", "retired": "retired"}  # and this app's own
FEED_DATE = "The feed's own assured date: {} (not a check made here)."
PERSON_CHECK = ("assured_date", "assured_method", "assured_by")
# Open Referral's schedule fields that hold a row for a time only: a feed's "24 hours,
# 24-31 December" cover, its dates not mapped, made a daytime line 24/7 all year (H405)
TIME_LIMITS = (
    *("valid_from", "valid_to", "dtstart", "until", "count"),
    *("bymonth", "bymonthday", "byyearday", "byweekno"),
)
# fields kept in a row's words: a phone's extension in its note (the worker rang the
# switchboard), a schedule's notes in its hours ("overnight calls go to an answerphone" was
# dropped, and the line shown open 24/7: H420)
FOLDED_IN = {("phone", "extension"), ("schedule", "notes")}
SERVICE_CHILDREN = {
    "phone": "service_id",
    "schedule": "service_id",
    "service_area": "service_id",
    "attribute": "link_id",
    "service_at_location": "service_id",
}


@dataclass
class Mapping:
    rows: Rows = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def map_rows(raw: dict[str, list[dict[str, Any]]], origin: str, areas: dict[str, str]) -> Mapping:
    """Checked rows for our tables. `areas` maps area codes and lower-case names to codes."""
    result = Mapping()
    for table, (file_name, fields) in TABLES.items():
        seen: set[str] = set()
        unmapped: dict[str, int] = {}
        kept = result.rows.setdefault(table, [])
        for number, record in enumerate(raw.get(table, []), start=1):
            if not any(v if isinstance(v, list | dict) else text(v) for v in record.values()):
                continue  # a blank row Excel kept (",,,,"): stopped the import (lead's walk)
            where = where_named(origin, file_name, table, number, record)
            for name, value in record.items():
                if name not in fields and text(value) and not isinstance(value, list | dict):
                    if (table, name) in FOLDED_IN:
                        continue  # kept in the row's words, below
                    unmapped[name] = unmapped.get(name, 0) + 1
            row_id = text(record.get("id"))
            if not row_id:
                result.problems.append(f"{where}: id: missing")
                continue
            if row_id in seen:
                if table in ("organization", "taxonomy_term"):
                    continue  # the same organisation or term nested under several services
                result.problems.append(f"{where}: id: {row_id!r} is used twice")
                continue
            seen.add(row_id)
            if table == "schedule" and (limits := _time_limits(record)):
                result.notes.append(
                    f"not mapped: {where}: hours for a time only ({limits}): never read as "
                    "the line's hours; write them in its hours words if they matter"
                )
                continue
            row = {f: unescape_cell(text(record.get(f))) for f in fields}
            extension = unescape_cell(text(record.get("extension"))) if table == "phone" else ""
            if extension:  # dropped, the worker rang the switchboard and not the service
                row["description"] = " ".join(
                    part for part in (f"Extension {extension}.", row["description"]) if part
                )
            if table == "schedule" and not row["description"]:
                row["description"] = times_in_words(row)  # its times, or no hours shown
            if table == "schedule" and (notes := unescape_cell(text(record.get("notes")))):
                row["description"] = "; ".join(filter(None, (row["description"], notes)))
            if _check(table, row, where, origin, areas, result):
                result.problems.extend(f"{where}: {p}" for p in row_problems(table, row))
                kept.append(row)
        for name, count in sorted(unmapped.items()):
            in_table = table_named(origin, file_name, table)
            result.notes.append(f"not mapped: {in_table} field {name!r} ({count} rows)")
    _check_links(result, origin)
    return result


def _time_limits(record: dict[str, Any]) -> str:
    limits = [f"{name} {text(record[name])}" for name in TIME_LIMITS if text(record.get(name))]
    if text(record.get("interval")) not in ("", "1"):
        limits.append(f"interval {text(record['interval'])}")
    return ", ".join(limits)


def table_named(origin: str, file_name: str, table: str) -> str:
    """Where a table's rows are, as the lead has them: "phones.csv", or "feed.json: phone"
    ("services.csv row 1" named a file the lead never had: feed attack, 2026-12-05)."""
    name = origin.lower()
    if not name.endswith(".json") or name == "datapackage.json":
        return file_name
    return f"{origin}: {table.replace('_', ' ')}"


def where_named(origin: str, file_name: str, table: str, number: int, record: dict) -> str:
    """A table's row as the lead's spreadsheet numbers it (by its id when no row is given);
    a JSON feed's by its own id and its service."""
    in_table = table_named(origin, file_name, table)
    if in_table == file_name:
        # as Excel numbers it, the header row 1: "row 2" was the lead's third (lead's walk)
        return f"{file_name} row {number + 1}" if number else f"{file_name} {record['id']}"
    own = text(record.get("id")) if isinstance(record.get("id"), str) else ""
    in_file = f"{in_table} {repr(own) if own else number}"
    owner = record.get(SERVICE_CHILDREN.get(table, ""))
    return f"{in_file} of service {owner!r}" if isinstance(owner, str) and owner else in_file


def _check(table: str, row: dict, where: str, origin: str, areas: dict, result: Mapping) -> bool:
    problems, notes = result.problems, result.notes
    if table in ("service", "organization", "taxonomy_term") and not row["name"]:
        problems.append(f"{where}: name: missing")
    if table == "service":
        return _check_service(row, where, origin, result)
    if table == "phone":
        number = row["number"].strip("\"' ")
        if number != row["number"]:
            notes.append(f"{where}: number: stray quotes removed ({row['number']!r})")
            row["number"] = number
        if not re.search(r"\d", number):
            problems.append(f"{where}: number: {row['number']!r} has no digits")
        row["type"] = row["type"].strip().lower() or "voice"
        if not ringable(row["type"]):
            notes.append(
                f"not mapped: {where}: a {row['type']!r} number is not one to ring and "
                "speak to: never shown to workers"
            )
            return False
        if kind := type_problem(row["type"]):  # asked about, never guessed (review)
            problems.append(f"{where}: {kind}")
    if table == "service_area":
        code = areas.get(row["name"]) or areas.get(row["name"].lower())
        if code is None:
            notes.append(
                f"not mapped: {where}: area {row['name'][:60]!r} is not a borough, "
                "west_midlands or national; its service is shown in no plan until one is added"
            )
            return False
        row["name"] = code
    if (
        table in ("phone", "schedule", "service_area", "service_at_location")
        and not row["service_id"]
    ):
        notes.append(f"not mapped: {where}: not linked to a service")
        return False
    if table == "location":
        row["location_type"] = row["location_type"] or "physical"
    if table == "attribute":
        row["link_type"] = row["link_type"] or "service"
        row["link_entity"] = row["link_entity"] or "service"
    return True


def _check_service(row: dict, where: str, origin: str, result: Mapping) -> bool:
    problems, notes = result.problems, result.notes
    ok = True
    for name, default in (("minimum_age", 0), ("maximum_age", 120)):
        if row[name] == "":
            row[name] = default
            notes.append(f"{where}: {name}: missing, {default} assumed")
        elif re.fullmatch(r"\d{1,3}", row[name]):
            row[name] = int(row[name])
        else:
            problems.append(f"{where}: {name}: {row[name]!r} is not a whole number from 0 to 120")
            ok = False
    if ok and row["minimum_age"] > row["maximum_age"]:
        problems.append(f"{where}: minimum_age: above maximum_age")
    status = row["status"] or "active"
    if status not in STATUSES:
        problems.append(f"{where}: status: {status!r} not one of {', '.join(STATUSES)}")
    elif STATUSES[status] != status:
        notes.append(f"{where}: status: {status!r}, imported as retired (never offered)")
    row["status"] = STATUSES.get(status, status)
    if not row["confidence"]:
        row["confidence"] = "low"
        notes.append(f"{where}: confidence: missing, 'low' assumed (check before use)")
    elif row["confidence"] not in CONFIDENCES:
        problems.append(f"{where}: confidence: {row['confidence']!r} not one of high, medium, low")
    row["audience"] = row["audience"] or "any"
    if row["audience"] not in AUDIENCES:
        problems.append(f"{where}: audience: {row['audience']!r} not one of {', '.join(AUDIENCES)}")
    if not row["source"]:
        row["source"] = f"imported from {origin}"
    if row["assured_date"]:
        # A feed's own date is no one's check here (H56): kept in the notes, never as
        # "Confirmed" on a card (review 2026-12-01: a provider's feed cleared the warning)
        # as the working copy reads it: Excel writes 01/12/2026 (a round trip was refused
        # whole: thirteenth attack round)
        day = typed_day(row["assured_date"][:10])
        if day is None:
            problems.append(
                f"{where}: assured_date: {row['assured_date']!r} is not a day (YYYY-MM-DD, or "
                "DD/MM/YYYY as Excel writes it)"
            )
        else:
            said = FEED_DATE.format(day.isoformat())
            row["notes"] = " ".join(filter(None, (row.get("notes") or "", said)))
            notes.append(f"{where}: assured_date: {said} Left unconfirmed: check before use.")
        row["assured_date"] = ""
    row["organization_id"] = row["organization_id"] or None
    return True


def _check_links(result: Mapping, origin: str) -> None:
    """Links between tables; a dangling link to a service is a note, to a term a problem."""
    rows = result.rows
    ids = {table: {r["id"] for r in rows.get(table, [])} for table in TABLES}
    for table, key in SERVICE_CHILDREN.items():
        kept = []
        for row in rows.get(table, []):
            where = where_named(origin, TABLES[table][0], table, 0, row)
            if row[key] not in ids["service"]:
                result.notes.append(f"not mapped: {where}: {key} {row[key]!r} names no service")
                continue
            if table == "attribute" and row["taxonomy_term_id"] not in ids["taxonomy_term"]:
                result.problems.append(
                    f"{where}: taxonomy_term_id: {row['taxonomy_term_id']!r} names no taxonomy term"
                )
            if table == "service_at_location" and row["location_id"] not in ids["location"]:
                result.notes.append(f"not mapped: {where}: unknown location")
                continue
            kept.append(row)
        rows[table] = kept
    for table in ("service", "location"):
        for row in rows.get(table, []):
            if row["organization_id"] and row["organization_id"] not in ids["organization"]:
                where = where_named(origin, TABLES[table][0], table, 0, row)
                result.notes.append(
                    f"{where}: organization_id "
                    f"{row['organization_id']!r} names no organisation: left empty"
                )
                row["organization_id"] = None
    numbers: dict[str, list[str]] = {}
    for row in rows.get("phone", []):  # HSDS has no order for phones: the file's order is kept
        # as workers read it, as a working copy writes it: "+44 (0)1922 654 321" was shown
        # and copied as the feed had it, and dialled so it rings no one (the lead's walk)
        row["number"] = format_uk_phone(row["number"]) or row["number"]
        held = numbers.setdefault(row["service_id"], [])
        held.append(row["number"])
        row["ordinal"] = len(held)
        if (shown := held[0]) != row["number"]:
            # a feed's daytime line, second in the file, was on no plan and no note said so
            # (feed attack, 2026-12-05; H410)
            where = where_named(origin, TABLES["phone"][0], "phone", 0, row)
            result.notes.append(
                f"{where}: {row['number']} is not shown to workers: "
                f"a card shows one number per service, here {shown}; give any other in its note"
            )


def merge(base: Rows, imported: Rows) -> Rows:
    """Imported rows replace rows with the same id; a replaced service's children go too."""
    _keep_checks(base, imported)
    replaced = {r["id"] for r in imported.get("service", [])}
    merged: Rows = {}
    for table in TABLES:
        new_ids = {r["id"] for r in imported.get(table, [])}
        key = SERVICE_CHILDREN.get(table)
        merged[table] = [
            r
            for r in base.get(table, [])
            if r["id"] not in new_ids and (key is None or r[key] not in replaced)
        ] + imported.get(table, [])
    return merged


def leave_national(base: Rows, imported: Rows) -> list[str]:
    """Takes a feed's 999, 101 and 111 (and any row of theirs, their organisation's too) out
    of an import, merged or whole, returning their ids: they are set nationally. A partner's
    feed holding 999 with no note took the Silent Solution ("999, then 55") and its 24/7 off
    every laptop, listed as a change and signed (feed attack, 2026-12-05; H435)."""
    given = sorted(r["id"] for r in imported.get("service", []) if r["id"] in NATIONAL_SERVICES)
    theirs = _national_organisations(base)
    for table, key in (("service", "id"), *SERVICE_CHILDREN.items()):
        if table in imported:
            imported[table] = [r for r in imported[table] if r[key] not in NATIONAL_SERVICES]
    # their organisation, unless the feed files another service under it: then the check of
    # borrowed organisations reads it (a partner's DA line filed as NHS England: third look)
    theirs -= {s.get("organization_id") for s in imported.get("service", [])}
    given += sorted(o["id"] for o in imported.get("organization", []) if o["id"] in theirs)
    if "organization" in imported:
        imported["organization"] = [o for o in imported["organization"] if o["id"] not in theirs]
    return given


def national_rows(base: Rows) -> Rows:
    """The directory's own 999, 101 and 111, with their rows and organisations: a whole
    directory read from a feed takes them from the directory in use, not the feed (H435)."""
    theirs = _national_organisations(base)
    rows = {
        t: [r for r in base.get(t, []) if r[k] in NATIONAL_SERVICES]
        for t, k in SERVICE_CHILDREN.items()
    }
    rows["service"] = [s for s in base.get("service", []) if s["id"] in NATIONAL_SERVICES]
    rows["organization"] = [o for o in base.get("organization", []) if o["id"] in theirs]
    return rows


def _national_organisations(base: Rows) -> set[str]:
    return {
        s.get("organization_id") for s in base.get("service", []) if s["id"] in NATIONAL_SERVICES
    }


def _keep_checks(base: Rows, imported: Rows) -> None:
    """A person's check of a service stays when the import leaves its numbers and email as
    they were: a spreadsheet round trip (export, then import --merge) took every check off,
    each service "check before use" again (lead review 2026-12-01). A changed contact is
    unconfirmed again, as in the lead's window; a feed's own date is still no one's check."""
    checked = {r["id"]: r for r in base.get("service", []) if r.get("assured_date")}
    if not checked:
        return
    before, after = _numbers(base), _numbers(imported)
    for row in imported.get("service", []):
        old = checked.get(row["id"])
        if old is None or row.get("assured_date"):
            continue
        same = after.get(row["id"]) == before.get(row["id"]) and text(row.get("email")) == text(
            old.get("email")
        )
        # a check of a daytime line confirms no one answers it at night (H405)
        same = same and _all_hours(base, row["id"]) == _all_hours(imported, row["id"])
        if same:
            row.update({field: old.get(field) or "" for field in PERSON_CHECK})
            said = FEED_DATE.format(old["assured_date"])  # its own check, read back in
            notes = text(row.get("notes"))
            if said in notes:
                row["notes"] = notes.replace(said, "").replace("  ", " ").strip()


def _all_hours(rows: Rows, service_id: str) -> bool:
    return open_all_hours([s for s in rows.get("schedule", []) if s["service_id"] == service_id])


def _numbers(rows: Rows) -> dict[str, list[str]]:
    """Each service's numbers and their notes, as a check reads them: "0121 552 6448"
    written "01215526448" is the number checked (its check was dropped: ninth attack round,
    2026-12-01), a new out-of-hours number in the note is not."""
    numbers: dict[str, list[tuple]] = {}
    for phone in rows.get("phone", []):
        contact = contact_key(text(phone["number"]), text(phone.get("description")), "")
        numbers.setdefault(phone["service_id"], []).append((phone["ordinal"], contact))
    return {service: [n for _, n in sorted(found)] for service, found in numbers.items()}
