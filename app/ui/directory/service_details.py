"""What the Directory tab's details pane says of a service: its number with how far it is
to be trusted, what the lead holds of it, and where it came from; `news` first, what a
directory waiting for the conversation's end changes of it. Words only: the tab shows them."""

from __future__ import annotations

from app.pathways.phone_numbers import fixed_number
from app.pathways.summary import ALERT


def details_text(hit, news: str) -> str:
    # 999, 101 and 111 are set nationally: the card never calls them unconfirmed
    fixed = fixed_number(hit.phone)
    checked = "" if fixed else f" · checked: {hit.confirmed or 'not confirmed by a person'}"
    # in the plan's calm words: "⚠ CHECK BEFORE USE" in capitals stood after nearly every
    # service, the warning issue 13 took off the cards (review 2026-12-01)
    # nothing to check where no number is held (re-attack round, 2026-12-02)
    reachable = hit.phone or hit.email
    warning = " · check it before you give it" if hit.check_before_use and reachable else ""
    alert = f"\u26a0 {ALERT}{hit.alert}\n" if hit.alert else ""
    if news:
        alert = f"\u26a0 {news}\n{alert}"
    held = (
        ("About the number", "; ".join(x for x in (hit.phone_type, hit.phone_note) if x)),
        ("For", f"{hit.audience} only" if hit.audience not in ("any", "") else ""),
        ("Hours", hit.hours),
        ("How to refer", hit.referral_route),
        ("Website", hit.website),
    )
    return (
        alert + f"{hit.name} ({hit.organisation or 'no organisation held'})\n"
        f"Phone: {hit.phone or 'no number held'}"
        + (f" · e-mail: {hit.email}" if hit.email else "")
        # whose words: "confidence: high" beside "check before use" read as two scales,
        # and the lead's "Placeholder for the ISVA column only" as advice (officer
        # walk, 2026-12-03)
        + f" · the source's confidence: {hit.confidence}"
        f"{checked}{warning}"
        + "".join(f"\n{said}: {value}" for said, value in held if value)
        + f"\nSource: {hit.source}"
        + (f" (seen {hit.source_date})" if hit.source_date else "")
        + (f"\nThe directory lead's notes: {hit.notes}" if hit.notes else "")
    )
