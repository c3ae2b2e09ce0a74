"""UK phone numbers as the directory holds them: which texts are numbers a worker can ring.

Two readings. The lead's side (build, import, a working copy, publish) reads strictly: a
Birmingham number a digit short ("0121 496 000") or one written "-0808-2000-247" passed,
was confirmed and signed (attack review 2026-12-01). A laptop reads an update signed before
that rule as before, so no update and none of the lead's corrections in it is lost; a
number the strict reading refuses is shown "unconfirmed: check it" instead (services.py).
"""

from __future__ import annotations

import hashlib
import re

from app.pathways.area_codes import no_ones_number, whole_geographic

SHORT_NUMBERS = {"999", "112", "101", "111", "105", "119"}
UK_NUMBER = re.compile(
    r"0(?:[12]\d{8,9}"  # geographic (lengths: area_codes, on the lead's side)
    r"|3\d{9}"  # 03: national rate
    r"|7[1-57-9]\d{8}"  # mobile (not 070 personal or 076 pager numbers)
    # 0800 has 10 or 11 digits (and Childline's 0800 1111), 0808 always 11: "0808 2000 24",
    # the helpline a digit short, passed everywhere (re-attack round, 2026-12-02)
    r"|800(?:\d{6,7}|1111)|808\d{7}"
    r"|8[47]\d{8})"  # 084x, 087x
)
PHONE_ALLOWED = "999, 101, 111, 116 xxx, 0800/0808, 084/087, a geographic, 03 or mobile number"
# Open Referral's phone types, read word by word (letters as typed: "ＦＡＸ" is "fax"; "Texts"
# is "text"). A type with a word for a line no one can ring and speak to is never the number
# shown ("Fax", "fax line", "TDD", "Answerphone"): a fax put first was shown as the
# helpline's number. On the lead's side (import, publish) a type says one thing, in words
# it knows: blank (a voice line), words for a line to ring, or words for one not to; a type
# naming both ("Tel/Text", "Main/Fax"), saying what a line is not ("Voice (no text)") or
# holding a word it does not know ("Txt line", "📠") is asked about, with what to write. A
# laptop rings a type naming both, and one it does not know, so an update signed before
# these rules keeps its numbers (attack reviews 2026-12-01).
NOT_RINGABLE = ("fax", "facsimile", "telefax", "pager", "text", "sms", "video", "tty")
NOT_RINGABLE += ("minicom", "textphone", "tdd", "txt", "texting", "textline", "whatsapp")
NOT_RINGABLE += ("webchat", "chat", "videophone", "relay", "typetalk", "ngt", "bsl")
NOT_RINGABLE += ("message", "messaging", "voicemail", "answerphone", "email", "msg", "mail")
NOT_RINGABLE += ("signal", "teams", "zoom")  # apps: "Teams" is no team to ring
RINGABLE = ("voice", "cell", "mobile", "landline", "telephone", "phone", "call", "tel")
RINGABLE += ("helpline", "hotline", "freephone", "freefone", "office", "switchboard")
RINGABLE += ("cellphone", "mainline", "main", "advice", "direct", "reception", "enquiries")
RINGABLE += ("work", "home", "dial", "duty", "emergency")  # vCard's types, as HSDS points to
# words of any line, or of its hours: they say neither which kind it is nor the opposite
NEUTRAL = ("line", "number", "and", "or", "only", "for", "the", "of", "out", "hours", "hour")
NEUTRAL += ("hrs", "hr", "h", "day", "days", "night", "weekend", "free", "uk", "national")
NEUTRAL += ("local", "general", "daytime", "evening", "in", "a", "to", "with", "on", "t")
NEUTRAL += ("crisis", "support", "confidential", "professional", "referral", "switch", "board")
NEUTRAL += ("us", "service", "contact", "enquiry", "am", "pm", "after", "pref")
NEUTRAL += ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NEGATIONS = ("no", "not", "never", "except", "without", "don", "dont")
KNOWN = {*NOT_RINGABLE, *RINGABLE, *NEUTRAL, *NEGATIONS}
# lines no one speaks on, as a number's note names them ("email help@…", "chat online" or
# "leave a voicemail" say what else there is, or what the line does out of hours)
# (a fax anywhere in it; the others as its first word: "Free helpline; text also available"
# and "BSL interpreters on request" are voice lines)
LINES_NOT_RUNG = {"fax", "facsimile", "telefax", "telecopier", "text", "sms", "txt", "texting"}
LINES_NOT_RUNG |= {"textline", "textphone", "minicom", "tty", "tdd", "typetalk", "relay", "ngt"}
LINES_NOT_RUNG |= {"video", "videophone", "pager", "whatsapp", "whats"}
# another line's number in a note: five digits or more ("18001", "0121 555 0000"), not
# its hours ("Mon-Fri 9-5", "24/7")
ANOTHER_NUMBER = re.compile(r"\d(?:[ -]?\d){4,}")
# a note naming such a line begins with one of these when the number itself is rung
VOICE_FIRST = {"voice", "call", "phone", "telephone", "tel", "ring", "helpline", "freephone"}


