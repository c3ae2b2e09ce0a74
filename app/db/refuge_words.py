"""Where a refuge is, in any words held with it: the words that make a service a refuge to
the address rule, and the words that say where a place is (a street, a postcode, a map's
link). Wide on purpose: a false alarm costs the lead a rewording, a missed one a woman's
safety. The rule is applied by service_checks (a working copy's row) and database_rules (a
database published as it is)."""

from __future__ import annotations

import re
import unicodedata

from app.db.service_names import LOOK_ALIKES

# a refuge by its words: "safe house" held an address the word "refuge" would have (H357);
# "women's hostel" and the Act's "safe accommodation" too (re-attack, 2026-12-04; H361)
# (a hostel only a women's: a housing service's office named a hostel; "safe-house" and
# "women-only emergency accommodation" were no refuge: re-attack, 2026-12-04; H372)
REFUGE_WORDS = re.compile(
    r"\b(?:refuges?|safe[\s-]*houses?|shelters?|safe[\s-]+accommodation"
    r"|women(?:'s|’s|s)?(?:[\s-]+only)?[\s-]+(?:safe[\s-]+|emergency[\s-]+)?"
    r"(?:hostels?|accommodation)"
    # the Domestic Abuse Act's safe accommodation by its other names: dispersed, second-stage
    # and move-on units, crash pads, and any housing for those fleeing abuse (re-attack B1)
    r"|(?:dispersed|second[\s-]*stage|move[\s-]*on|sanctuary)[\s-]+(?:accommodation|housing"
    r"|flats?|units?|homes?)|crash[\s-]+pads?"
    # (units and beds, not a housing office's "emergency housing if you are fleeing …": B6)
    r"|(?:flats?|units?|beds?|supported\s+(?:housing|accommodation))\b[^.;\n]{0,40}?"
    r"\b(?:fleeing|survivors?\s+of|escaping)\s+(?:domestic\s+)?(?:abuse|violence)"
    r"|(?:flats?|beds?|supported\s+housing)\s+for\s+(?:DA\s+)?survivors)\b",
    re.IGNORECASE,
)
REFUGE_KIND = "refuge"
HELD_AS_REFUGES = {REFUGE_KIND, "da_service"}  # kinds whose records never say where they are


def held_as_refuge(kinds, audience: str, words: str) -> bool:
    """Whether a service's record is held to the address rule: a refuge by its kind, or by
    its words in any field ("safe house" in a number's note: H367); or any domestic abuse
    or women-only service, as a refuge re-tagged in an update, or moved to a new id, was no
    refuge to any rule (re-attack, 2026-12-04; H375)."""
    return (
        bool(set(kinds) & HELD_AS_REFUGES)
        or audience == "women"
        or bool(REFUGE_WORDS.search(words))
    )


HELD_FOR = {  # why a record is held to the rule, for the lead who reads the refusal
    "refuge": "",
    "service": ", nor that of any domestic abuse or women-only service, which may be one",
    "location": ", nor any place's: a location may be a refuge's, and no plan needs one",
}


def held_for(kinds, words: str) -> str:
    """ "refuge" for a refuge by its kind or its words, else "service" (held_as_refuge's
    other reasons): a counselling service's street was refused as "a refuge's address",
    which it was not (the lead's walk, 2026-12-06)."""
    refuge = REFUGE_KIND in set(kinds) or bool(REFUGE_WORDS.search(words))
    return "refuge" if refuge else "service"


def no_address(said: str, held: str = "refuge") -> str:
    """The refusal, naming the words read as an address (H372) and why the record is held
    to the rule (HELD_FOR)."""
    return (
        f"a refuge's address must never be held{HELD_FOR[held]} ({said!r} reads as one): remove it"
    )


