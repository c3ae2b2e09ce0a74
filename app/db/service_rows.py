"""Turns the flat, reviewable services.csv into Open Referral UK table rows.

Row ids are derived from the service id, so two builds of the same file are identical.
"""

from __future__ import annotations

import re
from typing import Any

from app.pathways.phone_numbers import format_uk_phone
from app.pathways.services import PERSON_CHECKS

SERVICE_COLUMNS = (
    "id",
    "name",
    "organisation",
    "kinds",
    "area",
    "min_age",
    "max_age",
    "audience",
    "phone",
    "phone_note",
    "hours",
    "open_24_7",
    "self_referral",
    "referral_route",
    "email",
    "website",
    "source",
    "source_seen",
    "confidence",
    "notes",
    "assured_date",
    "status",
    "alert",
)
# Added after the first directories were written: a file without them still builds.
# checked_contact: what a person's check was made on (the working copy writes it; laptops
# never read it), so a number changed in Excel afterwards is not shown "confirmed"
OPTIONAL_COLUMNS = ("assured_method", "assured_by", "checked_contact")
ASSURED_METHODS = dict(
    zip(PERSON_CHECKS, ("phoned the service", "provider confirmed in writing"), strict=True)
)
KIND_TAXONOMY = "navigator_service_kind"


def kind_words(db) -> dict[str, str]:
    """Each service kind's words by its code, as a directory database (sqlite3) holds them."""
    sql = "SELECT code, name FROM taxonomy_term WHERE taxonomy = ?"
    return {code: name for code, name in db.execute(sql, (KIND_TAXONOMY,))}


EVERY_DAY = "MO,TU,WE,TH,FR,SA,SU"
Rows = dict[str, list[dict[str, Any]]]


def plain_spaces(number: str) -> str:
    """A number as shown and copied: any space, line or paragraph separator a plain space
    (a line separator split the pasted summary's number in two; an Ogham space mark drew
    as a dash on the card: review 2026-12-01). The digits dialled are the same."""
    return " ".join(number.split())


def plain_lines(text: str) -> str:
    """Words a worker reads, on laptops whatever was signed: each line's spaces plain, no
    empty lines. A name of "Emergency" and 150 line separators put 999 below the screen; a
    name joined by no-break spaces (as pasted from Word) widened the window past Quick exit
    (attack round, 2026-12-02)."""
    return "\n".join(filter(None, map(plain_spaces, text.splitlines())))


def kind_term_id(kind: str) -> str:
    return f"{KIND_TAXONOMY}/{kind}"


def organization_id(name: str) -> str:
    return "org-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def taxonomy_rows(kinds: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "id": kind_term_id(code),
            "code": code,
            "name": label,
            "description": "",
            "taxonomy": KIND_TAXONOMY,
        }
        for code, label in kinds.items()
    ]


def age_of(text: str) -> int:
    """An age written in ASCII digits, as the lead's view, the checks and the build all read
    it: int() takes "1_7" as 17 and refuses "¹⁶" with a traceback, where isdigit() read
    the one as no age and took the other (review 2026-12-01). ValueError otherwise."""
    text = (text or "").strip()
    if not re.fullmatch(r"[0-9]{1,3}", text, re.ASCII):
        raise ValueError(f"{text!r} is not an age")
    return int(text)


def split_list(value: str) -> list[str]:
    return list(dict.fromkeys(part.strip() for part in value.split(";") if part.strip()))


def rows_for_service(record: dict[str, str], ages: tuple[int, int]) -> Rows:
    """All table rows for one checked services.csv record."""
    sid = record["id"].strip()
    value = {k: (record.get(k) or "").strip() for k in (*SERVICE_COLUMNS, *OPTIONAL_COLUMNS)}
    org = value["organisation"]
    rows: Rows = {
        "organization": [
            {"id": organization_id(org), "name": org, "description": "", "email": "", "website": ""}
        ]
        if org
        else [],
        "service": [
            {
                "id": sid,
                "organization_id": organization_id(org) if org else None,
                "name": value["name"],
                "url": value["website"],
                "email": value["email"],
                "description": "",
                "eligibility_description": "",
                "status": value["status"] or "active",
                "application_process": value["referral_route"],
                "minimum_age": ages[0],
                "maximum_age": ages[1],
                "assured_date": value["assured_date"],
                "assured_method": value["assured_method"],
                "assured_by": value["assured_by"],
                "alert": value["alert"],
                "audience": value["audience"] or "any",
                "self_referral": value["self_referral"],
                "source": value["source"],
                "source_date": value["source_seen"],
                "confidence": value["confidence"],
                "notes": value["notes"],
            }
        ],
        "phone": [],
        "schedule": [],
        "service_area": [
            {"id": f"{sid}/area/{area}", "service_id": sid, "name": area, "description": ""}
            for area in split_list(value["area"])
        ],
        "attribute": [
            {
                "id": f"{sid}/kind/{kind}",
                "link_id": sid,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": kind_term_id(kind),
                "value": "",
            }
            for kind in split_list(value["kinds"])
        ],
    }
    if value["phone"]:
        rows["phone"].append(
            {
                "id": f"{sid}/phone/1",
                "service_id": sid,
                "ordinal": 1,
                # as workers read it, however the lead pasted it: "+44 (0)121 496 0456" went
                # through publish to the plan so (the lead's walk, 2026-12-03)
                "number": format_uk_phone(value["phone"]) or value["phone"],
                "type": "voice",
                "description": value["phone_note"],
            }
        )
    all_day = value["open_24_7"] == "yes"
    if value["hours"] or all_day:
        rows["schedule"].append(
            {
                "id": f"{sid}/schedule/1",
                "service_id": sid,
                "description": value["hours"],
                "byday": EVERY_DAY if all_day else "",
                "opens_at": "00:00" if all_day else "",
                "closes_at": "23:59" if all_day else "",
            }
        )
    return rows
