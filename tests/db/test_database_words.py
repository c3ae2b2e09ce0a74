"""The working copy's word rules, kept by a database published as it is."""

import re

import pytest

from app.db.checks import Refused, check_numbers
from app.db.database_words import word_problems
from tests.conftest import shipped_changed


def test_the_shipped_directory_breaks_no_word_rule():
    from tests.conftest import REPO

    assert word_problems(REPO / "resources" / "directory.sqlite") == []


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        (
            "UPDATE service SET alert = 'Do not call 999: use 0121 626 5000' "
            "WHERE id = 'emergency-999'",
            "service emergency-999: alert: an alert on 999, 101 or 111 is never shown",
        ),
        (
            "UPDATE schedule SET description = 'Closed: ring 0121 626 5000' "
            "WHERE service_id = 'nhs-111'",
            "service nhs-111: hours: '0121 626 5000' is another number",
        ),
        (
            "UPDATE phone SET type = 'Out of hours 0121 626 5000' WHERE service_id = 'police-101'",
            "service police-101: phone_type: '0121 626 5000' is another number",
        ),
        (
            "UPDATE phone SET number = '111' WHERE service_id = 'ndah'",
            "service ndah: phone: 111 is a national number: only a service of kind",
        ),
        (  # an app before H230 reads it as a local number, and shows the words beside it
            "UPDATE phone SET number = '(111)' WHERE service_id = 'nhs-111'",
            "service nhs-111: phone: write 111 on its own, not (111)",
        ),
        (
            "UPDATE service SET name = 'Black\u00a0Country Women''s Aid' WHERE id = 'bcwa'",
            "service bcwa: name: U+00A0 (no-break space) is not allowed",
        ),
        (
            "UPDATE phone SET description = 'Call ' || printf('%.120c', 'x') "
            "WHERE service_id = 'bcwa'",
            "service bcwa: phone_note: xxxxxxxxxxxxxxxxxxxx… is 120 characters",
        ),
        (
            # 24/7 as bcwa's line is, so the hours' one problem is the accents
            "UPDATE schedule SET description = '24/7 Mon\u0301\u0302\u0303' "
            "WHERE service_id = 'bcwa'",
            "service bcwa: hours: three or more accents",
        ),
        (  # a digit short, in the front door's note (attack, 2026-12-02)
            "UPDATE phone SET description = 'out of hours: 024 7683 222' "
            "WHERE service_id = 'coventry-mash'",
            "service coventry-mash: phone_note: '024 7683 222' is not a UK phone number",
        ),
    ],
)
def test_a_database_published_as_it_is_keeps_the_working_copys_word_rules(
    tmp_path, statement, said
):
    """An import --merge (a database published as it is) signed an alert on 999, no-break
    spaces, a 120-letter word and stacked accents, each refused in a working copy
    (re-attack round, 2026-12-02)."""
    changed = shipped_changed(tmp_path / "changed.sqlite", statement)
    assert any(said in problem for problem in word_problems(changed)), word_problems(changed)
    with pytest.raises(Refused, match=re.escape(said)):  # and publish is refused for it
        check_numbers(changed)
