"""What a refuge's record says of it beyond its card: its name, organisation, web and e-mail
addresses and the lead's source. Each is shown to workers (the name in bold on the plan, the
rest in the Directory tab and `route --json`), and each held a refuge's whereabouts past the
address rule: "The Haven Wolverhampton at The Old Vicarage", ".../12-acacia-road-whitmore-
reans", "oldvicarage.whitmorereans@…", "Phoned the manager at The Old Vicarage, Whitmore
Reans" (re-attack, 2026-12-04; H390). A name and its organisation's are proper nouns, so
each may add to the other only plain words; an address's words, a source's place after
"at" or "in", only plain words or the refuge's own names."""

from __future__ import annotations

import re

from app.db.refuge_card_words import (
    ALLOWED,
    CARD_FIELDS,
    place_said,
    plain_words_problem,
    unlisted_words,
)
from app.db.refuge_words import as_read

DETAIL_FIELDS = ("name", "organisation", "website", "email", "source", "source_seen")
# a place after "at", "in" or "on" in a source, capital first: "the manager at The Old
# Vicarage", "seen in Acacia House" (not "in a public GitHub repo": a word of the list)
PLACE_AFTER = re.compile(r"\b(?:at|in|on|near)\s+(?:[Tt]he\s+)?((?:[A-Z][\w'’]*[\s,]*)+)")


def details_problems(row: dict) -> dict[str, str]:
    """The fields of a refuge's row that say more than who it is, each with its refusal."""
    name, organisation = row.get("name") or "", row.get("organisation") or ""
    own = _words(name) | _words(organisation)
    found = {}
    for field, others in (("name", organisation), ("organisation", name)):
        extra = [w for w in unlisted_words(row.get(field) or "") if w not in _words(others)]
        if extra:
            found[field] = (
                f"a refuge's {field} says who it is, never where: {', '.join(map(repr, extra))} "
                f"{'is' if len(extra) == 1 else 'are'} neither in its "
                f"{'organisation' if field == 'name' else 'name'} nor a plain word"
            )
    for field, words in (
        ("website", _path(row.get("website") or "")),
        ("email", _local_part(row.get("email") or "")),
    ):
        if extra := [w for w in unlisted_words(words) if w not in own]:
            found[field] = (
                f"a refuge's {field} says no more than its site: {', '.join(map(repr, extra))} "
                "may say where it is; give the site's own address"
            )
    for field in ("source", "source_seen"):
        said = row.get(field) or ""
        places = [p.strip(" ,") for p in PLACE_AFTER.findall(as_read(said))]
        unnamed = [p for p in places if _words(p) - ALLOWED - own]
        # its figures are a page's or a date's: a map's are the address rule's
        if where := place_said(re.sub(r"\d", " ", said)) or next(iter(unnamed), ""):
            found[field] = (
                f"a refuge's {field} never says where it is ({where!r}): say who said so and "
                'when ("phoned the manager, 1 Dec 2026"), not where'
            )
    return found


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", as_read(text).casefold()))


def _path(website: str) -> str:
    """A web address's words after its site's name: "refuge/12-acacia-road"."""
    return re.sub(r"^\s*(?:https?://)?[^/\s]*", "", website)


def _local_part(email: str) -> str:
    """An e-mail address's words before the @: "oldvicarage.whitmorereans"."""
    return email.split("@", 1)[0] if "@" in email else ""


def refuge_record_problems(record: dict) -> dict[str, str]:
    """A refuge's card in plain words and its details saying no more than who it is, by
    field: what a worker is shown of a refuge, in words that cannot say where it is."""
    found = {
        field: problem
        for field in CARD_FIELDS
        if (problem := plain_words_problem(record.get(field) or ""))
    }
    return found | details_problems(record)
