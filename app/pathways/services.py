"""Which services in the directory serve this person for an action, and the fallbacks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from app.pathways.graph import ActionTemplate, Service, lead_cautions
from app.pathways.phone_numbers import fixed_number, refused_number
from app.records import record

NATIONAL = "national"
WIDE_AREAS = (NATIONAL, "west_midlands")  # every area; every borough of the region
CONFIDENCE_RANK = {"high": 0, "medium": 1, "low": 2}
# hours that say a line is open day and night, as the shipped services write them
ROUND_THE_CLOCK = re.compile(r"24\s*/\s*7|24[ -]?h(?:ou)?rs?\b|24 hours|round the clock", re.I)
# words that make a part of the hours about something other than a person answering the
# line: a feed's "Mon-Fri 8:30-20:30; 24-hour answerphone" stood a daytime line first under
# "24/7 lines", confirmed, above the National Domestic Abuse Helpline (feed attack,
# 2026-12-05; H405). Another way in (an e-mail, a form): its times are its own. The line
# not answered (an answerphone, closed): its times are when no one answers the line.
OTHER_WAY_IN = re.compile(r"e-?mail|online|web|chat|text|form\b", re.I)
NOT_ANSWERED = re.compile(
    r"answer\s*(?:phone|machine)|answering|voice\s*mail|message|\bnot\b|\bno\b|except|closed",
    re.I,
)
# what limits when a person answers, in any part of the hours but another way in's: a time,
# a range of times, a part of the day or week. "24 hours; Overnight (8pm-8am) calls go to an
# answerphone" went first under "Open 24/7" at night, the answerphone part set aside as not
# the line's; so did "Closed 10pm-7am", "Unstaffed overnight", "Weekdays only", "Staffed
# 08:00—20:00" (feed attack on H420, 2026-12-05; H426)
TIME_RANGE = re.compile(
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s*(?:-|\u2013|\u2014|to|until|till|through)\s*\d", re.I
)
CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2}\s*(?:am|pm)?|\s*(?:am|pm))\b", re.I)
PART_OF_DAY = re.compile(
    r"over\s*night|\bnights?\b|evenings?|mornings?|afternoons?|lunch|week\s*days?|"
    r"week\s*ends?|unstaffed|office hours|working hours|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b",
    re.I,
)
UNANSWERED_WORDS = re.compile(rf"{NOT_ANSWERED.pattern}|staffed|answered", re.I)
# words about every day that name a part of one: not a limit
EVERY_DAY_WORDS = re.compile(
    r"(?:day|night)\s+(?:and|or)\s+(?:night|day)|"
    r"incl(?:uding|\.)?\s+(?:(?:weekends?|bank|public|holidays?|and|\s)+)",
    re.I,
)


@record
class Person:
    """What service matching needs to know, and nothing more."""

    borough: str | None  # None when the person lives outside every area we hold
    region: str | None
    age_from: int
    age_to: int
    audiences: frozenset[str]


@record
class ServiceMatch:
    service: Service
    fallback: bool = False


def open_day_and_night(service: Service) -> bool:
    """Open 24/7, and no hours saying otherwise: a line marked 24/7 with hours "Mon-Fri
    9am-5pm", signed before the lead's rule (H328), stood under "Open 24/7" on the card."""
    return service.open_24_7 and answered_day_and_night(service.hours, service.phone_note)


def answered_day_and_night(hours: str, phone_note: str = "") -> bool:
    """Hours (if any) that say a person answers day and night, and a number's note that
    says of no time that no one does: "answerphone overnight" beside "24 hours" (feed
    attack, 2026-12-05)."""
    hours = hours.strip()
    return (not hours or says_round_the_clock(hours)) and not unanswered_at_times(phone_note)


def unanswered_at_times(note: str) -> bool:
    """A part of a number's note saying when no one answers ("answerphone 10pm-7am",
    "unstaffed overnight"); an out-of-hours number's words ("Evenings: 0300 …") are not."""
    parts = [part for part in re.split(r"[;,\n]", note) if part.strip()]
    return any(UNANSWERED_WORDS.search(part) and _limits_when(part) for part in parts)


def says_round_the_clock(hours: str) -> bool:
    """A part of the hours says the line is answered day and night, and no part but another
    way in's limits when ("Mon-Fri 8:30-20:30", "overnight calls go to an answerphone")."""
    parts = [part for part in re.split(r"[;,\n]", hours) if part.strip()]
    of_the_line = [part for part in parts if not OTHER_WAY_IN.search(part)]
    answered = [part for part in of_the_line if not NOT_ANSWERED.search(part)]
    return any(ROUND_THE_CLOCK.search(part) for part in answered) and not any(
        _limits_when(part) for part in of_the_line
    )


