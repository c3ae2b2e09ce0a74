"""The release's fallback services, as an update keeps them (H370)."""

import dataclasses

import pytest

from app.pathways.fallbacks import narrowed_fallbacks


@pytest.mark.parametrize(
    "change", [{"min_age": 25}, {"max_age": 64}, {"audience": "lgbtq"}, {"audience": "women"}]
)
def test_a_fallback_kept_for_fewer_people_is_named(graph, change):
    ndah = dataclasses.replace(graph.services["ndah"], **change)
    (problem,) = narrowed_fallbacks(graph, {**graph.services, "ndah": ndah})
    assert problem.startswith("fallback service 'ndah' must serve everyone this app's release")


def test_a_fallback_kept_for_as_many_or_more_and_other_services_changed_are_not(graph):
    wider = dataclasses.replace(graph.services["ndah"], min_age=13)
    narrower_local = dataclasses.replace(graph.services["bcwa"], min_age=30)
    services = {**graph.services, "ndah": wider, "bcwa": narrower_local}
    assert narrowed_fallbacks(graph, services) == []
    assert narrowed_fallbacks(graph, graph.services) == []
