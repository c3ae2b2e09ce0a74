"""How a field's words would show on a laptop, as rules the lead is told of: plain spaces,
no letter that draws as nothing, no stacked accents, no word too long to wrap, and any
number a worker may read in the words written as one a phone dials (field_rules holds the
rules of each field's kind; service_checks applies these to a service's every field)."""

from __future__ import annotations

import functools
import re
import unicodedata
from unicodedata import category, combining

from app.db.dead_numbers import drama_number_in, placeholder_in
from app.db.field_rules import LETTER_BY_FIGURE, LOOKALIKES
from app.db.pathway_words import PHONE_IN_TEXT, numbers_in
from app.db.phone_rules import quoted
from app.db.service_names import mixed_letters
from app.pathways.area_codes import DRAMA_SAID, GEOGRAPHIC_LENGTHS
from app.pathways.numbers_in_words import number_not_dialled

# Marks stacked on one letter draw over the lines below (in the PDF too); one or two are a
# letter's accents written apart (a name typed on a Mac), three are not
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
STACKED_MARKS = re.compile(f"[{MARKS}]{{3,}}")
# Letters and marks that draw as nothing, printable so no other rule sees them: a name
# padded with them looks the same and is another name (a search for it finds neither)
# Variation selectors too: "O\ufe0fut of hours" read as "Out of hours" in the list of changes
# and took the out-of-hours line out of large type (re-attack, 2026-12-07)
BLANK_LETTERS = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]"
)
# A letter whose name says it is struck (Ɇ, ȼ, ɨ, ł): "Ɇmɇrgɇnȼy sɇrvɨȼɇs" read as withdrawn
STRUCK = (" WITH STROKE", " WITH BAR", " WITH DIAGONAL STROKE", " WITH CROSSED")
PLAIN_ORDINALS = "\u00aa\u00ba"  # "Nº": its º reads as o once normalised, and is plain


# Fields a card shows in large type or beside the number, where no link belongs: a longer
# word cannot wrap, and widened what shows it past the screen (attack round, 2026-12-02)
UNBROKEN_FIELDS = ("name", "organisation", "phone_note", "hours", "alert")
# a name pasted from Excel kept its quotation marks: workers read "“National Stalking
# Helpline”" (the lead's walk, 2026-12-07; H580)
WRAPPED = re.compile("[\"'\u2018\u201c\u00ab].*[\"'\u2019\u201d\u00bb]", re.DOTALL)
WRAPPED_FIELDS = ("name", "organisation")
LONGEST_WORD = 30  # at 24 pt a name of 60 letters gave the plan a sideways scroll


# The words a worker reads a number from besides the phone field (not links: a page's
# address may hold any digits)
NUMBERED_WORDS = ("name", "organisation", "phone_note", "hours", "notes", "referral_route")
NUMBERED_WORDS += ("alert", "phone_type")  # a number's type: "out of hours 0121 496 000" (H339)
# who said so, shown in the directory's details: "Phoned the duty desk on 0121 496 000"
# beside "Phone: no number held" (third look, 2026-12-04; H336)
NUMBERED_WORDS += ("source", "source_seen")
READ_WORDS = frozenset((*UNBROKEN_FIELDS, *NUMBERED_WORDS))  # a worker reads them as words


def odd_spacing(text: str) -> str | None:
    """A space or line break other than a plain space and a line's end, named: laptops show
    it as a plain space (attack round, 2026-12-02), so the lead is told before signing."""
    if text.isprintable():  # the usual case, decided in C; isprintable() is False for each
        return None
    for char in text:
        if unicodedata.category(char) in ("Zs", "Zl", "Zp") and char != " ":
            return f"U+{ord(char):04X} ({unicodedata.name(char, 'a space').lower()})"
    return None


OTHER_FIGURES = re.compile(r"[\d .\-]*(?:(?![0-9])\d)[\d .\-]*")  # a figure not 0-9 among them
AS_FIGURES = str.maketrans(LOOKALIKES, "0011")
LETTERED_RUN = re.compile(rf"[0-9{LOOKALIKES}][0-9{LOOKALIKES} .\-]*[0-9{LOOKALIKES}]")


