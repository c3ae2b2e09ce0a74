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
