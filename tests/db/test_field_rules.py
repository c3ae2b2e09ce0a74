"""The rules every directory field keeps, wherever a database is built, published or used."""

from datetime import date

import pytest

from app.db.field_rules import (
    assurance_problems,
    field_problems,
    rows_problems,
    table_problems,
)

# "if no answer", in Urdu
URDU = "\u0627\u06af\u0631 \u062c\u0648\u0627\u0628 \u0646\u06c1 \u0645\u0644\u06d2"


@pytest.mark.parametrize(
    "text",
    [
        f"{URDU} 0330 223 0099",
        f"{URDU}: 9-5 daily",
        f"0330 223 0099 {URDU}",  # first on the line: a card takes its direction from the Urdu
        f"{URDU} 0330\u2011223\u20110099",  # hyphens that cannot break
        f"{URDU} (0330) 2230099",
        "\U0001e900\U0001e901 0330 223 0099",  # Adlam, beyond the first plane
    ],
)
def test_a_number_in_a_field_with_right_to_left_words_is_refused_by_name(text):
    """Shown "0099 223 0330" on the card, the PDF and the summary (reviews 2026-12-01)."""
    (problem,) = field_problems("phone_note", text)
    assert "in a field with right-to-left words can show with its groups" in problem
    # and in a whole table's check, which reads plain text faster (it was skipped there)
    said = table_problems("service", ["id", "notes"], [("bcwa", text)])
    assert "right-to-left" in said[0]


@pytest.mark.parametrize("text", [URDU, f"{URDU} 12", "0330 223 0099 if no answer", "9-5"])
def test_right_to_left_words_or_a_number_alone_are_allowed(text):
    assert field_problems("phone_note", text) == []


CHECKED = {"assured_method": "phoned", "assured_by": "DA lead"}
TODAY = date(2026, 11, 30)


@pytest.mark.parametrize("day", ["2026-W48-2", "20261125", "24/11/2026", "2026-02-30", "2026-11"])
def test_a_day_checked_is_a_real_day_written_yyyy_mm_dd(day):
    """Python reads "2026-W48-2" and "20261125" as days: a card took "W4" for the month and
    no plan showed; "24/11/2026", as Excel writes it, lost the check unsaid (review)."""
    row = {"id": "ndah", "assured_date": day, **CHECKED}
    assert assurance_problems(row, TODAY) == [
        ("assured_date", f"{day!r} is not a day written YYYY-MM-DD")
    ]
    (said,) = rows_problems({"service": [row]})  # the lead's build
    assert said.startswith("service ndah: service assured_date:")


def test_a_day_checked_is_past_and_needs_how_and_who_and_nothing_else_does():
    assert assurance_problems({"assured_date": "2026-11-24", **CHECKED}, TODAY) == []
    assert assurance_problems({"assured_date": ""}, TODAY) == []
    to_come = {"assured_date": "2026-12-01", **CHECKED}  # "Confirmed" for a year, unchecked
    assert assurance_problems(to_come, TODAY) == [
        (
            "assured_date",
            "2026-12-01 is after today: the day it was checked (today on this computer is "
            "2026-11-30: if that is wrong, correct its clock)",
        )
    ]
    bare = {"assured_date": "2026-11-24", "assured_method": "web", "assured_by": " "}
    assert assurance_problems(bare, TODAY) == [
        ("assured_method", "a day checked needs how it was checked: phoned, provider"),
        ("assured_by", "a day checked needs who checked it (a role is enough)"),
    ]


