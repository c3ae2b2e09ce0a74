"""What a directory field may hold: plain text of a stated length, https links, UK phones.

Build, import, publish and install all check every row with these rules, so a number a
worker reads out was never markup, a script link or ten megabytes. Each problem names the
service, the field and the rule broken.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from app.db.phone_rules import phone_problems, quoted
from app.db.service_rows import ASSURED_METHODS, EVERY_DAY
from app.pathways.bidi import RIGHT_TO_LEFT
from app.pathways.services import assured_on, clock_words

LONG_TEXT = {"description": 4000, "notes": 4000}
MEDIUM_TEXT = {"application_process": 2000, "eligibility_description": 2000, "source": 2000}
SHORT_LIMIT = 300
LIMITS = {"name": 200, "alert": 1000, **LONG_TEXT, **MEDIUM_TEXT}
MULTILINE = set(LONG_TEXT) | set(MEDIUM_TEXT) | {"alert"}
URL_FIELDS = {"url", "website"}
EMAIL_FIELDS = {"email"}
URL_SCHEMES = ("https://", "http://", "tel:")
TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")
EMAIL = re.compile(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]+")
CHECKED_NAMES = URL_FIELDS | EMAIL_FIELDS
SHORTEST_LIMIT = min(SHORT_LIMIT, *LIMITS.values())  # a longer value gets the full look
STATUSES = ("active", "retired")  # only an active service is offered
AUDIENCES = ("any", "women", "men", "lgbtq")
CONFIDENCES = ("high", "medium", "low")
# A service's words from a fixed list, checked wherever a database is: a status a plan does
# not know, or "аny" with a Cyrillic а, took a service (the national helpline) out of every
# plan while the diff showed a line that looked unchanged (reviews 2026-12-01)
SERVICE_VOCABULARIES = {"status": STATUSES, "audience": AUDIENCES, "confidence": CONFIDENCES}


def field_problems(name: str, value: Any) -> list[str]:
    """Every rule the value breaks, in words (empty when it is fine)."""
    if value is None or isinstance(value, int | float):
        return []
    text = str(value)
    limit = LIMITS.get(name, SHORT_LIMIT)
    reversed_number = _reversed_number(text)  # None at once for ASCII text
    if not text or (
        len(text) <= limit
        and text.isprintable()
        and "<" not in text
        and name not in URL_FIELDS
        and name not in EMAIL_FIELDS
        and not _formula(name, text)
        and not reversed_number
    ):
        return []  # the usual case, decided without a regular expression
    problems = []
    if reversed_number:
        problems.append(
            f"the number {reversed_number} in a field with right-to-left words can show with "
            "its groups in reverse order: write the number in its own field, or these words "
            "in English"
        )
    if len(text) > limit:
        problems.append(f"{len(text)} characters, more than the {limit} allowed")
    allowed = "\n\t" if name in MULTILINE else ""
    # isprintable() is False for every control or format character (and a few spaces): the
    # character-by-character look is only needed then, which keeps 10,000 services fast.
    odd = [] if text.isprintable() else sorted({c for c in text if _hidden(c) and c not in allowed})
    if odd:
        shown = ", ".join(f"U+{ord(c):04X}" for c in odd[:5])
        problems.append(f"control or direction characters ({shown}) are not allowed")
    if TAG.search(text):
        problems.append("HTML tags are not allowed: plain text only")
    if _formula(name, text):
        problems.append(
            f"starts with {text[0]!r}: a spreadsheet would run it as a formula (the lead's "
            "services.csv is opened in one); start with a word"
        )
    if text and name in URL_FIELDS and not text.lower().startswith(URL_SCHEMES):
        problems.append(f"{quoted(text)} is not an https:, http: or tel: link")
    if text and name in EMAIL_FIELDS and not EMAIL.fullmatch(text):
        problems.append(f"{quoted(text)} is not an email address")
    return problems


DIGIT_RUN = re.compile(r"\d+(?:\D{1,3}\d+)+")  # digits in two groups or more: their order


def _reversed_number(text: str) -> str | None:
    """A number in a field that also holds right-to-left words: shown "0099 223 0330" for
    "0330 223 0099" on the card, the PDF and the summary, whichever comes first and however
    the groups are spaced (reviews 2026-12-01). A field holds one or the other."""
    if text.isascii() or not RIGHT_TO_LEFT.search(text):
        return None
    found = DIGIT_RUN.search(text)
    return found.group() if found else None


def _lead_side(table: str, names: list[str], rows: list[tuple]) -> list[tuple[int, int, str]]:
    """Rules the lead's side keeps (build, import, a working copy, publish) and laptops do
    not: an update signed before them stays in use. Read on laptops, an update holding two
    services of one name was set aside at an app upgrade, and every correction in it was
    undone (re-attack, 2026-12-04; H340)."""
    from app.db.service_names import mixed_letters, named_twice

    found = named_twice(names, rows) if table == "service" and {"id", "name"} <= set(names) else []
    for column in (c for c, name in enumerate(names) if name == "name" and table == "service"):
        found += [
            (at, column, f"the word {word!r} mixes letters of two alphabets: retype it")
            for at, row in enumerate(rows)
            if (word := mixed_letters(str(row[column] or "")))
        ]
    for column in (c for c, name in enumerate(names) if name in URL_FIELDS):
        for at, row in enumerate(rows):
            link = row[column]
            if isinstance(link, str) and link.lower().startswith("tel:"):
                # shown as the way to reach a service with no number held: "tel:+1 900 555
                # 0123" and a digit-short "tel:0121 496 000" escaped every phone rule (H336)
                found += [
                    (at, column, f"the tel: link's number {p}") for p in phone_problems(link[4:])
                ]
    return found


# An imported "'=HYPERLINK(…)" lost its apostrophe and was written into the lead's
# services.csv as a live formula (review 2026-12-01). A phone number may start with "+".
FORMULA_STARTS = ("=", "@", "+", "-")


def _formula(name: str, text: str) -> bool:
    """Spaces before it too: the build strips them (review 2026-12-01)."""
    return text.lstrip().startswith(FORMULA_STARTS) and name != "number"


def _hidden(char: str) -> bool:
    """Control characters, and format characters such as right-to-left overrides, which
    can make a number read differently from how it dials."""
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co")


def assurance_problems(row: dict[str, Any], today: date) -> list[tuple[str, str]]:
    """A service a person confirmed, as the lead records it: a past day written YYYY-MM-DD,
    how (phoned, or the provider in writing) and who (H56, H115). Checked where the lead
    builds, edits and publishes; a laptop shows such a service unconfirmed instead, so an
    update signed before this rule is never refused for it. Each as (field, problem)."""
    day = row.get("assured_date")
    if not day:
        return []
    found = []
    when = assured_on(str(day))
    if when is None:
        found.append(("assured_date", f"{quoted(str(day))} is not a day written YYYY-MM-DD"))
    elif when > today:  # "Confirmed" for a year from a day no one has checked it yet
        found.append(
            ("assured_date", f"{day} is after today: the day it was checked ({clock_words(today)})")
        )
    if row.get("assured_method") not in ASSURED_METHODS:
        allowed = ", ".join(ASSURED_METHODS)
        found.append(("assured_method", f"a day checked needs how it was checked: {allowed}"))
    if not str(row.get("assured_by") or "").strip():
        found.append(("assured_by", "a day checked needs who checked it (a role is enough)"))
    return found


def row_problems(table: str, row: dict[str, Any]) -> list[str]:
    """Every field problem of one directory row, each naming the service, field and rule."""
    return (
        [
            _named(table, row, name, problem)
            for name, value in row.items()
            for problem in field_problems(name, value)
        ]
        + _phone_problems(table, row)
        + _time_problems(table, row)
    )


def rows_problems(rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every problem of every row (rows as dicts: the lead's build, so their checks too)."""
    problems = []
    for table, items in rows.items():
        names = list(dict.fromkeys(k for row in items for k in row))  # rows may differ
        problems += table_problems(table, names, [tuple(r.get(n) for n in names) for r in items])
    today = date.today()
    for row in rows.get("service", []):
        problems += [_named("service", row, n, p) for n, p in assurance_problems(row, today)]
    return problems


