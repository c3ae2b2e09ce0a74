"""Opens a directory database read-only and turns its rows into a pathways Graph."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.service_rows import EVERY_DAY, KIND_TAXONOMY
from app.pathways import graph as g


class DirectoryError(RuntimeError):
    """The directory database is missing, unreadable or not a directory database."""


def open_read_only(path: Path) -> Engine:
    """An engine on the file in read-only mode: the shipped directory is never written."""
    if not path.is_file():
        raise DirectoryError(f"the directory database {path} does not exist")
    uri = path.resolve().as_uri() + "?mode=ro"
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))


def load_graph(path: Path) -> g.Graph:
    engine = open_read_only(path)
    try:
        with Session(engine) as session:
            return _graph(session)
    except Exception as error:  # any SQL or shape error means this file cannot be used
        if isinstance(error, DirectoryError):
            raise
        raise DirectoryError(f"{path} is not a usable directory database: {error}") from error
    finally:
        engine.dispose()


def _graph(session: Session) -> g.Graph:
    meta = {row.key: row.value for row in session.scalars(select(m.ContentMeta))}
    start = session.scalars(select(m.FlowNode.id).where(m.FlowNode.is_start)).all()
    edges: dict[str, list[g.Edge]] = defaultdict(list)
    for e in session.scalars(select(m.FlowEdge).order_by(m.FlowEdge.source, m.FlowEdge.ordinal)):
        edges[e.source].append(g.Edge(e.source, e.target, e.condition, e.why))
    settings = {row.key: row.value for row in session.scalars(select(m.Setting))}
    return g.Graph(
        pathway_version=meta.get("pathway_version", "unknown"),
        directory_version=meta.get("directory_version", "unknown"),
        start=start[0] if len(start) == 1 else f"<{len(start)} start nodes>",
        questions={
            q.id: _question(q)
            for q in session.scalars(select(m.Question).order_by(m.Question.ordinal))
        },
        edges=dict(edges),
        actions={a.kind: _action(a) for a in session.scalars(select(m.ActionTemplate))},
        rules=[
            g.OutcomeRule(
                id=r.id,
                action_kind=r.action_kind,
                why=r.why,
                sources=tuple(r.sources),
                when=r.condition,
                title=r.title,
                service_kinds=tuple(r.service_kinds),
            )
            for r in session.scalars(
                select(m.OutcomeRule).order_by(m.OutcomeRule.action_kind, m.OutcomeRule.ordinal)
            )
        ],
        guidance=[
            g.Guidance(x.id, x.category, x.text, tuple(x.sources), x.condition)
            for x in session.scalars(
                select(m.Guidance).order_by(m.Guidance.category, m.Guidance.ordinal)
            )
        ],
        audiences=[
            g.AudienceRule(a.id, a.condition)
            for a in session.scalars(select(m.AudienceRule).order_by(m.AudienceRule.ordinal))
        ],
        services=_services(session),
        settings=g.Settings(
            **{k: v for k, v in settings.items() if k in g.Settings.__annotations__}
        ),
        kind_labels={
            t.code: t.name
            for t in session.scalars(
                select(m.TaxonomyTerm).where(m.TaxonomyTerm.taxonomy == KIND_TAXONOMY)
            )
        },
    )


def _option(raw: dict) -> g.AnswerOption:
    attrs = {k: v for k, v in raw.items() if k not in ("value", "label")}
    return g.AnswerOption(raw["value"], raw["label"], attrs)


def _question(q: m.Question) -> g.Question:
    return g.Question(
        id=q.id,
        section=q.section,
        prompt=q.prompt,
        help=q.help,
        answer_type=q.answer_type,
        options=tuple(_option(o) for o in q.options),
        items=tuple(g.ChecklistItem(i["id"], i["text"], bool(i.get("red_flag"))) for i in q.items),
        item_options=tuple(_option(o) for o in q.item_options),
        skippable=q.skippable,
        min_choices=q.min_choices,
        sources=tuple(q.sources),
    )


def _action(a: m.ActionTemplate) -> g.ActionTemplate:
    ages = None
    if a.service_age_from is not None and a.service_age_to is not None:
        ages = (a.service_age_from, a.service_age_to)
    return g.ActionTemplate(
        kind=a.kind,
        priority=a.priority,
        title=a.title,
        service_kinds=tuple(a.service_kinds),
        service_ages=ages,
        fallback_service_ids=tuple(a.fallback_service_ids),
        fallback_from_actions=tuple(a.fallback_from_actions),
        fallback_note=a.fallback_note,
    )


def _grouped(session: Session, query) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for key, value in session.execute(query):
        grouped[key].append(value)
    return grouped


def _services(session: Session) -> dict[str, g.Service]:
    kinds = _grouped(
        session,
        select(m.Attribute.link_id, m.TaxonomyTerm.code)
        .join(m.TaxonomyTerm, m.TaxonomyTerm.id == m.Attribute.taxonomy_term_id)
        .where(m.TaxonomyTerm.taxonomy == KIND_TAXONOMY)
        .order_by(m.TaxonomyTerm.code),
    )
    areas = _grouped(
        session, select(m.ServiceArea.service_id, m.ServiceArea.name).order_by(m.ServiceArea.name)
    )
    phones = _grouped(
        session, select(m.Phone.service_id, m.Phone).order_by(m.Phone.ordinal, m.Phone.id)
    )
    schedules = _grouped(session, select(m.Schedule.service_id, m.Schedule).order_by(m.Schedule.id))
    organizations = {o.id: o.name for o in session.scalars(select(m.Organization))}
    services = {}
    for s in session.scalars(select(m.Service).order_by(m.Service.id)):
        phone = phones[s.id][0] if phones[s.id] else None
        services[s.id] = g.Service(
            id=s.id,
            name=s.name,
            organisation=organizations.get(s.organization_id or "", ""),
            kinds=tuple(kinds[s.id]),
            areas=tuple(areas[s.id]),
            min_age=s.minimum_age,
            max_age=s.maximum_age,
            audience=s.audience,
            phone=phone.number if phone else "",
            phone_note=phone.description if phone else "",
            hours="; ".join(x.description for x in schedules[s.id] if x.description),
            open_24_7=any(is_always_open(x) for x in schedules[s.id]),
            email=s.email,
            website=s.url,
            referral_route=s.application_process,
            source=s.source,
            source_date=s.source_date,
            confidence=s.confidence,
            notes=s.notes,
            assured_date=s.assured_date,
            status=s.status,
            alert=s.alert,
        )
    return services


def is_always_open(schedule: m.Schedule) -> bool:
    every_day = set(schedule.byday.split(",")) >= set(EVERY_DAY.split(","))
    return every_day and schedule.opens_at == "00:00" and schedule.closes_at in ("23:59", "24:00")


class InvalidGraphError(DirectoryError):
    """The graph in a directory database fails validation; carries every problem."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(f"{path}: the pathway graph is invalid ({len(problems)} problems)")
        self.problems = problems


def load_valid_graph(path: Path) -> g.Graph:
    """load_graph, refusing a graph the validator finds any problem with."""
    from app.pathways.validate import validate

    graph = load_graph(path)
    problems = validate(graph)
    if problems:
        raise InvalidGraphError(path, problems)
    return graph
