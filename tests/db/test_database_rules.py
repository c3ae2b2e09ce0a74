"""A database published as it is meets the rules a working copy's services meet (H346)."""

from datetime import date

import pytest

from app.db.checks import Refused
from app.db.database_rules import database_problems
from tests.conftest import REPO, shipped_changed

ADDRESS = "12 Acacia Road, Wolverhampton WV1 1AA"
SHIPPED = REPO / "resources" / "directory.sqlite"


def test_the_shipped_directory_meets_every_rule():
    assert database_problems(SHIPPED) == []


@pytest.mark.parametrize(
    "statements",
    [
        # a feed's phone description: printed on the plan's cards (attack, 2026-12-04)
        [
            f"UPDATE phone SET description = 'Refuge at {ADDRESS}' "
            "WHERE service_id = 'haven-wolverhampton'"
        ],
        # a location, which no working copy holds: kept on every laptop, exported
        [
            "INSERT INTO location VALUES ('loc-1', NULL, 'physical', 'Safe house', "
            f"'At {ADDRESS} (back door)')",
            "INSERT INTO service_at_location VALUES ('sal-1', 'haven-wolverhampton', 'loc-1')",
        ],
        [
            "UPDATE organization SET description = 'Safe house at 12 Acacia Road' "
            "WHERE id = 'org-the-haven-wolverhampton'"
        ],
    ],
)
def test_where_a_refuge_is_is_found_in_any_words_held_with_it(tmp_path, statements):
    database = shipped_changed(tmp_path / "fed.sqlite", *statements)
    problems = database_problems(database)
    assert problems and all("a refuge's address must never be held" in p for p in problems)


@pytest.mark.parametrize(
    "statements",
    [
        # a kind's label, shown in every worker's Directory tab (re-attack, 2026-12-04)
        ["UPDATE taxonomy_term SET name = 'Refuge (12 Acacia Road WV1 1AA)' WHERE code = 'refuge'"],
        # an attribute's value and a location linked to nothing: exported from every laptop
        [f"UPDATE attribute SET value = 'At {ADDRESS}' WHERE link_id = 'haven-wolverhampton'"],
        [f"INSERT INTO location VALUES ('loc-x', NULL, 'physical', 'Haven', 'At {ADDRESS}')"],
    ],
)
def test_no_address_is_held_in_words_no_plan_needs_one_in(tmp_path, statements):
    database = shipped_changed(tmp_path / "fed.sqlite", *statements)
    assert any("a refuge's address must never be held" in p for p in database_problems(database))


def test_a_refuge_is_a_refuge_by_its_kinds_code_as_laptops_read_it(tmp_path):
    """A term with the code "refuge" under the id "…/da_service": laptops showed the refuge,
    its "Safe house at 12 Acacia Road" on the plan; the rules read the id's "da_service"
    and passed it (re-attack, 2026-12-04; H357)."""
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "INSERT INTO taxonomy_term VALUES ('kinds/da_service', 'refuge', 'Refuge', '', "
        "'navigator_service_kind')",
        "UPDATE attribute SET taxonomy_term_id = 'kinds/da_service' "
        "WHERE taxonomy_term_id = 'navigator_service_kind/refuge'",
        f"UPDATE phone SET description = 'Safe house at {ADDRESS}' "
        "WHERE service_id = 'haven-wolverhampton'",
    )
    problems = database_problems(database)
    assert "service kind kinds/da_service: its id must be navigator_service_kind/refuge" in problems
    assert "service kind refuge: held twice" in problems
    assert any("phone_note: a refuge's address must never be held" in p for p in problems)


def test_a_link_to_another_site_behind_an_at_sign_is_found(tmp_path):
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "UPDATE service SET url = 'https://bcwa.org.uk@evil.example/help' WHERE id = 'bcwa'",
    )
    assert any("no @ before the site's name" in p for p in database_problems(database))


