"""What an update's dates mean here: in use past its expiry, or signed on a day after this
computer's today (its clock, or the publisher's, wrong)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.pathways.services import clock_words

if TYPE_CHECKING:
    from app.db.directories import Selection


def dates_noted(choice: Selection, today: date) -> Selection:
    """The update in use past its expiry, or signed after today here: said to the worker
    and to IT."""
    # "directory … expired on …" told a worker nothing to do, and IT's self-test passed:
    # a lead who published nothing for 180 days left a warning every worker learnt to
    # ignore (update attack, 2026-12-07)
    # Short for the worker: at 24 pt three lines pushed question 1's 999 help out of view;
    # "no newer one has reached this laptop" was untrue of one refused (verifier, 2026-12-07)
    if choice.expires and date.fromisoformat(choice.expires) < today:
        choice.warnings.append(
            f"directory {choice.version} expired on {choice.expires}: numbers may be out of "
            "date; check a number before you give it, and tell IT"
        )
        choice.lapsed.append(
            f"directory {choice.version} in use expired on {choice.expires} "
            f"({clock_words(today)}): a newer update must reach this laptop: the DA lead "
            "publishes one, or an update refused above says why it was not used"
        )
    if choice.published and date.fromisoformat(choice.published) > today:  # for IT (H475)
        ahead = signed_ahead(choice.version, choice.published, today)
        choice.signed_later.append(f"directory {choice.version} in use: {ahead}")
    return choice


def signed_ahead(version: str, created: str, today: date) -> str:
    """What an update signed on a day after `today` means for the next one."""
    return (
        f"signed on {created}, after today here ({today.isoformat()}): the publisher's "
        f"clock, or this computer's, may be wrong; every later update must have a version "
        f"above {version}"
    )
