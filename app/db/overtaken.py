"""Whether the app's own directory would undo a number a signed update corrected.

Directory versions are days. A release whose directory was built from the repository before
the lead's last publish, and released after it, carries the higher version: every laptop
went back to the old numbers when the app was upgraded, and the self-test passed (lead's
and attack reviews 2026-12-01). The shipped directory then stands aside for the update
until the lead publishes above it, and IT is told why.
"""

from __future__ import annotations

from datetime import date

from app.db.loader import open_directory
from app.pathways.services import assured_on, person_confirmed

NAMED = 3  # services named in the message; the rest counted


def numbers_undone(update: bytes, shipped: bytes) -> list[str]:
    """Each service whose first number the update holds on evidence the shipped directory
    has nothing as recent against, in words: "name: number (the app's: number)".

    A person's check (phoned, or the provider in writing) outweighs a page seen: the update's
    checked number is undone unless the shipped row was checked by a person that day or
    after. A number the update changed without a check is undone unless the shipped row's
    own evidence (its check, or the day its source was seen) is newer: the lead's edit comes
    after the data the release began from."""
    new, old = _numbers(update), _numbers(shipped)
    undone = []
    for service_id, (name, number, checked, seen) in sorted(new.items()):
        if service_id not in old or old[service_id][1] == number:
            continue
        _, theirs, their_check, their_seen = old[service_id]
        if checked:
            newer = their_check is not None and their_check >= checked
        else:
            their = max(filter(None, (their_check, their_seen)), default=None)
            newer = their is not None and (seen is None or their > seen)
        if not newer:
            undone.append(f"{name}: {number} (the app's: {theirs})")
    return undone


def overtaken_words(shipped_version: str, update_version: str, undone: list[str]) -> str:
    more = len(undone) - NAMED
    named = "; ".join(undone[:NAMED]) + (f"; and {more} more" if more > 0 else "")
    return (
        f"the app's own directory {shipped_version} is not used: it would undo numbers corrected "
        f"in the update {update_version} ({named}). The directory lead publishes a version above "
        f"{shipped_version} from a working copy of {update_version}, with any of the app's own "
        "changes they want (directory diff shows them); it is then used on every laptop"
    )


def _numbers(data: bytes) -> dict[str, tuple[str, str, date | None, date | None]]:
    """Each active service's name, first number, person's check and day its source was seen."""
    db = open_directory(data)
    try:
        rows = db.execute(
            "SELECT s.id, s.name, s.assured_date, s.assured_method, s.source_date, "
            "(SELECT p.number FROM phone p WHERE p.service_id = s.id "
            "ORDER BY p.ordinal, p.id LIMIT 1) FROM service s WHERE s.status = 'active'"
        ).fetchall()
    finally:
        db.close()
    return {
        row[0]: (row[1], row[5] or "", person_confirmed(row[2], row[3]), assured_on(row[4][:10]))
        for row in rows
    }