# Where a refuge is: any of these in its record (read after NFKC, so full-width letters
# and digits count too). Wide on purpose: a false alarm costs the lead a rewording.
# (the street words: "12 Acacia Rise", "Unit 4 Acacia Yard", "12 Acacia-Road" and "on Acacia
# Road" went through: re-attack, 2026-12-04; H358)
STREET = (
    r"(?:road|rd|street|st|lane|ln|avenue|ave|av|close|cl|drive|dr|way|place|pl|crescent"
    r"|cres|grove|gr|terrace|terr|gardens|gdns|row|walk|hill|park|square|sq|mews"
    r"|rise|vale|croft|green|chase|gate|approach|quay|hollow|broadway|parade|fold"
    r"|meadows?|boulevard|yard|wharf|brow|causeway|circus|dale|grange|heights|orchard"
    r"|ridge|wynd)\b"
)
# after "on", "in", "off" or "at", only words that name a street ("at the end" is none)
NAMED_STREET = (
    r"(?:road|street|lane|avenue|close|drive|crescent|grove|terrace|gardens|mews|rise"
    r"|parade|boulevard|square|rd|ave|ln)\b"  # not St, Dr: "in Birmingham St Basils" (B8)
)
# words never between a house number and its street: "press 2 for the Court team", "24/7
# for a refuge place" read as addresses and stopped a helpline's publish (H372)
NOT_BETWEEN = (
    r"(?!(?:for|to|a|an|and|or|of|in|at|on|with|per|by|from|hours?|days?|weeks?|months?"
    r"|years?|mins?|minutes?)\b)"
)  # nor a time: "24 hour walk-in" (re-attack, H379)
# a house number in words ("twelve Acacia Road"), then a street's name and the street
NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred)"
)
# a place on a map: a map's link, what3words, a plus code (links, a postcode written
# "WV1-1AA" and a house number in words went through: re-attack, 2026-12-04; H362)
# (what3words named at all, short map links, and a street named by its capitals anywhere:
# "what3words filled.count.soap", "goo.gl/…", "Acacia Road, number 12": H365)
MAP_LINK = (
    r"(?:google\.[a-z.]+/maps|maps\.google|goo\.gl|g\.co/kgs|maps\.app|what3words|w3w\b"
    r"|openstreetmap\.org|osm\.org|maps\.apple|bing\.com/maps|here\.com|waze\.com)"
)
NAMED_BY_CAPITALS = (
    r"(?-i:\b(?!(?:Stay|Keep|STAY|KEEP)\b)(?:[A-Z][a-z'’]+|[A-Z]{3,})[\s-]+(?:Road|Street|Lane|Avenue"
    r"|Close|Crescent|Grove|Terrace|Gardens|Mews|Parade|Boulevard|ROAD|STREET|LANE|AVENUE"
    r"|CLOSE|CRESCENT|GROVE|TERRACE|GARDENS|MEWS|PARADE)\b"
    r"(?!\s+(?:Triage|Teams?|Outreach|Pastors|Services?|at|on|by|until)\b))"
)  # not Way, Rise ("One Way", "RISE"), nor "Police Street Triage" (H372); "ACACIA ROAD";
# nor a verb: "Referrals Close at 4pm" (re-attack, H379)
# a public building's, not a home's: "Sandwell Council House, Oldbury", "Magistrates' Court"
# (those public buildings by their whole names only: "Family House" and "Church House" are
# a refuge's, and passed as public buildings: the re-attack's second round, B5)
PUBLIC = (
    r"(?!(?:[A-Z][a-z'’]+\s+)?(?:Council\s+House|Town\s+Hall|Civic\s+(?:Centre|Hall)"
    r"|(?:Magistrates['’]?|Crown|County|Family|Combined)\s+Court)\b)"
)
BODIES = r"(?:Refuge|Project|Services?|Trust|Cent(?:re|er)|Team|Women|Aid|Support)\b"
DAYS = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# a street (any of its words, Court, Rd, Drive) or a house, then a comma and a district:
# "Acacia Court, Whitmore Reans" (re-attack, H379); not "Court, Tuesdays"
HOUSE_WORDS = "House|Lodge|Cottages?|Hall|Villa|Manor|Mansions|Barn|Farm|Flats"
STREET_WORDS = (
    "Court|Ct|Road|Rd|Street|St|Drive|Dr|Way|Rise|Place|Pl|Walk|Row|Hill|Park|Green|Gate"
    "|Vale|Croft|Yard|Lane|Close|Avenue|Ave|Grove|Terrace|Gardens|Crescent|Mews|Square"
)
STREET_AND_PLACE = (
    rf"(?-i:\b{PUBLIC}[A-Z][a-z'’]+\s+(?:[A-Z][a-z'’]+\s+)?"
    # a house's name before its district with a comma, a dash, a bracket, "in", or none
    rf"(?:(?i:{HOUSE_WORDS})(?:,|\s*[-–(]|\s+in)?"
    rf"|(?:{STREET_WORDS})\.?,)\s*(?:(?!{DAYS}|{BODIES})[A-Z][a-z'’]+|[A-Z]{{1,2}}\d{{1,2}}\b)"
    # and the same in capitals: "ACACIA HOUSE, WHITMORE REANS"
    rf"|\b[A-Z]{{3,}}\s+(?:{HOUSE_WORDS.upper()}|{STREET_WORDS.upper()})\.?,\s*[A-Z]{{3,}})"
)
PLUS_CODE = r"\b[23456789CFGHJMPQRVWX]{4,8}\+[23456789CFGHJMPQRVWX]{2,3}\b"
# a street in another language: "Akazienstraße 12", "Akazienweg", "12 Chemin des Acacias"
# (re-attack, 2026-12-04; H379, H381)
ELSEWHERE = (
    r"\w+(?:straße|strasse|gasse|weg|straat|platz|plein)\b|\w+owa\s+\d+/\d"
    r"|\b(?:rue|calle|ulica|ul\.|str\.|avenida|rua|strada|chemin|impasse)\s+\w"
    r"|\bvia\s+(?:de[il]|del{1,2}[aeo']?|degli)\b"
)
WHERE = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]?[\s\-.+_]*\d[A-Z]{2}\b"  # postcode, however spaced
    r"|(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s*[OIl][A-Z]{2}\b)"  # "WV1 lAA": a letter for a figure
    # a number, the street's name, its street word: "12 Acacia Road"; never a number and a
    # street word alone ("our 3 Court IDVAs", "10-2, walk-in", "1 place left": H379, B3)
    rf"|\b\d+[a-z]?,?[\s+]+(?:{NOT_BETWEEN}[a-z'’.]+[\s+-]+){{1,3}}(?:{STREET}|court\b|ct\b)"
    rf"|\b{NUMBER_WORDS}[\s+]+(?:[a-z'’.]+[\s+-]+){{1,3}}{STREET}"
    rf"|\b(?:on|in|off|at)\s+(?:the\s+)?(?:[a-z'’.]+[\s-]+){{1,2}}{NAMED_STREET}"
    r"|\bflat\s+\d|(?-i:\bFlat\s+[A-Z]\b)|///\w+\.\w+\.\w+"  # a flat; what3words
    rf"|\b{MAP_LINK}|{PLUS_CODE}|{NAMED_BY_CAPITALS}|{STREET_AND_PLACE}|{ELSEWHERE}"
    r"|\b(?:flat|rooms?|house|home)\s+(?:above|behind|opposite|next\s+to|on\s+top\s+of)\b"
    # placed by what is near: "behind Tesco Extra", "next to … Health Centre" (H383); not a
    # programme's name ("Behind Closed Doors")
    r"|\b(?:behind|opposite|next\s+to|beside)\s+(?:the\s+)?(?!(?:Women|Abuse|Nothing)\b)"
    r"(?-i:[A-Z][a-z]+)\b(?!\s+Doors)"
    r"|\bupstairs\s+(?:from|at|in)\b|(?<![\w#])#\s*\d{1,4}[a-z]?\s+(?-i:[A-Z])\w*"
    # "No 12 Acacia"; not a charity's or a company's number
    rf"|(?<!charity )(?<!company )\b(?:number|no\.?|nº)\s*\d{{1,4}}[a-z]?\s*,?\s+(?!{DAYS})"
    r"(?-i:[A-Z])\w*",
    re.IGNORECASE,
)
# a map's coordinates, read before phone numbers are left out: a map's "52.586213,
# -2.128812" has seven figures, and was left out as a number (H379); or in degrees
COORDINATES = re.compile(
    r"\b\d{1,2}\.\d{3,}\b[^\d\n]{0,12}?-?\b\d{1,3}\.\d{3,}\b"
    # "52,586213 -2,128812" too; never "1,250 women, 3,000 calls" (a thousand's three figures)
    r"|\b\d{1,2},\d{4,}\b[^\d\n]{0,12}?-?\b\d{1,3},\d{4,}\b"
    r"|\b\d{1,3}\s*°\s*\d{1,2}\s*['′]|\b\d{1,2}\s+\d{1,2}\s+\d{1,2}(?:\.\d+)?\s*[NS]\b"
    r"|\b\d{1,2}\.\d{2,}\s*°?\s*[NS]\b[\s,;/]*\d{1,3}\.\d{2,}\s*°?\s*[EW]\b"  # "52.58N 2.12W"
    # a map's grid reference: "grid ref SO 912 003", "SO9120000300" (the region's squares)
    r"|(?i:\bgrid\s+ref)|\bS[JKOP]\s?\d{3,5}\s?\d{3,5}\b"
)
# small capitals, read as letters ("12 Acacia ʀᴏᴀᴅ", re-attack, H379)
SMALL_CAPITALS = str.maketrans("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz")


