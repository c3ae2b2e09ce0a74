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
    said = r"sandwell-mash: its contact changed, .*\(2026-11-20\) is no later"
    with pytest.raises(Refused, match=said):
        check_checks_follow_contacts(before, after)
    # the method changed with it is the same day's check (attack review 2026-12-01)
    provider = with_service(after, "sandwell-mash", assured_method="provider")
    with pytest.raises(Refused, match="its contact changed"):
        check_checks_follow_contacts(before, provider)
    earlier = with_service(after, "sandwell-mash", assured_date="2026-11-19")
    with pytest.raises(Refused, match="its contact changed"):  # an earlier day (review)
        check_checks_follow_contacts(before, earlier)
    noted = with_service(before, "sandwell-mash", phone_note="Out of hours: 0121 569 9999")
    with pytest.raises(Refused, match="its contact changed"):
        check_checks_follow_contacts(before, noted)
    written = with_service(
        before, "sandwell-mash", phone=before.services["sandwell-mash"].phone.replace(" ", "")
    )
    check_checks_follow_contacts(before, written)  # the same digits written another way
    renewed = with_service(after, "sandwell-mash", assured_date="2026-11-30")
    check_checks_follow_contacts(before, renewed)  # a new check of the new number
    cleared = with_service(after, "sandwell-mash", assured_date="", assured_method="")
    check_checks_follow_contacts(before, cleared)
    check_checks_follow_contacts(before, before)  # nothing changed


def test_an_active_service_in_use_keeps_a_number_or_address_to_give(graph):
    """Its number lost (a type changed to "Video", a cell emptied), the Respect Phoneline's
    card read "no number held", with nothing instead (eighth attack round, 2026-12-01)."""
    from app.db.checks import check_contacts_kept

    lost = with_service(graph, "respect-phoneline", phone="", phone_note="")
    with pytest.raises(Refused, match="respect-phoneline: its card would have no number or addr"):
        check_contacts_kept(graph, lost)
    check_contacts_kept(graph, with_service(lost, "respect-phoneline", email="info@respect.uk"))
    check_contacts_kept(graph, with_service(lost, "respect-phoneline", status="retired"))
    check_contacts_kept(graph, graph)  # one with none before (a number not found yet) passes
