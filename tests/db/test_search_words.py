"""What a worker types, as the index's query: quoted, prefix-matched, and their words."""

from app.db.search_words import MAX_WORDS, any_word_expression, match_expression


def test_every_word_is_quoted_and_prefix_matched():
    assert match_expression('help NEAR "x') == '"help"* AND "NEAR"* AND "x"*'
    assert match_expression('AND "x') == '"x"*'  # a word that names no service: left out
    assert match_expression("womens") == '("womens"* OR "women")'
    pasted = " ".join(["1"] * 16_000)  # a page pasted in: searched as its first words
    assert match_expression(pasted).count('"1"*') == MAX_WORDS
    assert match_expression("( * )") is None


def test_any_word_is_asked_for_only_of_two_words_or_more():
    assert any_word_expression("child sexual") == '"child"* OR "sexual"*'
    assert any_word_expression("football coach") == '"football"* OR ("coach"* OR "lado"*)'
    assert any_word_expression("child") is None and any_word_expression("( * )") is None
    words = " ".join(["a"] * 100)
    assert any_word_expression(words).count('"a"*') == MAX_WORDS


def test_a_number_is_never_found_by_some_of_its_groups():
    """ "0300 555 2867", Walsall's front door with its last digit wrong, listed Dudley's
    front door first (re-attack F21, 2026-12-06)."""
    for typed in ("0300 555 2867", "0121 569 3100 birmingham", "07700 900666 mash", "16 years"):
        assert any_word_expression(typed) is None


def test_a_possessive_s_is_no_word_of_its_own():
    """ "women's aid" searched for a word beginning "s" too, and a men's service came
    first (housing officer's walk, 2026-12-07)."""
    for typed in ("women's aid", "women\u2019s aid", "WOMEN'S AID"):
        assert match_expression(typed).casefold() == '"women"* and "aid"*'
    assert match_expression("St George's") == '"St"* AND "George"*'
    assert match_expression("it's") == '"it"*'


def test_words_that_name_no_service_are_left_out_where_others_remain():
    """In "my partner hit me wolverhampton", "me" found "men", "mental" and "medical", and
    the women's service was not listed (re-walk, 2026-12-07)."""
    assert match_expression("my partner hit me") == '"partner"* AND "hit"*'
    assert match_expression("child at risk") == '"child"* AND "risk"*'
    assert match_expression("who is it") == '"who"* AND "is"* AND "it"*'  # nothing else
