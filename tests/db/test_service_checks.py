"""The lead's inline checks, on the shipped services and on edits a lead might type."""

import csv

import pytest

from app.db.maintenance import vocabulary
from app.db.service_checks import service_problems
from app.db.text_rules import NUMBERED_WORDS, text_problems
from tests.conftest import REPO

SHIPPED = REPO / "resources" / "services" / "services.csv"


@pytest.fixture(scope="module")
def words(graph):
    import tomllib

    kinds = tomllib.loads((REPO / "resources/services/directory.toml").read_text())["kinds"]
    return vocabulary(graph, kinds)


@pytest.fixture
def row():
    with SHIPPED.open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    return dict(rows["coventry-mash"])


def test_every_shipped_service_passes(graph, words):
    with SHIPPED.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            assert service_problems(record, words.kinds, words.areas) == {}, record["id"]


@pytest.mark.parametrize(
    ("changes", "field", "words_in_message"),
    [
        ({"phone": "024 7678 855"}, "phone", "has too few or too many digits (02, 011x"),
        # Walsall's numbers have six figures after 01922: one short passed (DA lead, 12-02)
        ({"phone": "01922 65200"}, "phone", "or 10 in the few areas with five-figure local"),
        ({"phone": "0900 123 456"}, "phone", "not a UK phone number"),
        ({"phone": "0121 7884 3000"}, "phone", "has 12 digits: UK numbers have 10 or 11"),
        ({"phone": "111"}, "phone", "111 is a national number: only a service of kind"),
        # read only without spaces, these escaped every rule for 999, 101 and 111 (H230)
        ({"phone": "9-9-9"}, "phone", "999 is a national number: only a service of kind"),
        ({"phone": "(111)"}, "phone", "write 111 on its own, not (111)"),
        ({"website": "http://coventry.gov.uk"}, "website", "https://"),
        ({"area": "coventry;narnia"}, "area", "unknown areas: narnia"),
        # signed as words, no day: the day decides a feed's change or the lead's (re-walk)
        ({"source_seen": "12/25/2026"}, "source_seen", "written YYYY-MM-DD (such as"),
        ({"source_seen": "7 Dec 2026, council page"}, "source_seen", "gives no day"),
        ({"source_seen": "9999-12-31 (a feed)"}, "source_seen", "9999-12-31 is after today"),
        ({"area": "narnia"}, "area", "a new area comes with an app release"),
        ({"area": "Coventry"}, "area", "lower case: Coventry (write coventry)"),
        # two areas it knows were "unknown areas: sandwell, dudley" (the lead's walk, 12-07)
        ({"area": "sandwell, dudley"}, "area", "separate areas with ';', not ',': 'sandwell, d"),
        ({"kinds": "mash_children;spaceship"}, "kinds", "unknown kinds: spaceship"),
        ({"min_age": "18", "max_age": "17"}, "min_age", "the lowest first"),
        ({"max_age": "150"}, "min_age", "allowed 0 to 120"),
        ({"min_age": "ten"}, "min_age", "whole numbers"),
        ({"name": "  "}, "name", "needs a name"),
        # kept with no number, so shown nowhere: five shipped notes were never read
        ({"phone": "", "phone_note": "No out-of-hours line"}, "phone_note", "has none"),
        ({"confidence": "certain"}, "confidence", "one of high, medium, low"),
        ({"assured_method": "guessed"}, "assured_method", "one of (empty), phoned, provider"),
        ({"notes": "<script>x</script>"}, "notes", "HTML tags"),
        ({"kinds": "refuge", "notes": "at 12 Acacia Road"}, "notes", "address must never"),
        ({"kinds": "refuge", "hours": "CV1 2AB"}, "hours", "address must never"),
        ({"kinds": "refuge", "notes": "refuge at 12 acacia avenue"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "12 High St, Coventry"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "Flat 2, 14 Elm Rd"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "at 12 Queen's Road"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "Ｂ１２ ９ＱＴ"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "///filled.count.soap"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "52.4862, -1.8904"}, "notes", "must never"),
        ({"notes": "our refuge is at 12 Acacia Road B12 9QT"}, "notes", "must never"),
        # street words, a hyphen and a street named without its number (re-attack, H358)
        ({"kinds": "refuge", "notes": "at 12 Acacia Rise, Whitmore Reans"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "Unit 4 Acacia Yard"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "7 The Parade"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "12 Acacia-Road"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "blue door on Acacia Road"}, "notes", "must never"),
        # a map's link, a postcode with a hyphen, a house number in words, a plus code (H362)
        (
            {"kinds": "refuge", "website": "https://www.google.com/maps/place/12+Acacia+Road"},
            "website",
            "must never",
        ),
        (
            {"kinds": "refuge", "website": "https://what3words.com/filled.count.soap"},
            "website",
            "must never",
        ),
        ({"kinds": "refuge", "notes": "Safe house: twelve Acacia Road"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "Wolverhampton WV1-1AA"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "GX2V+XX Wolverhampton"}, "notes", "must never"),
        # what3words named without slashes, short map links, a street by its capitals (H365)
        (
            {"kinds": "refuge", "notes": "back gate: what3words filled.count.soap"},
            "notes",
            "must never",
        ),
        ({"kinds": "refuge", "website": "https://goo.gl/xyz"}, "website", "must never"),
        ({"kinds": "refuge", "notes": "Acacia Road, number 12"}, "notes", "('Acacia Road' reads"),
        ({"kinds": "refuge", "notes": "Acacia Close, Whitmore Reans"}, "notes", "must never"),
        ({"kinds": "refuge", "notes": "ACACIA ROAD, WHITMORE REANS"}, "notes", "must never"),
        # a letter or another script's figure among a number's digits (H371)
        ({"phone_note": "out of hours: O300 555 857"}, "phone_note", "the figures 0-9"),
        ({"hours": "or ring 0l21 496 000"}, "hours", "(O for 0, l for 1)"),
        (
            {"notes": "\u0966\u0969\u0966\u0966 \u096b\u096b\u096b \u096e\u096b\u096d"},
            "notes",
            "0-9",
        ),
        # full-width figures, read as a number once normalised (feed attack, 2026-12-05)
        (
            {"phone_note": "Out of hours: \uff10\uff13\uff10\uff10 \uff15\uff15\uff15 8600"},
            "phone_note",
            "another script's figure",
        ),
        # a refuge by its words in any field (H367)
        ({"phone_note": "Women's safe house at 12 Acacia Road"}, "phone_note", "must never"),
        ({"website": "https://coventry.gov.uk@evil.example/x"}, "website", "no @ before"),
        # a refuge's card in plain words: a house's name, a district, a landmark (H386)
        ({"kinds": "refuge", "phone_note": "Old Vicarage, ring first"}, "phone_note", "'vicarage'"),
        ({"kinds": "refuge", "hours": "24 hours, near Molineux"}, "hours", "'molineux' is"),
        # and what the list's words still say of a place, its street's word, a map's figures,
        # the rest of its record (re-attack, H390)
        ({"kinds": "refuge", "phone_note": "On Walsall St, ring first"}, "phone_note", "'st' is"),
        ({"kinds": "refuge", "alert": "Moved to the police office"}, "alert", "places it"),
        ({"kinds": "refuge", "notes": "At 391200 300300"}, "notes", "'391200' places"),
        ({"kinds": "refuge", "name": "Haven at Old Vicarage"}, "name", "'vicarage' are neither"),
        ({"kinds": "refuge", "website": "https://h.org.uk/12-acacia-rd"}, "website", "'acacia'"),
        ({"kinds": "refuge", "source": "the manager at Acacia House"}, "source", "'Acacia House'"),
        ({"kinds": "refuge", "referral_route": "at acacia house"}, "referral_route", "plain words"),
        ({"kinds": "refuge", "alert": "Moved to the old vicarage"}, "alert", "'vicarage' is"),
        ({"kinds": "refuge", "notes": "Seen at whitmore reans"}, "notes", "'whitmore', 'reans'"),
        # open all day, or shut? (the lead's walk, 2026-12-06)
        ({"hours": "00:00-00:00"}, "hours", "opens and closes at the same time"),
        ({"hours": "Mon-Fri 09:00 to 09:00"}, "hours", "write 24 hours"),
    ],
)
def test_each_problem_names_the_field_and_what_is_allowed(
    row, words, changes, field, words_in_message
):
    problems = service_problems({**row, **changes}, words.kinds, words.areas)
    assert any(words_in_message in p for p in problems.get(field, [])), problems


