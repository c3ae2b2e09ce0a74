"""How many digits a whole 01 or 02 number has, by its area code (Ofcom's plan)."""

import re

import pytest

from app.pathways.area_codes import (
    GEOGRAPHIC_LENGTHS,
    TEN_DIGIT_CODES,
    drama_number,
    no_ones_number,
    placeholder_number,
    whole_geographic,
)
from app.pathways.phone_numbers import PHONE_MARKS, refused_number


@pytest.mark.parametrize(
    ("digits", "whole"),
    [
        ("01214960000", True),  # Birmingham, 0121: 11 digits only
        ("0121496000", False),
        ("02476788555", True),  # Coventry, 024
        ("0247678855", False),
        ("01922652000", True),  # Walsall: six-figure local numbers
        ("0192265200", False),  # a digit short (DA lead, 2026-12-02)
        ("0190255500", False),  # Wolverhampton
        ("0138481234", True),  # Dudley's 01384 has five-figure local numbers too
        ("01384812345", True),
        ("0169774123", True),  # Brampton, 016977: four figures
        ("0169741234", False),  # 01697 elsewhere: six
        ("0120412345", True),  # Bolton
        ("01384812", False),
    ],
)
def test_a_number_is_whole_only_with_its_areas_length(digits, whole):
    assert whole_geographic(digits) is whole


def test_every_ten_digit_code_is_a_four_figure_01_code_or_brampton():
    """A code from the 11-digit-only ranges (011x, 01x1) here would pass typos there."""
    for code in TEN_DIGIT_CODES:
        assert re.fullmatch(r"01[02-9][02-9]\d", code) or code == "016977", code


def test_the_message_names_an_area_the_rule_lets_have_ten_digits():
    assert "01384" in GEOGRAPHIC_LENGTHS and "01384" in TEN_DIGIT_CODES


def test_every_shipped_geographic_number_is_whole(graph):
    numbers = {s.id: PHONE_MARKS.sub("", s.phone) for s in graph.services.values() if s.phone}
    geographic = {i: d for i, d in numbers.items() if d.startswith(("01", "02"))}
    assert geographic, "the shipped directory holds council numbers"
    assert [i for i, d in geographic.items() if not whole_geographic(d)] == []


@pytest.mark.parametrize(
    ("digits", "why"),
    [
        ("01210000000", "a local number never begins with 0 or 1"),  # a sample feed's
        ("01211000000", "a local number never begins with 0 or 1"),
        ("02000000000", "a local number never begins with 0 or 1"),
        ("01384000000", "a local number never begins with 0 or 1"),  # five-figure code
        ("01112223333", "no area has the code 0111"),
        ("01712223333", "no area has the code 0171"),  # London's, before 2000
        ("02212345678", "no area has the code 022"),
        ("01632961000", "no area has the code 01632"),  # the drama area's
        ("08000000000", "noughts stand in for the number"),
        ("03000000000", "noughts stand in for the number"),
        *((d, "") for d in ("01215526448", "02476788555", "01384455999", "01922646709")),
        *((d, "") for d in ("0169772345", "08082000247", "08001111", "999", "116123")),
        ("116000", ""),  # Missing People's line for missing children (re-attack, H438)
    ],
)
def test_a_placeholder_is_no_ones_number(digits, why):
    """ "0121 000 0000" from a sample feed passed as a number to ring (attack on the update
    path, 2026-12-05; H438)."""
    assert placeholder_number(digits) == why


def test_every_shipped_number_is_someones(graph):
    numbers = {s.id: PHONE_MARKS.sub("", s.phone) for s in graph.services.values() if s.phone}
    assert [i for i, d in numbers.items() if placeholder_number(d) or drama_number(d)] == []


@pytest.mark.parametrize(
    ("digits", "drama"),
    [
        *((d, True) for d in ("01214960000", "01614960999", "01914980500", "02079460123")),
        *((d, True) for d in ("02890180000", "02920180000", "01632960000", "07700900666")),
        *((d, True) for d in ("08081570000", "09098790000", "03069990000", "01134960000")),
        *((d, False) for d in ("01214961000", "01194960000", "01714960000", "07700901000")),
    ],
)
def test_the_numbers_ofcom_keeps_for_drama(digits, drama):
    assert drama_number(digits) is drama


@pytest.mark.parametrize(
    ("digits", "said"),
    [
        ("105", "the national power-cut line, which is no service's line here"),
        ("119", "the NHS's COVID-19 line, which is no service's line here"),
        *((d, "") for d in ("999", "112", "101", "111", "116123", "08082000247")),
    ],
)
def test_a_short_number_of_no_service_here_is_refused_as_999s_are_on_others(digits, said):
    """105 was published as a women's aid's number and shown on every plan, though 112
    was refused there (attack on the update path F16): a laptop shows it "check it" and
    never confirmed, and adds the fallbacks (refused_number), as for a number no one rings."""
    assert no_ones_number(digits) == said
    assert refused_number(digits) is bool(said)
