"""Whether a local service's number carries a dialling code of its own area: the lead who
swapped two councils' front door numbers (Coventry's given Solihull's 0121 788 4300, and
Solihull's Coventry's) signed both with only the changes listed (the lead's walk,
2026-12-07). A check the lead is asked to make, never a refusal: a council may use a line
elsewhere. Geographic numbers only (01, 02): 03, 0800 and mobiles say nothing of a place.
"""

from __future__ import annotations

from app.pathways.phone_numbers import uk_phone_digits

# The codes each borough's own lines use (Ofcom's numbering; Sedgley in Dudley and
# Willenhall in Walsall are on Wolverhampton's 01902, Brownhills on 01543, Knowle and
# Meriden in Solihull on 01564 and 01676, Coleshill's edge on 01675).
LOCAL_CODES = {
    "birmingham": ("0121",),
    "coventry": ("024",),
    "dudley": ("01384", "0121", "01902"),
    "sandwell": ("0121",),
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
    words = set(name.lower().replace("'s", " ").replace(",", " ").split())
    others = [names.get(b, b.title()) for b in LOCAL_CODES if b not in areas and b in words]
    if not others:
        return ""
    served = " and ".join(names.get(area, area.title()) for area in areas)
    return f"its name says {' and '.join(others)}, its area is {served}: check which is right"
