"""The red flags of a walk in progress as one reminder. Memory only, no Qt."""

from __future__ import annotations

from app.pathways.graph import Guidance

DASH_ITEM = "national: SafeLives Dash item "
IN_ONE = "red_flags:"  # the id of the red flags made one reminder, before theirs


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
    return (Guidance(f"{IN_ONE}{ids}", "red_flag", text, sources, {"always": True}),)


def short_names(flag_ids: list[str]) -> str:
    """ "strangulation, threats to kill": the red flags in one line (the plan's and the
    judgement page's)."""
    return ", ".join(flag_id.replace("_", " ") for flag_id in flag_ids)


def names_in_one(reminders: tuple[Guidance, ...]) -> str:
    """The short names of the red flags red_flags_in_one put among `reminders`, or ''."""
    flags = next((r for r in reminders if r.category == "red_flag"), None)
    return short_names(flags.id.removeprefix(IN_ONE).split("+")) if flags else ""