def test_a_laptops_check_of_a_database_never_refuses_a_confirmation():
    """An update signed before the lead's checks were this strict must still arrive: the
    laptop shows such a service unconfirmed (tests/security, H115)."""
    names = ["id", "assured_date", "assured_method", "assured_by"]
    assert table_problems("service", names, [("ndah", "2026-W48-2", "", "")]) == []


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ("tel:+1 900 555 0123", "'+1 900 555 0123' is not a UK phone number"),
        ("tel:0121 496 000", "'0121 496 000' has too few or too many digits"),
        ("TEL:0044 121 569 310", "'0044 121 569 310'"),
        ("tel:0121 555 0100", None),
        ("tel:+44 121 555 0100", None),
        # a sample feed's number, which rings no one (feed attack, 2026-12-05; H436)
        ("tel:+44 121 496 0000", "'+44 121 496 0000' is a number Ofcom keeps for films and TV"),
        ("https://www.gov.uk", None),
    ],
)
def test_a_tel_link_holds_a_uk_number_by_the_phone_rules(link, problem):
    """A tel: link was checked for its scheme only, and stood as the way to reach a service
    with no number held: "Website: tel:+1 900 555 0123" (attack, 2026-12-04; H336)."""
    problems = table_problems("service", ["id", "website"], [("x", link)])
    assert (problems == []) if problem is None else (problem in problems[0]), problems
    # a laptop keeps an update signed before the rule (H340)
    assert table_problems("service", ["id", "website"], [("x", link)], strict=False) == []


def test_two_services_in_use_of_one_name_are_refused():
    """A second "National Domestic Abuse Helpline" with another number was signed, and a
    plan showed both lines, one under the other (attack, 2026-12-04; H340). Names are
    compared as read: case and spacing aside. A retired one's name is free."""
    names = ["id", "name", "status"]
    rows = [
        ("ndah", "National Domestic Abuse Helpline", "active"),
        ("ndah2", "national  domestic abuse helpline ", "active"),
        ("old", "National Domestic Abuse Helpline", "retired"),
        ("galop", "Galop", "active"),
    ]
    (problem,) = table_problems("service", names, rows)
    assert problem.startswith("service ndah2: service name: service ndah has this name too")
    assert table_problems("service", names, [rows[0], rows[2], rows[3]]) == []
    # the lead's side only: read on a laptop, an update installed before the rule was set
    # aside at an app upgrade, and every correction in it undone (re-attack, 2026-12-04)
    assert table_problems("service", names, rows, strict=False) == []
    mixed = [("x", "National D\u0585mestic Abuse Helpline", "active")]  # an Armenian o
    (problem,) = table_problems("service", names, mixed)
    assert "mixes letters of two alphabets" in problem
    assert table_problems("service", names, mixed, strict=False) == []


@pytest.mark.parametrize(
    ("times", "refused"),
    [(("25:00", "29:00"), 2), (("9am", "17:00"), 1), (("09:00", "17:00"), 0),
     (("00:00:00", "24:00"), 0), (("", ""), 0)],
)  # fmt: skip
def test_a_schedules_times_are_times_of_day(times, refused):
    """ "25:00" to "29:00" was kept and signed (feed attack, 2026-12-05)."""
    from app.db.field_rules import row_problems

    row = {"id": "s", "service_id": "x", "opens_at": times[0], "closes_at": times[1]}
    said = [p for p in row_problems("schedule", row) if "is not a time of day" in p]
    assert len(said) == refused, said


@pytest.mark.parametrize(
    ("byday", "times", "said"),
    [
        ("XX,,", ("09:00", "17:00"), "XX is not a day of the week: write MO, TU, WE"),
        ("1MO", ("09:00", "17:00"), "1MO is not a day of the week"),  # a month's first Monday
        ("MO,TU", ("09:00", "09:00"), "it opens and closes at the same time"),
        ("MO", ("09:00", "09:00:00"), "it opens and closes at the same time"),  # re-attack
        (",,", ("09:00", "17:00"), ",, is not a day of the week"),  # no day: every day
        ("MO", ("09:00", ""), "give the time it opens and the time it closes, or neither"),
        ("MO", ("", "17:00"), "give the time it opens and the time it closes, or neither"),
        ("mo, tu,", ("09:00", "17:00"), None),
        ("MO,TU,WE,TH,FR,SA,SU", ("00:00", "23:59"), None),
        ("", ("", ""), None),
    ],
)
def test_a_schedules_days_are_days_of_the_week_and_its_span_has_a_length(byday, times, said):
    """A feed's "XX,," was dropped without a word and its hours read as every day; "Mon
    09:00-09:00" was taken (attack on the update path, 2026-12-05; H439)."""
    from app.db.field_rules import row_problems

    row = {"id": "s", "service_id": "x", "byday": byday}
    row |= {"opens_at": times[0], "closes_at": times[1]}
    problems = row_problems("schedule", row)
    assert (problems == []) if said is None else (said in " ".join(problems)), problems


