"""Pathway settings keep within the national criteria, moved only towards more protection."""

from dataclasses import replace

from app.pathways.setting_limits import SETTING_LIMITS, setting_problems


def test_the_shipped_settings_are_within_their_limits(graph):
    assert setting_problems(graph.settings) == []


def test_each_setting_beyond_its_limit_is_named_with_what_is_allowed(graph):
    for key, (low, high, why) in SETTING_LIMITS.items():
        for value in (low - 1, high + 1, "14", True):
            (problem,) = setting_problems(replace(graph.settings, **{key: value}))
            assert problem == f"setting {key} = {value!r}: allowed {low} to {high} ({why})"
