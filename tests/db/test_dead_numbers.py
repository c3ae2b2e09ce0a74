"""Numbers in a service's words that ring no one, read as the rule for numbers cut short
reads them (H436, H438)."""

import pytest

from app.db.dead_numbers import drama_number_in, placeholder_in


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("If no answer, try 0121\u2013496\u20130123", "0121 496 0123"),  # en dashes
        ("Line down: ring 0044 121 496 0124 instead", "0121 496 0124"),
        ("Line down: ring +44 (0)121 496 0126 instead", "0121 496 0126"),
        ("Out of hours: 0121 496 0126/7", "0121 496 0126"),
        ("Refer: 0121 555 0100 / 0121 496 0127", "0121 496 0127"),
        ("Ring 07700\u2009900\u2009123", "07700 900123"),
        ("Out of hours: 07700, 900, 123", "07700 900123"),  # commas (third look)
        ("Ring 0121 303 1888 (option 2), Mon-Fri 9-5", ""),
        ("18001 0121 303 1888; charity 1012345", ""),
    ],
)
def test_a_drama_number_is_found_however_its_groups_are_joined(words, read):
    assert drama_number_in(words) == read


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("Refer by phone: 0121 \u2013 000 \u2013 0000", "0121 000 0000"),
        ("Admin line 0800\u2212000\u22120000", "0800 000 0000"),
        ("Refer: 0121 555 0100 / 0121 000 0000", "0121 000 0000"),
        ("Mon-Fri 9-5 0121 000 0000", "0121 000 0000"),
        ("Children 0 - 18 - 0121 000 0000", "0121 000 0000"),
        ("Ring 0111 222 3333", "0111 222 3333"),
        # a number read from within a run is no one's ("0101 213 0318"): never refused
        ("Mon-Fri 9-5 and 10-1 0121 303 1888", None),
        ("Missing People 116 000", None),
        ("Seen 12/05/2026; ring 01922 650000 ext 1000", None),
        # dates, years and ages beside a number (third look, 2026-12-05)
        ("New number from 01.12.2026: 0800 970 2070", None),
        ("Closed 24.12.2026 - 02.01.2027", None),
        ("Christmas 2026: 1000-1400", None),
        ("Ages 0-25: 0808 800 5000", None),
        ("Ages 0-18 0800 1111", None),
    ],
)
def test_a_placeholder_is_found_by_a_whole_numbers_length_from_either_end(words, found):
    said = placeholder_in(words)
    assert (said is None) if found is None else (said[0] == found), said
