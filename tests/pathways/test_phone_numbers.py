"""Which texts are UK numbers: strictly on the lead's side, as before on a laptop."""

import pytest

from app.pathways.phone_numbers import uk_phone_digits


@pytest.mark.parametrize(
    ("text", "strict", "lenient"),
    [
        ("0121 496 0000", "01214960000", "01214960000"),
        ("016977 4123", "0169774123", "0169774123"),  # other 01 areas: 10 digits too
        ("01204 12345", "0120412345", "0120412345"),
        ("+44 (0)121 496 0000", "01214960000", "01214960000"),
        ("0808 2000 247", "08082000247", "08082000247"),
        ("0800 1111", "08001111", "08001111"),
        ("116 123", "116123", "116123"),
        # a digit short: refused on the lead's side, read as before where signed before
        ("0121 496 000", None, "0121496000"),
        ("020 7946 000", None, "0207946000"),
        ("-0808-2000-247", None, "08082000247"),
        ("0121 552 644\u09ea", None, None),  # a Bengali four: never a number
        ("0900 123 456", None, None),
    ],
)
def test_the_lead_reads_strictly_and_a_laptop_as_before(text, strict, lenient):
    assert uk_phone_digits(text) == strict
    assert uk_phone_digits(text, strict=False) == lenient


@pytest.mark.parametrize(
    ("kind", "rung"),
    [
        ("Fax", False),
        ("fax number", False),
        ("TTY", False),
        ("Telefax\u00a0", False),
        # a word for a line to ring: rung, though another word names a text line (review)
        ("Voice and text", True),
        ("Call or text", True),
        ("Textphone and voice", True),
        ("Helpline - Relay UK for textphone users", True),
        # words that only hold those letters
        ("context", True),
        ("Bettys line", True),
        ("", True),
    ],
)
def test_a_phone_type_is_read_word_by_word(kind, rung):
    from app.pathways.phone_numbers import ringable

    assert ringable(kind) is rung
