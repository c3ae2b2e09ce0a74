"""A refuge's record beyond its card says who it is, never where (re-attack, 2026-12-04;
H390): each of these was published and shown to workers."""

import csv

import pytest

from app.db.refuge_details import details_problems, refuge_record_problems
from tests.conftest import REPO

HAVEN = {
    "name": "The Haven Wolverhampton",
    "organisation": "The Haven Wolverhampton",
    "website": "https://thehaven.org.uk",
    "email": "referrals@thehaven.org.uk",
    "source": "wolverhampton.gov.uk (about 2020)",
    "source_seen": "2026-11-30",
}


@pytest.mark.parametrize(
    "field, said, named",
    [
        ("name", "The Haven Wolverhampton at The Old Vicarage", "'vicarage'"),
        ("organisation", "The Haven Wolverhampton (Old Vicarage, Whitmore Reans)", "'whitmore'"),
        ("website", "https://thehaven.org.uk/refuge/12-acacia-road-whitmore-reans", "'acacia'"),
        ("email", "oldvicarage.whitmorereans@thehaven.org.uk", "'oldvicarage'"),
        ("source", "Phoned the manager at The Old Vicarage, Whitmore Reans", "Old Vicarage"),
        ("source_seen", "2026-11-30 (manager at The Old Vicarage, Whitmore Reans)", "Vicarage"),
        ("source", "Phoned the manager; refuge is by the police office", "police office"),
        # in lower case, without "at", and a site's own name (re-attack, second round; H399)
        ("source", "phoned the manager at the old vicarage, 1 dec 2026", "old vicarage"),
        ("source", "Visited: The Old Vicarage, Whitmore Reans", "Old Vicarage"),
        ("website", "https://oldvicarage-whitmorereans.org.uk/", "'oldvicarage'"),
        ("name", "The Haven 391200 300300", "391200"),
    ],
)
def test_a_refuges_details_that_say_where_it_is_are_refused(field, said, named):
    found = details_problems(HAVEN | {field: said})
    assert list(found) == [field] and named in found[field]


@pytest.mark.parametrize(
    "field, said",
    [
        ("name", "The Haven Wolverhampton refuge"),  # plain words added to its organisation's
        ("website", "https://www.thehaven.org.uk/refuge/"),
        ("email", "haven.referrals@thehaven.org.uk"),  # its own name before the @
        ("source", "Phoned the manager, 1 Dec 2026; Women's Aid Routes to Support"),
        ("source", "Spoke to the team at Women's Aid; seen in a public GitHub repo"),
        ("source", "Rang the Haven in Wolverhampton, 1 Dec 2026"),
        ("organisation", "The Haven Wolverhampton (registered charity 1051234)"),
        ("website", "https://www.thehaven.org.uk/get-help/refuge"),
    ],
)
def test_who_a_refuge_is_and_who_said_so_are_allowed(field, said):
    assert details_problems(HAVEN | {field: said}) == {}


def test_the_card_and_the_details_are_read_together():
    found = refuge_record_problems(HAVEN | {"alert": "Moved to Walsall St", "email": "x.y@h.uk"})
    assert set(found) == {"alert", "email"}


def test_every_shipped_refuge_says_who_it_is_and_not_where():
    with (REPO / "resources/services/services.csv").open(encoding="utf-8") as handle:
        refuges = [r for r in csv.DictReader(handle) if "refuge" in r["kinds"].split(";")]
    assert refuges and all(refuge_record_problems(r) == {} for r in refuges)
