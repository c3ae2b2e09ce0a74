"""What an update's dates mean here: past its expiry, or signed after today."""

from datetime import date

from app.db.directories import Selection
from app.db.update_dates import dates_noted

TODAY = date(2026, 12, 7)


def in_use(expires: str, published: str) -> Selection:
    choice = Selection(None)
    choice.version, choice.expires, choice.published = "2026.6.1", expires, published
    return choice


def test_an_update_past_its_expiry_says_what_to_do_to_the_worker_and_to_it():
    choice = dates_noted(in_use("2026-12-06", "2026-06-01"), TODAY)
    # short for the worker: three lines at 24 pt pushed question 1's 999 help out of view
    assert choice.warnings == [
        "directory 2026.6.1 expired on 2026-12-06: numbers may be out of date; check a number "
        "before you give it, and tell IT"
    ]
    assert choice.problems == [
        "directory 2026.6.1 in use expired on 2026-12-06 (today on this computer is "
        "2026-12-07: if that is wrong, correct its clock): a newer update must reach this "
        "laptop: the DA lead publishes one, or an update refused above says why it was not used"
    ]


def test_an_update_in_date_and_signed_before_today_is_said_nothing_of():
    choice = dates_noted(in_use("2026-12-07", "2026-12-07"), TODAY)
    assert (choice.warnings, choice.problems) == ([], [])


def test_an_update_signed_after_today_is_said_to_it_only():
    choice = dates_noted(in_use("2027-06-01", "2026-12-08"), TODAY)
    assert choice.warnings == []
    (said,) = choice.problems
    assert said.startswith("directory 2026.6.1 in use: signed on 2026-12-08, after today here")