def test_a_refuges_ordinary_words_are_no_address(row, words):
    said = "Open 7 days; at the end of the call, 24 hours in the school holidays, women only"
    said += "; one way to be safe; LGBTQ+ and ages 16+ welcome; https://somewhere.com"
    said += "; One Way to Safety; RISE and Stay Close groups; Safe House for women"
    # a helpline's words (H372): its number before "a refuge place", a team, a key to press
    said += "; call 0808 2000 247 for a refuge place; press 2 for the Court team"
    said += "; Police Street Triage and Walsall Street Teams"
    problems = service_problems(
        {**row, "kinds": "da_service", "audience": "women", "notes": said}, words.kinds, words.areas
    )
    assert "notes" not in problems


def test_a_refuges_card_is_refused_once_for_an_address(row, words):
    """Words the address rule reads as an address are named by it alone, not twice."""
    changes = {"kinds": "refuge", "phone_note": "12 Acacia Road, ring first"}
    problems = service_problems({**row, **changes}, words.kinds, words.areas)["phone_note"]
    assert len(problems) == 1 and "address must never" in problems[0]


def test_only_a_refuges_card_is_held_to_plain_words(row, words):
    """A women's DA service's drop-in is public: its card is read by the address rule."""
    changes = {
        "kinds": "da_service",
        "audience": "women",
        "phone_note": "Drop-in at Dudley Library",
    }
    assert service_problems({**row, **changes}, words.kinds, words.areas) == {}