def test_a_database_handed_to_the_lead_is_not_published_with_a_refuges_address(tmp_path):
    from app.db import signing
    from app.db.bundle import publish

    database = shipped_changed(
        tmp_path / "fed.sqlite",
        f"UPDATE phone SET description = 'Refuge at {ADDRESS}' "
        "WHERE service_id = 'haven-wolverhampton'",
    )
    lead = signing.generate(tmp_path / "lead")
    with pytest.raises(Refused, match="refuge's address must never be held"):
        publish(database, lead.private_path, tmp_path / "out", "2026.12.9", date.today())
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


UNTAG = (
    "DELETE FROM attribute WHERE link_id = 'haven-wolverhampton' "
    "AND taxonomy_term_id = 'navigator_service_kind/refuge'"
)
# a refuge disguised whole: its kinds housing, for anyone
AS_HOUSING = (
    "UPDATE attribute SET taxonomy_term_id = 'navigator_service_kind/housing' "
    "WHERE link_id = 'haven-wolverhampton'",
    "UPDATE service SET audience = 'any' WHERE id = 'haven-wolverhampton'",
)


@pytest.mark.parametrize(
    "held_as",
    [
        # a DA service, for women
        ["UPDATE service SET audience = 'any' WHERE id = 'haven-wolverhampton'", UNTAG],
        # a new id, for women, of no DA kind
        [
            *(
                f"UPDATE {table} SET {column} = 'haven-2' WHERE {column} = 'haven-wolverhampton'"
                for table, column in (("phone", "service_id"), ("attribute", "link_id"))
            ),
            "UPDATE service SET id = 'haven-2' WHERE id = 'haven-wolverhampton'",
            "UPDATE attribute SET taxonomy_term_id = 'navigator_service_kind/housing' "
            "WHERE link_id = 'haven-2'",
        ],
    ],
)
def test_a_domestic_abuse_or_womens_service_never_holds_an_address(tmp_path, held_as):
    """A refuge re-tagged a DA service in one update and its address given in the next, or
    moved to a new id: no rule read it as a refuge (re-attack, 2026-12-04; H375)."""
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "UPDATE phone SET description = 'Women''s supported housing at 12 Acacia Road' "
        "WHERE service_id = 'haven-wolverhampton'",
        *held_as,
    )
    assert any("refuge's address" in p for p in database_problems(database))


def test_a_refuge_in_the_directory_in_use_stays_one_to_the_address_rule(tmp_path):
    """A feed dropped the refuge kind and gave the note "Rooms at 12 Acacia Road": no word
    of the new rows says refuge, and it was signed onto the plan (re-attack, H361)."""
    from app.db.database_rules import check_refuges_in_use
    from app.db.loader import load_graph

    database = shipped_changed(
        tmp_path / "fed.sqlite",
        *AS_HOUSING,
        f"UPDATE phone SET description = 'Rooms at {ADDRESS}' "
        "WHERE service_id = 'haven-wolverhampton'",
    )
    assert load_graph(database).services["haven-wolverhampton"].kinds == ("housing", "housing")
    assert database_problems(database) == []  # the rows' own rules see no refuge
    with pytest.raises(Refused, match=r"(?s)phone .*refuge's address.*in the directory in use"):
        check_refuges_in_use(load_graph(SHIPPED), database)
    check_refuges_in_use(load_graph(SHIPPED), SHIPPED)  # the refuges as they are: no problem


def test_a_feeds_refuge_card_in_more_than_plain_words_is_not_published(tmp_path):
    """A house's name and a district, in a feed's number description (B2, H386)."""
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "UPDATE phone SET description = 'Refuge at The Old Vicarage, Whitmore Reans' "
        "WHERE service_id = 'haven-wolverhampton'",
    )
    assert [p for p in database_problems(database) if "plain words" in p] == [
        "The Haven Wolverhampton (haven-wolverhampton): phone_note: a refuge's card says only "
        "plain words, so its whereabouts are never held: 'vicarage', 'whitmore', 'reans' are "
        "not among them. Say who it is for, when to ring and how to refer in the words the "
        "lead's guide lists (\"A refuge's card\"), or ask the developers to add a word"
    ]


