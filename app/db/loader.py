"""Opens a directory database read-only and turns its rows into a pathways Graph.

Plain sqlite3 on purpose: this runs at every start, before the first question can be
answered, and SQLAlchemy's import alone would cost more than the whole read. The tables
are made by the migrations and mirrored by app/db/models (a test checks they agree).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import defaultdict
from functools import partial
from pathlib import Path

from app.db.service_rows import EVERY_DAY, KIND_TAXONOMY, kind_words, plain_lines, plain_spaces
from app.pathways import graph as g
from app.pathways.phone_numbers import (
    fixed_line_name,
    fixed_line_words,
    national_number,
    ringable,
    shown_number,
)


class DirectoryError(RuntimeError):
    """The directory database is missing, unreadable or not a directory database."""


class InvalidGraphError(DirectoryError):
    """The graph in a directory database fails validation; carries every problem."""

    def __init__(self, path: Source, problems: list[str]) -> None:
        super().__init__(f"{name(path)}: the pathway graph is invalid ({len(problems)} problems)")
        self.problems = problems


# A directory is opened from a file (building, publishing, the command line) or from the
# exact bytes that were checked (the directory in force): a file can change between the
# check and the opening, bytes in memory cannot.
Source = Path | bytes


def name(source: Source) -> str:
    return "the directory checked" if isinstance(source, bytes) else str(source)


def open_directory(source: Source) -> sqlite3.Connection:
    """A connection that never writes, query-only, over the database's bytes: a file is
    read once, whole, as bytes. Opened as a file, SQLite also read a `-wal` or `-journal`
    file beside it, which the checks and the diff (reading the bytes) never saw: a
    database handed to the lead was published with a number in its sidecar that the
    review had not shown (review 2026-12-01)."""
    data = source if isinstance(source, bytes) else _file_bytes(source)
    if not data:  # sqlite3 raises MemoryError, with no reason to give (review)
        raise DirectoryError("not a readable directory database (the file is empty)")
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(data)
    except sqlite3.Error as error:
        db.close()
        raise DirectoryError(f"not a readable directory database ({error})") from None
    db.execute("PRAGMA query_only = ON")
    db.row_factory = sqlite3.Row
    return db


def _file_bytes(path: Path) -> bytes:
    from app.db.bundle import MAX_DATABASE_BYTES
    from app.db.checks import Refused
    from app.db.regular_files import read_regular_file

    if not path.is_file():
        raise DirectoryError(f"the directory database {path} does not exist")
    try:
        return read_regular_file(path, MAX_DATABASE_BYTES)
    except Refused as error:
        raise DirectoryError(f"the directory database {path}: {error}") from None


# the directory in force is read twice: (its bytes, the pathway's bytes, the graph)
_last_read: tuple[bytes, Source | None, g.Graph] | None = None


def load_graph(source: Source, pathway_from: Source | None = None) -> g.Graph:
    """The graph of a directory; with `pathway_from`, its services under that database's
    pathway (a laptop's: the release's rules, an update's services, H345). The exact bytes
    read last (the same objects: checked, then used) are not read again; nothing changes a
    graph once read (in_force copies it)."""
    global _last_read
    last = _last_read
    if isinstance(source, bytes) and last and last[0] is source and last[1] is pathway_from:
        return last[2]
    if pathway_from is None or pathway_from is source:
        graph = _read(source, _graph)
    else:  # nothing of the update's own rules is read: a newer release's may not parse here
        rules, services = _read(pathway_from, _graph), _read(source, _services)
        # a kind the release knows keeps the release's words: an update's swapped labels
        # sent the Directory tab's "Children's front door" filter to adult safeguarding, and
        # one held a refuge's street (re-attack, 2026-12-04; H358)
        services["kind_labels"] = services["kind_labels"] | rules.kind_labels
        from app.pathways.fallbacks import narrowed_fallbacks  # an update's path only

        if narrowed := narrowed_fallbacks(rules, services["services"]):
            raise DirectoryError(f"its services do not serve this app's pathway: {narrowed[0]}")
        graph = dataclasses.replace(rules, **services)
    if isinstance(source, bytes):
        _last_read = (source, pathway_from, graph)
    return graph


def _read(source: Source, reader):
    db = open_directory(source)
    try:
        return reader(db)
    except (sqlite3.Error, KeyError, TypeError, ValueError, IndexError) as error:
        raise DirectoryError(
            f"{name(source)} is not a usable directory database: {error}"
        ) from error
    finally:
        db.close()


def load_valid_graph(source: Source, pathway_from: Source | None = None) -> g.Graph:
    """load_graph, refusing a graph the validator finds any problem with."""
    from app.pathways.validate import validate

    graph = load_graph(source, pathway_from)
    problems = validate(graph)
    if problems:
        raise InvalidGraphError(source, problems)
    return graph


def _json(value):
    """A JSON column's value. A column declared JSON has numeric affinity in SQLite, so a
    stored number comes back as a number rather than as its JSON text."""
    return json.loads(value) if isinstance(value, str) else value


def _rows(db: sqlite3.Connection, sql: str, *args) -> list[sqlite3.Row]:
    return db.execute(sql, args).fetchall()


def _services(db: sqlite3.Connection) -> dict:
    """What a directory's services give a graph, its rules aside."""
    (version,) = db.execute(
        "SELECT value FROM content_meta WHERE key = 'directory_version'"
    ).fetchone() or ("unknown",)
    return {
        "directory_version": version,
        "services": read_services(db),
        "kind_labels": kind_words(db),
    }


def _graph(db: sqlite3.Connection) -> g.Graph:
    meta = {r["key"]: r["value"] for r in _rows(db, "SELECT key, value FROM content_meta")}
    risk = json.loads(meta["risk"]) if "risk" in meta else None
    start = [r["id"] for r in _rows(db, "SELECT id FROM flow_node WHERE is_start")]
    edges: dict[str, list[g.Edge]] = defaultdict(list)
    for e in _rows(db, "SELECT * FROM flow_edge ORDER BY source, ordinal"):
        condition = _json(e["condition"])
        edges[e["source"]].append(g.Edge(e["source"], e["target"], condition, e["why"]))
    settings = {r["key"]: _json(r["value"]) for r in _rows(db, "SELECT * FROM setting")}
    return g.Graph(
        pathway_version=meta.get("pathway_version", "unknown"),
        directory_version=meta.get("directory_version", "unknown"),
        start=start[0] if len(start) == 1 else f"<{len(start)} start nodes>",
        questions={
            q["id"]: _question(q) for q in _rows(db, "SELECT * FROM question ORDER BY ordinal")
        },
        edges=dict(edges),
        actions={a["kind"]: _action(a) for a in _rows(db, "SELECT * FROM action_template")},
        rules=[
            g.OutcomeRule(
                id=r["id"],
                action_kind=r["action_kind"],
                why=r["why"],
                sources=tuple(_json(r["sources"])),
                when=_json(r["condition"]),
                title=r["title"],
                service_kinds=tuple(_json(r["service_kinds"])),
                group=r["group_name"],
                service_ages=_ages(_json(r["service_ages"])),
            )
            for r in _rows(db, "SELECT * FROM outcome_rule ORDER BY action_kind, ordinal")
        ],
        guidance=[
            g.Guidance(
                x["id"],
                x["category"],
                x["text"],
                tuple(_json(x["sources"])),
                _json(x["condition"]),
                bool(x["general"]),
            )
            for x in _rows(db, "SELECT * FROM guidance ORDER BY category, ordinal")
        ],
        audiences=[
            g.AudienceRule(a["id"], _json(a["condition"]))
            for a in _rows(db, "SELECT * FROM audience_rule ORDER BY ordinal")
        ],
        services=read_services(db),
        settings=g.Settings(
            **{k: v for k, v in settings.items() if k in g.Settings.__annotations__}
        ),
        named={
            r["id"]: _json(r["condition"])
            for r in _rows(db, "SELECT * FROM named_condition ORDER BY ordinal")
        },
        facts=[_fact(f) for f in _rows(db, "SELECT * FROM derived_fact ORDER BY ordinal")],
        risk=g.RiskFacts(**risk) if risk else None,
        vignettes=tuple(_vignette(v) for v in _rows(db, PRACTICE)),
        pages=tuple(_page(p) for p in _rows(db, PAGES)),
        kind_labels=kind_words(db),
    )


PRACTICE = "SELECT * FROM practice_vignette ORDER BY ordinal"
PAGES = "SELECT * FROM question_page ORDER BY ordinal"


def _page(p: sqlite3.Row) -> g.QuestionPage:
    members = tuple(g.PageMember(**m) for m in _json(p["members"]))
    return g.QuestionPage(p["id"], p["prompt"], p["help"], members)


def _vignette(v: sqlite3.Row) -> g.Vignette:
    points = tuple(
        g.LearningPoint(p["text"], tuple(p["sources"]), tuple(p["rules"]), tuple(p["shows"]))
        for p in _json(v["points"])
    )
    return g.Vignette(v["id"], v["title"], v["tier"], v["story"], _json(v["answers"]), points)


def _default(stored) -> g.Default | None:
    """The route default, kept as [value] so a default of "none" (an empty list) survives."""
    return g.Default(stored[0]) if stored else None


def _ages(value) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None


def _wordings(raw: list[dict], first: str, second: str) -> tuple[g.Wording, ...]:
    """Question wordings carry a prompt and help; action wordings a title and what to say."""
    return tuple(
        g.Wording(
            w["when"],
            w.get(first, ""),
            w.get(second, ""),
            w.get("asked_again") is True,
            w.get("group", ""),
        )
        for w in raw or []
    )


def _fact(f: sqlite3.Row) -> g.Fact:
    cases = tuple(g.FactCase(c["value"], c["when"], c.get("basis", "")) for c in _json(f["cases"]))
    return g.Fact(f["id"], f["kind"], cases, f["question"], tuple(_json(f["counted"])))


def _option(raw: dict) -> g.AnswerOption:
    attrs = {k: v for k, v in raw.items() if k not in ("value", "label")}
    return g.AnswerOption(raw["value"], raw["label"], attrs)


def _question(q: sqlite3.Row) -> g.Question:
    return g.Question(
        id=q["id"],
        section=q["section"],
        prompt=q["prompt"],
        help=q["help"],
        answer_type=q["answer_type"],
        options=tuple(_option(o) for o in _json(q["options"])),
        items=tuple(
            g.ChecklistItem(i["id"], i["text"], bool(i.get("red_flag"))) for i in _json(q["items"])
        ),
        item_options=tuple(_option(o) for o in _json(q["item_options"])),
        skippable=bool(q["skippable"]),
        min_choices=q["min_choices"],
        sources=tuple(_json(q["sources"])),
        default=_default(_json(q["default_answer"])),
        wordings=_wordings(_json(q["wordings"]), "prompt", "help"),
        summary_label=q["summary_label"],
        interrupt=q["interrupt_action"],
    )


def _action(a: sqlite3.Row) -> g.ActionTemplate:
    ages = None
    if a["service_age_from"] is not None and a["service_age_to"] is not None:
        ages = (a["service_age_from"], a["service_age_to"])
    return g.ActionTemplate(
        kind=a["kind"],
        priority=a["priority"],
        title=a["title"],
        service_kinds=tuple(_json(a["service_kinds"])),
        service_ages=ages,
        fallback_service_ids=tuple(_json(a["fallback_service_ids"])),
        fallback_from_actions=tuple(_json(a["fallback_from_actions"])),
        fallback_note=a["fallback_note"],
        group=a["group_name"],
        say=a["say"],
        wordings=_wordings(_json(a["wordings"]), "title", "say"),
        fallback_kinds=tuple(_json(a["fallback_kinds"])),
    )


def _grouped(db: sqlite3.Connection, sql: str, *args) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for row in _rows(db, sql, *args):
        grouped[row[0]].append(row)
    return grouped


def every_day(byday: str | None) -> bool:
    """Every day named, in any order ("SU,MO,…" as a feed writes a week): the Directory's
    Open 24/7 filter read only "MO,…,SU" and left out a line the plan gave as 24/7 (seams
    attack, 2026-12-07; H496)."""
    return set((byday or "").split(",")) >= set(EVERY_DAY.split(","))


def is_always_open(schedule: sqlite3.Row) -> bool:
    return (
        every_day(schedule["byday"])
        and schedule["opens_at"] == "00:00"
        and schedule["closes_at"] in ("23:59", "24:00")
    )


def open_all_hours(schedules: list[sqlite3.Row]) -> bool:
    """A row open every day round the clock, and no row giving the line other times: a
    feed's extra 00:00-23:59 row beside "Mon-Fri 8:30-20:30" made a daytime line 24/7
    (feed attack, 2026-12-05; H405)."""
    timed = [row for row in schedules if row["byday"] or row["opens_at"]]
    return bool(timed) and all(is_always_open(row) for row in timed)


def read_services(db: sqlite3.Connection) -> dict[str, g.Service]:
    kinds = _grouped(
        db,
        "SELECT a.link_id, k.code FROM attribute a JOIN taxonomy_term k "
        "ON k.id = a.taxonomy_term_id WHERE k.taxonomy = ? ORDER BY k.code",
        KIND_TAXONOMY,
    )
    areas = _grouped(db, "SELECT service_id, name FROM service_area ORDER BY name")
    phones = _grouped(
        db, "SELECT service_id, number, description, type FROM phone ORDER BY ordinal, id"
    )
    schedules = _grouped(db, "SELECT service_id, * FROM schedule ORDER BY id")
    organizations = {o["id"]: o["name"] for o in _rows(db, "SELECT id, name FROM organization")}
    services = {}
    for s in _rows(db, "SELECT * FROM service ORDER BY id"):
        sid = s["id"]
        # never a fax as the number to ring, whoever wrote the database (attack review)
        phone = next((p for p in phones[sid] if ringable(p["type"])), None)
        number = plain_spaces(phone["number"]) if phone else ""
        national = national_number(number)
        number = shown_number(number)
        # 999's words give no other number; any other service's are read as they are
        words = partial(fixed_line_words, phone=number) if national else str
        services[sid] = g.Service(
            id=sid,
            name=fixed_line_name(plain_spaces(s["name"]), number),  # folded, whatever was signed
            organisation=words(plain_spaces(organizations.get(s["organization_id"] or "", ""))),
            kinds=tuple(k["code"] for k in kinds[sid]),
            areas=tuple(a["name"] for a in areas[sid]),
            min_age=s["minimum_age"],
            max_age=s["maximum_age"],
            audience=s["audience"],
            phone=number,
            phone_note=words(plain_spaces(phone["description"])) if phone else "",
            phone_type=words(plain_spaces(phone["type"] or "")) if phone else "",
            hours=words(
                "; ".join(
                    plain_spaces(x["description"]) for x in schedules[sid] if x["description"]
                )
            ),
            open_24_7=open_all_hours(schedules[sid]),
            email=words(s["email"] or ""),
            website=words(s["url"] or ""),
            referral_route=words(plain_lines(s["application_process"] or "")),
            source=words(s["source"] or ""),
            source_date=words(s["source_date"] or ""),
            confidence=s["confidence"],
            notes=words(plain_lines(s["notes"] or "")),
            assured_date=s["assured_date"],
            assured_method=s["assured_method"],
            assured_by=s["assured_by"],
            status=s["status"],
            alert=plain_spaces(s["alert"] or ""),
        )
    return services