def figures_as_letters(text: str) -> str:
    """A number that reads as one only with letters taken for figures ("O300 555 857",
    "0l21 496 000", Devanagari or Arabic-Indic figures): the rule read it as no number, and
    a cut-short line was signed onto a child's plan (re-attack, 2026-12-04; H371)."""
    if text.isascii() and not LETTER_BY_FIGURE.search(text):
        return ""  # the usual case: nothing stands in for a figure
    # full-width figures read as the same number once normalised, and passed: the card did
    # not lift "Out of hours: ０３００ ５５５ ８６００" into large type, and copied what a
    # phone may not dial (feed attack, 2026-12-05)
    if wide := OTHER_FIGURES.search(text):
        return wide.group().strip()
    plain = {
        re.sub(r"\D", "", n) for n in PHONE_IN_TEXT.findall(unicodedata.normalize("NFKC", text))
    }
    read = [n for n in numbers_in(text) if re.sub(r"\D", "", n) not in plain]
    return _as_typed(text, read[0]) if read else ""


def _as_typed(text: str, number: str) -> str:
    """`number`, read with letters as figures, as it was typed: the refusal quoted
    '0121 464 9001' for "9O01", and the lead could not see what to retype (attack F16)."""
    want = re.sub(r"\D", "", number)
    for run in LETTERED_RUN.finditer(text):
        read = run.group().translate(AS_FIGURES)
        figures = re.sub(r"\D", "", read)
        if read != run.group() and len(figures) > 6 and want.startswith(figures):
            return run.group()
    return number


def drawn_over(text: str) -> str:
    """A mark drawn through or around a letter (an overlay or enclosing mark), or "": one a
    letter, "E̶m̶e̶r̶g̶e̶n̶c̶y̶ s̶e̶r̶v̶i̶c̶e̶s̶" stood struck through above 999, signed (content
    attack, 2026-12-07)."""
    if text.isascii():
        return ""
    return next((c for c in text if combining(c) == 1 or category(c) == "Me"), "")


def styled_letter(text: str) -> str:
    """A letter or figure that is a styled form of a plain one (𝖮, ｏ, ℴ, Ⅰ, ²), or "": it
    reads as the plain one and no rule reading words sees it (re-attack, 2026-12-07);
    decimal figures of other kinds have the figures' own messages."""
    if text.isascii():
        return ""
    for char in text:
        kind = category(char)
        plain = kind[0] not in "LN" or kind == "Nd" or char in PLAIN_ORDINALS
        if not plain and unicodedata.normalize("NFKC", char) != char:
            return char
    return ""


def struck_word(text: str) -> str:
    """A word read as crossed out, or "": three or more letters made with a stroke
    ("Ɇmɇrgɇnȼy": Polish and Croatian words have one or two, "Łódź", "Đurđevac"), or a
    mark on each of three or more letters ("E̽m̽e̽r̽g̽e̽n̽c̽y̽"; "Zoë" and "Việt" have letters
    unmarked) (re-attack, 2026-12-07)."""
    if text.isascii():
        return ""
    for word in text.split():
        letters, marked, struck = 0, 0, 0
        for at, char in enumerate(word):
            if char.isalpha():
                letters += 1
                struck += any(s in unicodedata.name(char, "") for s in STRUCK)
                marked += bool(combining(word[at + 1 : at + 2] or "a"))
        if struck >= 3 or (letters >= 3 and marked == letters):
            return word
    return ""


def odd_in_number(text: str) -> tuple[str, str] | None:
    """A number in the words with a sign among its figures no phone dials, and the sign:
    "29⁄22" (a fraction slash) looks like a figure's part. A keyboard's sign ("29/22") is
    seen as it is in the list of changes, and times and dates are written with them."""
    if text.isascii():
        return None
    for number in PHONE_IN_TEXT.findall(text):
        # another script's figure, or a space of another kind: each has its own message
        signs = (c for c in number.strip() if not c.isdigit() and not c.isspace())
        if odd := next((c for c in signs if not c.isascii()), None):
            return number.strip(), odd
    return None


def _not_dialled(words: str, number: str) -> str:
    """What is wrong with a number in words no phone dials, where it can be told: "0121 569
    23S5" was quoted as '0121 569 23', its letter unsaid, and "0300 555 29222" told of the
    lengths of 01 numbers (the lead's walk, 2026-12-07)."""
    after = words[words.find(number) + len(number) :]
    if lettered := re.match(r"[^\W\d_][\d \-]*\d", after):
        return (
            f"{number + lettered.group()!r} has a letter ({after[0]!r}) among its figures: a "
            "worker may ring it, so type figures only"
        )
    if len(digits := re.sub(r"\D", "", number)) > 11:
        return f"{number!r} has {len(digits)} figures: UK numbers have 10 or 11"
    if digits.startswith(("07", "03")) and len(digits) != 11:  # told of 01's lengths (re-attack)
        return f"{number!r} has {len(digits)} figures: {digits[:2]} numbers have 11"
    return (
        f"{number!r} is not a UK phone number ({GEOGRAPHIC_LENGTHS}): a worker may ring it, so "
        "write it in full"
    )