def test_a_refuge_untagged_by_a_feed_keeps_its_card_in_plain_words(tmp_path):
    from app.db.database_rules import check_refuges_in_use
    from app.db.loader import load_graph

    database = shipped_changed(
        tmp_path / "fed.sqlite",
        *AS_HOUSING,
        "UPDATE phone SET description = 'Rooms at the old vicarage, whitmore reans' "
        "WHERE service_id = 'haven-wolverhampton'",
    )
    assert database_problems(database) == []  # the rows' own rules see no refuge
    with pytest.raises(Refused, match=r"(?s)phone_note: .*'vicarage'.*in the directory in use"):
        check_refuges_in_use(load_graph(SHIPPED), database)


@pytest.mark.parametrize("called", ["Women's hostel", "Safe accommodation"])
def test_a_refuge_by_another_name_is_read_for_an_address(tmp_path, called):
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        f"UPDATE service SET description = '{called.replace(chr(39), chr(39) * 2)} at {ADDRESS}' "
        "WHERE id = 'bcwa'",
    )
    assert any("bcwa" in p and "refuge's address" in p for p in database_problems(database))


def test_a_refuge_in_the_releases_own_directory_stays_one_after_an_update_untagged_it(tmp_path):
    """The kind dropped in one update (in use since), the address given in the next: no
    rule read the service as a refuge any more (re-attack, 2026-12-04; H365)."""
    from app.db.database_rules import check_refuges_in_use
    from app.db.loader import load_graph

    in_use = load_graph(shipped_changed(tmp_path / "first.sqlite", *AS_HOUSING))
    second = shipped_changed(
        tmp_path / "second.sqlite",
        *AS_HOUSING,
        f"UPDATE phone SET description = 'Women''s supported housing at {ADDRESS}' "
        "WHERE service_id = 'haven-wolverhampton'",
    )
    check_refuges_in_use(in_use, second)  # the update in use alone no longer says refuge
    with pytest.raises(Refused, match="in the directory in use or the release's own"):
        check_refuges_in_use(in_use, second, SHIPPED)


@pytest.mark.parametrize("table", ["phone", "schedule"])
def test_a_refuge_named_only_in_a_numbers_note_or_hours_is_read_for_an_address(tmp_path, table):
    """A new service of another kind, "Women's safe house at 12 Acacia Road" in its number's
    note: the refuge words were read in the service's own row only (re-attack, H367)."""
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        f"UPDATE {table} SET description = 'Women''s safe house at {ADDRESS}' "
        "WHERE service_id = 'bcwa'",
    )
    assert any(f"{table} " in p and "refuge's address" in p for p in database_problems(database))


def test_a_new_kind_with_the_words_of_one_in_use_is_refused():
    from app.db.database_rules import kind_words_problems
    from app.db.loader import load_graph

    in_use = load_graph(SHIPPED).kind_labels
    twin = {**in_use, "mash_children_local": " children's FRONT door (MASH)"}
    (problem,) = kind_words_problems(twin, in_use)
    assert problem.startswith("service kind mash_children_local: ")
    assert "holds the words of the kind mash_children in use" in problem
    assert kind_words_problems({**in_use, "new_kind": "Community outreach"}, in_use) == []


def test_a_database_with_a_new_kind_in_the_words_of_one_in_use_is_not_published(
    tmp_path, capsys, app_home
):
    """H368: through `--directory DB directory publish`, as the re-attack did."""
    from app.__main__ import main
    from app.db import signing

    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "INSERT INTO taxonomy_term VALUES ('navigator_service_kind/mash_children_local', "
        "'mash_children_local', 'Children''s front door (MASH)', '', 'navigator_service_kind')",
        "INSERT INTO attribute VALUES ('a-x', 'dudley-adult-safeguarding', 'service', "
        "'service', 'navigator_service_kind/mash_children_local', '')",
    )
    lead = signing.generate(tmp_path / "k")
    publish = ["--directory", str(database), "directory", "publish", "--version", "2026.12.4"]
    assert main([*publish, "--key", str(lead.private_path), "--out", str(tmp_path / "o")]) == 1
    assert "holds the words of the kind mash_children in use" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "words", ["Children's front door (M\u0410SH)", "Children's front door (MASH), Dudley"]
)
def test_a_new_kind_with_near_the_words_of_one_in_use_is_refused(words):
    """A Cyrillic А, or a borough after the words, got round H368 (re-attack, H372)."""
    from app.db.database_rules import kind_words_problems
    from app.db.loader import load_graph

    in_use = load_graph(SHIPPED).kind_labels
    (problem,) = kind_words_problems({**in_use, "x": words}, in_use)
    assert "holds the words of the kind mash_children in use" in problem
    assert kind_words_problems({**in_use, "x": "Refuge support"}, in_use) == []


