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
