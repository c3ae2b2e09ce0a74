"""The routes a card names as "the" one for an area: one active service of each per area.

A second, of another council, was given to a worker beside the child's own front door
(re-attack, 2026-12-04; H376). The lead's side refused it; laptops took it, signed, and a
Walsall child's plan led with Wolverhampton's front door (attack F20, 2026-12-06; H472).
"""

from __future__ import annotations

from collections.abc import Iterable

ONE_PER_AREA = {"mash_children": "children's front door", "lado": "LADO"}


def shared_routes(services: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> list[str]:
    """Each (id, kinds, areas) of an active service; a problem for each area two or more of
    them are the one route of a kind for."""
    held: dict[tuple[str, str], list[str]] = {}
    for service_id, kinds, areas in services:
        for kind in ONE_PER_AREA.keys() & set(kinds):
            for area in areas:
                held.setdefault((kind, area), []).append(service_id)
    return [
        f"area {area}: {len(ids)} {ONE_PER_AREA[kind]} services ({', '.join(sorted(ids))}): a "
        f"card gives a worker every one; give each the areas it is the {ONE_PER_AREA[kind]} for"
        for (kind, area), ids in sorted(held.items())
        if len(ids) > 1
    ]