def test_a_figure_of_another_script_in_a_numbers_words_is_refused_on_laptops_too(tmp_path):
    """ "Out of hours: 0300 555 292৪" (a Bengali 4, drawn as an 8), signed as it was: the
    lead's side refused it, laptops showed it on Walsall's front door card, no number in
    large type, and a worker would ring …2928 (attack F21, 2026-12-06)."""
    from app.db.checks import Refused, check_database
    from tests.conftest import shipped_changed

    note = "UPDATE phone SET description = 'Out of hours: 0300 555 292\u09ea' "
    with pytest.raises(Refused, match="service walsall-mast: phone description: U\\+09EA \\(ben"):
        check_database(
            shipped_changed(tmp_path / "b.sqlite", note + "WHERE service_id = 'walsall-mast'")
        )
    assert check_database(
        shipped_changed(
            tmp_path / "a.sqlite", note.replace("\u09ea", "2") + "WHERE service_id = 'walsall-mast'"
        )
    )


MASH = "service_id = 'walsall-mast'"


@pytest.mark.parametrize(
    ("statement", "said"),
    [  # the re-attack: every field shown by a number, and figures that are no digit
        (
            "INSERT INTO schedule VALUES ('x', 'walsall-mast', 'out of hours 0300 555 292\u09ea', "
            "'', '', '')",
            "schedule description: U+09EA (bengali digit four)",
        ),
        (
            "UPDATE service SET alert = 'Line down: ring 0300 555 292\u09ea instead' "
            "WHERE id = 'walsall-mast'",
            "service alert: U+09EA",
        ),
        (
            "UPDATE service SET name = 'Walsall MASH 0300 555 292\u09ea' WHERE id = 'walsall-mast'",
            "service name: U+09EA",
        ),
        (
            f"UPDATE phone SET description = 'Out of hours: 0300 555 292\u2078' WHERE {MASH}",
            "phone description: U+2078 (superscript eight) is not one of the figures 0-9",
        ),
        (
            f"UPDATE phone SET description = 'Out of hours: 0300 555 29\u2461\u2461' WHERE {MASH}",
            "phone description: U+2461 (circled digit two)",
        ),
        (
            f"UPDATE phone SET description = 'Out of hours: 0300 555 29\u04172' WHERE {MASH}",
            "phone description: '0300 555 2902' has a letter among its figures",
        ),  # Cyrillic З
        (  # round 2: the lead's notes, in the Directory's details pane
            "UPDATE service SET notes = 'Out of hours: 0300 555 292\u09ea' "
            "WHERE id = 'walsall-mast'",
            "service notes: U+09EA",
        ),
        (
            f"UPDATE phone SET description = 'Out of hours: 0300 555 29\ufe0f22' WHERE {MASH}",
            "phone description: U+FE0F is drawn on the figure 9",
        ),
        (
            f"UPDATE phone SET description = 'Out of hours: 0300 555 O922' WHERE {MASH}",
            "phone description: '0300 555 O922' has a letter among its figures",
        ),
    ],
)
def test_a_figure_or_a_letter_for_one_in_words_by_a_number_is_refused_on_laptops(
    tmp_path, statement, said
):
    from app.db.checks import Refused, check_database
    from tests.conftest import shipped_changed

    with pytest.raises(Refused) as refused:
        check_database(shipped_changed(tmp_path / "x.sqlite", statement))
    assert f"service walsall-mast: {said}" in str(refused.value)


def test_the_quick_look_for_letters_by_figures_reads_the_letters_the_rule_does():
    """The laptop's check looks for a letter by a figure before loading the lead's word
    rules (kept off the way to the first question): the same letters, or one is missed."""
    from app.db.field_rules import LETTER_BY_FIGURE
    from app.db.text_rules import LOOKALIKES

    assert all(LETTER_BY_FIGURE.search(f"0{letter}") for letter in LOOKALIKES)
    assert not LETTER_BY_FIGURE.search("0a 1b")