def test_an_area_given_a_second_childrens_front_door_is_refused(tmp_path):
    """Dudley added to Walsall's front door's areas: a Dudley child's card gave both
    councils' front doors (re-attack, 2026-12-04; H376)."""
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "INSERT INTO service_area VALUES ('x', 'walsall-mast', 'dudley', '')",
    )
    assert (
        "area dudley: 2 children's front door services (dudley-front-door, walsall-mast): a card "
        "gives a worker every one; give each the areas it is the children's front door for"
    ) in database_problems(database)


def test_a_number_another_service_in_use_has_is_refused(tmp_path):
    """Walsall's front door given the line for people who cause harm: shown, copied and
    printed as the MASH's, and no check said a word (attack F21, 2026-12-06)."""
    from app.db.database_rules import checks_before_signing

    mash_number = "UPDATE phone SET number = '0808 802 4040' WHERE service_id = 'walsall-mast'"
    database = shipped_changed(tmp_path / "fed.sqlite", mash_number)
    said = (
        "number: 0808 802 4040 is also the number of Respect Phoneline (for people who harm) "
        "(respect-phoneline): a worker ringing one reaches the other; give each its own"
    )
    assert [p for p in database_problems(database) if "is also the number" in p] == [
        f"Walsall children's front door (MASH) (walsall-mast): {said}"
    ]
    with pytest.raises(Refused, match="is also the number of Respect"):
        checks_before_signing(database.read_bytes(), date.today())
    note = (  # as its out-of-hours line, with a copy button of its own (re-attack F21)
        "UPDATE phone SET description = 'Out of hours: 0808 802 4040' "
        "WHERE service_id = 'walsall-mast'"
    )
    database = shipped_changed(tmp_path / "note.sqlite", note)
    assert [p for p in database_problems(database) if "0808 802 4040" in p] == [
        "Walsall children's front door (MASH) (walsall-mast): phone_note: 0808 802 4040 is the "
        "number of Respect Phoneline (for people who harm) (respect-phoneline): a worker would "
        "ring it for this one"
    ]
    elsewhere = [  # round 2: every word a worker reads, and slashes between its groups
        ("alert", "UPDATE service SET alert = 'Out of hours ring 0808 802 4040' WHERE id = "),
        (
            "referral_route",
            "UPDATE service SET application_process = 'Phone 0808 802 4040' WHERE id = ",
        ),
        ("notes", "UPDATE service SET notes = 'Out of hours: 0808 802 4040' WHERE id = "),
        (
            "phone_note",
            "UPDATE phone SET description = 'Out of hours: 0808/802/4040' WHERE service_id = ",
        ),
    ]
    for field, statement in elsewhere:
        database = shipped_changed(tmp_path / f"{field}.sqlite", statement + "'walsall-mast'")
        said = [p for p in database_problems(database) if "the number of Respect" in p]
        assert said and said[0].startswith(
            f"Walsall children's front door (MASH) (walsall-mast): {field}: "
        )
    retired = "UPDATE service SET status = 'retired' WHERE id = 'respect-phoneline'"
    database = shipped_changed(tmp_path / "renamed.sqlite", mash_number, retired)
    assert not [p for p in database_problems(database) if "is also the number" in p]