LONG_NUMBER = re.compile(r"\d(?:[ \-.()]{0,3}\d){6,}")


def as_read(text: str) -> str:
    """The text as a reader sees its letters: accents, zero-width characters, small
    capitals and other alphabets' look-alikes aside ("Rōad", "Ro\u200bad": H379)."""
    apart = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in apart if unicodedata.category(c) not in ("Mn", "Cf"))
    return unicodedata.normalize("NFKC", kept).translate(LOOK_ALIKES).translate(SMALL_CAPITALS)


def where_said(text: str) -> str:
    """The words saying where a place is, or "": read with its phone numbers left out (a
    helpline's "0808 2000 247 for a refuge place" read as a house number and a street), and
    named, so the lead knows what to reword (re-attack, 2026-12-04; H372). Look-alike
    letters of other alphabets are read as the Latin ones ("Acacia Rоad" with a Cyrillic
    "о" passed, and accents, small capitals: H379)."""
    plain = as_read(text)
    found = COORDINATES.search(plain) or WHERE.search(LONG_NUMBER.sub(" ", plain))
    return found.group() if found else ""


def refuge_names(names, places) -> list[str]:
    """A refuge's name as others write it: without "The" and its places' names ("The Haven
    Wolverhampton" is "Haven"), four letters or more."""
    plain = {p.replace("_", " ").casefold() for p in places} | {"the", "west", "midlands"}
    found = []
    for name in names:
        words = [w for w in re.findall(r"[\w'’]+", name) if w.casefold() not in plain]
        key = " ".join(words)
        if len(key) >= 4:
            found.append(key)
    return found


def names_a_refuge(words: str, names: list[str]) -> bool:
    """Whether words name one of the refuges: a housing service's referral route read "we
    place women with The Haven at Acacia House, 12 Acacia Road …", held to no rule, as it
    named the refuge by its name alone (re-attack, 2026-12-04; H383)."""
    folded = as_read(words).casefold()
    return any(re.search(rf"\b{re.escape(n.casefold())}\b", folded) for n in names)