def test_999_and_101_are_never_edited(words):
    import csv as reader

    with SHIPPED.open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in reader.DictReader(handle)}
    for sid, number, wrong in (
        ("emergency-999", "999", "0800 123 4567"),
        ("police-101", "101", "111"),
    ):
        problems = service_problems({**rows[sid], "phone": wrong}, words.kinds, words.areas)
        assert problems["phone"][0] == f"a service of kind {rows[sid]['kinds']} is always {number}"


@pytest.mark.parametrize("sid", ["emergency-999", "police-101", "nhs-111"])
def test_the_services_the_pathway_names_keep_their_number_and_kind(words, sid):
    """Its kind changed, 999 escaped the kind's rule and took a local number (review
    2026-12-01): the pathway names these services by id."""
    import csv as reader

    with SHIPPED.open(encoding="utf-8") as handle:
        row = next(r for r in reader.DictReader(handle) if r["id"] == sid)
    moved = {**row, "kinds": "helpline_da", "phone": "0121 555 0999"}
    problems = service_problems(moved, words.kinds, words.areas)
    assert problems["phone"] == [f"{sid} is always {row['phone']}"]
    assert problems["kinds"] == [f"{sid} is always of kind {row['kinds'].split(';')[0]}"]


def test_a_street_is_fine_for_a_service_that_is_not_a_refuge(row, words):
    assert (
        service_problems({**row, "notes": "at 12 Acacia Road, CV1 2AB"}, words.kinds, words.areas)
        == {}
    )