@pytest.mark.parametrize(
    "blanked",
    [
        "UPDATE phone SET number = '' WHERE service_id = 'walsall-mast'",
        "DELETE FROM phone WHERE service_id = 'walsall-mast'",
        "UPDATE phone SET type = 'fax' WHERE service_id = 'walsall-mast'",  # never shown
        "UPDATE phone SET type = 'textphone' WHERE service_id = 'walsall-mast'",
    ],
)
def test_a_childrens_front_door_with_no_number_is_refused(tmp_path, blanked):
    """Its card said "phone, then the MARF" with nothing to ring (attack F21, 2026-12-06; a
    fax or textphone line is never shown to ring: its re-attack)."""
    database = shipped_changed(tmp_path / "fed.sqlite", blanked)
    assert [p for p in database_problems(database) if "needs the number" in p] == [
        "Walsall children's front door (MASH) (walsall-mast): number: a children's front door "
        "needs the number a worker rings to refer the same day: give it"
    ]


def test_publish_and_a_leads_check_read_the_same_checks_before_signing(tmp_path):
    from app.db.database_rules import checks_before_signing

    version, _ = checks_before_signing(SHIPPED.read_bytes(), date.today())
    assert version == "2026.11.30"
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        f"UPDATE phone SET description = 'Refuge at {ADDRESS}' "
        "WHERE service_id = 'haven-wolverhampton'",
    )
    with pytest.raises(Refused, match="refuge's address must never be held"):
        checks_before_signing(database.read_bytes(), date.today())


def test_another_service_naming_a_refuge_is_read_for_its_address(tmp_path):
    """A housing service's words, pasted from the refuge's intake note, named it by its
    name alone and gave its address: held to no rule, they were printed on the plan (the
    re-attack's second round, 2026-12-04; H383). A service naming it without saying where
    is not held (the shipped directory's own words)."""
    placed = (
        "Out of hours we place women and children with The Haven at Acacia House, "
        "12 Acacia Road, Whitmore Reans: ring them first."
    )
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        f"UPDATE service SET description = '{placed}' WHERE id = 'wolverhampton-housing'",
    )
    problems = database_problems(database)
    assert any("wolverhampton-housing" in p and "refuge's address" in p for p in problems)
    named_only = shipped_changed(
        tmp_path / "named.sqlite",
        "UPDATE service SET description = 'We refer to The Haven' "
        "WHERE id = 'wolverhampton-housing'",
    )
    assert database_problems(named_only) == []
    helpline = shipped_changed(  # a helpline is no refuge's name, whatever its kinds (B6)
        tmp_path / "helpline.sqlite",
        "UPDATE service SET description = 'Ring the National Domestic Abuse Helpline, or "
        "visit us at 12 Acacia Road' WHERE id = 'wolverhampton-housing'",
    )
    assert database_problems(helpline) == []


def second_house(name: str, organisation: str, note: str) -> list[str]:
    """A new service copied from The Haven's, of kind DA service only, with its own note."""
    return [
        "INSERT INTO service SELECT 'second-house', " + organisation + ", minimum_age, "
        f"maximum_age, '{name}', description, url, email, status, application_process, "
        "eligibility_description, assured_date, alert, audience, self_referral, source, "
        "source_date, confidence, notes, assured_method, assured_by FROM service "
        "WHERE id = 'haven-wolverhampton'",
        "INSERT INTO attribute VALUES ('second-house/kind/da_service', 'second-house', "
        "'service', 'service', 'navigator_service_kind/da_service', '')",
        "INSERT INTO service_area VALUES ('second-house/area/wolverhampton', 'second-house', "
        "'wolverhampton', '')",
        f"INSERT INTO phone VALUES ('second-house/phone/1', 'second-house', 1, '01902 555 123', "
        f"'voice', '{note}')",
    ]


