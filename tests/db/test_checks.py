"""The checks a directory passes: here, those made on the lead's side only at publish."""

import dataclasses

import pytest

from app.db.checks import Refused, check_checks_follow_contacts


def with_service(graph, service_id, **changes):
    service = dataclasses.replace(graph.services[service_id], **changes)
    return dataclasses.replace(graph, services={**graph.services, service_id: service})


CHECKED = {"assured_date": "2026-11-20", "assured_method": "phoned", "confidence": "high"}


def test_a_check_kept_on_a_changed_number_is_refused_at_publish(graph):
    """A database edited by hand kept the person's check of the old number: every laptop
    showed the new one "confirmed" (attack review 2026-12-01)."""
    before = with_service(graph, "sandwell-mash", **CHECKED)
    after = with_service(before, "sandwell-mash", phone="0121 569 3199")
    said = r"sandwell-mash: its contact changed, .*\(2026-11-20\) is the one of the old"
    with pytest.raises(Refused, match=said):
        check_checks_follow_contacts(before, after)
    # the method changed with it, or another day: no check the directory in use holds
    provider = with_service(after, "sandwell-mash", assured_method="provider")
    with pytest.raises(Refused, match="is not one the directory in use holds for it"):
        check_checks_follow_contacts(before, provider)
    earlier = with_service(after, "sandwell-mash", assured_date="2026-11-19")
    with pytest.raises(Refused, match="is not one the directory in use holds"):
        check_checks_follow_contacts(before, earlier)
    noted = with_service(before, "sandwell-mash", phone_note="Out of hours: 0121 569 9999")
    with pytest.raises(Refused, match="its contact changed"):
        check_checks_follow_contacts(before, noted)
    written = with_service(
        before, "sandwell-mash", phone=before.services["sandwell-mash"].phone.replace(" ", "")
    )
    check_checks_follow_contacts(before, written)  # the same digits written another way
    cleared = with_service(after, "sandwell-mash", assured_date="", assured_method="")
    check_checks_follow_contacts(before, cleared)
    check_checks_follow_contacts(before, before)  # nothing changed


def test_a_check_a_database_did_not_have_in_use_is_refused_at_publish(graph):
    """Another service's check cells pasted onto a row no one checked, or onto a service
    duplicated as a new one, in a database edited by hand: signed "confirmed" (ninth attack
    round, 2026-12-01). A new check is recorded in a working copy, which records its
    contact; a database published as it is holds only the checks in use."""
    before = with_service(graph, "bcwa", **CHECKED, assured_by="DA lead")
    pasted = with_service(before, "walsall-mast", **CHECKED, assured_by="DA lead")
    said = r"walsall-mast: its person's check \(2026-11-20\) is not one the directory in use"
    with pytest.raises(Refused, match=said):
        check_checks_follow_contacts(before, pasted)
    copied = dataclasses.replace(before.services["bcwa"], id="bcwa-idva", phone="0121 496 0123")
    added = dataclasses.replace(before, services={**before.services, "bcwa-idva": copied})
    with pytest.raises(Refused, match="bcwa-idva: its person's check"):
        check_checks_follow_contacts(before, added)
    renewed = with_service(before, "bcwa", assured_date="2026-11-30")  # not made here
    with pytest.raises(Refused, match="record it in a working copy"):
        check_checks_follow_contacts(before, renewed)


def test_a_database_published_as_it_is_keeps_the_working_copys_note_and_area_rules(tmp_path):
    """An import --merge signed a phone note "Fax line for referral forms" on the line
    shown, and "NATIONAL " beside Black Country boroughs (re-attack round on H189)."""
    from app.db.checks import check_numbers
    from tests.conftest import shipped_changed

    fax = "UPDATE phone SET description = 'Fax line for referral forms' WHERE service_id = 'bcwa'"
    with pytest.raises(Refused, match="service bcwa: phone note: the note 'Fax line"):
        check_numbers(shipped_changed(tmp_path / "fax.sqlite", fax))
    typed = "UPDATE phone SET type = 'fax' WHERE service_id = 'galop'"  # a fax typed so
    noted = "UPDATE phone SET description = 'Fax line' WHERE service_id = 'galop'"
    check_numbers(shipped_changed(tmp_path / "typed.sqlite", typed, noted))
    wide = "INSERT INTO service_area VALUES ('bcwa-national', 'bcwa', 'national', '')"
    with pytest.raises(Refused, match="service bcwa: area: 'national' covers every area"):
        check_numbers(shipped_changed(tmp_path / "wide.sqlite", wide))
    # open 24/7 with office hours: listed under "24/7", rung at night (own review, 12-03)
    daytime = "UPDATE schedule SET description = 'Mon-Fri 9am-5pm' WHERE service_id = 'bcwa'"
    with pytest.raises(Refused, match="service bcwa: open 24/7: yes, but the hours say 'Mon-Fri"):
        check_numbers(shipped_changed(tmp_path / "daytime.sqlite", daytime))
    # each named in one refusal: "(+2 more)" was learnt a run, and a passphrase, at a time
    with pytest.raises(Refused) as refused:
        check_numbers(shipped_changed(tmp_path / "three.sqlite", fax, wide, daytime))
    said = str(refused.value)
    assert said.startswith("3 problems:\n  - ")
    assert all(f"service bcwa: {what}:" in said for what in ("phone note", "area", "open 24/7"))


