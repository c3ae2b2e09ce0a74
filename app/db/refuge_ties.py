"""Services held as a refuge by what ties them to one, not by their own kinds or name (those
are read with their row, service_checks): a refuge before, in the directory in use or the
release's own, untagged in one update and given its whereabouts in the next; or a service new
to this update that names a refuge by its name or is of its organisation: a refuge's second
house added as a "DA service" (re-attack, 2026-12-04; H390). Only services new to the update
are tied by a name: every card of a refuge's organisation (Black Country Women's Aid's IDVA
line, a council's safeguarding, the charity Refuge's helpline) was held to a refuge's words
once one refuge of theirs was added (re-attack, second round; H399)."""

from __future__ import annotations

import re

from app.db.copy_records import copy_records
from app.db.refuge_card_words import (
    CARD_FIELDS,
    national_line,
    plain_words_problem,
    secret_refuge,
)
from app.db.refuge_details import refuge_record_problems
from app.db.refuge_words import as_read, names_a_refuge, refuge_names, where_said
from app.db.service_rows import Rows
from app.pathways.graph import Service


def tie_problems(rows: Rows, earlier: list[Service], known: set[str]) -> list[str]:
    """What a worker is shown of each service tied to a refuge, and its words no worker is
    shown, in a refuge's words (`earlier`: the refuges of the directory in use and the
    release; `known`: all their services' ids). A refuge re-made under a new id, with its
    name, organisation and number, was tied to nothing once its old row was gone (second
    round, 2026-12-04; H401)."""
    records = copy_records(rows)
    secret = {r["id"] for r in records if _secret(r)}
    were_refuges = {s.id for s in earlier}
    mine = [r for r in records if r["id"] in secret]
    theirs = {
        _plain(o) for o in [r["organisation"] for r in mine] + [s.organisation for s in earlier]
    }
    theirs -= {""}
    names = [r["name"] for r in mine] + [s.name for s in earlier]
    named = refuge_names(names, _places(rows))
    phones = {r["phone"] for r in mine} | {s.phone for s in earlier}
    phones -= {""}

    def is_tied(record: dict[str, str]) -> bool:
        if record["id"] in secret or national_line(*_kinds_and_areas(record)):
            return False
        if record["id"] in were_refuges:
            return True
        ours = (
            _plain(record["organisation"]) in theirs
            or names_a_refuge(f"{record['name']}\n{record['organisation']}", named)
            or record["phone"] in phones  # a refuge's own number under a new id (H401)
        )
        return record["id"] not in known and ours

    tied = {r["id"] for r in records if is_tied(r)}
    return (
        [
            f"{r['name']} ({r['id']}): {field}: {problem}"
            for r in records
            if r["id"] in tied
            for field, problem in refuge_record_problems(r).items()
            if not where_said(r.get(field) or "")
        ]
        + unseen_words_problems(rows, records, tied)
        + naming_problems(records, secret | tied, named)
    )


def naming_problems(records: list[dict[str, str]], held: set[str], named: list[str]) -> list[str]:
    """Any other service's card that names a refuge, read as that refuge's card: the
    National Domestic Abuse Helpline's alert "Wolverhampton refuge places: The Haven, at The
    Old Vicarage, Whitmore Reans" was printed on every domestic abuse plan (re-attack,
    second round, 2026-12-04; H401). The refuge's name is a plain word there."""
    own = frozenset(w.casefold() for n in named for w in re.findall(r"[^\W\d_]+", n))
    return [
        f"{r['name']} ({r['id']}): {field}: it names a refuge, so {problem}"
        for r in records
        if r["id"] not in held
        for field in CARD_FIELDS
        if names_a_refuge(text := r.get(field) or "", named)
        and not where_said(text)
        and (problem := plain_words_problem(text, own))
    ]


def unseen_words_problems(
    rows: Rows, records: list[dict[str, str]], ids: set[str] | None = None
) -> list[str]:
    """A refuge's words no worker is shown, in plain words too: its description, who it is
    for, its other numbers' notes. Not on its card, they were in every laptop's Directory
    search ("Vicarage" found the refuge) and its export (re-attack, 2026-12-04; H390).
    `records`: the rows' services as copy_records reads them; `ids`: those held as refuges
    by their ties; without, those by their own kinds or name."""
    if ids is None:
        ids = {r["id"] for r in records if _secret(r)}
    shown = {r["id"]: r["phone_note"] for r in records if r["id"] in ids}
    held = [
        (f"{s['name']} ({s['id']}): {field}", s.get(field) or "")
        for s in rows["service"]
        if s["id"] in ids
        for field in ("description", "eligibility_description")
    ] + [
        (f"phone {p['id']}: description", p.get("description") or "")
        for p in rows["phone"]
        if p["service_id"] in ids and not shown[p["service_id"]].endswith(p["description"] or "")
    ]
    return [
        f"{where}: {problem}"
        for where, text in held
        if not where_said(text) and (problem := plain_words_problem(text))
    ]


def _secret(record: dict[str, str]) -> bool:
    kinds, areas = _kinds_and_areas(record)
    return secret_refuge(kinds, record["name"], areas)


def _kinds_and_areas(record: dict[str, str]) -> tuple[list[str], list[str]]:
    return record["kinds"].split(";"), record["area"].split(";")


def _places(rows: Rows) -> set[str]:
    return {a["name"] for a in rows["service_area"]}


def _plain(words: str) -> str:
    """An organisation's name as read: "The Haven Wolverhampton" is "thehavenwolverhampton"."""
    return re.sub(r"[\W_]+", "", as_read(words).casefold())
