"""How a field's words would show on a laptop: the rules the lead is told of in any field
(each is applied to every field of a service by service_checks, whose tests show that)."""

import pytest

from app.db.text_rules import text_problems


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("name", "Black\u00a0Country Women's Aid", "U+00A0 (no-break space) is not allowed"),
        ("hours", "9\u2029to 5", "U+2029 (paragraph separator) is not allowed"),
        ("notes", "One\u2028two", "U+2028 (line separator) is not allowed"),
        ("name", "Wome\u0301\u0302\u0303n's Aid", "three or more accents on one letter"),
        ("hours", "9-5" + "x" * 70, "73 characters without a space: at most 30 fit"),
        ("name", "Women's\u2800Aid", "U+2800 (braille pattern blank) shows as nothing"),
        ("notes", "Ring \u3164first", "U+3164 (hangul filler) shows as nothing"),
    ],
)
def test_odd_spaces_and_stacked_marks_are_refused_by_name(field, typed, said):
    """Laptops read them plainly (a name of line separators put 999 below the screen; one of
    no-break spaces widened the window past Quick exit: attack round, 2026-12-02); the lead
    is told which character, and what to type instead."""
    assert said in text_problems(field, typed)[0]


@pytest.mark.parametrize(
    "field",
    [
        "name",
        "organisation",
        "phone_note",
        "hours",
        "notes",
        "referral_route",
        "alert",
        "phone_type",
        "source",
        "source_seen",
    ],
)
def test_a_number_a_worker_may_ring_in_any_words_is_held_to_the_phone_rule(field):
    """ "out of hours: 024 7683 222" (a digit short) in the front door's note was signed and
    shown "confirmed" on every laptop: the strict rule read only the phone field (attack,
    2026-12-02). Whole numbers, and figures that are not numbers, stand."""
    (said,) = text_problems(field, "out of hours: 024 7683 222")
    assert said.startswith("'024 7683 222' is not a UK phone number (02, 011x")
    assert "a worker may ring it, so write it in full" in said
    for fine in ("out of hours: 024 7683 2222", "Mon-Fri 9-5, 10-4", "charity 1012345"):
        assert text_problems(field, fine) == []
    # another country's number was never read (attack, 2026-12-04; H336)
    (said,) = text_problems(field, "Out of hours ring 001 900 555 0123 (duty desk).")
    assert said.startswith("'001 900 555 0123' is another country's number")
    # a sample feed's number, which rings no one (feed attack, 2026-12-05; H436)
    for typed, read in (
        ("Out of hours: 07700 900 123", "07700 900123"),
        ("Out of hours: 0121 496 0126/7", "0121 496 0126"),  # one run to the number rules
        ("Refer: 0121 555 0100 / 0121 496 0127", "0121 496 0127"),
        ("Line down: ring +44 (0)121 496 0126 instead", "0121 496 0126"),
    ):
        (said,) = text_problems(field, typed)
        assert said.startswith(f"'{read}' is a number Ofcom keeps for films and TV"), said
    # a placeholder, which is no one's (H438)
    (said,) = text_problems(field, "ring 0121 000 0000")
    assert said == (
        "'0121 000 0000' is no one's number (a local number never begins with 0 or 1): give "
        "the service's own"
    )


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ("Out of hours: 0121 464 9O01", "0121 464 9O01"),
        ("Ring 0121 552 645O to refer", "0121 552 645O"),
        ("0l21 496 0000 (24 hours)", "0l21 496 0000"),
    ],
)
def test_a_number_with_a_letter_among_its_digits_is_quoted_as_typed(typed, quoted):
    """The refusal quoted '0121 464 9001' for "9O01": the letter already read as a figure,
    the lead could not see what to retype (attack on the update path F16)."""
    (said,) = text_problems("phone_note", typed)
    assert said.startswith(f"{quoted!r} has a letter or another script's figure")


