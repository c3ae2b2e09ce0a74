"""Which texts are UK numbers: strictly on the lead's side, as before on a laptop."""

import pytest

from app.pathways.phone_numbers import format_uk_phone, uk_phone_digits


@pytest.mark.parametrize(
    ("text", "strict", "lenient"),
    [
        ("0121 496 0000", "01214960000", "01214960000"),
        # 10 digits only where Ofcom's plan has five-figure local numbers (and Brampton's four)
        ("016977 4123", "0169774123", "0169774123"),
        ("01204 12345", "0120412345", "0120412345"),
        ("01384 81234", "0138481234", "0138481234"),  # Dudley
        ("01922 65200", None, "0192265200"),  # Walsall: six figures only (DA lead, 2026-12-02)
        ("01902 55500", None, "0190255500"),  # Wolverhampton
        ("01697 41234", None, "0169741234"),  # Brampton's neighbours: six figures
        ("+44 (0)121 496 0000", "01214960000", "01214960000"),
        ("0808 2000 247", "08082000247", "08082000247"),
        ("0800 1111", "08001111", "08001111"),
        ("0808 2000 24", None, None),  # 0808 has 11 digits (re-attack round, 2026-12-02)
        ("0800 123 45", None, None),  # 0800 10 or 11, or 0800 1111
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


@pytest.mark.parametrize(
    ("kind", "rung"),
    [
        ("\uff26\uff21\uff38", False),  # "ＦＡＸ": the letters as typed
        ("Fax line", False),
        ("TDD line", False),
        ("Txt line", False),
        ("Texts", False),
        ("Answerphone", False),  # messages only: no one to speak to
        ("Teams", False),  # an app, not a team to ring (tenth attack round)
        ("Msg", False),
        ("Tel", True),
        ("Freephone", True),
        ("Advice line", True),
        # both: rung on a laptop (an update signed before the lead's rules); refused there
        ("Tel/Text", True),
        ("Video call (BSL)", True),
    ],
)
def test_a_laptop_reads_the_letters_as_typed_and_a_fax_line_is_not_rung(kind, rung):
    from app.pathways.phone_numbers import ringable

    assert ringable(kind) is rung


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("", None),
        ("voice", None),
        ("Fax number", None),
        ("Helpline (24h)", None),
        ("Fax (no calls)", "names a line to ring (call) and one not to (fax)"),
        ("Main/Fax", "names a line to ring (main) and one not to (fax)"),
        ("Voice only (no SMS)", "names a line to ring (voice) and one not to (sms)"),
        ("Voice (not weekends)", "says what a line is not (not)"),
        ("WhatsApp number", None),  # a line not to ring: left out, never shown
        # what real feeds write (vCard's types, which HSDS points to; ninth attack round)
        ("Work", None),
        ("Home", None),
        ("Crisis line", None),
        ("Professionals' line", None),
        ("Switch board", None),
        ("Call us", None),
        ("Direct dial", None),
        ("Voice,pref", None),
        ("Mon-Thu 9am-5pm", None),
        ("24/7 line", None),
        # the Directory offered it to copy, the plan showed it in small type (H497)
        ("Out of hours 0300 555 2922", "holds a number: put it in the phone or its note"),
        ("Voice mail", "names a line to ring (voice) and one not to (mail)"),
        ("Mobile (text only)", "names a line to ring (mobile) and one not to (text)"),
        ("Text phone", "names a line to ring (phone) and one not to (text)"),
        ("Faxline", "is not known (faxline): write 'voice' for a line a worker rings"),
        ("Helpline - Relay UK for textphone users", "is not known (users)"),
        ("\u0424\u0430\u043a\u0441", "is not known"),  # "Факс"
        ("-", "is not known"),
        (b"fax", "is not text: write 'voice'"),  # a BLOB in a database written by hand
    ],
)
def test_the_lead_is_asked_about_a_type_that_says_nothing_or_two_things(kind, said):
    from app.pathways.phone_numbers import type_problem

    problem = type_problem(kind)
    assert problem is None if said is None else said in problem