def _words(phone_type: str | None) -> set[str]:
    return set(words_in_order(phone_type))


def words_in_order(text: str | None) -> list[str]:
    typed = text if isinstance(text, str) else ""  # a BLOB: type_problem says so
    if not typed.isascii():  # "ＦＡＸ" is "fax"; read at every start, so ASCII skips it
        import unicodedata

        typed = unicodedata.normalize("NFKC", typed)
    return [_singular(word) for word in re.findall(r"[a-z]+", typed.lower())]


def _singular(word: str) -> str:
    for ending in ("es", "s"):
        if word not in KNOWN and word.endswith(ending) and word[: -len(ending)] in KNOWN:
            return word[: -len(ending)]
    return word


FIXED_NUMBERS = frozenset({"999", "112", "101", "111"})  # set nationally: they do not change
PHONE_MARKS = re.compile(r"[\s\-().]")  # what a number may be written with, read as nothing


def national_number(phone: str) -> str | None:
    """999, 112, 101 or 111 however it is written ("(111)", "9-9-9"), else None: read only
    without spaces, a number edited in a spreadsheet escaped every rule for them and was
    shown, with another number beside it (attack round, H230)."""
    digits = PHONE_MARKS.sub("", phone)
    return digits if digits in FIXED_NUMBERS else None


def fixed_number(phone: str) -> bool:
    return national_number(phone) is not None


# A number in a service's words, however grouped: five digits or more, up to five marks
# between two ("0121 – 626 – 5000" with Word's dashes, "0121/626/5000", "0121 ... 496":
# re-attack rounds, 2026-12-02), read after NFKC (full-width and superscript digits); times,
# dates and "24/7" are figures, not numbers
NUMBER_IN_WORDS = re.compile(r"\d(?:[\W_]{0,5}\d){4,}")
FIGURES = re.compile(
    r"24/7|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"  # a day as the app writes it (2026-11-28: re-attack round)
    # a day and month with no year ("closed 25/12, 26/12, 01/01"), read as a number a
    # digit short once groups joined by commas were read as one (H365)
    r"|\b(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])\b(?!/)"
)
NATIONAL_NAMES = {"999": "Emergency services", "112": "Emergency services"}
NATIONAL_NAMES |= {"101": "Police non-emergency", "111": "NHS 111"}
SAID_BESIDE = FIXED_NUMBERS | {"55"}  # "999, then 55" (the Silent Solution)


def other_number(text: str) -> str:
    """The first number in a service's words that is not set nationally, as written, or "":
    999, 112, 101 and 111 (by text relay: 18000, or 18001 before one of them) are."""
    import unicodedata

    plain = FIGURES.sub(" x ", unicodedata.normalize("NFKC", text))
    for found in NUMBER_IN_WORDS.finditer(plain):
        groups = re.findall(r"\d+", found.group())
        digits = "".join(groups)
        relayed = digits == "18000" or digits.removeprefix("18001") in FIXED_NUMBERS
        # "text relay 18001 111; 999 in a life-threatening emergency", NHS 111's own words,
        # read as one run, was refused (third look, 2026-12-05)
        named = groups[1:] if groups[0] == "18001" and len(groups) > 1 else groups
        if not (relayed or set(named) <= SAID_BESIDE):  # "999 / 112" names two of them
            return found.group()
    return ""