@pytest.mark.parametrize(
    "name, organisation",
    [("Second house", "organization_id"), ("Haven second house", "NULL")],
)
def test_a_new_service_of_a_refuges_organisation_or_name_is_held_as_the_refuge_is(
    tmp_path, name, organisation
):
    """A second house of the refuge's, added as a DA service, its whereabouts in a lead's
    plain wording: held to the address rule alone, it was published and printed on the plan
    (re-attack, 2026-12-04; H390), and with the organisation left empty (H399)."""
    from app.db.database_rules import check_refuges_in_use
    from app.db.loader import load_graph

    note = "Second house at The Old Vicarage, Whitmore Reans: ring first"
    database = shipped_changed(tmp_path / "fed.sqlite", *second_house(name, organisation, note))
    with pytest.raises(Refused, match=r"(?s)\(second-house\): phone_note: .*'vicarage'"):
        check_refuges_in_use(load_graph(SHIPPED), database)


def test_a_refuge_added_holds_no_other_service_of_its_organisation_to_its_words(tmp_path):
    """A refuge of Black Country Women's Aid's held BCWA's public IDVA card to a refuge's
    words, and a council's refuge its safeguarding and housing cards (re-attack, second
    round, 2026-12-04; H399)."""
    from app.db.database_rules import check_refuges_in_use
    from app.db.loader import load_graph

    bcwa = "(SELECT organization_id FROM service WHERE id = 'bcwa')"
    added = second_house("BCWA refuge", bcwa, "Ring first")
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        *added,
        "INSERT INTO attribute VALUES ('second-house/kind/refuge', 'second-house', "
        "'service', 'service', 'navigator_service_kind/refuge', '')",
        "UPDATE service SET application_process = 'Sandwell council guidance: refer the "
        "client to BCWA for IDVA support.' WHERE id = 'bcwa'",
    )
    assert database_problems(database) == []
    check_refuges_in_use(load_graph(SHIPPED), database)  # refuses nothing


def test_the_national_helpline_that_finds_refuge_places_is_no_refuges_card(tmp_path):
    """Of kind refuge as it finds refuge places, its card was held to a refuge's words: six
    of its seven ordinary notes were refused (re-attack, 2026-12-04; H390)."""
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "UPDATE phone SET description = 'Webchat Mon-Fri 3pm-10pm; calls do not show on "
        "itemised bills; professionals can ring about a client''s safety plan' "
        "WHERE service_id = 'ndah'",
    )
    assert database_problems(database) == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE service SET description = 'Refuge at The Old Vicarage, Whitmore Reans' "
        "WHERE id = 'haven-wolverhampton'",
        "UPDATE service SET eligibility_description = '12 Acacia, Whitmore Reans' "
        "WHERE id = 'haven-wolverhampton'",
        "INSERT INTO phone (id, service_id, ordinal, number, type, description) VALUES ('h2', "
        "'haven-wolverhampton', 9, '01902 555 124', 'voice', 'House phone at The Old Vicarage')",
    ],
)
def test_a_refuges_words_no_worker_is_shown_are_in_plain_words_too(tmp_path, statement):
    """Not on its card, but in every laptop's Directory search and export: "Vicarage" found
    the refuge (re-attack, 2026-12-04; H390)."""
    database = shipped_changed(tmp_path / "fed.sqlite", statement)
    assert any("'vicarage'" in p or "'acacia'" in p for p in database_problems(database))


def test_a_refuge_remade_under_a_new_id_is_held_as_the_refuge_it_was(tmp_path):
    """Its old row gone, the same name, organisation and number under a new id, untagged,
    "Now at 12 Acacia, Whitmore Reans" was printed on the plan (second round; H401)."""
    from app.db.database_rules import check_refuges_in_use
    from app.db.loader import load_graph

    gone = "WHERE service_id = 'haven-wolverhampton'"
    database = shipped_changed(
        tmp_path / "fed.sqlite",
        *second_house(
            "The Haven Wolverhampton", "organization_id", "Now at 12 Acacia, Whitmore Reans"
        ),
        f"DELETE FROM phone {gone}",
        f"DELETE FROM schedule {gone}",
        f"DELETE FROM service_area {gone}",
        "DELETE FROM attribute WHERE link_id = 'haven-wolverhampton'",
        "DELETE FROM service WHERE id = 'haven-wolverhampton'",
    )
    with pytest.raises(Refused, match=r"(?s)\(second-house\): phone_note: .*'acacia'"):
        check_refuges_in_use(load_graph(SHIPPED), database)