def table_problems(
    table: str, names: list[str], rows: list[tuple], strict: bool = True
) -> list[str]:
    """Every problem of a table's rows (tuples in the order of `names`), row by row. When
    the table's text, all together, is printable with no markup (the usual case, decided in
    C for the whole table), only columns with links, e-mail addresses or long values get a
    value-by-value look: 10,000 services are checked in a moment."""
    text = "".join([v for row in rows for v in row if type(v) is str])
    plain = text.isprintable() and "<" not in text and not RIGHT_TO_LEFT.search(text)
    found = []
    for column, name in enumerate(names):
        values = [row[column] for row in rows]
        if plain and _plain_column(name, values):
            continue
        for at, value in enumerate(values):
            found += [(at, column, problem) for problem in field_problems(name, value)]
    if table == "phone" and "number" in names:
        column = names.index("number")
        for at, row in enumerate(rows):
            if row[column]:
                found += [(at, column, p) for p in phone_problems(str(row[column]), strict)]
    for column in (c for c, name in enumerate(names) if (table, name) in NEAR_THE_NUMBER):
        found += [  # read on laptops too (attack F21 and its re-attack)
            (at, column, problem)
            for at, row in enumerate(rows)
            if (problem := _figure_problem(row[column]))
        ]
    if strict:
        found += _lead_side(table, names, rows)
    for name, allowed in SERVICE_VOCABULARIES.items() if table == "service" else ():
        if name in names:
            column, said = names.index(name), ", ".join(allowed)
            for at, row in enumerate(rows):
                if row[column] not in allowed:
                    found.append((at, column, f"{row[column]!r} is not allowed: one of {said}"))
    return [
        _named(table, dict(zip(names, rows[at], strict=True)), names[column], problem)
        for at, column, problem in sorted(found, key=lambda f: (f[0], f[1]))
    ]


