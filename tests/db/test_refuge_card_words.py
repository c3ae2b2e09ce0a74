"""A refuge's card in plain words: no house, street or district name can be held (H386)."""

import csv

import pytest

from app.db.refuge_card_words import (
    ALLOWED,
    CARD_FIELDS,
    place_said,
    plain_words_problem,
    secret_refuge,
    unlisted_words,
)
from tests.conftest import REPO

# how a lead types a refuge's whereabouts, none an address the address rule knows: the
# re-attack's second round (B2), each published and printed on the plan before H386
WHEREABOUTS = [
    "Refuge at The Old Vicarage, Whitmore Reans: ring first",
    "Refuge: acacia house, whitmore reans",
    "Refuge: behind Tesco Extra, Whitmore Reans",
    "Refuge: 12 Acacia, Whitmore Reans",
    "Refuge next to Whitmore Reans Health Centre",
    "corner of Acacia and Elm",
    "third house on the left on Acacia",
    "The Haven, Whitmore Reans",
    "W V 1 1 A A",
    "Acacia Ho., Whitmore Reans",
    "Refuge by the hospital",
]


@pytest.mark.parametrize("said", WHEREABOUTS)
def test_a_place_named_in_any_way_is_not_a_plain_word(said):
    assert unlisted_words(said)
    assert plain_words_problem(said).startswith("a refuge's card")


# what the list's own words said of a place, each published and printed on the plan before
# H390: a street's word ("St", "Rd", listed for "1st", "3rd"), a landmark near it, a side of
# a borough, a map's figures, letters drawn as symbols (re-attack, 2026-12-04)
PLACED_IN_LISTED_WORDS = [
    "Refuge is on Walsall St (ring first)",
    "Refuge: Wolverhampton, Dudley Rd number 12. Ring first",
    "Refuge moved to Walsall St in December: ring first",
    "Refuge by the Wolverhampton police office",
    "Refuge: same site as the Wolverhampton council housing office",
    "Shared site with Dudley council housing office",
    "Between the court and the police in Walsall",
    "Refuge has moved to the old police office",
    "Over the GP in Walsall",
    "Refuge is in Wolverhampton west by the GP",
    "Ring first. so 912 003",
    "Refuge at 391200 300300",
    "Refuge: 52 35 10, 2 07 44",
    "Refuge 52.58 2.12",
    "Ring first. \U0001f170\U0001f172\U0001f170\U0001f172\U0001f178\U0001f170",
    # the second round, after H390 (H399): a public building of a borough, an old one, a
    # house by its place in a row, an address's words
    "Refuge is across from the Wolverhampton SARC",
    "Refuge is the old Walsall police house",
    "Refuge is in the same place as the Walsall Samaritans",
    "Refuge: the house at the back of the Wolverhampton SARC",
    "Refuge on Dudley Place, ring first",
    "Refuge: the third house after the Walsall SARC",
    "Refuge is 2 minutes from the Walsall police office",
    "Ring first. www.12acaciaroad.co.uk",
    "Ring first; email manager@whitmore-reans",
    "Ring first. 52:35:10, -2:07:44",  # degrees with colons (H401)
]


@pytest.mark.parametrize("said", PLACED_IN_LISTED_WORDS)
def test_what_the_listed_words_say_of_a_place_is_refused(said):
    assert plain_words_problem(said)


def test_look_alike_letters_are_read_as_a_reader_sees_them():
    # Cyrillic "а" and "о" in "Acacia Road" still spell Acacia; "rіng" still rings
    assert unlisted_words("r\u0456ng first, Ac\u0430cia R\u043ead") == ["acacia", "road"]


