"""The version a lead publishes, and the one suggested above the newest."""

from datetime import date

import pytest

from app.db.publish_versions import check_new_version, version_above


@pytest.mark.parametrize(
    ("newest", "suggested"),
    [("2026.11.30", "2026.12.2"), ("2026.12.2", "2026.12.2.2"), ("2027.12.4.2", "2027.12.4.3")],
)
def test_the_version_suggested_above_the_newest_is_one_publish_takes(newest, suggested):
    today = date(2026, 12, 2)
    assert version_above(newest, today) == suggested
    check_new_version(suggested, today, newest)  # never refused itself


def test_a_version_refused_says_the_day_this_computer_takes_as_today():
    """A lead whose clock ran a year behind was refused 2026.12.8 "e.g. 2025.12.7", never
    told the clock was wrong (update attack, 2026-12-07)."""
    from datetime import date

    import pytest

    from app.db.checks import Refused
    from app.db.publish_versions import check_new_version

    with pytest.raises(Refused) as refused:
        check_new_version("2026.12.8", date(2025, 12, 7))
    assert str(refused.value).endswith(
        "; today on this computer is 2025-12-07: if that is wrong, correct its clock)"
    )
