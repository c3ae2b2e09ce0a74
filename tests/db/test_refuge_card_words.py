"""A refuge's card in plain words: no house, street or district name can be held (H386)."""

import csv

import pytest

from app.db.refuge_card_words import ALLOWED, CARD_FIELDS, plain_words_problem, unlisted_words
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
    assert "not among them" in plain_words_problem(said)


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
    ],
)
def test_how_a_refuge_is_reached_is_said_in_plain_words(said):
    assert unlisted_words(said) == []
    assert plain_words_problem(said) == ""


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