@pytest.mark.parametrize("value", ["=HYPERLINK(1)", "@SUM(1)", "+cmd|' /C calc'!A0"])
def test_a_cell_a_spreadsheet_would_run_is_refused_by_name(row, words, value):
    """An imported "'=HYPERLINK(…)" lost its apostrophe and went into the lead's
    services.csv as a live formula (review 2026-12-01). A phone may start with "+"."""
    from app.db.field_rules import rows_problems

    problems = service_problems({**row, "notes": value}, words.kinds, words.areas)
    assert any("a spreadsheet would run it as a formula" in p for p in problems["notes"])
    assert service_problems({**row, "phone": "+44 121 552 6448"}, words.kinds, words.areas) == {}
    found = rows_problems({"service": [{"id": "x", "name": "X", "notes": value}]})
    assert found and "formula" in found[0]


@pytest.mark.parametrize("age", ["1_7", "\u00b9\u2076", "\u0661\u0666", "17.0"])
def test_an_age_is_written_in_plain_digits_only(row, words, age):
    """ "1_7" was built as 17 while the lead's view read it as no age (no change shown);
    "¹⁶" stopped the maintenance window with a traceback (review 2026-12-01)."""
    problems = service_problems({**row, "max_age": age}, words.kinds, words.areas)
    # under the field typed into: the form showed nothing beside it (lead's attack, 12-02)
    assert problems == {"max_age": [f"ages must be whole numbers from 0 to 120, not {age!r}"]}


def test_a_link_with_a_space_in_it_is_refused_by_name(row, words):
    """ "https://exa mple.org" passed (lead's attack, 2026-12-02)."""
    problems = service_problems(
        {**row, "website": "https://exa mple.org"}, words.kinds, words.areas
    )
    assert problems == {
        "website": ["a link has no spaces: remove them, or write %20 where the page has one"]
    }


def test_a_phone_number_is_written_in_plain_digits_only(row, words):
    """ "0121 552 644৪" (a Bengali four, drawn like an eight) passed and was signed."""
    problems = service_problems({**row, "phone": "0121 552 644\u09ea"}, words.kinds, words.areas)
    assert "has a letter or another script's figure among its digits" in problems["phone"][0]


@pytest.mark.parametrize(
    "note",
    [
        "Fax line for referral forms",
        "Fax for the duty team",
        "Fax (not a phone line)",
        "Main fax line",
        "Referrals by fax only",
        "e-fax",
        "Fascimile",
        "\uff26\uff41\uff58",  # full-width
        "Facsimilie",
        "Telecopier",
        "Whats App only",
        "Fax only, Mon-Fri 9-5",  # hours are no other line's number
        "Text only, 24/7",
    ],
)
def test_a_number_whose_note_names_a_line_no_one_rings_is_refused(row, words, note):
    """A working copy has no phone type: "0121 552 6449", its note "Fax line for referral
    forms", was signed and shown in large type as the number to ring; a first word only,
    and a "not" read as nothing, let most ways of writing it through (attack rounds)."""
    said = service_problems({**row, "phone_note": note}, words.kinds, words.areas)["phone_note"]
    assert any("line, which a worker cannot ring" in s and "'Voice; …'" in s for s in said)


@pytest.mark.parametrize(
    "note",
    [
        "Voice; fax referrals only",
        "Call, or text NCDV",
        "Fax referrals to 0121 555 0000",  # another line's number: this one is rung
        "Textphone users: dial 18001 first",
        "Leave a voicemail out of hours",
        "BSL interpreters available on request",
        "Free helpline; text also available",
        "Main line. Text service for deaf callers",
    ],
)
def test_a_note_that_says_the_number_is_rung_or_gives_another_lines_stands(row, words, note):
    """Ordinary notes were refused, and an untouched one blocked a number's correction
    (re-attack round on H192)."""
    assert "phone_note" not in service_problems(
        {**row, "phone_note": note}, words.kinds, words.areas
    )


