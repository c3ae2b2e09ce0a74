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
    address_words,
    place_said,
    plain_words_problem,
    unlisted_words,
)
from app.db.refuge_words import as_read

DETAIL_FIELDS = ("name", "organisation", "website", "email", "source", "source_seen")
# a place after "at", "in", "phoned" or "visited" in a source, in any case: "the manager at
# The Old Vicarage", "phoned the manager at the old vicarage", "Visited: The Old Vicarage"
# (re-attack, second round, 2026-12-04; H399); read up to the clause's end
PLACE_AFTER = re.compile(
    r"\b(?:at|in|on|near|visited|phoned|rang|called)\b[:\s]+([^,;()\[\]]+)", re.IGNORECASE
)
# the words of where a source was seen ("a public GitHub repo's service data", "BBC News")
SOURCE_WORDS = {
    "github", "repo", "repository", "news", "bbc", "observer", "article", "press", "stored",
    "copy", "index", "file", "id", "anniversary", "exists", "web", "centre", "city",
}  # fmt: skip


def details_problems(row: dict) -> dict[str, str]:
    """The fields of a refuge's row that say more than who it is, each with its refusal."""
    name, organisation = row.get("name") or "", row.get("organisation") or ""
    own = own_words(row)
    found = {}
    for field, others in (("name", organisation), ("organisation", name)):
        said = row.get(field) or ""
        extra = [w for w in unlisted_words(said) if w not in _words(others)]
        if where := place_said(said):  # a map's figures, a landmark ("The Haven 391200 300300")
            extra = [where, *extra]
        if extra:
            found[field] = (
                f"a refuge's {field} says who it is, never where: {', '.join(map(repr, extra))} "
                f"{'is' if len(extra) == 1 else 'are'} neither in its "
                f"{'organisation' if field == 'name' else 'name'} nor a plain word"
            )
    for field in ("website", "email"):
        if extra := address_words(row.get(field) or "", own):
            found[field] = (
                f"a refuge's {field} says no more than who it is: {', '.join(map(repr, extra))} "
                "may say where it is; give an address in its own name or plain words"
            )
    for field in ("source", "source_seen"):
        said = row.get(field) or ""
        after = PLACE_AFTER.findall(said)
        unnamed = [p.strip() for p in after if _words(p) - ALLOWED - own - SOURCE_WORDS]
        # its figures are a page's or a date's: a map's are the address rule's
        if where := place_said(re.sub(r"\d", " ", said)) or next(iter(unnamed), ""):
            found[field] = (
                f"a refuge's {field} never says where it is ({where!r}): say who said so and "
                'when ("phoned the manager, 1 Dec 2026"), not where'
            )
    return found


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", as_read(text).casefold()))


def own_words(record: dict) -> frozenset[str]:
    """The words of a refuge's name and its organisation's: plain words in its addresses."""
    return frozenset(_words(record.get("name") or "") | _words(record.get("organisation") or ""))


def refuge_record_problems(record: dict) -> dict[str, str]:
    """A refuge's card in plain words and its details saying no more than who it is, by
    field: what a worker is shown of a refuge, in words that cannot say where it is."""
    own = own_words(record)
    found = {
        field: problem
        for field in CARD_FIELDS
        if (problem := plain_words_problem(record.get(field) or "", own))
    }
    return found | details_problems(record)
