"""The numbers shown when the directory cannot be opened at all (no Qt, no database).

They are copied from resources/services/services.csv (a test holds them equal), so that
a missing or refused directory still leaves the worker with 999 and the two national
24/7 lines.
"""

from __future__ import annotations

from typing import NamedTuple


class Contact(NamedTuple):
    service_id: str  # its id in services.csv
    name: str
    phone: str
    note: str
    source: str


LAST_RESORT = (
    Contact(
        "emergency-999",
        "Emergency services",
        "999",
        "If it is not safe to speak on a mobile: dial 999, then press 55.",
        "centre56.org.uk; solihull.gov.uk",
    ),
    Contact(
        "ndah",
        "National Domestic Abuse Helpline",
        "0808 2000 247",
        "24/7, free.",
        "centre56.org.uk; wolverhampton.gov.uk",
    ),
    Contact(
        "rape-crisis-247",
        "24/7 Rape and Sexual Abuse Support Line",
        "0808 500 2222",
        "24/7, phone and online chat.",
        "247sexualabusesupport.org.uk",
    ),
)
