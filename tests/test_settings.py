"""Stored settings are checked one by one: a bad value is named and dropped, the rest kept."""

from app.settings import UserSettings, settings_from


def test_valid_values_apply_and_bad_ones_are_named_with_what_is_allowed():
    settings, notes = settings_from(
        {"tier": 1, "text_size": 99, "colour": "red", "record_activity": "yes"},
        boroughs={"walsall"},
    )
    assert settings.tier == 1 and settings.text_size == UserSettings().text_size
    assert settings.record_activity is True
    assert any("'text_size' = 99" in n and "8 to 24" in n for n in notes)
    assert any("unknown setting 'colour'" in n for n in notes)
    assert any("'record_activity'" in n and "true or false" in n for n in notes)


def test_a_borough_not_in_the_pathway_is_dropped():
    settings, notes = settings_from({"default_borough": "atlantis"}, boroughs={"walsall"})
    assert settings.default_borough is None and "atlantis" in notes[0]


def test_booleans_are_not_tiers_and_the_lock_list_is_never_stored():
    settings, notes = settings_from({"tier": True})
    assert settings.tier == 2 and notes
    assert "locked" not in UserSettings(locked=frozenset({"tier"})).stored()
