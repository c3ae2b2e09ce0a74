"""A feed's schedule row given only as times is the line's hours in words."""

import json

import pytest

from app.db.loader import load_graph
from app.db.schedule_words import times_in_words
from app.db.transfer import import_directory
from tests.conftest import REPO, partner_feed

WEEKDAYS = "MO,TU,WE,TH,FR"


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ({"byday": WEEKDAYS, "opens_at": "09:00", "closes_at": "17:00"}, "Mon-Fri 09:00-17:00"),
        (
            {"byday": f"{WEEKDAYS},SA,SU", "opens_at": "08:00", "closes_at": "20:00"},
            "Every day 08:00-20:00",
        ),
        ({"byday": "MO,WE", "opens_at": "10:00", "closes_at": "12:00"}, "Mon, Wed 10:00-12:00"),
        ({"byday": "", "opens_at": "17:00", "closes_at": "09:00"}, "17:00-09:00"),
        # round the clock: the line is open 24/7 as it stands, with no words to doubt it
        ({"byday": f"{WEEKDAYS},SA,SU", "opens_at": "00:00", "closes_at": "23:59"}, ""),
    ],
)
def test_a_rows_times_in_words(row, words):
    assert times_in_words(row) == words


def test_a_feed_line_given_only_its_times_shows_them_as_its_hours(tmp_path):
    """Mon-Fri 09:00 to 17:00 with no description: the card showed no hours at all, and a
    worker could ring it at night (feed attack, 2026-12-05)."""
    path = partner_feed(tmp_path)
    service = json.loads(path.read_text(encoding="utf-8"))
    row = {"id": "days", "byday": WEEKDAYS, "opens_at": "09:00", "closes_at": "17:00"}
    service[0]["schedules"] = [{**row, "description": "", "notes": "Closed bank holidays"}]
    path.write_text(json.dumps(service), encoding="utf-8")
    output = tmp_path / "out.sqlite"
    import_directory(path, REPO / "resources" / "directory.sqlite", output, merge_into_base=True)
    line = load_graph(output).services["feed-adult-line"]
    assert line.hours == "Mon-Fri 09:00-17:00; Closed bank holidays" and not line.open_24_7
