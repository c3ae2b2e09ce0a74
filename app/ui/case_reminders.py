"""The red flags of a walk in progress as one reminder. Memory only, no Qt."""

from __future__ import annotations

from app.pathways.graph import Guidance

DASH_ITEM = "national: SafeLives Dash item "


def red_flags_in_one(flags: tuple[Guidance, ...]) -> tuple[Guidance, ...]:
    """The red flags as one item, "Red flags: …; …" (seven, one to an item, pushed the
    safety reminders below the fold); a flag added makes it new again."""
    if not flags:
        return ()
    every = dict.fromkeys(source for flag in flags for source in flag.sources)
    items = [source.removeprefix(DASH_ITEM) for source in every if source.startswith(DASH_ITEM)]
    sources = tuple(source for source in every if not source.startswith(DASH_ITEM))
    if items:  # "SafeLives Dash item 15; … item 14; …" took six lines: one, with each item
        item = "items" if len(items) > 1 else "item"  # "Dash items 15" (officer walk)
        sources += (f"national: SafeLives Dash {item} {', '.join(items)}",)
    text = "; ".join(flag.text for flag in flags)
    ids = "+".join(flag.id for flag in flags)
    return (Guidance(f"red_flags:{ids}", "red_flag", text, sources, {"always": True}),)
