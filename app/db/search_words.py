"""What a worker types, as an FTS5 query: each word quoted (no input is ever read as query
syntax) and prefix-matched, the words workers use for what the directory says, and a phone
number however it is grouped. No Qt."""

from __future__ import annotations

import re

# Words of a query searched for: a page of text pasted into the box (16,000 words) held the
# search thread 20 s, and every search typed after it waited. No service needs more.
MAX_WORDS = 12


def match_expression(text: str) -> str | None:
    """Each word quoted and prefix-matched; None when the text holds no word at all. A
    word ending in "s" also matches without it: "womens aid" found nothing, as the index
    holds "women's" as "women" and "s"."""
    by_words = " AND ".join(_one_word(word) for word in _words(text))
    number = _phone_number(text)
    if number:  # the whole number however grouped, or its groups as typed (part of one)
        return f'("{number}"* OR ({by_words}))'
    return by_words or None


def any_word_expression(text: str) -> str | None:
    """Any of two words or more, each as match_expression reads it: the services holding
    the most of them, and the rarest, first. None for fewer, and for any text with a
    figure: a number typed with one digit wrong listed the services sharing its groups,
    another front door first (re-attack F21, 2026-12-06): a number is found whole or not."""
    words = _words(text)
    if len(words) < 2 or any(character.isdigit() for character in text):
        return None
    return " OR ".join(_one_word(word) for word in words)


def _words(text: str) -> list[str]:
    """The words typed, a possessive's "s" left off, and words that name no service left
    out where others remain: "women's aid" searched for a word beginning "s" and put a
    men's service first; in "my partner hit me wolverhampton", "me" found "men", "mental"
    and "medical", and the women's service was not listed (officer's walks, 2026-12-07)."""
    words = re.findall(r"\w+", POSSESSIVE.sub("", text))
    meaning = [word for word in words if word.casefold() not in NAME_NO_SERVICE]
    return (meaning or words)[:MAX_WORDS]


POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b", re.IGNORECASE)
# words a worker types around what they look for (who, when, glue), never a service's name
# fmt: off
NAME_NO_SERVICE = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "by", "for", "from",
    "with", "about", "is", "are", "was", "were", "be", "been", "am", "i", "im", "me", "my",
    "mine", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "we",
    "us", "our", "it", "its", "this", "that", "who", "what", "where", "when", "how",
    "someone", "somebody", "last", "yesterday", "ago", "today", "week", "just", "recently",
})
# fmt: on


def _phone_number(text: str) -> str | None:
    """A query that is a phone number however grouped ("0808 2000247", "(0121) 552 6448",
    "+44 (0)808 2000 247", "0044 808…") as its digits run together in the UK form the index
    holds (phone_words); None for anything else."""
    digits = "".join(character for character in text if character.isdigit())
    if not 5 <= len(digits) <= 15 or not re.fullmatch(r"[\d\s()+\-.]+", text):  # E.164: 15
        return None
    if digits.startswith("0044"):
        digits = digits[2:]
    if digits.startswith("44") and len(digits) >= 12:
        digits = digits[2:] if digits[2] == "0" else "0" + digits[2:]
    return digits


# What a worker types for what the directory says: "men" found no service for male
# victims (review 2026-12-01)
SAME_AS = {"men": "male", "man": "male", "boys": "male", "kids": "child", "kid": "child"}
# "rape" found no SARC, "Wolves" nothing at all, and "refuge" the Refugee and Migrant
# Centre (housing officer's walk, 2026-12-05)
SAME_AS |= {"rape": "sexual", "raped": "sexual", "wolves": "wolverhampton", "dv": "domestic"}
# "gay" found nothing, and "men" NHS 111 for its "mental" (officer walk F20, 2026-12-06)
SAME_AS |= dict.fromkeys(("gay", "lesbian", "bisexual", "trans", "queer"), "lgbt")
# "deportation" and "football coach" found nothing (officer's walk F21, 2026-12-06)
SAME_AS |= dict.fromkeys(("deportation", "deported", "deport", "visa", "asylum"), "immigration")
SAME_AS |= {"coach": "lado", "teacher": "lado", "elderly": "older", "elder": "older"}
SAME_AS["woman"] = "women"  # "woman" found nothing, "women" 8 (officer's re-walk F21)
WHOLE_WORDS = {"refuge", "men", "man"}  # not a prefix of "refugee", "mental", "manager"

# What workers call a kind of service, indexed with the kind's own name: "sandwell
# children's services" never listed Sandwell's front door, "sandwell child protection" put
# it fourth, "social worker" found nothing (2026-12-07). Words only: a number is found in
# the numbers a service holds, never in these.
KIND_WORDS = {
    "mash_children": "children's services children's social care social services "
    "social worker child protection safeguarding children child abuse neglect MARF "
    "emergency duty team child at risk in danger worried about a child",
    "mash_adults": "adult social care social services social worker safeguarding adults "
    "vulnerable adult abuse elder abuse older people older person emergency duty team",
    "housing": "homeless homelessness emergency accommodation somewhere safe to stay tonight sleep",
    "refuge": "safe house accommodation somewhere safe to stay tonight sleep",
    "da_service": "partner husband wife boyfriend girlfriend ex hit hits violence",
    # "someone to talk to tonight" led with a borough's housing team (2026-12-07)
    "helpline_da": "partner husband wife boyfriend girlfriend ex hit hits violence talk",
    "helpline_sv": "talk",
    "children_helpline": "talk",
    "mental_health": "talk listen",
    "idva": "advocate advocacy",
    "isva": "advocate advocacy",
    "sv_support": "rape crisis sexual violence sexual assault",  # CRASAC unlisted (H498)
    "sarc_adult": "forensic medical examination",
    "sarc_children": "forensic medical examination",
    "urgent_care": "NHS doctor medical",
    "legal_protection": "non-molestation occupation order injunction",
    "lado": "allegation against someone who works with children school",
}
AUDIENCE_WORDS = {"women": "women", "men": "men male", "lgbtq": "lgbt lgbtq"}


def _one_word(word: str) -> str:
    whole = word.casefold() in WHOLE_WORDS
    typed = f'"{word}"' if whole else f'"{word}"*'
    if same := SAME_AS.get(word.casefold()):
        return f'({typed} OR "{same}"*)'
    if whole:
        return typed
    if len(word) > 3 and word[-1] in "sS":
        return f'("{word}"* OR "{word[:-1]}")'
    return f'"{word}"*'
