"""Numbers a worker could ring in a service's words that are no UK number (the lead's side)."""

import pytest

from app.pathways.numbers_in_words import number_not_dialled, whole_numbers_in


@pytest.mark.parametrize(
    ("words", "not_dialled"),
    [
        ("out of hours: 024 7683 222", "024 7683 222"),  # a digit short (attack, 2026-12-02)
        ("Tel 0044 121 569 310", "0044 121 569 310"),
        # third attack round: without its 0, a digit short, a second number run on
        ("If busy: 808 2000 247", "808 2000 247"),
        ("Ring 121 496 0000", "121 496 0000"),
        ("Under 18: Childline on 0800 111", "0800 111"),
        ("0121 1230 1500", "0121 1230 1500"),  # groups like times, no dash: a number
        ("0121 569 3100 0121 569 310", "0121 569 310"),
        # fourth attack round: digits before it, no 0 after two, slashes and Word's dashes
        ("Mon-Fri 9-5 0121 496 000", "0121 496 000"),
        ("Press option 3 (0121 496 000)", "0121 496 000"),
        ("Out of hours: 24 7683 2222", "24 7683 2222"),
        ("Out of hours: 0121/496/000", "0121/496/000"),
        ("0121\u2013496\u2013000", "0121-496-000"),  # as a hyphen: any dash is one
        ("Ring 0121 999 000", "0121 999 000"),  # 999 inside is no number to ring
        ("If no answer, try 0808 2000 24", "0808 2000 24"),  # 0808 has 11 (re-attack)
        ("+44 121 496 000", "+44 121 496 000"),
        ("out of hours: 024 7683 2222", ""),
        ("+44 (0)121 496 0000, 0121-303-2296 or 0121.303.2296", ""),
        ("0121 569 3100 / 3101", ""),  # a second number's last digits
        ("0121 303 2296 (24 hours); (18+) 0121 303 2296", ""),  # figures beside a number
        ("Text relay 18001 0121 496 0000", ""),
        ("Childline 0800 1111, Samaritans 116 123, 999 then 55", ""),
        ("Mon-Fri 9-5, 10-4; 09:00-17:00; 24/7; 2026-11-28", ""),  # times and days
        ("Registered charity 1012345, company 01234567, ages 16-25", ""),  # not phoned
        # times in four figures and references blocked a publish (re-attack round)
        ("0900-1700 (1630 Fridays); 0900-1230 1330-1700; sessions 1000-1200 1300-1500", ""),
        ("case ref 123 456 789; Ref: 123456789; quote 20261201-001; 2026 2027 2028", ""),
        ("Tel 0044 121 569 3100, or 00 44 121 569 3100", ""),
        ("Mon-Fri 0900-1700 0121 569 3100; Daytime 0900-1700 0808 2000 247", ""),
        ("Ref 0001234567", ""),
        ("Mon-Fri 0900-2400; closed 24-12-2026 to 02-01-2027; funded 01 04 2026", ""),
        # another country's number: none a worker here rings (attack, 2026-12-04; H336)
        ("Out of hours ring 001 900 555 0123 (duty desk).", "001 900 555 0123"),
        ("Call +1 900 555 0123", "+1 900 555 0123"),
        ("ring +33 1 23 45 67 89", "+33 1 23 45 67 89"),
        ("ring 00 353 1 555 0123", "00 353 1 555 0123"),
        ("ages 16+ 0121 496 0000", ""),
        # re-attack, 2026-12-04: spaced or bracketed after +, in one group; references
        ("Out of hours ring + 1 900 555 0123", "+1 900 555 0123"),
        ("ring +(1) 900 555 0123", "+1) 900 555 0123"),
        ("ring \u27951 900 555 0123", "+1 900 555 0123"),
        ("ring +\u00ad1 900 555 0123", "+1 900 555 0123"),
        ("Out of hours ring 0019005550123", "0019005550123"),
        ("Ring 0121 496 0000 and give case ref 0012 3456 7890.", ""),
        ("Ring 0121 496 0000 quoting file reference 001/2026/12345.", ""),
        ("Crime reference 00 1234 5678 from the police.", ""),
        ("Mon-Fri 0900-1700 (ref 00 12 34 56 78)", ""),
        ("Quote ref and ring 0121 496 000", "0121 496 000"),
        ("Existing case: 0121 496 000 (duty desk).", "0121 496 000"),  # second re-attack
        ("Out of hours, quote: 001 900 555 0123.", "001 900 555 0123"),
        ("Case ref 0121 496 000", "0121 496 000"),  # quoted, still a digit short
        ("Out of hours Tel+1 900 555 0123", "+1 900 555 0123"),
        ("Tel+44 121 496 000", "+44 121 496 000"),
        ("ring \u2795\ufe0f1 900 555 0123", "+1 900 555 0123"),
        ("ring +-1 900 555 0123", "+1 900 555 0123"),
        # third look: pasted dashes and spaces; a + after a word; reference words
        ("Out of hours ring +1\u2011900\u2011555\u20110123 (duty desk).", "+1-900-555-0123"),
        ("Out of hours 0121\u2011496\u2011000 (duty desk).", "0121-496-000"),
        ("Out of hours 0121 - 496 - 000", "0121 - 496 - 000"),
        ("Out of hours 0121   496 000", "0121 496 000"),
        ("Out of hours 0121\t496\t000", "0121 496 000"),
        ("LGBTQ+ 0800 999 5428; Refuge + 0808 2000 247", ""),
        ("Mon\u2013Fri 0830\u20131700: ring 01922 650000", ""),
        ("Ring 01922 650000 and give your case number 0012 3456 7890.", ""),
        ("Quote the MARAC ref 2026/000123; our reference 01/2026/123", ""),
        ("Company number 0123 4567; Company reg 04 567 890", ""),
        ("Out of hours ring +001 900 555 0123", "+001 900 555 0123"),  # fourth look
        ("Existing case: 00 353 1 555 0123", "00 353 1 555 0123"),
        ("Existing case: 0121/496/000", "0121/496/000"),
        ("Self-ref: 00 353 1 555 0123", "00 353 1 555 0123"),
        ("Closed 24 / 12 / 2026 \u2013 02 / 01 / 2027", ""),
        ("Children 0 - 18 - 0121 496 0000", ""),
        ("Children 0 - 18 - 0121 496 000", "0 - 18 - 0121 496 000"),
        # fifth look (H344): other brackets and pluses, a colon after the code, a number
        # cut short that reads as opening times
        ("Out of hours ring +[1] 900 555 0123", "+1) 900 555 0123"),
        ("Out of hours ring +{44} 121 496 000", "+44) 121 496 000"),
        ("Out of hours ring +1: 900 555 0123", "+1 900 555 0123"),
        ("Out of hours ring \u02d61 900 555 0123", "+1 900 555 0123"),
        ("If no answer, try 0808-2000 24", "0808-2000 24"),
        ("Open 0900-1700 [1630 Fridays]; ring 0121 496 0000, 24 hours at weekends", ""),
        ("Times: 0900-1700; Tel: 0121 496 0000", ""),
        # re-attack (H358): groups joined by marks no rule read as a number's
        ("option 3; out of hours: 0300\u02d7555\u02d7857", "0300-555-857"),
        ("Out of hours 0300\u2022555\u2022857", "0300-555-857"),
        ("Out of hours 0300*555*857", "0300-555-857"),
        ("Out of hours ring +1_900_555_0123", "+1-900-555-0123"),
        ("Out of hours ring 001\u2500900\u2500555\u25000123", "001-900-555-0123"),
        # H360: groups joined by commas, colons, semicolons, double hyphens, dot leaders
        ("option 3; out of hours: 0300,555,857", "0300,555,857"),
        ("Out of hours 0300 -- 555 -- 857", "0300 -- 555 -- 857"),
        ("Out of hours 0300 ... 555 ... 857", "0300 ... 555 ... 857"),
        ("Out of hours 0300:555:857; ages 11-16", "0300:555:857"),
        ("Ages 11-16, 0300 ; 555 ; 857", "0300 ; 555 ; 857"),
        ("Out of hours ring +1,900,555,0123", "+1,900,555,0123"),
        ("Out of hours 0300,555,2922; ages 11-16, 0121 496 0000", ""),
        ("Press 1, 2 or 3; grants up to \u00a310,000; Room 0.12, 3rd floor", ""),
        # H365: a short number before a whole one; times and days listed are no number
        ("option 3; out of hours: 0300 555 857 / 01384 818181", "0300 555 857 / 01384 818181"),
        ("Out of hours 024 7683 222 / 024 7683 2222", "024 7683 222 / 024 7683 2222"),
        ("Out of hours 0300 555 857 (0121 496 0000 at weekends)", "0300 555 857 (0121 496 0000"),
        ("Mon-Thu 10:00-20:30; closed 25/12, 26/12, 01/01, 02/01", ""),
        ("Drop-in sessions 0930, 1100 and 1400; Times: 0930; 1100; 1400", ""),
        ("0900 -- 1700 Mon-Fri; 0900 ... 1700; Sat 0900, 1300", ""),
        # H366: a figure after a number is no part of it
        ("Out of hours 0300 555 857 (2 lines)", "0300 555 857"),
        ("Out of hours 0808 2000 24 (7 days)", "0808 2000 24"),
        ("If no answer, try Childline 0800 1111 (24 hours)", ""),
        ("Childline 0800 1111 - 365 days a year; 0800 1111. 100% free", ""),
        ("Out of hours 0300 555 857 - 3 rings, then voicemail", "0300 555 857"),
        # numbers written in pairs are whole (H366 had refused them)
        ("Out of hours 0300 555 85 74; 01384 81 81 81", ""),
        ("Out of hours ring +1 900\u2043555\u20430123", "+1 900-555-0123"),
        ("ring 0121 496 0000 *24 hours*; Mon-Fri 9-5 | Sat 10-4; ~24/7~", ""),
    ],
)
def test_a_number_a_worker_may_ring_in_words_is_a_uk_number(words, not_dialled):
    assert number_not_dialled(words) == not_dialled


@pytest.mark.parametrize(
    ("words", "whole"),
    [
        ("Out of hours 0121 569 3100 / 0121 569 3101", ["01215693100", "01215693101"]),
        ("Line down: ring 0044 121 496 0124 instead", ["01214960124"]),
        ("Mon-Fri 9-5 0121 303 1888; 0121\u2013303\u20131999", ["01213031888", "01213031999"]),
        ("Children 0 - 18 - 0121 303 1888", ["01213031888"]),
        # read as a whole number by the rule, never one: an age before Childline (H440)
        ("Ages 0-18 0800 1111", []),
        ("New number from 01.12.2026, Christmas 2026: 1000-1400", []),
        ("Ring 0121 303 2296 (24 hours)", ["01213032296"]),
    ],
)
def test_the_whole_numbers_in_words_are_read_as_the_rule_reads_them(words, whole):
    """Read apart by the rules on whose a number is, dates were read as numbers and dashes
    hid numbers (re-attacks, 2026-12-05; H440)."""
    assert sorted(set(whole_numbers_in(words))) == whole
