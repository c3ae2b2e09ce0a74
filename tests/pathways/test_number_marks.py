"""A number as written in a service's words, read in one form (H336, H344, H358)."""

import pytest

from app.pathways.number_marks import in_one_form


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("0121\u2011496\u2011000", "0121-496-000"),  # Word's non-breaking hyphens
        ("0300\u02d7555\u02d7857", "0300-555-857"),  # a modifier-letter minus
        ("0300\u2022555 857", "0300-555 857"),  # a bullet
        ("+[1] 900", "+(1) 900"),
        ("\u02d61 900", "+1 900"),
        ("+1: 900 555", "+1 900 555"),
        ("0121\t496\n\n000", "0121 496 000"),
    ],
)
def test_a_number_is_read_in_one_form_however_it_was_written(written, read):
    assert in_one_form(written) == read