# The words a card, the summary or the PDF shows by a number: where a worker reads one
NEAR_THE_NUMBER = {("phone", "description"), ("phone", "type"), ("schedule", "description")}
NEAR_THE_NUMBER |= {("service", "name"), ("service", "alert"), ("service", "application_process")}
NEAR_THE_NUMBER |= {("organization", "name"), ("service", "notes")}  # notes: the details pane
LOOKALIKES = "OoIl"  # letters typed for 0 and 1 (text_rules reads them the same)
LETTER_BY_FIGURE = re.compile(rf"\d[{LOOKALIKES}]|[{LOOKALIKES}]\d")
# a mark or a variation selector drawn on a figure: "29\ufe0f22" shown as 2922, not dialled
MARKED_FIGURE = re.compile(
    "[0-9][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
    "\U000e0100-\U000e01ef]"
)


def _figure_problem(text: object) -> str:
    """A figure not 0-9, or a letter among figures, in words shown by a number: "Out of
    hours: 0300 555 292৪" (a Bengali 4, drawn as an 8), "29З2", "292⁸" were shown as they
    were, no number in large type, read by a worker as another (attack F21, re-attack)."""
    if not isinstance(text, str):
        return ""
    odd = "" if text.isascii() else next((c for c in text if c.isnumeric() and c > "~"), "")
    if odd:
        called = unicodedata.name(odd, "a figure").lower()
        return (
            f"U+{ord(odd):04X} ({called}) is not one of the figures 0-9: a worker could read "
            "a number wrong, so write it with the figures 0-9"
        )
    if text.isascii() and not LETTER_BY_FIGURE.search(text):
        return ""  # the usual case, without loading the lead's word rules on the way to a plan
    if marked := MARKED_FIGURE.search(text):
        return (
            f"U+{ord(marked.group()[1]):04X} is drawn on the figure {marked.group()[0]}: a "
            "worker could not ring the number as shown, so write it with plain figures 0-9"
        )
    from app.db.text_rules import figures_as_letters

    if number := figures_as_letters(text):
        return (
            f"{number!r} has a letter among its figures (O for 0, l for 1, or another "
            "alphabet's): a worker reads it as a number, so write it with the figures 0-9"
        )
    return ""


def _plain_column(name: str, values: list) -> bool:
    """Short text and numbers only, in a column that is not a link or an e-mail address."""
    limit = 0 if name in CHECKED_NAMES else LIMITS.get(name, SHORT_LIMIT)
    others = [v for v in values if type(v) is not str]
    numbers = all(v is None or type(v) in (int, float) for v in others)
    texts = [v for v in values if type(v) is str]
    short = max(map(len, texts), default=0) <= limit
    return numbers and short and not any(_formula(name, v) for v in texts)


def _phone_problems(table: str, row: dict[str, Any]) -> list[str]:
    if table != "phone" or not row.get("number"):
        return []
    return [_named(table, row, "number", p) for p in phone_problems(str(row["number"]))]


CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00(?::00)?")


def _time_problems(table: str, row: dict[str, Any]) -> list[str]:
    """A schedule's times as a clock gives them: "25:00" to "29:00" was kept and signed
    (feed attack, 2026-12-05)."""
    if table != "schedule":
        return []
    problems = [
        _named(
            table, row, name, f"{row[name]!r} is not a time of day: write it HH:MM, 00:00 to 24:00"
        )
        for name in ("opens_at", "closes_at")
        if row.get(name) and not CLOCK.fullmatch(str(row[name]))
    ]
    # "XX,," was dropped without a word, and the hours read as every day; "1MO" (a month's
    # first Monday) as every Monday; "09:00-09:00" taken (attack on the update path, H439)
    byday = str(row.get("byday") or "")
    days = [d.strip() for d in byday.split(",") if d.strip()]
    odd = [d for d in days if d.upper() not in WEEKDAYS]
    if odd or (byday.strip() and not days):  # ",," gave no day, and read as every day
        said = f"{', '.join(odd) or byday.strip()} is not a day of the week: {WRITE_DAYS}"
        problems.append(_named(table, row, "byday", said))
    opens, closes = (str(row.get(name) or "")[:5] for name in ("opens_at", "closes_at"))
    if bool(opens) != bool(closes):  # "opens 09:00" alone read as open from then on
        problems.append(_named(table, row, "closes_at" if opens else "opens_at", ONE_TIME))
    elif opens and opens == closes:  # "09:00" to "09:00:00" too (re-attack)
        span = "it opens and closes at the same time: for all day write 00:00 to 23:59"
        problems.append(_named(table, row, "closes_at", span))
    return problems


WRITE_DAYS = "write MO, TU, WE, TH, FR, SA or SU, separated by commas"
ONE_TIME = "give the time it opens and the time it closes, or neither (then say its hours)"
WEEKDAYS = EVERY_DAY.split(",")


def _named(table: str, row: dict[str, Any], name: str, problem: str) -> str:
    owner = row.get("service_id") or row.get("link_id") or row.get("id")
    where = f"service {owner}" if table != "organization" else f"organisation {row.get('id')}"
    return f"{where}: {table} {name}: {problem}"
