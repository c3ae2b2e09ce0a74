"""Whether a local service's number carries a dialling code of its own area: the lead who
swapped two councils' front door numbers (Coventry's given Solihull's 0121 788 4300, and
Solihull's Coventry's) signed both with only the changes listed (the lead's walk,
2026-12-07). A check the lead is asked to make, never a refusal: a council may use a line
elsewhere. Geographic numbers only (01, 02): 03, 0800 and mobiles say nothing of a place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.db.pathway_words import numbers_in
from app.pathways.out_of_hours import UNREAD_SHUT_LINE, shut_line_unread
from app.pathways.phone_numbers import uk_phone_digits

if TYPE_CHECKING:
    from app.db.directory_diff import Change
    from app.pathways.graph import Service

# The codes each borough's own lines use (Ofcom's numbering; Sedgley in Dudley and
# Willenhall in Walsall are on Wolverhampton's 01902, Brownhills on 01543, Knowle and
# Meriden in Solihull on 01564 and 01676, Coleshill's edge on 01675, Cradley Heath and Old
# Hill in Sandwell on 01384). Boroughs sharing a code (0121) cannot be told apart by it.
LOCAL_CODES = {
    "birmingham": ("0121",),
    "coventry": ("024",),
    "dudley": ("01384", "0121", "01902"),
    "sandwell": ("0121", "01384"),
    "solihull": ("0121", "01564", "01675", "01676"),
    "walsall": ("01922", "0121", "01543", "01902"),
    "wolverhampton": ("01902",),
}


def code_elsewhere(areas: tuple[str, ...], number: str, names: dict[str, str]) -> str:
    """Words for the lead when a geographic number is not of its areas' codes, else ""."""
    digits = uk_phone_digits(number or "", strict=False) or ""
    if not digits.startswith(("01", "02")) or not areas:
        return ""
    if any(area not in LOCAL_CODES for area in areas):  # national, regional: any code
        return ""
    codes = sorted({code for area in areas for code in LOCAL_CODES[area]})
    if digits.startswith(tuple(codes)):
        return ""
    where = " and ".join(names.get(area, area.title()) for area in areas)
    return f"{where}'s numbers begin {' or '.join(codes)}: check it is this service's number"


def named_elsewhere(name: str, areas: tuple[str, ...], names: dict[str, str]) -> str:
    """Words for the lead when a local service's name names a borough it does not serve
    ("Sandwell Domestic Abuse Outreach" added in Walsall: the lead's walk, 2026-12-07)."""
    if not areas or any(area not in LOCAL_CODES for area in areas):
        return ""
    # by its letters: "(Sandwell)", "Sandwell-based", "Sandwell/Dudley" and Word's
    # "Sandwell’s" were read as other words (re-walk, 2026-12-07)
    words = set(re.findall(r"[a-z]+", name.lower()))
    others = [names.get(b, b.title()) for b in LOCAL_CODES if b not in areas and b in words]
    if not others:
        return ""
    served = " and ".join(names.get(area, area.title()) for area in areas)
    return f"its name says {' and '.join(others)}, its area is {served}: check which is right"


def change_marks(change: Change, names: dict[str, str]) -> str:
    """What the lead is asked to check of a change: each number it brings with another
    borough's code, in the phone or in words a worker rings from (an out-of-hours line, an
    alert, how to refer: the re-walk, 2026-12-07), the service's own number when its areas
    change, and a name naming a borough it does not serve."""
    if change.field == "areas":
        return _said(code_elsewhere(change.areas, change.phone, names)) + _said(
            named_elsewhere(change.name, change.areas, names)
        )
    if change.field == "name":
        return _said(named_elsewhere(change.name, change.areas, names))
    if change.field not in ("phone", "phone_note", "alert", "referral_route", "notes"):
        return ""
    brought = set(written(change.new)) - set(written(change.old))
    if change.field == "phone":
        brought = {dialled(change.new)} - {dialled(change.old)}
    marks = "".join(_said(code_elsewhere(change.areas, n, names)) for n in sorted(brought))
    # newly so: a number written in such words, or an out-of-hours line reworded out of its
    # reading ("Out of hours: …" to "Emergency Duty Team: …": verifier, 2026-12-07)
    unread = shut_line_unread(change.new) and not shut_line_unread(change.old)
    return marks + (_said(UNREAD_SHUT_LINE) if change.field == "phone_note" and unread else "")


def added_marks(service: Service, names: dict[str, str]) -> str:
    unread = UNREAD_SHUT_LINE if shut_line_unread(service.phone_note or "") else ""
    return (
        _said(code_elsewhere(service.areas, service.phone, names))
        + _said(named_elsewhere(service.name, service.areas, names))
        + _said(unread)
    )


def _said(note: str) -> str:
    return f" ({note})" if note else ""


def written(value) -> dict[str, str]:
    """The numbers in a field's words, by the figures dialled, as written."""
    text = value if isinstance(value, str) else ""
    return {dialled(number): number for number in numbers_in(text)}


def dialled(number: str) -> str:
    """A number's figures as dialled here: "+44 300 555 2292" for 0300 555 2922 went
    unmarked, compared as 44300… (re-attack, 2026-12-07)."""
    return uk_phone_digits(number, strict=False) or re.sub(r"\D", "", number)