@pytest.mark.parametrize(
    "areas", ["coventry;national", "national ;sandwell", "sandwell;west_midlands"]
)
def test_a_wide_area_beside_other_areas_is_refused(row, words, areas):
    """A Black Country service given 'national' (or the region) too was the IDVA on a
    Coventry plan (attack rounds, 2026-12-01)."""
    (said,) = service_problems({**row, "area": areas}, words.kinds, words.areas)["area"]
    assert "covers every area it names already" in said
    assert "area" not in service_problems({**row, "area": "national"}, words.kinds, words.areas)


def test_open_24_7_is_yes_no_or_empty(row, words):
    """ "Yes" or "24/7" meant "no", silently (review 2026-12-01)."""
    problems = service_problems({**row, "open_24_7": "24/7"}, words.kinds, words.areas)
    assert problems["open_24_7"] == ["'24/7' is not allowed: one of yes, no, (empty)"]


@pytest.mark.parametrize(
    ("hours", "refused"),
    [
        ("Mon-Fri 9am-5pm", True),  # a daytime line listed under "24/7" on the plan
        ("Weekdays 8:30-17:00, Saturdays 9-1", True),
        ("24/7", False),
        ("24 hours", False),
        ("24hrs, free", False),
        ("", False),
    ],
)
def test_open_24_7_agrees_with_the_hours(row, words, hours, refused):
    """Open 24/7 with office hours put a line shut at night under "24/7", the one a worker
    rings at night (own review, 2026-12-03)."""
    changed = {**row, "open_24_7": "yes", "hours": hours}
    said = service_problems(changed, words.kinds, words.areas).get("open_24_7", [])
    assert bool(said) is refused, said
    assert not said or "leave Open 24/7 empty" in said[0]


@pytest.mark.parametrize(
    ("hours", "refused"),
    [("24 hours", True), ("24/7", True), ("Mon-Fri 9:00-17:00", False), ("", False)],
)
def test_a_line_not_open_24_7_does_not_say_it_is(row, words, hours, refused):
    """Its times Mon-Fri 9-5 and its hours "24 hours": the card told the worker "24 hours"
    of a line shut at night (feed attack, 2026-12-05)."""
    changed = {**row, "open_24_7": "", "hours": hours}
    said = service_problems(changed, words.kinds, words.areas).get("open_24_7", [])
    assert bool(said) is refused, said
    assert not said or said[0].startswith(f"no, but the hours say {hours!r}")


@pytest.mark.parametrize(
    ("checked", "field", "said"),
    [
        (("24/11/2026", "phoned", "DA lead"), "assured_date", "is not a day written YYYY-MM-DD"),
        (("2099-01-01", "phoned", "DA lead"), "assured_date", "is after today"),
        (("2026-11-24", "", "DA lead"), "assured_method", "needs how it was checked"),
        (("2026-11-24", "phoned", "  "), "assured_by", "needs who checked it"),
    ],
)
def test_a_persons_check_not_recorded_as_it_must_be_is_shown_on_its_row(
    row, words, checked, field, said
):
    """Only publish refused these, naming the first of them; the window showed no ⚠ on
    the row that held one (review 2026-12-01)."""
    row |= dict(zip(("assured_date", "assured_method", "assured_by"), checked, strict=True))
    problems = service_problems(row, words.kinds, words.areas)
    assert any(said in problem for problem in problems[field])


