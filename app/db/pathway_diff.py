"""What changed in the pathway between two directories, item by item, in words a reviewer
reads before a directory is signed or installed: a directory carries the rules with its
services, and a change to either reaches every laptop."""

from __future__ import annotations

import json

from app.pathways.graph import Graph

# Every part of the rules, by what a reviewer calls it: a card's words changed in a signed
# directory showed as "no change to any service" (review 2026-12-01)
PATHWAY_PARTS = {
    "questions": "question",
    "edges": "order of asking after",
    "actions": "card",
    "rules": "rule",
    "guidance": "guidance",
    "audiences": "audience",
    "named": "condition",
    "facts": "fact",
    "pages": "page",
    "vignettes": "practice case",
    "kind_labels": "service kind",
}
PATHWAY_WHOLES = {"start": "first question", "settings": "settings", "risk": "risk facts"}


def pathway_changes(old: Graph, new: Graph) -> list[str]:
    """Each item of the rules that differs, "rule idva_referral R6", in a stable order, with
    the words it now has that it had not: the name alone hid a number written in words a
    check cannot read ("0121 then 496 then 0999") (review 2026-12-01)."""
    found = []
    for part, word in PATHWAY_PARTS.items():
        before, after = _keyed(getattr(old, part)), _keyed(getattr(new, part))
        keys = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        for key in keys:
            lines = differences(before.get(key), after.get(key))
            found.append(f"{word} {key}" + "".join(f"\n    {line}" for line in lines))
        # the order decides too (the first rule's title, group and ages win): rules moved
        # with changes the diff showed as defaults put an urgent SARC under "Offer" (review)
        was = [key for key in before if key in after]
        now = [key for key in after if key in before]
        if was != now and not isinstance(getattr(new, part), dict):  # a dict's order: none
            start = next(i for i, (a, b) in enumerate(zip(was, now, strict=True)) if a != b)
            end = len(now) - next(
                i for i, (a, b) in enumerate(zip(was[::-1], now[::-1], strict=True)) if a != b
            )
            found.append(
                f"the order of the {word}s: now {', '.join(now[start:end])} "
                f"(was {', '.join(was[start:end])})"
            )
    for part, word in PATHWAY_WHOLES.items():
        if getattr(old, part) != getattr(new, part):
            lines = differences(getattr(old, part), getattr(new, part))
            found.append(word + "".join(f"\n    {line}" for line in lines))
    return found


def differences(old, new, path: str = "") -> list[str]:
    """Each value changed, words, numbers and conditions alike, as "where: old → new". The
    name of an item alone hid a number written in words a check cannot read ("0121 then
    496 then 0999"); a setting shown as "settings" hid a Dash threshold of 25; a value
    taken for words ("16_17", "dash.yes") was left out, and with it a child's referral
    (reviews 2026-12-01)."""
    if old == new:
        return []
    if _fields(old) and type(old) is type(new):
        return [line for name in _fields(new) for line in _at(old, new, name, path, getattr)]
    if isinstance(old, dict) and isinstance(new, dict) and old.keys() == new.keys():
        return [line for key in sorted(new, key=str) for line in _at(old, new, key, path, _get)]
    if isinstance(old, list | tuple) and isinstance(new, list | tuple) and len(old) == len(new):
        return [line for i in range(len(new)) for line in _at(old, new, i, path, _get)]
    return [f"{path or 'value'}: {_shown(old)} → {_shown(new)}"]


def _at(old, new, key, path: str, get) -> list[str]:
    where = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else str(key)
    return differences(get(old, key), get(new, key), where)


def _fields(value) -> tuple[str, ...]:
    return tuple(getattr(value, "__dataclass_fields__", ()))


def _get(container, key):
    return container[key]


def _shown(value) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def _plain(value):
    if _fields(value):
        return {name: _plain(getattr(value, name)) for name in _fields(value)}
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(item) for item in value]
        return items if isinstance(value, list | tuple) else sorted(items, key=repr)
    return value if isinstance(value, int | float | str | bool | None) else str(value)


# What names an item: a rule's id is only unique within its action (R6 is MARAC's and the
# IDVA's), a reminder's within its kind; a second item of the same name is counted (#2),
# so none hides another (review 2026-12-01: a change to the IDVA's R6 did not show)
IDENTITY = ("action_kind", "category", "id")


def _keyed(items) -> dict:
    if isinstance(items, dict):
        return items
    keyed: dict[str, object] = {}
    seen: dict[str, int] = {}
    for item in items:
        name = " ".join(str(getattr(item, a)) for a in IDENTITY if hasattr(item, a)) or "item"
        seen[name] = seen.get(name, 0) + 1
        keyed[name if seen[name] == 1 else f"{name} #{seen[name]}"] = item
    return keyed
