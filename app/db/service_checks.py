"""What the lead is told while editing one service (issue 14 §1): each field's problems in
words, naming what is allowed, and UK numbers written the one way workers read them.

The rules of field_rules (plain text, lengths, links, UK numbers) apply as at build; these
add what only the directory's own vocabulary can say: known areas and kinds, ages in range,
https links only, and no street address anywhere in a refuge's record.
"""

from __future__ import annotations

import re
from datetime import date

from app.db.field_rules import (
    AUDIENCES,
    CONFIDENCES,
    FORMULA_STARTS,
    RIGHT_TO_LEFT,
    STATUSES,
    assurance_problems,
    field_problems,
)
from app.db.phone_rules import phone_problems
from app.db.refuge_card_words import secret_refuge
from app.db.refuge_details import refuge_record_problems
from app.db.refuge_words import held_as_refuge, held_for, no_address, where_said
from app.db.service_rows import ASSURED_METHODS, age_of
from app.db.text_rules import text_problems
from app.pathways.phone_numbers import (
    PHONE_ALLOWED,
    format_uk_phone,
    national_number,
    note_not_rung,
    other_number,
)
from app.pathways.services import (
    WIDE_AREAS,
    answered_day_and_night,
    clock_words,
    says_round_the_clock,
    source_day,
)

# The CSV column -> the field_rules name for its text rules.
RULE_NAMES = {
    "website": "url",
    "referral_route": "application_process",
    "source_seen": "x",
    "phone": "number",  # "+44 …" is a number, not a formula
}
# The services the pathway names by id (its fallbacks), pinned by id as well as by kind: a
# changed kind took 999 out of the kind's check, and "Emergency services" on the plan rang a
# local number (review 2026-12-01). Set nationally, never edited.
FIXED_SERVICES = {
    "emergency-999": ("emergency", "999"),
    "police-101": ("police_non_emergency", "101"),
    "nhs-111": ("urgent_care", "111"),
}
# The kinds a service with a national number is: anything else holding it is a slip
NATIONAL_KINDS = {"999": {"emergency"}, "112": {"emergency"}, "101": {"police_non_emergency"}}
NATIONAL_KINDS["111"] = {"urgent_care", "mental_health"}


def national_slip(national: str, kinds) -> str:
    """ "999 is a national number: only a service of kind emergency has it" for a service of
    other kinds holding it, else "" (`national` as national_number reads the number)."""
    allowed = NATIONAL_KINDS.get(national, set())
    if not allowed or allowed & set(kinds):
        return ""
    kinds_allowed = " or ".join(sorted(allowed))
    return f"{national} is a national number: only a service of kind {kinds_allowed} has it"


# The services that alone hold a national number: a feed's new "Police and ambulance" on 999,
# its note "hang up and text 999 instead", stood on the Call 999 card beside 999's own
# (attack, 2026-12-05; H437). 111's mental health option is the release's own second line.
NATIONAL_HOLDERS = {"999": {"emergency-999"}, "112": {"emergency-999"}, "101": {"police-101"}}
NATIONAL_HOLDERS["111"] = {"nhs-111", "nhs-111-mh"}
NATIONAL_IN_NAME = re.compile(r"(?<!\d)(?:999|112|101|111)(?!\d)")
NATIONAL_SERVICES = frozenset().union(*NATIONAL_HOLDERS.values())  # a feed never changes them
# Every service of these kinds has the number (urgent care has other services than 111)
FIXED = dict(FIXED_SERVICES[service] for service in ("emergency-999", "police-101"))


FIXED_ALERT = (
    "an alert on 999, 101 or 111 is never shown (the pathway says when to ring them): put it "
    "on the service it is about"
)


# the fields laptops leave out on 999, 101 and 111 when they give another number (H208)
FIXED_WORDS = ("name", "organisation", "phone_note", "hours", "notes", "referral_route")
FIXED_WORDS += ("email", "website", "source", "source_seen", "phone_type")  # shown too (re-attacks)