def test_a_national_number_on_another_service_leaves_its_kinds_known(words):
    """The check reused the name of the known kinds: "unknown kinds: da_service, idva;
    allowed: c, e, e, e, g, m, n, r, y" beside 999 on a women's aid (attack round, H230).
    Nor are its other numbers refused as words beside 999: Walsall's front door's note and
    source were, three errors for the one number to correct (lead review, 2026-12-02)."""
    with SHIPPED.open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    for sid in ("bswa", "walsall-mast"):
        problems = service_problems({**rows[sid], "phone": "999"}, words.kinds, words.areas)
        assert set(problems) == {"phone"}, problems


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("0121 000 0000", "a local number never begins with 0 or 1"),
        ("0111 222 3333", "no area has the code 0111"),
        ("0800 000 0000", "noughts stand in for the number"),
    ],
)
def test_a_placeholder_number_is_refused_with_why(row, words, number, why):
    """The placeholders of sample feeds and spreadsheets passed as numbers to ring (attack
    on the update path, 2026-12-05; H438)."""
    problems = service_problems({**row, "phone": number}, words.kinds, words.areas)
    assert problems["phone"] == [
        f"{number!r} is no one's number ({why}): write the service's own number"
    ]


@pytest.mark.parametrize(
    ("copied", "number", "said"),
    [
        ("emergency-999", "999", "999 is held by emergency-999 alone"),
        ("emergency-999", "112", "112 rings the same as 999, which is held by emergency-999"),
        ("police-101", "101", "101 is held by police-101 alone"),
        ("nhs-111", "111", "111 is held by nhs-111 and nhs-111-mh alone"),
    ],
)
def test_a_second_line_on_999_101_or_111_is_refused(words, copied, number, said):
    """A feed's "Police and ambulance" on 999, its note "hang up and text 999 instead", stood
    on the Call 999 card beside 999's own, and was signed (attack, 2026-12-05; H437). The
    release's own holders stand."""
    with SHIPPED.open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    second = {**rows[copied], "id": "wm-line", "name": "Police and ambulance", "phone": number}
    second["phone_note"] = "If it is not safe to speak, hang up and text 999 instead"
    problems = service_problems(second, words.kinds, words.areas)
    alone = "" if said.endswith("alone") else " alone"
    assert (
        f"{said}{alone}: a second line with it stands beside it on every plan, so change the "
        "words of that one instead"
    ) in problems["phone"]
    for holder in ("emergency-999", "police-101", "nhs-111", "nhs-111-mh"):
        assert "phone" not in service_problems(rows[holder], words.kinds, words.areas)


def test_a_line_named_for_999_101_or_111_that_is_not_it_is_refused(row, words):
    """ "NHS 111 Birmingham and Solihull" on a local number, its note "hang up and wait for
    a call back", stood beside 111 on the medical check card (third look, 2026-12-05;
    H442). The national lines' own names stand."""
    named = {**row, "name": "NHS 111 Birmingham and Solihull", "phone": "0121 303 9944"}
    problems = service_problems(named, words.kinds, words.areas)
    assert problems["name"] == ["the name says 111, which this line is not: name it otherwise"]
    assert "name" not in service_problems({**row, "name": "Room 1011"}, words.kinds, words.areas)


@pytest.mark.parametrize(
    ("sid", "kinds", "said"),
    [
        ("emergency-999", "emergency;da_service", "999 is of kind emergency only, not da_service"),
        ("nhs-111-mh", "mental_health;idva", "111 is of kind mental_health or urgent_care only"),
    ],
)
def test_999_101_and_111_are_of_their_own_kinds_only(words, sid, kinds, said):
    """999 passed as a specialist domestic abuse service too, and 111 as an IDVA, on every
    borough's card (re-attack, 2026-12-05; H437)."""
    with SHIPPED.open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["id"] == sid)
    (problem,) = service_problems({**row, "kinds": kinds}, words.kinds, words.areas)["kinds"]
    assert problem.startswith(said)


def test_an_alert_on_999_101_or_111_is_refused_with_where_to_put_it(words):
    """No surface shows it (the pathway says when to ring them), so the lead is told at once
    rather than left to think every worker read it (attack round, 2026-12-02)."""
    with SHIPPED.open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    row = {**rows["emergency-999"], "alert": "Do not call 999: use 0121 626 5000 instead"}
    said = service_problems(row, words.kinds, words.areas)["alert"][0]
    assert "never shown" in said and "the service it is about" in said