@pytest.mark.parametrize(
    "said",
    [
        "24/7, free",
        "Mon-Fri 9am-5pm; out of hours via NDAH (0808 2000 247)",
        "Ring first; women and children, boys up to 16; no recourse to public funds considered",
        "Self-referrals and professional referrals welcome; interpreters for Urdu and Polish",
        "Referrals through Black Country Women's Aid or the IDVA; wheelchair accessible room",
        "Rang 1 Dec; confirmed by the manager",  # the lead's own record of a check
        # a lead's ordinary cards that the first list refused (own check, 2026-12-04)
        "Please do not give out this number to the person causing harm.",
        "Specialist refuge for South Asian women; staff speak Urdu, Punjabi and Bengali.",
        "Support with complex needs, including substance misuse and mental health.",
        "24 hours, 7 days a week; text or WhatsApp us on 07700 900123",
        # and those the list refused when the re-attack wrote them (H390): endings, web and
        # e-mail addresses, the domain's words, the agency that acts, office hours, figures
        "Never give this number to the perpetrator, or to anyone ringing on her behalf.",
        "Please send the completed DASH risk assessment with the referral form.",
        "Women and children only. Ring first: we do not take walk-ins.",
        "Stays up to 6 months; boys up to 12; 16-17 year olds considered",
        "Referrals to referrals@refuge.org.uk or via www.refuge.org.uk/get-help",
        "Referrals by the police, social care or self; run by the council housing team",
        "Open in office hours; outside office hours ring the police on 999",
        "Ground floor room with a lift; 2nd floor bedrooms; ext 2345",
        "Ring between 9:30 and 17:00, 365 days a year, since 2019; Childline 0800 1111",
        "Vacancies change daily: ring on the day rather than relying on last week's list.",
        "Please do not turn up without ringing first",
        # read within a clause, never across it, and the alert a lead writes in a hurry
        # (H399): each was refused as placing the refuge, or for one missing word
        "Takes referrals from anywhere in the UK except Wolverhampton, West Midlands.",
        "Refuge in Birmingham. South Asian women especially welcome.",
        "Outside hours, call the police on 999 in an emergency.",
        "Referrals via the council housing office or the police.",
        "Moved: the office phone is now 01902 555 777; the old council number no longer works.",
        "Open to women with NRPF; same rules as the council's NRPF team.",
        "Phone line down until Monday 7 December; use the email address in the meantime.",
        "Refuge closed to new referrals over Christmas while we refurbish; reopens 4 January.",
        "Children attend local schools after a settling-in period; homework club.",
    ],
)
def test_how_a_refuge_is_reached_is_said_in_plain_words(said):
    assert unlisted_words(said) == []
    assert plain_words_problem(said) == ""


def test_a_helpline_that_finds_refuge_places_has_no_refuges_card():
    # the National Domestic Abuse Helpline is of kind refuge; its whereabouts are no secret
    assert not secret_refuge(["helpline_da", "refuge"], areas=["national"])
    # a local refuge that also runs a helpline is one: ticked so, it held no list (H401)
    assert secret_refuge(["helpline_da", "refuge"], areas=["wolverhampton"])
    assert secret_refuge(["da_service", "refuge"])
    assert secret_refuge(["da_service"], name="Acacia refuge")  # called one by its name


def test_an_address_says_no_more_than_plain_words_and_the_refuges_own_names():
    """ "www.12acaciaroad.co.uk" in a note was left out whole (re-attack, second round;
    H399): an address's words are read, run together or apart."""
    own = frozenset({"the", "haven", "wolverhampton"})
    assert plain_words_problem("Email referrals@thehaven.org.uk", own) == ""
    assert plain_words_problem("See www.thehaven.org.uk/refuge", own) == ""
    assert "'12acaciaroad'" in plain_words_problem("Ring first. www.12acaciaroad.co.uk", own)
    said = plain_words_problem("refuge@old-vicarage.whitmore-reans.org.uk", own)
    assert "'vicarage'" in said and "'whitmore'" in said and "'reans'" in said


def test_the_place_said_is_named_for_the_lead():
    assert place_said("Refuge by the Wolverhampton police office") == (
        "by the wolverhampton police office"
    )
    assert place_said("Ring first, 24 hours") == ""


def test_the_message_names_each_word_once_and_at_most_six():
    problem = plain_words_problem("acacia acacia one two elm oak ash yew fir pine")
    assert problem.count("'acacia'") == 1
    assert "'fir'" in problem and "'pine'" not in problem and "…" in problem


def test_every_shipped_refuges_card_is_in_plain_words():
    with (REPO / "resources/services/services.csv").open(encoding="utf-8") as handle:
        refuges = [r for r in csv.DictReader(handle) if "refuge" in r["kinds"].split(";")]
    assert len(refuges) >= 3
    assert all(unlisted_words(r[field]) == [] for r in refuges for field in CARD_FIELDS)


def test_the_leads_guide_lists_every_word_allowed():
    guide = (REPO / "docs/lead-guide.md").read_text(encoding="utf-8")
    listed = guide.split("<!-- refuge card words -->")[1]
    assert set(listed.split("```")[1].split()) == ALLOWED