def test_the_leads_new_rules_never_set_aside_an_update_a_laptop_holds(tmp_path):
    """Two services of one name and a tel: link's number are refused when the lead
    publishes; read on a laptop, an update holding two of one name, installed before the
    rule, was set aside at an app upgrade and every correction in it undone (re-attack,
    2026-12-04; H340)."""
    from app.db.checks import check_database, check_numbers
    from tests.conftest import shipped_changed

    twice = shipped_changed(
        tmp_path / "twice.sqlite",
        "UPDATE service SET name = 'National Domestic Abuse Helpline' WHERE id = 'galop'",
        "UPDATE service SET url = 'tel:+1 900 555 0123' WHERE id = 'bcwa'",
    )
    check_database(twice)  # as a laptop reads it: kept
    with pytest.raises(Refused) as refused:
        check_numbers(twice)
    assert "service galop: service name: service ndah has this name too" in str(refused.value)
    assert "service bcwa: service url: the tel: link's number '+1 900" in str(refused.value)


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE service_area SET name = 'coventry' WHERE service_id = 'emergency-999'",
        "UPDATE service SET minimum_age = 18 WHERE id = 'emergency-999'",
        "UPDATE service SET audience = 'women' WHERE id = 'police-101'",
    ],
)
def test_the_services_the_pathway_names_serve_everyone_everywhere(tmp_path, change):
    """999 for Coventry only, or 18 and over, was signed and took the "Tel 999" line off
    the 999 card of every other plan (re-attack, 2026-12-04; H358)."""
    from app.db.checks import check_database
    from tests.conftest import shipped_changed

    with pytest.raises(Refused, match=r"it serves everyone \(ages 0-120, national\)"):
        check_database(shipped_changed(tmp_path / "x.sqlite", change))


def test_a_second_front_door_for_an_area_is_refused_on_laptops_too(tmp_path):
    """Wolverhampton's front door given Walsall's area, signed as it was (a lead's older
    app, any key holder): the lead's side refused it, laptops took it, and a Walsall
    child's plan led with Wolverhampton's number (attack F20, 2026-12-06; H472)."""
    from app.db.checks import check_database
    from tests.conftest import shipped_changed

    moved = "UPDATE service_area SET name = 'walsall' WHERE service_id = 'wolverhampton-mash'"
    with pytest.raises(Refused) as refused:
        check_database(shipped_changed(tmp_path / "moved.sqlite", moved))
    assert str(refused.value).startswith("area walsall: 2 children's front door services (")
    assert "wolverhampton-mash" in str(refused.value)
    retired = "UPDATE service SET status = 'retired' WHERE id = 'wolverhampton-mash'"
    check_database(shipped_changed(tmp_path / "retired.sqlite", moved, retired))  # one active
    region = moved.replace("'walsall'", "'west_midlands'")  # every borough's card (H476)
    with pytest.raises(Refused, match="service wolverhampton-mash: area west_midlands: a chi"):
        check_database(shipped_changed(tmp_path / "region.sqlite", region))


@pytest.mark.parametrize(
    "service, number, kinds",
    [("sandwell-mash", "999", "emergency"), ("ndah", "(101)", "police_non_emergency")],
)
def test_a_national_number_on_another_kind_of_service_is_refused_on_laptops_too(
    tmp_path, service, number, kinds
):
    """999 signed as Sandwell's front door's number: the lead's side refused it, laptops
    took it, and a child's plan said "Tel 999 — Sandwell Children's Trust MASH", never
    "check it" (attack round, 2026-12-06; H494)."""
    from app.db.checks import check_database
    from tests.conftest import shipped_changed

    slip = f"UPDATE phone SET number = '{number}' WHERE service_id = '{service}'"
    with pytest.raises(Refused) as refused:
        check_database(shipped_changed(tmp_path / "slip.sqlite", slip))
    national = number.strip("()")
    assert str(refused.value) == (
        f"service {service}: {national} is a national number: only a service of kind {kinds} has it"
    )


@pytest.mark.parametrize(
    "changes, said",
    [  # the kind in a taxonomy of its own, which no plan reads (re-attack, 2026-12-07)
        (
            (
                "INSERT INTO taxonomy_term (id, code, name, description, taxonomy) "
                "VALUES ('x/emergency', 'emergency', 'Emergency', '', 'x')",
                "INSERT INTO attribute (id, link_id, link_type, link_entity, taxonomy_term_id, "
                "value) VALUES ('x1', 'sandwell-mash', 'service', 'service', 'x/emergency', '')",
                "UPDATE phone SET number = '999' WHERE service_id = 'sandwell-mash'",
            ),
            "service sandwell-mash: 999 is a national number: only a service of kind emergency",
        ),
        (  # a mental health line of the kind 111's own second line is
            ("UPDATE phone SET number = '111' WHERE service_id = 'samaritans'",),
            "service samaritans: 111 is held by nhs-111 and nhs-111-mh alone",
        ),
    ],
)
def test_a_national_number_is_held_on_laptops_only_by_the_services_set_for_it(
    tmp_path, changes, said
):
    from app.db.checks import check_database
    from tests.conftest import shipped_changed

    with pytest.raises(Refused) as refused:
        check_database(shipped_changed(tmp_path / "slip.sqlite", *changes))
    assert str(refused.value).startswith(said)