def test_another_services_card_naming_a_refuge_is_read_as_the_refuges(tmp_path):
    """The national helpline's alert "Wolverhampton refuge places: The Haven, at The Old
    Vicarage, Whitmore Reans" was printed on every domestic abuse plan (second round; H401)."""
    from app.db.database_rules import check_refuges_in_use
    from app.db.loader import load_graph

    database = shipped_changed(
        tmp_path / "fed.sqlite",
        "UPDATE service SET alert = 'Wolverhampton refuge places: The Haven, at The Old "
        "Vicarage, Whitmore Reans' WHERE id = 'ndah'",
    )
    with pytest.raises(Refused, match=r"(?s)\(ndah\): alert: it names a refuge.*'vicarage'"):
        check_refuges_in_use(load_graph(SHIPPED), database)
    check_refuges_in_use(load_graph(SHIPPED), SHIPPED)  # the shipped cards name none so


def test_a_problem_both_rules_keep_is_said_once(tmp_path):
    """A feed's number note with a line separator was refused at publish twice, the
    service named two ways (feed attack, 2026-12-05); other problems stay."""
    from app.db.checks import check_numbers
    from app.db.database_rules import said_once

    database = shipped_changed(
        tmp_path / "feed.sqlite",
        "UPDATE phone SET description = 'Mon-Fri\u20289-5' WHERE service_id = 'bcwa'",
        "UPDATE phone SET description = 'Daily\u20289-5' WHERE service_id = 'ndah'",
    )
    with pytest.raises(Refused) as refused:
        check_numbers(database, every_rule=True)
    said = str(refused.value)
    assert said.count("U+2028") == 2 and "bcwa" in said and "ndah" in said
    shut = "yes, but the hours say 'Helpline': a worker at night is sent to a line that may be shut"
    both = [f"service x: open 24/7: {shut}", f"X line (x): open_24_7: {shut}"]  # H420
    assert said_once([*both, "location y: an address"]) == [both[0], "location y: an address"]


def test_an_update_leaving_a_council_without_its_front_doors_is_refused(tmp_path):
    """Eight Coventry rows deleted in Excel were signed, one line of the publish's output
    saying so, and a Coventry child's card gave only the fallback lines (IT attack, H508)."""
    from app.db.database_rules import check_statutory_cover
    from app.db.directory_diff import compare
    from app.db.loader import load_graph

    in_use = load_graph(SHIPPED)
    coventry = "('coventry-mash', 'coventry-adult-safeguarding', 'coventry-lado')"
    lost = shipped_changed(
        tmp_path / "lost.sqlite", f"UPDATE service SET status = 'retired' WHERE id IN {coventry}"
    )
    with pytest.raises(Refused) as refused:
        check_statutory_cover(compare(in_use, load_graph(lost)))
    assert "(Coventry: children's front door and adult safeguarding)" in str(refused.value)
    assert "Put it back" in str(refused.value)
    # nor with the front door kept but serving no child, or not everyone (H511)
    for change in ("maximum_age = 5", "minimum_age = 16", "audience = 'women'"):
        narrowed = shipped_changed(
            tmp_path / "narrowed.sqlite",
            f"UPDATE service SET {change} WHERE id = 'coventry-mash'",
        )
        with pytest.raises(Refused, match=r"\(Coventry: children's front door\)"):
            check_statutory_cover(compare(in_use, load_graph(narrowed)))
    # a DA service closing leaves a borough without one: said, never refused (services close)
    closed = shipped_changed(
        tmp_path / "closed.sqlite", "UPDATE service SET status = 'retired' WHERE id = 'crasac'"
    )
    changes = compare(in_use, load_graph(closed))
    assert ("ISVA", "Coventry") in changes.left_without
    check_statutory_cover(changes)
