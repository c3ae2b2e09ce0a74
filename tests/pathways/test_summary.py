"""The plan as text (copy summary, `route`): each service's contact said once."""

from app.pathways.services import ServiceMatch
from app.pathways.summary import service_line


def test_a_service_with_no_number_says_so_once(graph):
    """It read "contact not confirmed (contact not confirmed; unconfirmed: check it…)"."""
    held = next(s for s in graph.services.values() if not s.phone and not s.email)
    line = service_line(ServiceMatch(held), lambda service: True)
    assert line.startswith(f"{held.name}: no number held")
    assert "confirm" not in line and "check" not in line


def test_an_unconfirmed_number_is_said_unconfirmed_once(graph):
    number = next(s for s in graph.services.values() if s.phone and s.confidence == "low")
    line = service_line(ServiceMatch(number), lambda service: True)
    assert line.count("check it before you give it") == 1 and "contact not confirmed" not in line
