"""Two services in use a worker could not tell apart are refused on the lead's side."""

from app.db.service_names import mixed_letters, named_twice, read_as

NAMES = ["id", "name", "area", "status"]
NDAH = ("ndah", "National Domestic Abuse Helpline", "national", "active")


def test_a_name_reads_the_same_whatever_its_punctuation_case_or_look_alike_letters():
    """ "…Helpline.", "…Help-line" and a Cyrillic "е" were signed beside the helpline, and
    the plan listed both numbers (re-attack, 2026-12-04; H340)."""
    for other in (
        "National Domestic Abuse Helpline.",
        "National Domestic Abuse Help-line",
        "Nati\u043enal Domestic Abuse Helpline",  # Cyrillic о
        "NATIONAL  domestic abuse helpline",
        "National Domestic Abuse Helplıne",  # dotless i
        "National Domestic Abuse Heǀpline",  # a Latin click letter for l
        "National Domestic Abuse He\u04c0pline",  # Cyrillic capital palochka
    ):
        assert read_as(other) == read_as(NDAH[1]), other
    assert read_as("Dudley LADO") != read_as("Sandwell LADO")
    assert read_as("Birmingham & Solihull Women's Aid") == read_as(
        "Birmingham and Solihull Women's Aid"
    )


def test_a_word_mixing_two_alphabets_is_named_and_one_alphabet_is_not():
    """No list of look-alikes is whole: an Armenian o, a Cherokee D (re-attack, H340)."""
    assert mixed_letters("National D\u0585mestic Abuse Helpline") == "D\u0585mestic"
    assert mixed_letters("\u13a0omestic Abuse") == "\u13a0omestic"
    one_alphabet = ("Café Aid", "Cymorth i Fenywod", "\u0645\u062f\u062f Helpline", "Galop")
    for fine in (*one_alphabet, "Black Country Women\u02bcs Aid", "N\u00ba 1 Refuge"):
        assert mixed_letters(fine) == "", fine


def test_one_name_is_refused_where_the_areas_meet_only():
    """Each borough's own LADO may have one name; a national service meets every borough."""
    rows = [
        NDAH,
        ("ndah2", "National Domestic Abuse Help-line", "national", "active"),
        ("lado-d", "Local Authority Designated Officer", "dudley", "active"),
        ("lado-s", "Local Authority Designated Officer", "sandwell", "active"),
        ("lado-w", "Local Authority Designated Officer", "walsall;dudley", "active"),
        ("old", "National Domestic Abuse Helpline", "national", "retired"),
    ]
    found = named_twice(NAMES, rows)
    assert [(at, problem.split(":")[0]) for at, _, problem in found] == [
        (1, "service ndah has this name too"),
        (4, "service lado-d has this name too"),
    ]
