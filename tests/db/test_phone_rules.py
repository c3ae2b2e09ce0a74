"""The phone field's rule: a UK number, and when not, what is wrong where it can be told."""

import pytest

from app.db.phone_rules import phone_problems


@pytest.mark.parametrize(
    "number",
    [
        "0121 552 70O3",
        "0l21 552 7003",
        "\uff10\uff11\uff12\uff11 \uff15\uff15\uff12 \uff17\uff10\uff10\uff10",
    ],
)
def test_a_number_with_a_letter_or_another_scripts_figure_says_so(number):
    """They met "is not a UK phone number" only, though the lead guide says what is wrong."""
    (problem,) = phone_problems(number)
    assert "has a letter or another script's figure among its digits" in problem


@pytest.mark.parametrize(
    ("number", "said"),
    [
        ("0300 555 2866 ext 204", "it holds an extension; write the number alone"),
        ("0121 552 6449 x204", "it holds an extension"),
        ("0300 555 2866 / 0300 555 2922", "it holds 2 numbers; write the one workers ring"),
        ("0300 555 2866 or 0121 552 6449", "it holds 2 numbers"),
        ("1215526449", "a spreadsheet wrote it as a number, its first 0 lost"),
        ("1.21553E+09", "format the column as Text"),
        ("hello", "(allowed: 999, 101"),
        # each met only the list of number forms (the lead's walk, 2026-12-07)
        ("info@sandwell.gov.uk", "it is an e-mail address; put it in the email column"),
        ("0121 569 23S5", "it has a letter ('S') among its figures; type figures only"),
        ("0121 569", "it has 7 figures, UK numbers 10 or 11; write it in full"),
        ("0600 123 4567", "(allowed: 999, 101"),  # 11 figures: never "it has 11 figures"
        ("0121 569 310S", "it has a letter ('S') among its figures"),  # at its end (re-attack)
        ("0800 1111 option 3", "write the number alone ('0800 1111'), and any words about it"),
        ("Tel: 0121 569 3100", "write the number alone ('0121 569 3100')"),
    ],
)
def test_a_number_refused_says_what_is_wrong_where_it_can(number, said):
    """An extension, a second number, or a number Excel stored as one met only a list of
    number forms, and the guide said a figure was missing (the lead's walk, 2026-12-06)."""
    (problem,) = phone_problems(number)
    assert problem.startswith(f"'{number}' is not a UK phone number") and said in problem


@pytest.mark.parametrize(
    "number", ["0044 121 552 6448", "0044 (0)121 552 6448", "00 44 121 552 6448"]
)
def test_a_number_with_the_international_prefix_says_how_to_write_it(number):
    """ "0044 121 552 6448" met "has 14 digits: UK numbers have 10 or 11", nothing of the forms
    allowed (the lead's walk, 2026-12-07)."""
    (problem,) = phone_problems(number)
    assert problem.endswith("write it as 0121 552 6448 or +44 121 552 6448")
