"""The services the release's rules name as fallbacks, as an update keeps them: an update
changes services, never whom the rules' last-resort lines serve."""

from __future__ import annotations

from app.pathways.graph import Graph


def narrowed_fallbacks(release: Graph, services: dict) -> list[str]:
    """Each fallback service the release names that an update's services keep for fewer
    people (a later lowest age, an earlier highest, another audience): the National
    Domestic Abuse Helpline "from 25" left every adult's helpline card with no number, and
    the publish, the fits-the-release check and the self-test passed (re-attack, H370)."""
    named = {sid for action in release.actions.values() for sid in action.fallback_service_ids}
    problems = []
    for sid in sorted(named & release.services.keys() & services.keys()):
        was, now = release.services[sid], services[sid]
        if (
            now.min_age > was.min_age
            or now.max_age < was.max_age
            or now.audience not in (was.audience, "any")
        ):
            problems.append(
                f"fallback service {sid!r} must serve everyone this app's release holds it for "
                f"(ages {was.min_age}-{was.max_age}, {was.audience}), not ages "
                f"{now.min_age}-{now.max_age}, {now.audience}"
            )
    return problems
