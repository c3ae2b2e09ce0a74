"""A feed's rows that would change what the feed does not give: merged by id, a row given
the id of another service's row, of this app's service kind, or of an organisation whose
services the feed leaves out replaced it, and the feed's change reached services it never
named (H404, H419, H422)."""

from __future__ import annotations

from app.db.directory_import import SERVICE_CHILDREN, where_named
from app.db.oruk_format import TABLES, Rows
from app.db.service_rows import KIND_TAXONOMY


def id_clashes(base: Rows, imported: Rows, origin: str) -> list[str]:
    """A feed's row given the id of another service's row. Rows are merged by id, so a feed
    numbering its rows as our export does ("wolverhampton-mash/kind/mash_children" on a new
    wellbeing line) took Wolverhampton's children's front door off every child's plan, and
    was signed (feed attack, 2026-12-05; H404)."""
    names = {s["id"]: s.get("name") or s["id"] for s in base.get("service", [])}
    problems = []
    for table, key in SERVICE_CHILDREN.items():
        owners = {r["id"]: r[key] for r in base.get(table, [])}
        for row in imported.get(table, []):
            owner = owners.get(row["id"])
            if owner is not None and owner != row[key]:
                where = where_named(origin, TABLES[table][0], table, 0, row)
                problems.append(
                    f"{where}: id: in the directory this id is "
                    f"{names.get(owner, owner)} ({owner})'s, and the feed gives it to "
                    f"{row[key]}: give the feed's row an id of its own"
                )
    return problems + _organisation_clashes(base, imported, origin, names)


def _organisation_clashes(base: Rows, imported: Rows, origin: str, names: dict) -> list[str]:
    """A feed's organisation with the id of one in the directory, written otherwise, while
    the feed gives none of its services: a partner's new line named Black Country Women's
    Aid's organisation id, and every BCWA service's card took the partner's name (H422)."""
    own = {o["id"]: o for o in base.get("organization", [])}
    fed = {s["id"] for s in imported.get("service", [])}
    fields = TABLES["organization"][1]
    problems = []
    for org in imported.get("organization", []):
        was = own.get(org["id"])
        if was is None or all((was.get(f) or "") == (org.get(f) or "") for f in fields):
            continue
        others = [
            s["id"]
            for s in base.get("service", [])
            if s.get("organization_id") == org["id"] and s["id"] not in fed
        ]
        if others:
            where = where_named(origin, TABLES["organization"][0], "organization", 0, org)
            listed = ", ".join(f"{names[s]} ({s})" for s in others[:3])
            more = " and more" if len(others) > 3 else ""
            problems.append(
                f"{where}: id: in the directory this id is the organisation {was['name']!r} "
                f"of {listed}{more}, which the feed does not give, and the feed writes it "
                f"otherwise ({org['name']!r}): give the feed's organisation an id of its own"
            )
    return problems


def kind_term_clashes(base: Rows, imported: Rows, origin: str) -> list[str]:
    """A feed's term given the id of one of this app's service kinds with another code or
    taxonomy: it replaced the kind, and the refusal named only the pathway ("action
    specialist_da_service: unknown service kind 'da_service'"), nothing of the feed's."""
    ours = {t["id"]: t for t in base.get("taxonomy_term", []) if t["taxonomy"] == KIND_TAXONOMY}
    problems = []
    for term in imported.get("taxonomy_term", []):
        own = ours.get(term["id"])
        if own is not None and (term["code"], term["taxonomy"]) != (own["code"], KIND_TAXONOMY):
            where = where_named(origin, TABLES["taxonomy_term"][0], "taxonomy_term", 0, term)
            problems.append(
                f"{where}: code {term['code']!r}, taxonomy {term['taxonomy']!r}: this id is "
                f"the app's service kind {own['code']!r}: give the term code {own['code']!r} "
                f"and taxonomy {KIND_TAXONOMY!r}, or an id of its own"
            )
    return problems
