"""The directory report a local domestic abuse lead works from: coverage, stale, unconfirmed."""

from __future__ import annotations

from datetime import date

from app.pathways.graph import Graph, Service
from app.pathways.services import CONFIDENCE_RANK, Person, area_rank, check_before_use
from app.records import record

COLUMNS = (
    ("children's front door", "mash_children"),
    ("adult safeguarding", "mash_adults"),
    ("IDVA", "idva"),
    ("ISVA", "isva"),
    ("adult SARC", "sarc_adult"),
    ("children's SARC", "sarc_children"),
    ("DA service", "da_service"),
)


@record
class DirectoryReport:
    boroughs: list[tuple[str, str]]  # (id, name)
    cells: dict[tuple[str, str], str]  # (borough, kind) -> best confidence | "no contact" | "none"
    check_before_use: list[Service]
    contact_not_confirmed: list[Service]


def build_report(graph: Graph, today: date, months: int) -> DirectoryReport:
    boroughs = [
        (o.value, o.label) for o in graph.questions["borough"].options if o.attrs.get("region")
    ]
    active = [s for s in graph.services.values() if s.status == "active"]
    cells = {}
    for borough, _ in boroughs:
        region = next(
            o.attrs["region"] for o in graph.questions["borough"].options if o.value == borough
        )
        person = Person(borough, region, 0, 120, frozenset())
        for _, kind in COLUMNS:
            serving = [s for s in active if kind in s.kinds and area_rank(s, person) is not None]
            cells[borough, kind] = _cell(serving)
    return DirectoryReport(
        boroughs=boroughs,
        cells=cells,
        check_before_use=sorted(
            (s for s in active if check_before_use(s, today, months)),
            key=lambda s: s.id,
        ),
        contact_not_confirmed=sorted((s for s in active if not s.phone), key=lambda s: s.id),
    )


def _cell(serving: list[Service]) -> str:
    reachable = [s for s in serving if s.phone or s.email]
    if not reachable:
        return "no contact" if serving else "none"
    return min((s.confidence for s in reachable), key=lambda c: CONFIDENCE_RANK.get(c, 3))


def report_text(report: DirectoryReport, months: int) -> str:
    width = max(len(name) for name, _ in report.boroughs) + 2
    heads = [name for name, _ in COLUMNS]
    lines = ["Coverage: best confidence of a service with a contact, per borough", ""]
    lines.append("".ljust(width) + " | ".join(h.ljust(12) for h in heads))
    for borough, name in report.boroughs:
        row = [
            report.cells[borough, kind].ljust(max(12, len(h)))
            for h, (_, kind) in zip(heads, COLUMNS, strict=True)
        ]
        lines.append(name.ljust(width) + " | ".join(row))
    lines += [
        "",
        f"Check before use (low confidence, or not checked by a person within {months} months):",
    ]
    for s in report.check_before_use:
        assured = s.assured_date or "never"
        lines.append(
            f"  {s.id}: {s.name} [{s.confidence}; assured {assured}; source {s.source}"
            f"{'; seen ' + s.source_date if s.source_date else ''}]"
        )
    lines += ["", "Contact not confirmed (no phone held; plans show the fallback):"]
    for s in report.contact_not_confirmed:
        lines.append(f"  {s.id}: {s.name} [{s.confidence}; source {s.source}]")
    return "\n".join(lines)
