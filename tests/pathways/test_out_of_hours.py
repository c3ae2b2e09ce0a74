"""The out-of-hours line read from a number's note, and from the shipped directory's."""

import pytest

from app.pathways.out_of_hours import out_of_hours


@pytest.mark.parametrize(
    ("note", "found"),
    [
        (
            "option 3; out of hours: 0300 555 8574",
            ("Out of hours", "0300 555 8574", "", "option 3"),
        ),
        (
            "Choose option 1; urgent concerns out of hours: 0121 464 9001",
            ("Urgent concerns out of hours", "0121 464 9001", "", "Choose option 1"),
        ),
        (
            "after hours and weekends: Emergency Duty Team 0121 569 2355",
            ("After hours and weekends: Emergency Duty Team", "0121 569 2355", "", ""),
        ),
        (
            "Out of hours: 0121 303 2296. Under-18s out of hours: the duty team",
            ("Out of hours", "0121 303 2296", "Under-18s out of hours: the duty team", ""),
        ),
        (
            "out of hours: 0121 303 2296 (24 hours)",
            ("Out of hours", "0121 303 2296", "(24 hours)", ""),
        ),
        ("Out of hours: the same number; 0121 717 1515 (24/7)", None),  # not said to be it
        # a second number in the note: which one is meant is for the worker to read
        # (re-attack, 2026-12-03)
        ("After hours calls are diverted from 0121 303 2296 to 0300 555 2922", None),
        ("After hours, instead of 0121 303 2296 ring 0300 555 2922", None),
        ("Out of hours: 0121 303 2296 (old number, now 0300 555 2922)", None),
        ("Out of hours: 0300 555 2922 (until 1 Jan 2027; from then 0300 555 2999)", None),
        ("Out of hours: (0121) 303 2296", ("Out of hours", "0121 303 2296", "", "")),
        ("out of hours: 0121 496 000", None),  # a digit short: stays in the note, as written
        ("out of hours: 0300 555 2922 1", None),  # a digit over, signed before the strict rule
        ("out of hours: 999", None),  # not a line of the service's own
        ("No out-of-hours number held here, rough sleeping: 0300 555 0030", None),
        ("Rough sleeping: 0300 555 0030. No out-of-hours number held here", None),
        ("Mon-Fri 9:00-17:00", None),
        # the number named for office hours after all: never in the out-of-hours slot
        ("Out of hours use the website, daytime 0121 303 2296", None),
        ("Out of hours see the website, in hours 0121 303 2296", None),
        ("Out of hours the website, during normal office hours 0121 303 2296", None),
        (
            "Out of hours (outside office hours): 0300 555 2922",
            ("Out of hours (outside office hours)", "0300 555 2922", "", ""),
        ),
        # the line to ring when the number is not answered (H334)
        ("If no answer, try 0330 223 0099", ("If no answer, try", "0330 223 0099", "", "")),
        (
            "24/7; if the line is busy: 0330 223 0099",
            ("If the line is busy", "0330 223 0099", "", "24/7"),
        ),
        ("If no answer, do not ring 0330 223 0099", None),
        ("Leave a message if no answer; 0330 223 0099 is the office", None),
        # a figure after the number is never part of it: "0800 111124" stood in bold (H366)
        (
            "If no answer, try Childline 0800 1111 (24 hours)",
            ("If no answer, try Childline", "0800 1111", "(24 hours)", ""),
        ),
        (
            "Out of hours: 0800 035 530 - 9 options",
            ("Out of hours", "0800 035 530", "- 9 options", ""),
        ),
        ("If no answer, try 0121 496 000 (2 lines)", None),  # a digit short: left as written
        (
            "If no answer, try Childline 0800 1111 - 365 days a year",
            ("If no answer, try Childline", "0800 1111", "- 365 days a year", ""),
        ),
        (
            "If no answer, try Childline 0800 1111. 100% confidential",
            ("If no answer, try Childline", "0800 1111", "100% confidential", ""),
        ),
        # a freephone number whose second group is 1111, or Childline's and a figure: which
        # is not known, so neither in bold; the card's bold line and both copy buttons gave
        # 0800 1111, then 0800 1111 24 (seams attack and its re-attack, 2026-12-07; H495)
        ("Out of hours: 0800 1111 222", None),
        ("Out of hours: 0800-1111-222", None),
        ("Out of hours: 0800 1111 24 hours", None),
        ("If no answer, try Childline 0800 1111 24 hours a day", None),
        ("If no answer, try Childline 0800 1111 365 days a year", None),
        ("Out of hours: 0300 555 85 74", ("Out of hours", "0300 555 85 74", "", "")),
        # as leads write it (the lead's walk, 2026-12-04): number first, "OOH", evenings
        ("0300 555 8600 (out of hours)", ("Out of hours", "0300 555 8600", "", "")),
        ("OOH: 0300 555 8600", ("OOH", "0300 555 8600", "", "")),
        # pasted from Word, its hyphens U+2010: the line stood in small type (re-attack, 12-07)
        (
            "Out\u2010of\u2010hours: 0300 555 8600",
            ("Out\u2010of\u2010hours", "0300 555 8600", "", ""),
        ),
        (
            "option 1; evenings and weekends: 0300 555 8600",
            ("Evenings and weekends", "0300 555 8600", "", "option 1"),
        ),
        ("daytime and weekends: 0121 496 0000", None),
        # the old line, written with full stops, beside the new one: neither in bold
        ("Out of hours: calls are diverted from 0121.496.0000 to 0300 555 2922", None),
        # the words after it say it is not to be rung: it stood in bold with Copy and
        # "paste it" (helper-283, 2026-12-07; H620)
        ("Out of hours line 024 7683 2222 is closed, use 999", None),
        ("Out of hours: 024 7683 2222 (suspended until 4 Jan: ring 999)", None),
        ("Out of hours: 024 7683 2222 - NOT IN USE", None),
        ("Out of hours: 024 7683 2222 (old)", None),
        ("Out of hours: 024 7683 2222 (do not use)", None),
        ("Out of hours: 024 7683 2222 - moved to 024 7683 9999", None),
        ("Old out of hours: 024 7683 2222", None),
        ("Out of hours (withdrawn): 024 7683 2222", None),
        ("Out of hours line closed: 024 7683 2222", None),
        # and words said of its hours, not of it, leave it in bold (helper-286, 2026-12-07)
        (
            "Out of hours: 024 7683 2222 (closed on Christmas Day)",
            ("Out of hours", "024 7683 2222", "(closed on Christmas Day)", ""),
        ),
        (
            "Out of hours: 024 7683 2222 (not answered after 10pm)",
            ("Out of hours", "024 7683 2222", "(not answered after 10pm)", ""),
        ),
        (
            "Out of hours: 024 7683 2222 (no longer needs a PIN)",
            ("Out of hours", "024 7683 2222", "(no longer needs a PIN)", ""),
        ),
        # a second line added in its own part keeps the night line in bold; words in the
        # other part that may speak of it, or the same number twice, do not (H627)
        (
            "Out of hours: 024 7683 2222; rough sleeping: 0121 303 2296",
            ("Out of hours", "024 7683 2222", "", "rough sleeping: 0121 303 2296"),
        ),
        ("Out of hours: 024 7683 2222; old number 024 7683 1111", None),
        ("Out of hours: 024 7683 2222; new number from 1 Jan: 024 7683 9999", None),
        ("Out of hours: 024 7683 2222; weekends: 024 7683 2222", None),
        # a third look (helper-288, 2026-12-07): more ways to say it is dead, and a date
        ("Out of hours: 024 7683 2222 (no longer in service)", None),
        ("Out of hours: 024 7683 2222 (withdrawn 1 Dec)", None),
        ("Out of hours: 024 7683 2222 (use 024 7683 9999 instead)", None),
        ("DO NOT USE - out of hours: 024 7683 2222", None),
        ("Out of hours service ended: 024 7683 2222", None),
        # a second line in its own sentence, read sentence by sentence (helper-288; H632),
        # never where any sentence's words may speak of the night line
        (
            "Out of hours: 0300 555 9999. Rough sleeping: 0121 555 1234",
            ("Out of hours", "0300 555 9999", "", "Rough sleeping: 0121 555 1234"),
        ),
        (
            "Daytime: 0121 555 0000. Out of hours: 0300 555 9999",
            ("Out of hours", "0300 555 9999", "", "Daytime: 0121 555 0000."),
        ),
        ("Out of hours: 0300 555 2222; rough sleeping: 0121 555 1234. Old line closed.", None),
        ("Out of hours: 0300 555 9999. Old number 0300 555 2222 closed.", None),
        # and what is not: its hours now, a future date, a place or a team's old name
        (
            "Out of hours: 024 7683 2222 (now 24 hours)",
            ("Out of hours", "024 7683 2222", "(now 24 hours)", ""),
        ),
        (
            "Out of hours: 024 7683 2222 (withdrawn from 1 Jan)",
            ("Out of hours", "024 7683 2222", "(withdrawn from 1 Jan)", ""),
        ),
        (
            "Out of hours (Old Hill office): 024 7683 2222",
            ("Out of hours (Old Hill office)", "024 7683 2222", "", ""),
        ),
        (
            "Emergency Duty Team (formerly Out of Hours Team): 024 7683 2222",
            ("Emergency Duty Team (formerly Out of Hours Team)", "024 7683 2222", "", ""),
        ),
    ],
)
def test_the_out_of_hours_line_is_read_from_the_numbers_note(note, found):
    assert out_of_hours(note) == found


def test_every_out_of_hours_number_in_the_shipped_directory_is_read(graph):
    """Each shipped note naming an out-of-hours number, or one to try if there is no answer,
    gives it to the card; none of the housing notes' "No out-of-hours number held here"
    beside another number does."""
    read = {s.id for s in graph.services.values() if out_of_hours(s.phone_note)}
    fronts = ("birmingham-cass", "coventry-mash", "dudley-front-door", "walsall-mast")
    fronts += ("wolverhampton-mash",)  # its Emergency Duty Team, from the council's page
    adults = ("birmingham-adult-safeguarding", "dudley-adult-safeguarding")
    adults += ("wolverhampton-adults",)
    others = ("solihull-mash", "sandwell-adult-safeguarding", "birmingham-housing", "wm-cyp-sas")
    assert read == {*fronts, *adults, *others}
