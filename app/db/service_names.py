"""Two services in use that a worker could not tell apart: one name, as it reads (case,
spacing, punctuation and look-alike letters aside), in areas that meet. A plan showed two
"National Domestic Abuse Helpline" lines with other numbers, one under the other, and the
worker could not tell which to ring (attack, 2026-12-04; H340). The lead's side only: a
laptop keeps an update signed before the rule (app.db.field_rules)."""

from __future__ import annotations

import re
import unicodedata

from app.pathways.services import WIDE_AREAS

# Cyrillic and Greek letters drawn as Latin ones: a second helpline named with a Cyrillic
# "е" read as the first (re-attack, 2026-12-04)
LOOK_ALIKES = str.maketrans(
    dict(
        zip(
            "аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅαορνκτυχειΑΒΕΗΙΚΜΝΟΡΤΥΧΖıǀɑ",
            "aeopcyxijsdqwhlABEKMHOPCTXIJSaopvktuxeiABEHIKMNOPTYXZila",
            strict=True,
        )
    )
)
WIDE = frozenset(WIDE_AREAS)  # areas that meet every borough


def read_as(name: str) -> str:
    """A name as a worker reads it: "National Domestic Abuse Help-line." is the helpline,
    and "Birmingham & Solihull Women's Aid" is "… and …" (re-attack, 2026-12-04)."""
    folded = unicodedata.normalize("NFKC", name).casefold().translate(LOOK_ALIKES)
    return re.sub(r"[\W_]+", "", folded.replace("&", "and"))


def mixed_letters(name: str) -> str:
    """The first word of a name that mixes Latin letters with another alphabet's ("HeӀpline"
    with a Cyrillic palochka, "Dօmestic" with an Armenian o), or "": it reads as a word it
    is not, and no list of look-alikes is whole (re-attack, 2026-12-04; H340)."""
    for word in re.findall(r"\w+", name):
        named = [unicodedata.name(c, "") for c in word if c.isalpha()]
        # a letter's alphabet, the first word of its name: not "MODIFIER LETTER APOSTROPHE"
        # (Womenʼs) nor "MASCULINE ORDINAL INDICATOR" (Nº), which are no alphabet's
        scripts = {n.split()[0] for n in named if "LETTER" in n and not n.startswith("MODIFIER")}
        if "LATIN" in scripts and len(scripts) > 1:
            return word
    return ""


def named_twice(names: list[str], rows: list[tuple]) -> list[tuple[int, int, str]]:
    """(row, column, problem) for each service in use named as one before it whose areas
    meet its own ("area": the working copy's list, or the database's, joined with ";");
    one name in two boroughs (each borough's LADO) is allowed."""
    column, ids = names.index("name"), names.index("id")
    status = names.index("status") if "status" in names else None
    area = names.index("area") if "area" in names else None
    seen: dict[str, list[tuple[tuple, set[str]]]] = {}
    found = []
    for at, row in enumerate(rows):
        if status is not None and row[status] == "retired":
            continue
        places = {a.strip() for a in str(row[area] or "").split(";")} if area is not None else WIDE
        key = read_as(str(row[column] or ""))
        same = [first for first, where in seen.get(key, []) if _meet(places, where)]
        if same:
            found.append(
                (
                    at,
                    column,
                    f"service {same[0][ids]} has this name too: a worker would see both, each "
                    "with its number; give each its own name, or retire one",
                )
            )
        seen.setdefault(key, []).append((row, places))
    return found


def _meet(one: set[str], other: set[str]) -> bool:
    return bool(one & WIDE or other & WIDE or one & other)