def fixed_line_words(text: str, phone: str) -> str:
    """A service's words as laptops show them: on 999, 101 and 111, none that give another
    number. A signed "Do not ring 999: ring 0121 496 0000" in 999's note or hours was shown,
    printed, pasted and read out beside 999, as its alert was before H198 (H208)."""
    return "" if fixed_number(phone) and other_number(text) else text


def fixed_line_name(name: str, phone: str) -> str:
    """The name as laptops show it: on 999, 101 and 111 their own when it gives another
    number (a name is never empty)."""
    return fixed_line_words(name, phone) or NATIONAL_NAMES.get(national_number(phone) or "", name)


def ringable(phone_type: str | None) -> bool:
    """Whether a phone row is a line to ring: a word for one, or no word for one not to."""
    words = _words(phone_type)
    return bool(words & set(RINGABLE)) or not words & set(NOT_RINGABLE)


PLAIN_LINE = {"voice", "tel", "telephone", "phone", "main", "mainline", "landline", "line"}
PLAIN_LINE |= {"number", "call", "work", "office", "switchboard", "switch", "board"}


def type_label(phone_type: str | None) -> str:
    """A line's type as the worker is told it beside the number ("Out of hours"), or "" for
    a plain voice line: an out-of-hours line put first was the number shown, unlabelled, and
    the daytime line went unseen (attack round, 2026-12-01)."""
    typed = " ".join((phone_type or "").split()) if isinstance(phone_type, str) else ""
    return typed if _words(typed) - PLAIN_LINE else ""


def note_not_rung(note: str | None) -> str:
    """The lead's side: the word for a line no one speaks on that a number's note names of
    that very number ("Fax line for referral forms", "Referrals by fax only", "ＦＡＸ",
    "e-fax"); "" when it names none, names it with a number of its own ("Fax referrals to
    0121 555 0000", "Textphone users: dial 18001 first": another line), or begins by saying
    the number is rung ("Voice; …", "Call, or text …"). A working copy has no phone type: a
    fax put as the service's phone, its note saying so, was signed and shown in large type
    as the number to ring (attack rounds, 2026-12-01)."""
    words = words_in_order(note)
    named = [w for w in words if _is_fax(w)] or [w for w in words[:1] if w in LINES_NOT_RUNG]
    if not named or words[0] in VOICE_FIRST or ANOTHER_NUMBER.search(str(note)):
        return ""
    return named[0]


def _is_fax(word: str) -> bool:
    return "fax" in word or word[:6] in FAXES or word == "telecopier"


FAXES = {"facsim", "fascim"}  # misspelt as leads write it ("Fascimile", "Facsimilie")


def type_problem(phone_type: str | None) -> str | None:
    """The lead's side: why a phone type does not say what it is, with what to write."""
    write = (
        "write 'voice' for a line a worker rings and speaks on, or 'fax', 'text', 'video' or "
        "'textphone' for one they cannot (that number is never shown)"
    )
    if phone_type is not None and not isinstance(phone_type, str):
        return f"type {phone_type!r} is not text: {write}"
    if other_number(phone_type or ""):
        # "Out of hours 0300 555 2922": the Directory offered that number to copy, the plan
        # showed it in small type (seams attack, 2026-12-07; H497)
        return f"type {phone_type!r} holds a number: put it in the phone or its note: {write}"
    words = _words(phone_type)
    if not words:  # blank is a voice line; "-" or "📠" says nothing
        return f"type {phone_type!r} is not known: {write}" if (phone_type or "").strip() else None
    if unknown := sorted(words - KNOWN):
        return f"type {phone_type!r} is not known ({', '.join(unknown)}): {write}"
    rung, not_rung = sorted(words & set(RINGABLE)), sorted(words & set(NOT_RINGABLE))
    if rung and not_rung:
        return (
            f"type {phone_type!r} names a line to ring ({', '.join(rung)}) and one not to "
            f"({', '.join(not_rung)}): one line, one type: {write}"
        )
    if negations := sorted(words & set(NEGATIONS)):
        return f"type {phone_type!r} says what a line is not ({', '.join(negations)}): {write}"
    return None


