"""The days a database gives as evidence are refused at publish when no one could know them:
a person's check not recorded as one, and a source seen after today."""

from datetime import date

import pytest

from app.db.checks import Refused
from app.db.evidence_dates import check_confirmations
from tests.conftest import REPO, shipped_changed

TODAY = date(2026, 12, 5)


def test_the_shipped_directory_gives_no_day_ahead_of_today():
    check_confirmations(REPO / "resources" / "directory.sqlite", TODAY)


@pytest.mark.parametrize("seen", ["9999-12-31", "2026-12-06"])
def test_a_source_seen_after_today_is_refused_by_service(tmp_path, seen):
    """A feed gave BCWA's old number the source date 9999-12-31, merged into an older
    import: as evidence it outweighed the correction published since, and the old number
    was signed back onto every laptop (feed attack, 2026-12-05)."""
    database = shipped_changed(
        tmp_path / "d.sqlite", f"UPDATE service SET source_date = '{seen}' WHERE id = 'bcwa'"
    )
    with pytest.raises(Refused) as refused:
        check_confirmations(database, TODAY)
    said = str(refused.value)
    assert f"the day a source was seen is after today: service bcwa: {seen}" in said
    # a lead whose clock ran behind rewrote 20 sources' days (update attack, 2026-12-07)
    assert said.endswith(
        "(today on this computer is 2026-12-05: if that is wrong, correct its clock)"
    )


def test_a_source_seen_today_or_written_otherwise_is_not_this_rules(tmp_path):
    database = shipped_changed(
        tmp_path / "d.sqlite",
        "UPDATE service SET source_date = '2026-12-05' WHERE id = 'bcwa'",
        "UPDATE service SET source_date = 'Dec 2026' WHERE id = 'ndah'",
    )
    check_confirmations(database, TODAY)


def test_a_persons_check_without_how_is_refused(tmp_path):
    database = shipped_changed(
        tmp_path / "d.sqlite",
        "UPDATE service SET assured_date = '2026-11-20', assured_method = '' WHERE id = 'bcwa'",
    )
    with pytest.raises(Refused, match="a person's check is not recorded as it must be"):
        check_confirmations(database, TODAY)