def fixed_other_number(number: str) -> str:
    return (
        f"{number!r} is another number: 999, 101 and 111 are shown with no other number "
        "beside them, so laptops leave these words out: put it on the service it is about"
    )


def service_problems(
    row: dict[str, str], kinds: dict[str, str], areas: dict[str, str]
) -> dict[str, list[str]]:
    """Each field's problems (only fields with any), for one services.csv row."""
    found: dict[str, list[str]] = {}

    def add(field: str, problem: str) -> None:
        found.setdefault(field, []).append(problem)

    for field, problem in assurance_problems(row, date.today()):  # "24/11/2026" from Excel
        add(field, problem)

    values = list(row.values())
    text = "".join(values)
    plain = text.isprintable() and "<" not in text and max(map(len, values), default=0) <= 200
    plain = plain and not RIGHT_TO_LEFT.search(text)  # a number beside such words is checked
    plain = plain and not any(
        v.lstrip().startswith(FORMULA_STARTS) for f, v in row.items() if f != "phone"
    )
    for field, value in ({"email": row.get("email", "")} if plain else row).items():
        # A plain, short row (decided for the whole row in C): only the e-mail can fail
        if value:
            for problem in field_problems(RULE_NAMES.get(field, field), value):
                add(field, problem)
    for field, value in row.items():
        for problem in text_problems(field, value or ""):
            add(field, problem)
    if not (row.get("name") or "").strip():
        add("name", "a service needs a name")
    if not (row.get("source") or "").strip():  # the form said nothing; publish refused it
        add("source", "say where these details come from (a page's address, or who said so)")
    seen = (row.get("source_seen") or "").strip()
    day = source_day(seen)
    if seen and day is None:  # "7 Dec 2026", "12/25/2026": signed as words, no day, and the
        # day decides whether a feed's change or the lead's wins (re-walk, 2026-12-07)
        add(
            "source_seen",
            f"begin with the day the source was seen, written YYYY-MM-DD (such as "
            f"{date.today():%Y-%m-%d}), then any words: {seen[:40]!r} gives no day",
        )
    elif day is not None and day > date.today():  # "9999-12-31 (a feed's page)" outweighed
        add(
            "source_seen",
            f"{day} is after today: write the day the source was seen "
            f"({clock_words(date.today())})",
        )
    if row.get("phone"):
        unread = format_uk_phone(row["phone"]) is None
        for problem in (
            phone_problems(row["phone"])
            or [f"{row['phone']!r} is not a UK phone number (allowed: {PHONE_ALLOWED})"] * unread
        ):  # a number read whole may still be one Ofcom keeps for drama (H436)
            add("phone", problem)
    if row.get("phone") and (problem := note_problem(row["phone"], row.get("phone_note"))):
        add("phone_note", problem)
    if (row.get("phone_note") or "").strip() and not (row.get("phone") or "").strip():
        # "No out-of-hours number held here" was kept with no number and so shown nowhere
        add(
            "phone_note",
            "a number's note is shown only beside its number, and this service has none: a "
            "worker would never read it. Give the number (phone), or put the words in notes "
            "or how to refer (referral_route)",
        )
    if problem := areas_problem(_listed(row.get("area", ""))):
        add("area", problem)
    website = row.get("website") or ""
    if website and not website.startswith("https://"):
        add("website", "links must start with https:// (an http page can be altered on the way)")
    elif "@" in website.removeprefix("https://").split("/")[0]:
        add("website", "no @ before the site's name: the link would go to another site")
    elif any(char.isspace() for char in website):  # "https://exa mple.org" (lead's attack)
        add("website", "a link has no spaces: remove them, or write %20 where the page has one")
    row_kinds = _listed(row.get("kinds", ""))
    phone = "".join((row.get("phone") or "").split())
    national = national_number(phone)
    if national and phone != national:  # "(111)": an app before H230 reads it as local
        add("phone", f"write {national} on its own, not {phone}")
    for kind, number in FIXED.items():
        if kind in row_kinds and phone != number:
            add("phone", f"a service of kind {kind} is always {number}")
    # the National Domestic Abuse Helpline was accepted as 111, a women's aid as 999: shown
    # so on every plan (re-attack round, 2026-12-02)
    if national and (slip := national_slip(national, row_kinds)):
        add("phone", slip)
        national = None  # the number is the one thing to correct: no errors on its words too
    elif national and row.get("id") not in NATIONAL_HOLDERS[national]:
        holders = " and ".join(sorted(NATIONAL_HOLDERS[national]))
        same = " rings the same as 999, which is" if national == "112" else " is"
        add(
            "phone",
            f"{national}{same} held by {holders} alone: a second line with it stands beside it "
            "on every plan, so change the words of that one instead",
        )
        national = None
    elif national and (extra := sorted(set(row_kinds) - NATIONAL_KINDS[national])):
        # 999 listed as a specialist domestic abuse service too, 111 as an IDVA (re-attack)
        allowed = " or ".join(sorted(NATIONAL_KINDS[national]))
        add("kinds", f"{national} is of kind {allowed} only, not {', '.join(extra)}")
    if (row.get("alert") or "").strip() and national:
        add("alert", FIXED_ALERT)
    for field in FIXED_WORDS if national else ():
        if number := other_number(row.get(field) or ""):
            add(field, fixed_other_number(number))
    if (said := NATIONAL_IN_NAME.search(row.get("name") or "")) and said.group() != national:
        # "NHS 111 Birmingham and Solihull" on 0121 …, "hang up and wait for a call back",
        # stood beside 111 on the medical check card (third look, 2026-12-05; H442)
        add("name", f"the name says {said.group()}, which this line is not: name it otherwise")
    kind, number = FIXED_SERVICES.get(row.get("id") or "", (None, None))
    if kind is not None:
        if phone != number:
            add("phone", f"{row['id']} is always {number}")
        if kind not in row_kinds:
            add("kinds", f"{row['id']} is always of kind {kind}")
    _vocabulary(row, "kinds", kinds, "kinds", add)
    _vocabulary(row, "area", areas, "areas", add)
    _ages(row, add)
    for field, allowed in (
        ("open_24_7", ("yes", "no", "")),  # "Yes" or "24/7" meant "no", silently
        ("confidence", CONFIDENCES),
        ("status", STATUSES),
        ("audience", AUDIENCES),
        ("assured_method", ("", *ASSURED_METHODS)),
    ):
        value = (row.get(field) or "").strip()  # as the build reads it
        if value not in allowed and not (field == "status" and value == ""):
            add(
                field,
                f"{value!r} is not allowed: one of {', '.join(a or '(empty)' for a in allowed)}",
            )
    always_open = (row.get("open_24_7") or "").strip() == "yes"
    note = row.get("phone_note") or ""
    if problem := round_the_clock_problem(row.get("hours") or "", always_open, note):
        add("open_24_7", problem)
    if same := SAME_TIMES.search(row.get("hours") or ""):  # as a schedule row's are refused
        add(
            "hours",
            f"{same.group()!r} opens and closes at the same time: a worker cannot tell open all "
            "day from shut; write 24 hours (and set Open 24/7), or the hours it is open",
        )
    if held_as_refuge(row_kinds, row.get("audience") or "", words := "\n".join(values)):
        held = held_for(row_kinds, words)
        secret = secret_refuge(row_kinds, row.get("name") or "", _listed(row.get("area", "")))
        plain = refuge_record_problems(row) if secret else {}
        for field, value in row.items():
            if value and (said := where_said(value)):
                add(field, no_address(said, held))
            elif field in plain:
                add(field, plain[field])
    return found