def test_a_check_record_names_its_service_and_its_check_and_reads_a_number_however_spaced():
    from app.pathways.phone_numbers import contact_record

    check = ("2026-11-20", "phoned", "DA lead")
    contact = ("0300 555 2866", "Out of hours: 0300 555 2922", "")
    record = contact_record("walsall-mast", contact, check)
    assert record.startswith("sha256:walsall-mast:")
    respaced = ("03005552866", "out of hours: 03005552922", "")
    assert record == contact_record("walsall-mast", respaced, check)
    assert record != contact_record("sandwell-mash", contact, check)
    assert record != contact_record("walsall-mast", contact, ("2026-12-01", *check[1:]))


@pytest.mark.parametrize(
    ("words", "other"),
    [
        ("Silent Solution: from a mobile, dial 999, then press 55 if it is not safe", ""),
        ("free from landlines and mobiles; 999 in a life-threatening emergency", ""),
        ("Textphone: 18000, or 18001 101", ""),  # Relay UK to 999 and to 101
        ("Mon-Fri 9.00-17.00; closed 24/12/2026", ""),  # a time and a date
        ("Do not ring 999: ring 0121 496 0000 instead", "0121 496 0000"),
        ("use 0121.496.0000", "0121.496.0000"),
        ("+44 121 496 0000", "44 121 496 0000"),
        ("Samaritans 116 123", "116 123"),
        ("\uff10\uff11\uff12\uff11\uff14\uff19\uff16", "0121496"),  # full-width: digits
        # re-attack round, 2026-12-02: Word's dashes, other marks, superscripts
        ("Ring 0121 \u2013 626 \u2013 5000", "0121 \u2013 626 \u2013 5000"),
        ("0121/626/5000 or 0121_626_5000", "0121/626/5000"),
        ("0121:496:0000", "0121:496:0000"),
        ("0121 ... 496 -- 0000", "0121 ... 496 -- 0000"),  # second re-attack round
        ("\u2070\u00b9\u00b2\u00b9\u2074\u2079\u2076", "0121496"),
        ("24/7, 365 days; Mon-Fri 9:00 \u2013 17:00; 999 / 112", ""),
        ("2026-11-28 (undated NHS page)", ""),  # a day as the app writes it
        # NHS 111's own words, read as one run (third look, 2026-12-05)
        ("text relay 18001 111; 999 in a life-threatening emergency", ""),
        ("18001 111 0121 303 1888", "18001 111 0121 303 1888"),
    ],
)
def test_only_numbers_set_nationally_may_stand_beside_999(words, other):
    """999, 101 and 111 are shown with no other number beside them (H208)."""
    from app.pathways.phone_numbers import fixed_line_name, fixed_line_words, other_number

    assert other_number(words) == other
    assert fixed_line_words(words, "999") == ("" if other else words)
    assert fixed_line_words(words, "0121 496 0001") == words  # any other service says it
    assert fixed_line_name(words, "1 0 1") == ("Police non-emergency" if other else words)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("999", "999"),
        ("116123", "116 123"),
        ("08082000247", "0808 200 0247"),
        ("0808 2000 247", "0808 2000 247"),  # the lead's grouping is kept
        ("024-7678-8555", "024 7678 8555"),
        ("024 7678 855", None),  # a digit short
        # a digit short of a Birmingham number passed, was confirmed and shown (review
        # 2026-12-01): 011x and 01x1 numbers always have 11 digits, as 02 numbers do
        ("0121 496 000", None),
        ("0113 496 000", None),
        ("016977 4123", "016977 4123"),  # other areas: 10 digits too (Brampton)
        ("0169774123", "016977 4123"),  # grouped as Brampton's code and local number
        ("01384-81234", "01384 81234"),
        ("-0808-2000-247", None),  # shown to the worker as written
        ("0800 1111", "0800 1111"),
        ("+44 24 7678 8555", "024 7678 8555"),
        ("01922 653405", "01922 653405"),
        ("0121 303 2296", "0121 303 2296"),
        ("03005552866", "0300 555 2866"),
        ("07700900123", "07700 900123"),
        ("12345", None),
        ("0900 123 456", None),
    ],
)
def test_uk_numbers_are_written_one_way(typed, shown):
    assert format_uk_phone(typed) == shown