def _limits_when(part: str) -> bool:
    part = EVERY_DAY_WORDS.sub(" ", part)
    return any(words.search(part) for words in (TIME_RANGE, CLOCK_TIME, PART_OF_DAY))


def check_before_use(service: Service, today: date, months: int) -> bool:
    """A lead's alert, or a line's type refused by today's rules, is always a check before
    use: "Confirmed" stood beside "Reported not answering" (attack round, 2026-12-01)."""
    if lead_cautions(service.alert, service.phone_type, service.phone):
        return True
    return needs_check(
        service.confidence,
        service.assured_date,
        service.assured_method,
        today,
        months,
        service.phone,
    )


# How a person confirms a service (H56): phoned it, or the provider confirmed in writing.
# A day without one of these (a feed's own date, a bundle signed before this rule) is no
# one's check: shown unconfirmed, never refused, so no update signed before is lost.
PERSON_CHECKS = ("phoned", "provider")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def assured_on(text: str) -> date | None:
    """The day a person confirmed a service, written YYYY-MM-DD; None for anything else.
    Python reads "2026-W48-2" and "20261125" as days too: a card took "W4" for the month
    and no plan showed, for every adult (review 2026-12-01)."""
    if not ISO_DAY.fullmatch(text or ""):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:  # 2026-02-30
        return None


UK_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def typed_day(text: str) -> date | None:
    """A day as a UK lead writes it (24/11/2026; Excel saves days so) or YYYY-MM-DD;
    None for anything else."""
    uk = UK_DAY.fullmatch(text.strip())
    if uk is None:
        return assured_on(text.strip())
    try:
        return date(int(uk[3]), int(uk[2]), int(uk[1]))
    except ValueError:  # 31/02/2026
        return None


def clock_words(today: date) -> str:
    """Said where a day is refused as after today: a lead whose laptop clock ran a year
    behind was told to rewrite 20 sources' days, never that the clock was wrong, and the
    correction did not go out (update attack, 2026-12-07)."""
    return f"today on this computer is {today:%Y-%m-%d}: if that is wrong, correct its clock"


def source_day(text: str) -> date | None:
    """The day a source was seen: the YYYY-MM-DD its words begin with ("2026-12-07 (council
    page, undated)"), None for anything else. Read whole, the day-ahead check never saw a
    day followed by words (re-walk, 2026-12-07)."""
    return assured_on((text or "").strip()[:10])


def confirmed_on(service: Service, today: date | None = None) -> date | None:
    return contact_confirmed(service.assured_date, service.assured_method, service.phone, today)


def contact_confirmed(
    assured_date: str, method: str, phone: str, today: date | None = None
) -> date | None:
    """A person's check, never of a number the lead's rules refuse: it stood as "confirmed"
    (and "checked" in the Directory tab) beside "check it" (attack reviews 2026-12-01)."""
    if refused_number(phone):
        return None
    return person_confirmed(assured_date, method, today)


def person_confirmed(assured_date: str, method: str, today: date | None = None) -> date | None:
    """The day a person confirmed a service (phoned, or the provider in writing); never a
    day after `today` (a 2030 date read "confirmed" in route and the PDF: review)."""
    day = assured_on(assured_date)
    if method not in PERSON_CHECKS or day is None:
        return None
    return None if today is not None and day > today else day