@pytest.mark.parametrize("field", ["name", "organisation", "phone_note", "hours", "notes"])
def test_another_number_beside_999_101_or_111_is_refused_with_where_to_put_it(words, field):
    """Laptops leave such words out (H208), so the lead is told before signing; 999's own
    note (999, then 55) and 111's (999 in a life-threatening emergency) are allowed."""
    with SHIPPED.open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    for sid in ("emergency-999", "police-101", "nhs-111"):
        assert service_problems(rows[sid], words.kinds, words.areas) == {}
    row = {**rows["police-101"], field: "Ring 0121 626 5000 instead"}
    (said,) = service_problems(row, words.kinds, words.areas)[field]
    assert said.startswith("'0121 626 5000' is another number") and "it is about" in said
    elsewhere = service_problems({**rows["bcwa"], field: row[field]}, words.kinds, words.areas)
    assert field not in elsewhere


def test_a_number_pasted_with_a_no_break_space_is_tidied_not_refused(row, words):
    assert "phone" not in service_problems(
        {**row, "phone": "024\u00a07678 8555"}, words.kinds, words.areas
    )


@pytest.mark.parametrize(
    "number",
    [
        *("0121 496 0000", "+44 121 496 0999", "020 7946 0123", "01632 960 001", "07700 900666"),
        *("0808 157 0000", "0113 496 0500", "0306 999 0000", "0191 498 0000", "029 2018 0000"),
    ],
)
def test_a_number_ofcom_keeps_for_drama_is_never_a_number_to_ring(row, words, number):
    """A partner's sample feed line held 0121 496 0000, one of the numbers Ofcom keeps for
    films and TV, and it was imported and signed as a number to ring (feed attack,
    2026-12-05; H436). The numbers either side stand."""
    (said,) = service_problems({**row, "phone": number}, words.kinds, words.areas)["phone"]
    assert said == (
        f"{number!r} is a number Ofcom keeps for films and TV, which rings no one: "
        "write the service's own number"
    )
    for near in ("0121 496 1000", "0121 495 0999", "07700 901 000"):
        assert "phone" not in service_problems({**row, "phone": near}, words.kinds, words.areas)


def test_a_line_open_24_7_whose_numbers_note_says_when_no_one_answers_is_refused(row, words):
    """ "24 hours" with "answerphone overnight" in the number's note went under 24/7 lines
    (feed attack, 2026-12-05)."""
    note = "Answerphone overnight"
    changed = {**row, "open_24_7": "yes", "hours": "24 hours", "phone_note": note}
    said = service_problems(changed, words.kinds, words.areas).get("open_24_7", [])
    assert said and said[0].startswith("yes, but the number's note says 'Answerphone overnight'")


@pytest.mark.parametrize("field", NUMBERED_WORDS)
def test_the_words_rules_are_applied_to_every_field_a_worker_reads_a_number_from(row, words, field):
    """A cut-short number in the front door's note was signed and shown "confirmed" on every
    laptop when only the phone field was read (attack, 2026-12-02): each field a worker
    reads is held to the words' rules (app/db/text_rules.py; its tests hold the rules)."""
    day = "2026-12-01 " if field == "source_seen" else ""  # its own rule: a day first
    typed = {**row, field: f"{day}out of hours: 024 7683 222"}
    problems = service_problems(typed, words.kinds, words.areas)[field]
    assert problems == text_problems(field, typed[field]) != []


def test_a_short_number_of_no_service_here_is_refused_on_the_leads_side(row, words):
    """ "105", the power-cut line, passed the check, publish and the self-test as Black
    Country Women's Aid's number (attack on the update path F16), though 112 was refused."""
    (said,) = service_problems({**row, "phone": "105"}, words.kinds, words.areas)["phone"]
    assert said == (
        "'105' is the national power-cut line, which is no service's line here: write the "
        "service's own number"
    )