def shown_number(number: str) -> str:
    """A signed number as workers dial it: 999, 101 or 111 however written ("(111)", H230),
    a UK number in its usual grouping, anything else as it is. "+44 (0)121 496 0456" in an
    update signed by hand was shown and copied so, and dialled so it rings no one (attack
    round, 2026-12-06; H493)."""
    return national_number(number) or format_uk_phone(number) or number


def refused_number(phone: str) -> bool:
    """A number held that the lead's rules refuse: in an update signed before them, shown
    "check it" and never "confirmed", and no contact (the plan adds the fallbacks). One Ofcom
    keeps for drama rings no one (H436), nor a placeholder such as 0121 000 0000 (H438)."""
    digits = uk_phone_digits(phone)
    return bool(phone) and (digits is None or bool(no_ones_number(digits)))


def contact_key(phone: str, phone_note: str, email: str) -> str:
    """What a person's check confirms, a number however spaced being one number, in the
    note too: "01215693100|out of hours: 03005552922|x@y.org" (no space at either end: a
    spreadsheet cell loses it, and the check with it)."""
    digits = uk_phone_digits(phone, strict=False) or " ".join(phone.split())
    note = re.sub(r"(?<=\d)[\s\-.()]+(?=\d)", "", " ".join(phone_note.split()).lower())
    return "|".join((digits, note, email.strip().lower()))


RECORD = "sha256:"  # then the service's id and the digest: "sha256:walsall-mast:1f…"


def contact_record(service_id: str, contact: tuple[str, str, str], check: tuple) -> str:
    """What a check records: a digest, so that Find and Replace over a sheet changes the
    number and never the record with it; of the service's id, its contact (number, note,
    e-mail) and the check itself (day, how, who), so a row sorted or copied onto another
    service in Excel, or a check re-dated there, takes no check with it (attack reviews
    2026-12-01)."""
    key = "|".join((service_id, contact_key(*contact), *check))
    return f"{RECORD}{service_id}:{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def uk_phone_digits(text: str, strict: bool = True) -> str | None:
    """The digits of a UK phone number (+44 written as 0), or None when it is not one."""
    if strict and not re.match(r"\s*[+(0-9]", text):
        return None
    digits = PHONE_MARKS.sub("", text)
    if digits.startswith("+44"):
        digits = "0" + digits[3:].removeprefix("0")
    if not (digits.isascii() and digits.isdigit()):  # "644৪" read as 6448, dialled otherwise
        return None
    if digits in SHORT_NUMBERS or re.fullmatch(r"116\d{3}", digits):
        return digits
    if not UK_NUMBER.fullmatch(digits):
        return None
    if strict and digits.startswith(("01", "02")) and not whole_geographic(digits):
        return None
    return digits


def format_uk_phone(text: str) -> str | None:
    """The number as workers read it, or None when it is not a UK number: the lead's own
    grouping of the digits kept ("0808 2000 247" is how that helpline is known), anything
    else (+44, brackets, dashes, no spaces) written in the usual grouping ("024 7678 8555")."""
    d = uk_phone_digits(text)
    if d is None or (d.startswith("02") and len(d) != 11):
        return None
    text = " ".join(text.split())  # non-breaking spaces pasted from a web page are spaces
    if re.fullmatch(r"0\d+( \d+)+", text):
        return text
    if len(d) <= 3:
        return d
    if d.startswith("116"):
        return f"{d[:3]} {d[3:]}"
    if d.startswith("02"):
        return f"{d[:3]} {d[3:7]} {d[7:]}"
    if re.match(r"01\d1|011", d):
        return f"{d[:4]} {d[4:7]} {d[7:]}"
    if d.startswith("016977") and len(d) == 10:  # Brampton: four-figure local numbers
        return f"{d[:6]} {d[6:]}"
    if d.startswith(("01", "07")):
        return f"{d[:5]} {d[5:]}"
    if len(d) == 11:  # 03, 08: 0300 555 2866
        return f"{d[:4]} {d[4:7]} {d[7:]}"
    return f"{d[:4]} {d[4:]}"  # 0800 1111
