from app.db.one_route import ONE_PER_AREA, shared_routes


def test_the_shipped_directory_has_one_front_door_and_one_lado_per_area(graph):
    active = [s for s in graph.services.values() if s.status == "active"]
    assert shared_routes((s.id, s.kinds, s.areas) for s in active) == []
    for kind in ONE_PER_AREA:  # the rule reads kinds the shipped directory holds
        assert any(kind in s.kinds for s in active)


def test_two_services_of_one_route_for_an_area_are_named_once_per_area():
    said = shared_routes(
        [
            ("walsall-mast", ["mash_children"], ["walsall"]),
            ("wolverhampton-mash", ["mash_children"], ["wolverhampton", "walsall"]),
            ("walsall-lado", ["lado"], ["walsall"]),
        ]
    )
    assert said == [
        "area walsall: 2 children's front door services (walsall-mast, wolverhampton-mash): a "
        "card gives a worker every one; give each the areas it is the children's front door for"
    ]
    once = [("walsall-mast", ["mash_children"], ["walsall", "walsall"])]  # an area row twice
    assert shared_routes(once) == []


def test_a_front_door_or_lado_for_the_region_or_the_country_is_named():
    """Wolverhampton's front door given "west_midlands" stood on every borough's child card,
    first where the borough's own had no number (re-attack F20, 2026-12-06; H476)."""
    said = shared_routes(
        [
            ("walsall-mast", ["mash_children"], ["walsall"]),
            ("wolverhampton-mash", ["mash_children", "mash_adults"], ["west_midlands"]),
            ("wolverhampton-lado", ["lado"], ["national"]),
        ]
    )
    assert said == [
        "service wolverhampton-mash: area west_midlands: a children's front door is one "
        "council's, shown on every card of its area: give it the boroughs it is that "
        "council's for, never the region or the country",
        "service wolverhampton-lado: area national: a LADO is one council's, shown on every "
        "card of its area: give it the boroughs it is that council's for, never the region "
        "or the country",
    ]