# "00:00-00:00" in the hours words: a schedule row so is refused; the words were shown
SAME_TIMES = re.compile(r"(?<![\d:.])(\d{1,2}[:.]?\d{2})\s*(?:-|\u2013|to)\s*\1(?![\d:.])")


def round_the_clock_problem(hours: str, always_open: bool = True, note: str = "") -> str:
    """Why a line open 24/7 (or not) cannot have these hours, or "": open 24/7 with hours
    that say otherwise put a daytime line under "24/7" on the plan, the one a worker rings
    at night (own review, 2026-12-03); not open 24/7, its times Mon-Fri 9-5, with hours "24
    hours", the card told the worker "24 hours" (feed attack, 2026-12-05)."""
    hours = hours.strip()
    if not always_open:
        if not (hours and says_round_the_clock(hours)):
            return ""
        return (
            f"no, but the hours say {hours!r}: the card tells a worker it is answered day and "
            "night; write the hours its times give, or set Open 24/7 if it is"
        )
    if answered_day_and_night(hours, note):
        return ""
    said = (
        f"the hours say {hours!r}"
        if hours and not says_round_the_clock(hours)
        else (f"the number's note says {note!r}")
    )
    return (
        f"yes, but {said}: a worker at night is sent to a line that may be shut; write the "
        "hours as 24/7, or leave Open 24/7 empty"
    )


