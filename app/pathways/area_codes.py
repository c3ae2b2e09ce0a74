"""How many digits a whole UK geographic (01, 02) number has, by its area code.

"01922 65200", a Walsall number a digit short, was signed and shown as a number to ring
(DA lead, 2026-12-02): most 01 areas have six-figure local numbers only, so a 10-digit
number there is a typo, never a number.
"""

from __future__ import annotations

import re

# 02, 011x and 01x1 numbers always have 11 digits, other 01 numbers 11 (Ofcom's plan)
ELEVEN_DIGITS = re.compile(r"0(?:2\d{9}|1(?:1\d|\d1)\d{7}|1[02-9][02-9]\d{7})")
# ... or 10 in the 40 areas whose four-figure code has five-figure local numbers too, and in
# Brampton (016977), with four: Ofcom's National Telephone Numbering Plan, the codes as
# Google's libphonenumber holds them (GB metadata, python-phonenumbers region_GB.py, read
# 2026-12-03)
TEN_DIGIT_CODES = frozenset(
    {
        *("01204", "01208", "01254", "01276", "01297", "01298", "01363", "01364", "01384"),
        *("01386", "01404", "01420", "01460", "01461", "01480", "01488", "01524", "01527"),
        *("01562", "01566", "01606", "01629", "01635", "01647", "01659", "01695", "01726"),
        *("01744", "01750", "01768", "01827", "01837", "01884", "01900", "01905", "01935"),
        *("01946", "01949", "01963", "01995", "016977"),
    }
)
GEOGRAPHIC_LENGTHS = (
    "02, 011x and 01x1 numbers have 11 digits; other 01 numbers 11, or 10 in the few areas "
    "with five-figure local numbers, such as Dudley's 01384"
)


def whole_geographic(digits: str) -> bool:
    """Whether an 01 or 02 number's digits are as many as its area's numbers have."""
    if len(digits) == 10:
        return bool(TEN_DIGIT_CODES.intersection((digits[:5], digits[:6])))
    return bool(ELEVEN_DIGITS.fullmatch(digits))


# The numbers Ofcom keeps for films, TV and examples, never given to anyone: a feed's sample
# line holding one was taken as a number to ring (feed attack, 2026-12-05). Ofcom, "Numbers
# for drama" (https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama,
# its ranges as listed in MarkTheTestStrategist/ByteSizedDocs DataSets/UK_Phone_Numbers.md,
# read 2026-12-05): 15 cities' 1,000 each, 01632 960, 07700 900, 08081 570, 0909 879, 03069 990
DRAMA = re.compile(
    r"0(?:1(?:1[3-8]|[2-6]1)4960|1914980|2079460|2890180|2920180"
    r"|1632960|7700900|8081570|9098790|3069990)\d{3}"
)
DRAMA_SAID = "a number Ofcom keeps for films and TV, which rings no one"


def drama_number(digits: str) -> bool:
    """Whether a number's digits (0 first, no spaces) are one Ofcom keeps for drama."""
    return bool(DRAMA.fullmatch(digits))


# Codes no area has, and a local number beginning 0 or 1, which none has (Ofcom's National
# Telephone Numbering Plan): the placeholders of sample feeds and spreadsheets ("0121 000
# 0000", "020 0000 0000", "0800 000 0000") passed as numbers to ring (attack on the update
# path, 2026-12-05; H438). 01632 is the drama area's code, none of it in use.
UNUSED_CODE = re.compile(r"0(?:1(?:1[0129]|[0178]1|632)|2[125-7])")
FOUR_FIGURE_CODE = re.compile(r"01(?:1\d|\d1)")


def placeholder_number(digits: str) -> str:
    """Why a number's digits (0 first) are no one's, or "": a code no area has, a local
    number beginning 0 or 1, or noughts standing in for the number."""
    if UNUSED_CODE.match(digits):
        return f"no area has the code {UNUSED_CODE.match(digits).group()}"
    if digits.startswith(("01", "02")):
        local = digits[3 if digits[1] == "2" else 4 if FOUR_FIGURE_CODE.match(digits) else 5 :]
        return "a local number never begins with 0 or 1" if local[:1] in ("0", "1") else ""
    # a whole number's length: 116 000, the missing children's line, was refused (re-attack)
    whole = len(digits) >= 10
    return "noughts stand in for the number" if whole and set(digits[4:]) == {"0"} else ""


# National short numbers that are no line of any service here: "105" was published as a
# women's aid's number and shown on every plan, though 112 was refused (attack F16)
OTHER_SERVICES_LINES = {
    "105": "the national power-cut line",
    "119": "the NHS's COVID-19 line",
}


def no_ones_number(digits: str) -> str:
    """What a whole number's digits are if no one answers them ("a number Ofcom keeps …",
    "no one's number (why)"), or no service here does (105, 119), or "": the lead's phone
    rule and a laptop read the same."""
    if line := OTHER_SERVICES_LINES.get(digits):
        return f"{line}, which is no service's line here"
    if drama_number(digits):
        return DRAMA_SAID
    return f"no one's number ({why})" if (why := placeholder_number(digits)) else ""
