"""What the app's own directory, in use, would undo of the newest signed update it overtook.

Directory versions are days. A release whose directory was built from the repository
without the lead's last update, and released after it, carries the higher version: after
an upgrade every laptop went back to the old numbers, and the self-test passed (lead's and
attack reviews 2026-12-01). Which of the two is right cannot be told from the files: an old
update left in IT's folder differs from a release as much as a stale release differs from a
new update, and switching to the update let an old one take laptops below the release
(attack review). So the release stays in use, and IT is told (About, the log, the
self-test, which fails) what it changes back, and what to do either way.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.loader import load_graph, open_directory, read_services
from app.pathways.graph import Service
from app.pathways.phone_numbers import refused_number, ringable
from app.pathways.services import person_confirmed, source_day

if TYPE_CHECKING:
    from app.db.bundle import Manifest
    from app.db.directories import Selection

NAMED = 3  # services named in the message; the rest counted
SERVICE_SIDE = ("kind_labels",)  # what a directory's graph holds beside its services
# where a service's details came from: the lead's own record, not what a worker sees or
# trusts (a lead's note edited in a database published again was taken for an undoing)
PROVENANCE = ("notes", "source", "source_date")
# read as a contact's first parts (its numbers from the phone rows, each marked if not rung),
# and as its caution (_caution_dropped)
CONTACT = ("status", "phone", "phone_type", "email", "hours")  # a type: in its number
CAUTION = ("alert", "assured_date", "assured_method", "assured_by")
# every other field a worker sees, or the plan reads, each a part of its own: a release put
# back an update's age range, referral route and phone note unsaid (N7, nineteenth session)
DETAILS = tuple(
    f.name
    for f in dataclasses.fields(Service)
    if f.name not in ("id", *CONTACT, *CAUTION, *PROVENANCE)
)


def changes_undone(
    update: bytes,
    shipped: bytes,
    shipped_is: str = "the app's",
    base: bytes | None = None,
    older: bool = False,
    update_after_base: bool = False,
) -> list[str]:
    """Each service whose contact (its numbers, its email, its hours) or whether it is
    offered the update holds on evidence the shipped directory has nothing as recent
    against, in words; and each the update added that the shipped directory lacks.

    A person's check (phoned, or the provider in writing) outweighs a page seen: the
    update's checked contact is undone unless the shipped row was checked by a person that
    day or after. A change made without a check is undone unless the shipped row's own
    evidence (its check, or the day its source was seen) is newer.

    `base`: the directory `shipped` was made from (a working copy's); a service changed
    from it was changed on purpose, and is never counted. `older`: `shipped` holds an older
    directory than the update (a database published as it is, from a laptop the update had
    not reached): every service it holds otherwise is the update's change undone, whatever
    the dates say (tenth and eleventh attack rounds, 2026-12-01). `update_after_base`: the
    update was published after `base` (a feed imported onto an older update): a part both
    changed was not changed on purpose over the update's, and the evidence decides. A feed
    imported onto the lead's older import of another feed put that feed's number back over
    the correction published since, unsaid (H417)."""
    new, old = contacts(update), contacts(shipped)
    began = contacts(base) if base is not None else {}
    undone: dict[str, str] = {}  # service id -> what is changed back, in words
    for service_id, row in sorted(new.items()):
        # edited in the copy: what the lead meant, that part only (an edit of its hours let
        # a withdrawn check and a dropped alert through: thirteenth attack round)
        edited = _edited(began.get(service_id), old.get(service_id)) if base is not None else ()
        if update_after_base:  # the copy never saw the update's: not an edit of it
            edited = tuple(set(edited) - set(_edited(began.get(service_id), row)))
        if service_id not in old:  # added by the update (ids are never reused)
            if row["status"] == "active" and not edited:
                undone[service_id] = f"{row['name']}: {_said(row)} (added by the update)"
            continue
        caution = _caution_dropped(row, old[service_id], shipped_is, began.get(service_id))
        if caution:
            undone[service_id] = f"{row['name']}: {caution}"
            continue
        if _unedited(old[service_id]["contact"], edited) == _unedited(row["contact"], edited):
            continue  # the same, but for what the copy changed on purpose
        if "active" not in (row["status"], old[service_id]["status"]):
            continue  # offered in neither
        theirs = old[service_id]
        if older or _inherited(began.get(service_id), theirs):
            newer = False
        elif row["checked"] and not _same_check(row, theirs):
            newer = theirs["checked"] is not None and theirs["checked"] >= row["checked"]
        elif row["checked"]:
            # the very same check says nothing of what changed after it: a service retired,
            # its check kept, came back in a stale release (thirteenth attack round), and so
            # did a referral route or an age range edited under the same check (N7); only a
            # source seen later outweighs the update's edit
            newer = theirs["seen"] is not None and (
                row["seen"] is None or theirs["seen"] > row["seen"]
            )
        else:
            their = max(filter(None, (theirs["checked"], theirs["seen"])), default=None)
            newer = their is not None and (row["seen"] is None or their > row["seen"])
        if not newer:
            mine, others = _said(row, theirs, edited), _said(theirs, row, edited)
            undone[service_id] = f"{row['name']}: {mine} ({shipped_is}: {others})"
    for service_id in _brought_back(new, old, began if base is not None else None):
        theirs = old[service_id]
        undone[service_id] = f"{theirs['name']}: {_said(theirs)} (not in the update: it removed it)"
    if older:  # every other field a worker sees or trusts, of the services not named yet
        for key, words in _any_service_changed(update, shipped, shipped_is):
            undone.setdefault(key or words, words)
    return list(undone.values())


def _brought_back(new: dict, old: dict, began: dict | None) -> list[str]:
    """The services the update holds no row of that the other offers: removed by the update
    (an import dropped one, and a release built without the update brought its number back,
    the self-test passing: attack round, H186). Ids are never reused, so one is new in the
    other only with evidence after the update's day (its source seen, or a person's check),
    or when a working copy added it itself."""
    day = next((row["published"] for row in new.values()), None)
    back = []
    for service_id in sorted(old.keys() - new.keys()):
        theirs = old[service_id]
        evidence = max(filter(None, (theirs["checked"], theirs["seen"])), default=None)
        if theirs["status"] != "active" or (began is not None and service_id not in began):
            continue
        if evidence is None or day is None or evidence <= day:
            back.append(service_id)
    return back


def _inherited(began: dict | None, theirs: dict) -> bool:
    """The other directory's evidence for a service is the very one its working copy began
    with: no news against the update's change. A second lead's copy begun from 2026.12.4
    held its check, and so outweighed 2026.12.4.2's correction made the same day: the
    correction went off every laptop unsaid (the lead's walk, 2026-12-04; H369)."""
    keys = ("check", "seen")
    return began is not None and all(began[key] == theirs[key] for key in keys)


def _same_check(row: dict, other: dict) -> bool:
    """The very same check: the same day, way and checker, of the same numbers (by their
    digits) and email, what a check records (a check on the same day of other numbers is
    another call). Its hours, or a line's type, changed under it are not another call: they
    let the release's copy of the check outweigh the update's edit (attack round, H182)."""
    return row["check"] == other["check"] and _called(row) == _called(other)


def _called(row: dict) -> tuple:
    _, numbers, email, *_ = row["contact"]
    return tuple("".join(filter(str.isdigit, n)) for n in numbers), email


def _any_service_changed(update: bytes, older: bytes, older_is: str) -> list[tuple[str, str]]:
    """Each service an older directory holds otherwise than the update, in any field a
    worker sees or trusts (a check withdrawn, an alert, an age range, a service retired or
    removed), not only its contact: a stale database restored a check the lead withdrew,
    and dropped its "check before use" alert (eleventh attack round, 2026-12-01)."""
    new_graph, old_graph = load_graph(update), load_graph(older)
    new, old = new_graph.services, old_graph.services
    # a kind's words put back too (round 12); never the rules, which laptops take from
    # their own release whatever a directory holds (H345)
    changed = [
        ("", f"the directory's {name} ({older_is} differ)")
        for name in SERVICE_SIDE
        if getattr(new_graph, name) != getattr(old_graph, name)
    ]
    for service_id in sorted(new.keys() | old.keys()):
        now, was = new.get(service_id), old.get(service_id)
        if now == was:
            continue
        if now is None or was is None:
            how = "added" if was is None else "removed"
            changed.append((service_id, f"{(now or was).name}: {how} by the update"))
            continue
        fields = [
            f.name
            for f in dataclasses.fields(now)
            if f.name not in PROVENANCE and getattr(now, f.name) != getattr(was, f.name)
        ]
        if not fields:
            continue
        changed.append((service_id, f"{now.name}: {', '.join(fields)} ({older_is} differ)"))
    return changed


def named(undone: list[str]) -> str:
    """The first services changed back, in words, and how many more."""
    more = len(undone) - NAMED
    return "; ".join(undone[:NAMED]) + (f"; and {more} more" if more > 0 else "")


def undone_words(shipped_version: str, update: Path, update_version: str, undone: list[str]) -> str:
    return (
        f"the app's own directory {shipped_version} is in use over the update {update_version} "
        f"({update}) and changes back what that update changed ({named(undone)}). If this "
        "release was built without that update, the directory lead makes its changes again in "
        "a new working copy, begun from this release, and publishes it (directory diff of the "
        "update and the release lists them); if the release replaces it, remove that update from "
        "IT's update folder. If the release changed one of them on purpose, the release "
        "records what shows it is newer (a person's check, or the day its source was seen, "
        "after the update's day) and is built again"
    )


def _said(row: dict, other: dict | None = None, edited: tuple[str, ...] = ()) -> str:
    """The contact in words; its hours and details too where they differ from `other`'s,
    but those `edited` on purpose (a feed's own changes were named as changed back)."""
    if row["status"] != "active":
        return "not offered"
    _, numbers, email, hours, *details = row["contact"]
    differs = other is not None and other["contact"][3] != hours and "hours" not in edited
    shown = hours if other is None or differs else ""
    # "make its changes again" named a number publish now refuses, and nothing else to do
    # (attack review 2026-12-01): said, with the way out
    refused = " (refused by today's number rules: phone the service)"
    numbers = tuple(
        f"{n}{refused}" if refused_number(n.removesuffix(NOT_RUNG)) else n for n in numbers
    )
    differ = () if other is None else tuple(
        _detail(part, value)
        for part, value, theirs in zip(DETAILS, details, other["contact"][4:], strict=True)
        if value != theirs and part not in edited
    )  # fmt: skip
    said = (*numbers, email, shown and f"hours {shown}", *differ)
    return ", ".join(filter(None, said)) or "no contact"


def _detail(part: str, value) -> str:
    """A detail in words: "min age 16", "referral route Ring the MASH…"."""
    text = ", ".join(value) if isinstance(value, tuple) else str(value)
    return f"{part.replace('_', ' ')} {_shortened(text, 60) or 'none'}"


def _shortened(text: str, limit: int) -> str:
    """`text`, or its words within `limit` and "…" (a refusal cut an alert mid-word,
    "…Helpline instea": attack F16)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


def contacts(data: bytes) -> dict[str, dict]:
    """Each service's name, contact (status, numbers in order, email, hours, then its
    DETAILS), person's check (its day, and the whole check), alert, the day its source was
    seen, and the day its directory was published."""
    db = open_directory(data)
    try:
        services = read_services(db)
        version = db.execute(
            "SELECT value FROM content_meta WHERE key = 'directory_version'"
        ).fetchone()
        phones: dict[str, list[str]] = {}
        for service_id, number, kind in db.execute(
            "SELECT service_id, number, type FROM phone ORDER BY service_id, ordinal, id"
        ):  # a line's type changed decides which number the plan shows
            said = number if ringable(kind) else f"{number}{NOT_RUNG}"
            phones.setdefault(service_id, []).append(said)
    finally:
        db.close()
    published = _published_day(version[0] if version else "")
    return {
        s.id: {
            "name": s.name,
            "status": s.status,
            "contact": (
                s.status,
                tuple(phones.get(s.id, ())),
                (s.email or "").strip().lower(),
                s.hours,
                *(getattr(s, part) for part in DETAILS),
            ),
            "checked": person_confirmed(s.assured_date, s.assured_method),
            "seen": source_day(s.source_date or ""),
            "alert": (s.alert or "").strip(),
            "check": (s.assured_date, s.assured_method, s.assured_by),
            "published": published,
        }
        for s in services.values()
    }


NOT_RUNG = " (not to ring)"
# a contact tuple's parts, in order
CONTACT_PARTS = ("status", "numbers", "email", "hours", *DETAILS)


def _edited(began: dict | None, now: dict | None) -> tuple[str, ...]:
    """The parts of a service's contact a working copy changed since it began; all of them
    when it added or removed the service. Edited hours once exempted its number and status
    too (fourteenth attack round, 2026-12-01). Its check and alert: _caution_dropped."""
    if began is None or now is None:
        return CONTACT_PARTS if began is not now else ()
    pairs = zip(CONTACT_PARTS, began["contact"], now["contact"], strict=True)
    return tuple(part for part, was, is_now in pairs if was != is_now)


def _unedited(contact: tuple, edited: tuple[str, ...]) -> tuple:
    return tuple(
        None if part in edited else value
        for part, value in zip(CONTACT_PARTS, contact, strict=True)
    )


def _published_day(version: str) -> date | None:
    """The day a directory was published: its version is the day (2026.12.3), never after
    today. An update versioned ahead (2026.12.20 on the 4th, allowed) made every person's
    check the lead recorded refused until that day, with the corrections beside it, and no
    check can be dated ahead (the lead's walk, 2026-12-04)."""
    try:
        return min(date(*(int(part) for part in version.split(".")[:3])), date.today())
    except (TypeError, ValueError):
        return None


def _caution_dropped(update: dict, other: dict, other_is: str, began: dict | None = None) -> str:
    """What of the update's caution about a service the other directory drops, in words:
    its "check before use" alert, or its withdrawal of a person's check, unless the other
    holds a person's check made after the update's day (a new one: on the day itself it may
    be the very check the update withdrew, fourteenth attack round). A release, or a
    database published as it is, put a withdrawn check back and the alert away: the number
    was "confirmed" again, and nothing said so (twelfth attack round, 2026-12-01).
    `began`: a working copy's starting row. Its own check counts only as any check does
    (after the update's day: a call logged late, dated before, brought a withdrawn check
    back), and its own alert only over the update's (one it never saw, replaced, dropped
    the warning: fifteenth attack round). A copy begun from the update's own row saw what it
    withdrew: a check it records on the update's day is a new one (a lead correcting a
    number the day an update came could only date their call tomorrow: walk, 2026-12-02)."""
    day = update["published"]
    saw_it = began is not None and (began["checked"], began["alert"]) == (
        update["checked"],
        update["alert"],
    )
    new_check = saw_it and other["checked"] != began["checked"]
    later = other["checked"] and day is not None and other["checked"] >= day
    if later and (other["checked"] > day or new_check):
        return ""
    alert = update["alert"] and update["alert"] != other["alert"]
    seen_and_changed = began is not None and began["alert"] == update["alert"]
    if alert and not seen_and_changed:
        theirs = _shortened(other["alert"], 80) or "none"
        return f"alert {_shortened(update['alert'], 80)!r} ({other_is}: {theirs!r})"
    if not update["checked"] and other["checked"]:
        # "withdrawn" was said of a check the update never held (attack round on H184)
        return (
            f"no person's check in the update, withdrawn or never made ({other_is}: checked "
            f"{other['checked']}, not after the update's day)"
        )
    return ""


def say_what_the_release_undoes(choice: Selection, manifest: Manifest, places, keys) -> None:
    """The shipped directory in use over the newest good update (IT's, or this laptop's
    copy, the share offline): what it changes back of that update, for IT (changes_undone).
    Nothing else changes: the directory used is the same whatever is found. Its signature
    and hash are checked, not its pathway (validated, it cost ~55 ms at every start while
    IT's folder kept an update the release replaced): only its services' rows are read."""
    from app.db.bundle import read_bundle

    for _, path in places:
        try:
            again, data = read_bundle(path, keys)
            if again.sha256 != manifest.sha256:
                continue  # changed since it was read: said when it is tried again
            undone = changes_undone(data, choice.data)
        except Exception:  # gone since it was read, or of a schema this app does not read
            continue
        if undone:
            version = again.directory_version
            choice.undone.append(undone_words(choice.version, path, version, undone))
        return
