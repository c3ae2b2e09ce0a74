"""The routes a card names as "the" one for an area: one active service of each per borough,
and each of them a council's, for boroughs named.

A second, of another council, was given to a worker beside the child's own front door
(re-attack, 2026-12-04; H376). The lead's side refused it; laptops took it, signed, and a
Walsall child's plan led with Wolverhampton's front door (attack F20, 2026-12-06; H472).
Given the region or the whole country instead of a borough, it stood on every borough's
card (re-attack F20, 2026-12-06; H476).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.pathways.services import WIDE_AREAS

ONE_PER_AREA = {"mash_children": "children's front door", "lado": "LADO"}


def shared_routes(services: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> list[str]:
    """Each (id, kinds, areas) of an active service; a problem for each one-per-area route
    given the region or the country, and for each borough two or more are the route for."""
    held: dict[tuple[str, str], set[str]] = {}
    wide = []
    for service_id, kinds, areas in services:
        for kind in sorted(ONE_PER_AREA.keys() & set(kinds)):
            for area in dict.fromkeys(areas):
                if area in WIDE_AREAS:
                    wide.append(
                        f"service {service_id}: area {area}: a {ONE_PER_AREA[kind]} is one "
                        "council's, shown on every card of its area: give it the boroughs it "
                        "is that council's for, never the region or the country"
                    )
                else:
                    held.setdefault((kind, area), set()).add(service_id)
    return wide + [
        f"area {area}: {len(ids)} {ONE_PER_AREA[kind]} services ({', '.join(sorted(ids))}): a "
        f"card gives a worker every one; give each the areas it is the {ONE_PER_AREA[kind]} for"
        for (kind, area), ids in sorted(held.items())
        if len(ids) > 1
    ]
