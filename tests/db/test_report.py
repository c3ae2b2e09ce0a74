"""The coverage report and 'check before use' rules a local lead works from."""

import dataclasses
from datetime import date

from app.db.report import build_report, report_text
from app.pathways.services import needs_check

TODAY = date(2026, 11, 21)


def test_needs_check_by_confidence_and_assurance_date():
    assert needs_check("low", "2026-11-01", "phoned", TODAY, 12)
    assert not needs_check("high", "2026-01-01", "phoned", TODAY, 12)
    assert needs_check("high", "2025-10-01", "phoned", TODAY, 12)
    assert needs_check("high", "", "phoned", TODAY, 12)
    assert needs_check("high", "01/01/2026", "phoned", TODAY, 12)
    assert needs_check(
        "high", "2027-01-01", "phoned", TODAY, 12
    )  # a future check is a typing error
    assert not needs_check("medium", "2025-12-01", "phoned", TODAY, 12)
    assert needs_check("medium", "2025-12-01", "phoned", TODAY, 6)


def test_coverage_matches_the_known_gaps(graph):
    report = build_report(graph, TODAY, 12)
    cells = report.cells
    assert cells["walsall", "mash_adults"] == "no contact"
    assert cells["coventry", "idva"] == cells["wolverhampton", "idva"] == "none"
    assert all(cells[b, "isva"] in ("none", "no contact") for b, _ in report.boroughs)
    assert cells["coventry", "sarc_adult"] == "medium"
    assert cells["walsall", "sarc_adult"] == "no contact"
    assert cells["birmingham", "mash_children"] == "high"
    assert "walsall-adult-safeguarding" in [s.id for s in report.contact_not_confirmed]


def test_an_assured_service_leaves_the_check_list(graph):
    services = dict(graph.services)
    ndah = dataclasses.replace(services["ndah"], assured_date="2026-10-01")
    services["ndah"] = ndah
    report = build_report(dataclasses.replace(graph, services=services), TODAY, 12)
    assert "ndah" in [s.id for s in report.check_before_use]  # a day, but no person's check
    services["ndah"] = dataclasses.replace(ndah, assured_method="phoned", assured_by="DA lead")
    report = build_report(dataclasses.replace(graph, services=services), TODAY, 12)
    assert "ndah" not in [s.id for s in report.check_before_use]
    assert "ndah" in report_text(build_report(graph, TODAY, 12), 12)
