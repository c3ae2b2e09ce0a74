"""The Directory tab's details of a service, from the shipped directory's search hits."""

from app.ui.directory.service_details import details_text
from tests.ui.conftest import open_search


def hit(name: str, service_id: str):
    return next(h for h in open_search()(name) if h.id == service_id)


def test_what_a_waiting_directory_changes_is_said_first():
    mash = hit("Coventry MASH", "coventry-mash")
    said = details_text(mash, "New numbers: Coventry MASH: now 024 7600 0000.")
    assert said.startswith("\u26a0 New numbers: Coventry MASH: now 024 7600 0000.\n")
    assert f"Phone: {mash.phone}" in said and f"\nSource: {mash.source}" in said
    assert not details_text(mash, "").startswith("\u26a0")


def test_a_national_number_is_never_said_unconfirmed():
    police = next(h for h in open_search()("999") if h.phone == "999")
    assert "checked:" not in details_text(police, "")