def text_problems(field: str, value: str) -> list[str]:
    """How a field's words would show on a laptop that a rule refuses (H199, H202): the
    working copy's rows and a database published as it is alike."""
    return list(_problems_of(field, value))


# Each field's verdict, kept: a publish reads every field of every service two or three
# times over (the copy, then the database made from it), some 7,000 readings
@functools.lru_cache(maxsize=1 << 15)
def _problems_of(field: str, value: str) -> tuple[str, ...]:
    problems = []
    if field != "phone" and (odd := odd_spacing(value)):  # a number is tidied
        problems.append(f"{odd} is not allowed: type a plain space (often pasted from Word)")
    longest = max(value.split(), key=len, default="")
    if field in UNBROKEN_FIELDS and len(longest) > LONGEST_WORD:
        problems.append(
            f"{longest[:20]}… is {len(longest)} characters without a space: at most "
            f"{LONGEST_WORD} fit a laptop's screen (put a link in notes or website)"
        )
    if blank := BLANK_LETTERS.search(value):
        name = unicodedata.name(blank.group(), "a blank").lower()
        problems.append(f"U+{ord(blank.group()):04X} ({name}) shows as nothing: remove it")
    if STACKED_MARKS.search(value):
        problems.append("three or more accents on one letter are not allowed: retype the word")
    if over := drawn_over(value):
        name = unicodedata.name(over, "a mark").lower()
        problems.append(
            f"U+{ord(over):04X} ({name}) draws over the letters (a name struck through "
            "reads as withdrawn): remove it"
        )
    if field in READ_WORDS and (styled := styled_letter(value)):
        name, plain = (
            unicodedata.name(styled, "a letter").lower(),
            unicodedata.normalize("NFKC", styled),
        )
        problems.append(
            f"U+{ord(styled):04X} ({name}) is a styled {plain!r}: a reader takes it for "
            f"{plain!r} and no check does, so type {plain!r}"
        )
    if field in READ_WORDS and (word := struck_word(value)):
        problems.append(
            f"every letter of {word!r} is struck or marked (it reads as crossed out): retype it"
        )
    if field in WRAPPED_FIELDS and WRAPPED.fullmatch(value.strip()):  # pasted (lead walk)
        problems.append(
            f"{quoted(value.strip())} is in quotation marks, as a spreadsheet or Word gives "
            "it: workers would see them; remove them"
        )
    if field != "name" and (word := mixed_letters(value)):  # a name's is the table's rule
        problems.append(f"the word {word!r} mixes letters of two alphabets: retype it")
    if field in NUMBERED_WORDS and (odd := odd_in_number(value)):
        number, char = odd
        problems.append(
            f"{number!r} has U+{ord(char):04X} ({unicodedata.name(char, 'a sign').lower()}) "
            "among its figures: a phone cannot dial it, so write it with figures and plain spaces"
        )
    if field in NUMBERED_WORDS and (number := figures_as_letters(value)):
        problems.append(
            f"{number!r} has a letter or another script's figure among its digits (O for 0, "
            "l for 1): a worker reads it as a number, so write it with the figures 0-9"
        )
    elif field in NUMBERED_WORDS and (number := number_not_dialled(value)):
        abroad = number.startswith(("+", "00")) and not number.startswith(("+44", "0044", "00 44"))
        problems.append(
            f"{number!r} is another country's number: a worker here rings UK numbers only, "
            "so give the service's UK number, or leave it out"
            if abroad
            else _not_dialled(value, number)
        )
    elif field in NUMBERED_WORDS and (number := drama_number_in(value)):
        problems.append(f"{number!r} is {DRAMA_SAID}: give the service's own number")
    elif field in NUMBERED_WORDS and (found := placeholder_in(value)):
        problems.append(f"{found[0]!r} is no one's number ({found[1]}): give the service's own")
    return tuple(problems)