def note_problem(number: str, note: str | None) -> str:
    """A number's note naming a line no one rings, unless it begins by saying the number is
    rung: the service's phone is shown in large type as the number to ring (H189)."""
    if not (word := note_not_rung(note)):
        return ""
    return (
        f"the note {note!r} says {number} is a {word} line, which a worker cannot ring: the "
        f"service's phone is shown as the number to ring. If {number} is rung, begin the note "
        f"with how ('Voice; …', 'Call, or text …'); if not, give the number to ring as the "
        f"phone and the {word} number in the note"
    )


def areas_problem(areas: list[str]) -> str:
    """'national' or the region beside other areas: a borough's service was offered in every
    other borough (attack rounds, 2026-12-01; H189)."""
    wide = [a for a in areas if a.strip().lower() in WIDE_AREAS]
    if not wide or len(areas) == 1:
        return ""
    return (
        f"'{wide[0]}' covers every area it names already: with other areas beside it, a "
        f"borough's service was offered in other boroughs. Write '{wide[0]}' alone, or only "
        "the areas it serves"
    )


def _listed(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _vocabulary(row, field, known: dict[str, str], what: str, add) -> None:
    values = _listed(row.get(field, ""))
    if not values:
        add(field, f"at least one of the {what} is needed")
    unknown = [v for v in values if v not in known]
    # "Coventry" was refused with no word of why (the lead's and IT's walk, 2026-12-02)
    cased = [f"{v} (write {v.lower()})" for v in unknown if v.lower() in known]
    if cased:
        add(field, f"{what} are written in lower case: {', '.join(cased)}")
    # "sandwell, dudley" was "unknown areas: sandwell, dudley": two areas it knows, called
    # unknown, and the lead changed the borough, not the comma (the lead's walk, 2026-12-07)
    commas = [v for v in unknown if all(p.strip().lower() in known for p in v.split(","))]
    if commas := [v for v in commas if "," in v]:
        add(field, f"separate {what} with ';', not ',': {', '.join(repr(v) for v in commas)}")
    if unknown := [v for v in unknown if v.lower() not in known and v not in commas]:
        later = "; a new area comes with an app release" if field == "area" else ""
        add(
            field,
            f"unknown {what}: {', '.join(unknown)}; allowed: {', '.join(sorted(known))}{later}",
        )


def _ages(row, add) -> None:
    """Each age not a whole number is named under its own field: "abc" as the highest age
    was said under the lowest, and the form showed nothing beside it (lead's attack)."""
    ages = {}
    for field in ("min_age", "max_age"):
        try:
            ages[field] = age_of(row.get(field, ""))
        except ValueError:  # the value named: "16.0" from Excel was said of every row, unnamed
            add(field, f"ages must be whole numbers from 0 to 120, not {row.get(field)!r}")
    low, high = ages.get("min_age"), ages.get("max_age")
    if low is not None and high is not None and not (0 <= low <= high <= 120):
        add("min_age", f"ages {low} to {high}: allowed 0 to 120, the lowest first")
