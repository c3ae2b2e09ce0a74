"""A local service's number and name against its areas: what the lead is asked to check."""

import pytest

from app.db.borough_codes import code_elsewhere, named_elsewhere

NAMES = {"coventry": "Coventry", "walsall": "Walsall", "dudley": "Dudley", "sandwell": "Sandwell"}


@pytest.mark.parametrize(
    ("areas", "number", "marked"),
    [
        (("coventry",), "0121 788 4300", True),  # Solihull's front door, given to Coventry
        (("coventry",), "024 7678 8555", False),
        (("walsall",), "01902 123456", False),  # Willenhall is on Wolverhampton's code
        (("dudley", "walsall"), "01922 653405", False),  # either area's code will do
        (("coventry",), "0300 555 2922", False),  # 03, 0800 and mobiles name no place
        (("coventry",), "07700 900123", False),
        (("national",), "0121 788 4300", False),  # a national line may be anywhere
        (("coventry",), "+44 121 788 4300", True),  # written the international way
        (("sandwell",), "01384 569800", False),  # Cradley Heath and Old Hill are on 01384
    ],
)
def test_a_geographic_number_not_of_its_areas_is_marked(areas, number, marked):
    assert bool(code_elsewhere(areas, number, NAMES)) is marked


@pytest.mark.parametrize(
    "name",
    [
        "Sandwell Domestic Abuse Outreach",
        "DA Outreach (Sandwell)",  # read by spaces only, these went unmarked (re-walk, 12-07)
        "Sandwell-based DA Outreach",
        "Sandwell/Walsall DA Outreach",
        "Sandwell\u2019s DA Outreach group",  # Word's apostrophe
    ],
)
def test_a_name_naming_a_borough_it_does_not_serve_is_marked(name):
    said = named_elsewhere(name, ("walsall",), NAMES)
    assert said == "its name says Sandwell, its area is Walsall: check which is right"


def test_a_name_naming_only_its_own_boroughs_is_not_marked():
    assert named_elsewhere("Sandwell Children's Trust MASH", ("sandwell",), NAMES) == ""
    assert named_elsewhere("Sandwell and Dudley line", ("national",), NAMES) == ""


@pytest.mark.parametrize(
    ("note", "marked"),
    [
        ("Emergency Duty Team: 0121 569 2355", True),
        ("EDT 0121 569 2355", True),
        ("Outside these hours: 0121 569 2355", True),
        ("Out of hours: 0121 569 2355", False),  # read as the line: large, its copy button
        ("after hours and weekends: Emergency Duty Team 0121 569 2355", False),
        ("option 3", False),
    ],
)
def test_a_line_for_when_shut_the_card_does_not_read_as_one_is_marked(note, marked):
    """ "Emergency Duty Team: 0121 569 2355" in Sandwell's front door's note was signed
    unmarked, and its card gave the number in small type beside "no out-of-hours line is
    held here" (the lead's walk, 2026-12-07)."""
    from app.db.borough_codes import change_marks
    from app.db.directory_diff import Change
    from app.pathways.out_of_hours import UNREAD_SHUT_LINE

    change = Change("sandwell-mash", "Sandwell MASH", "phone_note", "", note, ("sandwell",))
    assert (UNREAD_SHUT_LINE in change_marks(change, {"sandwell": "Sandwell"})) is marked
    # an out-of-hours line reworded out of its reading, its number the same (verifier)
    reworded = Change("walsall-mast", "Walsall MASH", "phone_note", "Out of hours: 0121 569 2355",
                      note, ("walsall",))  # fmt: skip
    assert (UNREAD_SHUT_LINE in change_marks(reworded, {"walsall": "Walsall"})) is marked


def test_a_new_service_with_a_line_for_when_shut_not_read_as_one_is_marked(graph):
    """A service added with "EDT 0121 569 2355" in its note was listed unmarked (verifier,
    2026-12-07); the shipped rows are never marked."""
    import dataclasses

    from app.db.borough_codes import added_marks
    from app.pathways.out_of_hours import UNREAD_SHUT_LINE

    names = {"sandwell": "Sandwell"}
    added = dataclasses.replace(graph.services["sandwell-mash"], phone_note="EDT 0121 569 2355")
    assert UNREAD_SHUT_LINE in added_marks(added, names)
    assert not any(UNREAD_SHUT_LINE in added_marks(s, names) for s in graph.services.values())