def test_a_number_in_words_refused_says_what_is_wrong_where_it_can():
    """ "0121 569 23S5" was quoted as '0121 569 23', its letter unsaid, and a figure too many
    in an 03 number was told the lengths of 01 numbers (the lead's walk, 2026-12-07)."""
    (said,) = text_problems("phone_note", "Out of hours: 0121 569 23S5 (duty team)")
    assert said.startswith("'0121 569 23S5' has a letter ('S') among its figures")
    (said,) = text_problems("phone_note", "Out of hours 0300 555 29222")
    assert said == "'0300 555 29222' has 12 figures: UK numbers have 10 or 11"
    (said,) = text_problems("phone_note", "Text 0786 0022 95 or call 0121 569 3100")
    assert said == "'0786 0022 95' has 10 figures: 07 numbers have 11"  # not 01's lengths


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        # a name struck through, one mark a letter, above 999 and a front door's number
        ("name", "".join(c + "\u0336" for c in "Emergency services"), "U+0336 (combining long"),
        ("name", "".join(c + "\u0338" for c in "Walsall MASH"), "draws over the letters"),
        ("phone_note", "O\u0336u\u0336t\u0336 of hours: 0300 555 2922", "draws over"),
        ("name", "Childline\u20e0", "U+20E0 (combining enclosing circle backslash) draws"),
        # Cyrillic О and о: the card no longer lifted the out-of-hours line into large type
        ("phone_note", "\u041eut \u043ef h\u043eurs: 0300 555 2922", "mixes letters of two"),
        # a fraction slash: read as a number, shown in small type and copied undiallable
        ("phone_note", "Out of hours: 0300 555 29\u204422", "U+2044 (fraction slash) among"),
        ("notes", "Or ring 0121 496\u22150000", "U+2215 (division slash) among its figures"),
        # and round the rules just made (re-attack, 2026-12-07): invisible in the list of
        # changes, or a styled or struck letter no rule read as one
        ("phone_note", "O\ufe0fut of hours: 0300 555 2922", "U+FE0F (variation selector-16)"),
        ("phone_note", "O\U000e0100ut of hours", "shows as nothing"),
        ("phone_note", "\U0001d5ae\U0001d5ce\U0001d5cd of hours", "is a styled 'O'"),
        ("phone_note", "Out of h\u2134urs", "is a styled 'o'"),
        ("notes", "Childline 0800 \u2160\u2160\u2160\u2160", "is a styled 'I'"),
        ("name", "\u0246m\u0247rg\u0247n\u023cy s\u0247rv\u0268\u023c\u0247s", "every letter of"),
        ("name", "".join(c + "\u033d" for c in "Emergency"), "is struck or marked"),
        # pasted from Excel with its quotation marks (the lead's walk, 2026-12-07; H580)
        ("name", "\u201cNational Stalking Helpline\u201d", "is in quotation marks"),
        ("organisation", '"Suzy Lamplugh Trust"', "is in quotation marks"),
    ],
)
def test_what_changes_a_word_or_a_number_unseen_is_refused(field, typed, said):
    """Each passed the lead's every check and was signed (content attack, 2026-12-07)."""
    assert any(said in problem for problem in text_problems(field, typed))


def test_accents_other_alphabets_and_dashes_in_times_still_pass():
    for field, typed in [
        ("name", "Cafe\u0301 Refuge"),
        ("notes", "\u0110ur\u0111evac, ma\u0142\u017ce\u0144stwo, u\u0142o\u017cy\u0142"),
        ("name", "\u0141\u00f3d\u017a and Zo\u00eb's Vi\u1ec7t service, N\u00ba 2"),
        ("notes", "Говорим по-русски (we speak Russian)"),
        ("hours", "Mon-Fri 9:00\u201317:00"),
        ("phone_note", "Out of hours: 0300 555 2922"),
    ]:
        assert text_problems(field, typed) == [], typed
