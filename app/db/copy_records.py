"""A database's services as a working copy's services.csv holds them (the lead's rules read
a database handed to them so, H346), each number's type leading its note."""

from __future__ import annotations

from app.db.copy_files import FIELDS
from app.db.loader import open_all_hours
from app.db.service_rows import Rows, kind_term_id
from app.pathways.phone_numbers import ringable, type_label, type_problem


def copy_records(rows: Rows) -> list[dict[str, str]]:
    """A database's services as a working copy's services.csv holds them, each kind by its
    code as laptops read it: read from the term's id, a refuge whose term was named
    "…/da_service" was no refuge to the lead's rules (re-attack, 2026-12-04; H357)."""
    codes = {t["id"]: kind_term_id(t["code"]) for t in rows["taxonomy_term"]}
    rows = rows | {
        "attribute": [
            a | {"taxonomy_term_id": codes.get(a["taxonomy_term_id"], a["taxonomy_term_id"])}
            for a in rows["attribute"]
        ]
    }
    by_service = {key: _grouped(rows[table], key_field) for key, table, key_field in _LINKS}
    organisations = {o["id"]: o["name"] for o in rows["organization"]}
    return [_record(s, by_service, organisations) for s in rows["service"]]


_LINKS = (
    ("phone", "phone", "service_id"),
    ("schedule", "schedule", "service_id"),
    ("area", "service_area", "service_id"),
    ("kind", "attribute", "link_id"),
)


def _grouped(rows: list[dict], key: str) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def _record(
    s: dict, linked: dict[str, dict[str, list[dict]]], organisations: dict[str, str]
) -> dict[str, str]:
    sid = s["id"]
    # the number to ring, as laptops read it: never a fax (attack review 2026-12-01)
    phones = [p for p in linked["phone"].get(sid, []) if ringable(p.get("type"))]
    line = phones[0] if phones else {"number": "", "type": None, "description": ""}
    schedules = linked["schedule"].get(sid, [])
    kinds = [a["taxonomy_term_id"].split("/", 1)[1] for a in linked["kind"].get(sid, [])]
    record = {
        "id": sid,
        "name": s["name"],
        "organisation": organisations.get(s["organization_id"] or "", ""),
        "kinds": ";".join(kinds),
        "area": ";".join(a["name"] for a in linked["area"].get(sid, [])),
        "min_age": str(s["minimum_age"]),
        "max_age": str(s["maximum_age"]),
        "phone": line["number"],
        "phone_note": note_with_type(line.get("type"), line["description"]),
        "hours": "; ".join(x["description"] for x in schedules if x["description"]),
        # as the laptops read it (H405): a round-the-clock row beside a daytime one was
        # "yes" here, and the copy published it as a line open day and night
        "open_24_7": "yes" if open_all_hours(schedules) else "",
        "referral_route": s["application_process"],
        "website": s["url"],
        "source_seen": s["source_date"],
    }
    if type_problem(line.get("type")):  # a person says which it is (H194)
        record.update(assured_date="", assured_method="", assured_by="", checked_contact="")
    same = {k: s.get(k) for k in FIELDS if k not in record and k in s}
    return {k: str(v) if v is not None else "" for k, v in {**same, **record}.items()}


def note_with_type(kind: str | None, note: str | None) -> str:
    """A working copy holds no phone type, so a type that says more than "voice" leads the
    note. One today's rules refuse ("Fascimile", "Main/Fax", signed before them) became a
    plain voice line at the lead's next publish, "confirmed" (re-attack round, 2026-12-01):
    the lead sees it to settle, and its check is cleared. An "Out of hours" line became an
    unlabelled number, read as the daytime line (2026-12-02): the label is kept, and the
    directory in use's check of that line is read as a check of the note so written."""
    note = note or ""
    shown = kind if type_problem(kind) else type_label(kind)
    if not shown or note.casefold().startswith(shown.casefold()):
        return note
    return "; ".join(filter(None, (shown, note)))