def needs_check(
    confidence: str, assured_date: str, method: str, today: date, months: int, phone: str = ""
) -> bool:
    """'Check before use': low confidence, or no person has checked it (phoned, or the
    provider in writing) within `months`. Never for 999, 101 or 111: a warning on them
    would teach workers to ignore warnings."""
    if fixed_number(phone):
        return False
    if confidence == "low" or refused_number(phone):
        return True
    assured = person_confirmed(assured_date, method, today)
    if assured is None:
        return True  # never, a day nobody can read or to come, or no person's check
    total = today.year * 12 + today.month - 1 - months
    return assured < date(total // 12, total % 12 + 1, min(today.day, 28))


def area_rank(service: Service, person: Person) -> int | None:
    """0 local, 1 regional, 2 national; None when the service does not cover the person. A
    wide area beside boroughs (refused on the lead's side since H189) is read as written:
    dropping it took the National Domestic Abuse Helpline off plans outside the region,
    as dropping the boroughs gave another borough's IDVA (H193, withdrawn)."""
    if person.borough is not None and person.borough in service.areas:
        return 0
    if person.region is not None and person.region in service.areas:
        return 1
    if NATIONAL in service.areas:
        return 2
    return None


def accepts_age(service: Service, ages: tuple[int, int]) -> bool:
    """The whole age range must be accepted: a service for 16+ does not serve 'under 16'."""
    return service.min_age <= ages[0] and ages[1] <= service.max_age


def serves(service: Service, person: Person, ages: tuple[int, int]) -> bool:
    return (
        service.status == "active"
        and area_rank(service, person) is not None
        and accepts_age(service, ages)
        and service.audience in person.audiences
    )


def _order(
    matches: Iterable[Service], person: Person, preferred: frozenset[str] = frozenset()
) -> list[Service]:
    """A number to ring first; then nearest; then a kind a rule asked for (a YPVA before an
    IDVA); then a confirmed contact; then confidence. Nearest first alone opened "Get them
    somewhere safe tonight" in Coventry on two local services with no number held, the
    24/7 line that finds a refuge third (the officer's walk, 2026-12-05)."""
    return sorted(
        matches,
        key=lambda s: (
            not s.phone,
            area_rank(s, person),
            not (preferred & set(s.kinds)),
            not s.has_confirmed_contact,
            CONFIDENCE_RANK.get(s.confidence, 3),
            s.name,
        ),
    )


class ServiceIndex:
    """Services by kind, with each selection remembered: it depends only on its inputs."""

    def __init__(self, services: dict[str, Service]) -> None:
        self.services = services
        self.by_kind: dict[str, list[Service]] = {}
        for service in services.values():
            for kind in service.kinds:
                self.by_kind.setdefault(kind, []).append(service)
        self._memo: dict[tuple, tuple[list[ServiceMatch], bool]] = {}

    def forget(self) -> None:
        self._memo.clear()

    def remembered(self) -> int:
        return len(self._memo)

    def select(
        self,
        template: ActionTemplate,
        kinds: Iterable[str],
        person: Person,
        other_actions: dict[str, list[ServiceMatch]],
        ages: tuple[int, int] | None = None,
        preferred: Iterable[str] = (),
    ) -> tuple[list[ServiceMatch], bool]:
        borrowed = tuple(
            tuple(m.service.id for m in other_actions.get(kind, []))
            for kind in template.fallback_from_actions
        )
        key = (template.kind, frozenset(kinds), person, borrowed, ages, frozenset(preferred))
        if key not in self._memo:
            self._memo[key] = self._select(template, key[1], person, other_actions, ages, key[5])
        matches, unmet = self._memo[key]
        return list(matches), unmet

    def _select(
        self,
        template: ActionTemplate,
        wanted: frozenset[str],
        person: Person,
        other_actions: dict[str, list[ServiceMatch]],
        ages: tuple[int, int] | None,
        preferred: frozenset[str],
    ) -> tuple[list[ServiceMatch], bool]:
        """The matching services, plus fallbacks when none has a confirmed contact.

        Fallbacks obey the same area, age and audience checks, so a fallback can never
        name a service that does not serve the person.
        """
        if not wanted:
            return [], False
        ages = ages or template.service_ages or (person.age_from, person.age_to)
        candidates = {s.id: s for kind in wanted for s in self.by_kind.get(kind, [])}
        found = [s for s in candidates.values() if serves(s, person, ages)]
        matches = [ServiceMatch(s) for s in _order(found, person, preferred)]
        # What the action is for decides whether it is met: a refuge line beside the
        # council's homelessness service does not stand in for it.
        main = set(template.service_kinds)
        essential = [s for s in found if main & set(s.kinds)] if main else found
        if any(s.has_confirmed_contact for s in essential):
            return matches, False
        seen = {m.service.id for m in matches}
        # the area's own route first (the children's front door for the LADO), then the
        # lines named for every area (the NSPCC, 101, 999)
        extra = [
            s
            for kind in template.fallback_kinds
            for s in self.by_kind.get(kind, [])
            if s.id not in seen and serves(s, person, ages)
        ]
        for service in _order(dict.fromkeys(extra), person):
            matches.append(ServiceMatch(service, fallback=True))
            seen.add(service.id)
        for service_id in template.fallback_service_ids:
            service = self.services.get(service_id)
            if service is not None and service_id not in seen and serves(service, person, ages):
                matches.append(ServiceMatch(service, fallback=True))
                seen.add(service_id)
        for kind in template.fallback_from_actions:  # that action's own services, not its
            for match in other_actions.get(kind, []):  # fallbacks (the ISVA card repeated
                if not match.fallback and match.service.id not in seen:  # the SARC's 111-999)
                    matches.append(ServiceMatch(match.service, fallback=True))
                    seen.add(match.service.id)
        return matches, True
