"""What a front door's card says of the hours it is shut, when its note gives no line for
them: Sandwell's children's front door, "phone now" for a 12-year-old abused this week,
said nothing of what to do at 7 pm (officer's walk, 2026-12-07). In the words of its
action's fallback note (actions.toml): the routes every area has."""

from __future__ import annotations

from app.pathways.graph import Service
from app.pathways.out_of_hours import line_said, out_of_hours
from app.pathways.phone_numbers import other_number
from app.pathways.services import open_day_and_night, says_round_the_clock

FRONT_DOORS = frozenset({"mash_children", "mash_adults"})
NO_LINE_WHEN_SHUT = (
    "No out-of-hours line is held here: when it is shut, phone the emergency duty team (on "
    "the council's website); 101 to the police, 999 in an emergency"
)
# the note holds a number the card does not read as the out-of-hours line ("Emergency Duty
# Team: 0121 …", a fax, "If the line is busy, try …"): never "none is held" beside it (the
# lead's walk), nor nothing at all (verifier, 2026-12-07)
UNSURE_WHEN_SHUT = (
    "When it is shut, unless a number here is its out-of-hours line: phone the emergency duty "
    "team (on the council's website); 101 to the police, 999 in an emergency"
)
EMERGENCY = ", 999 in an emergency"


def when_shut_words(s: Service) -> str:
    """The words for a front door open at times whose note gives no out-of-hours line, else
    "": 999 left out where its note says it already ("in an emergency 999; …, 999 in an
    emergency" on Coventry's), none where the note says it is answered day and night."""
    note = s.phone_note or ""
    if not (FRONT_DOORS & set(s.kinds) and s.phone) or open_day_and_night(s):
        return ""
    if says_round_the_clock(note):  # "Answered 24/7" with Open 24/7 not ticked
        return ""
    shut = out_of_hours(note)
    if shut and line_said(shut[0]) == "out-of-hours number":
        return ""
    words = UNSURE_WHEN_SHUT if shut or other_number(note) else NO_LINE_WHEN_SHUT
    return words.removesuffix(EMERGENCY) if "999" in note else words
