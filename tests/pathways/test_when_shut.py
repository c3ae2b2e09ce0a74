"""What a front door's card says of the hours it is shut (service_notes: the card, the copy,
the PDF and `route` alike), on the shipped directory and on a lead's edits of it."""

import dataclasses

import pytest

from app.pathways.services import ServiceMatch
from app.pathways.summary import service_line, service_notes
from app.pathways.when_shut import NO_LINE_WHEN_SHUT, UNSURE_WHEN_SHUT, when_shut_words


def test_only_a_front_door_shut_at_times_with_no_out_of_hours_line_says_what_then(graph):
    """Sandwell's children's front door held no out-of-hours line (officer's walk,
    2026-12-07); a helpline with hours, a front door with its out-of-hours line, or one
    open day and night needs no such line."""
    services = graph.services
    assert when_shut_words(services["sandwell-mash"]) == NO_LINE_WHEN_SHUT
    assert when_shut_words(services["walsall-mast"]) == ""  # its out-of-hours line
    assert when_shut_words(services["mens-advice-line"]) == ""  # shut at times: no front door
    day_and_night = dataclasses.replace(services["sandwell-mash"], open_24_7=True)
    assert when_shut_words(day_and_night) == ""
    line = service_line(ServiceMatch(services["sandwell-mash"]), lambda service: True)
    assert "(No out-of-hours line is held here: when it is shut" in line
    # after Coventry's "in an emergency 999": 999 said once, the line in lower case
    said = service_notes(services["coventry-adult-safeguarding"])
    (coventry,) = [n for n in said if "out-of-hours line" in n]
    assert coventry.startswith("no out-of-hours line") and "999" not in coventry


@pytest.mark.parametrize(
    ("note", "said"),
    [
        # a number the worker may take for the line, in words not read as one: never "none
        # is held" beside it (the lead's walk), nor nothing (verifier, 2026-12-07)
        ("Emergency Duty Team: 0121 569 2355", UNSURE_WHEN_SHUT),
        ("Fax: 0121 569 0000", UNSURE_WHEN_SHUT),
        ("If the line is busy, try 0121 569 3101", UNSURE_WHEN_SHUT),  # a daytime line
        ("Out of hours: 0121 569 2355", ""),
        ("Answered 24/7", ""),  # said in its note, Open 24/7 not ticked: not "when it is shut"
        ("No out of hours service", NO_LINE_WHEN_SHUT),
    ],
)
def test_a_leads_note_decides_what_is_said_of_the_hours_it_is_shut(graph, note, said):
    edited = dataclasses.replace(graph.services["sandwell-mash"], phone_note=note)
    assert when_shut_words(edited) == said
