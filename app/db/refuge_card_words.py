"""The plain words a refuge's card may say. A refuge's number note, hours, how to refer,
alert and notes are read aloud, printed on the plan or shown in the Directory tab; for every
shape of an address the rule was taught to find (refuge_words), a lead found another: "The
Old Vicarage, Whitmore Reans", "behind Tesco Extra", "12 Acacia, Whitmore Reans", typed in
lower case (re-attack, 2026-12-04; B2, H386).
A house's or a district's name is no word of this list, and no street's word ("St" and "Rd"
were, as in "3rd": "Walsall St", "Dudley Rd"), so none can be held, however written; what
its words could still say of a place (a landmark near it, a side of a borough) and figures
that are no number, time, age or year are refused too (re-attack, 2026-12-04; H390). A word
missing here is added by the developers in a release, never by a directory: a bundle cannot
widen what a refuge's card may say."""

from __future__ import annotations

import re
import unicodedata

from app.db.refuge_words import REFUGE_KIND, REFUGE_WORDS, as_read

# the fields a lead writes in words that a worker reads of a refuge: on the plan's card (its
# number's note, hours, how to refer, the lead's alert) and in the Directory tab (the lead's
# notes); its name, organisation, links and source: refuge_details
CARD_FIELDS = ("phone_note", "hours", "referral_route", "alert", "notes")

# no place's noun: "by the hospital" placed a refuge in four words of the list
WORDS = """
    a about accept accepted accepts access accessible across after again age aged ages agency
    agencies all also am an and answer answerphone any anyone anytime are area areas arrange
    arranged arranges as ask at available availability back bank be bed beds before being
    between both but by call calls can cannot case check child children close closed come
    confidential considered contact cost could daily day days daytime don during each
    emergency emergencies evening evenings every except excluding extension ext families
    family first for free freephone from get given go ground has have help helpline helplines
    holiday holidays hour hours hr hrs if in including is it its leave line lines lunch may
    message messages midday midnight minute minutes mins mobile mobiles more morning mornings
    must need needed needs never new next night nights no noon not now number numbers of
    office on one only open option or other others our out over overnight own per phone
    phones place places please press professional professionals reach ring rings same
    service services so space spaces staff the their them then there they this through time
    times to today tomorrow try until up urgent usually via voicemail wait we weekday weekdays
    weekend weekends when where whether which while who will with within without you your
    s t d ll re ve m e g p pm answered busy hold welcome
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    change changed changes full currently temporarily further notice instead use taking moved
    seen third party data shown confirm confirmed unconfirmed official source sources website
    page leaflet directory listed checked unknown date dated still runs run lead provider
    commissioned contract contracts organisation charity held rang phoned emailed called spoke
    spoken wrote written asked replied reply said says told
    mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat
    saturday sun sunday
    zero two three four five six seven eight nine ten eleven twelve fourteen fifteen
    sixteen seventeen eighteen twenty
    year years yrs old older younger under adult adults
    refuge refuges vacancy vacancies room rooms floor bedroom bedrooms referral referrals refer
    referred referring self form forms assessment assess assessed risk high medium standard
    safe safety secure support supports supported worker workers team teams duty manager
    advocate advocates outreach keyworker housing council councils police social care
    nurse health gp doctor unit units shared contained accommodation communal
    woman women men man male female boys girls sons daughters son daughter teenage teenagers
    baby babies pregnant pregnancy mothers mother pets pet dog dogs cat cats
    disabled disability disabilities wheelchair mobility deaf hearing blind sign language
    languages interpreter interpreters interpreting translation textphone minicom relay text
    texts email emails online webchat chat
    lgbt lgbtq lgbtqi lgbtqia trans transgender gay lesbian bisexual nonbinary binary
    black minoritised minority ethnic bme bame asian south east west north african caribbean
    eastern european muslim jewish sikh hindu faith
    british english urdu punjabi bengali polish arabic romanian somali tigrinya kurdish farsi
    pashto gujarati hindi mirpuri pahari portuguese spanish french romani chinese mandarin
    cantonese vietnamese ukrainian russian
    domestic abuse abused abusive violence survivor survivors victim victims fleeing escaping
    sexual exploitation honour based forced marriage fgm stalking harassment coercive control
    national local specialist recourse public funds nrpf immigration status visa
    da dv vawg ndah idva idvas isva isvas marac mash sarc nhs bswa bcwa
    aid womens country wolverhampton birmingham coventry dudley sandwell solihull walsall
    midlands uk england
    us she her he him his i me my do does did give gives giving person people causing harm
    week weeks speak speaks accommodate accommodated scheme schemes fostering complex substance
    misuse alcohol drug drugs mental dispersed stage move site whatsapp counselling counsellor
    group groups programme freedom advice information resettlement tenancy benefits money
    financial court legal solicitor protection order orders non molestation injunction
    take that than into too around tell send find live left last list small rather nobody
    anywhere large larger split suitable planning plan stay complete book update updated
    perpetrator abuser partner ex dash month mum flat house adapted lift wet user bsl
    video intake coordinator resident funding discuss involve culturally specific galop
    routes trust project walk ins olds telephone rape safeguarding bring what how why these
    those some many most should would very well good best just even because know known keep
    kept make made apply possible able unable sure big little long short term let name
    address location info enquiries admin hello sorry thank thanks yes also sometimes often
    usual normally otherwise unless already soon quickly first second alone together
    ask answering calling ringing leaving staying bringing taking outside since behalf working
    childline tel samaritans supportline rely foster step fund member turn see
    search caller show itemised bill client drop young visitor partnership work
    closely home kitchen meet agreed better basils christmas moment down meantime reopen
    refurbish cover itself reason assistance manage medication actively attend school
    settling period homework club registered ltd especially longer rule saint
    above below near
"""
ALLOWED = frozenset(WORDS.split())
# a word of the list with its ending: "risks", "ringing", "completed", "staffed"
ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"))

# what the list's words can still say of where a place is: a landmark near it ("by the
# Wolverhampton police office", "same site as the council housing office") or a side of a
# borough ("Wolverhampton west") (re-attack, 2026-12-04; H390); read within a clause, never
# across its commas and full stops ("… except Wolverhampton, West Midlands"; "Outside hours,
# call the police"; "same rules as the council" was no place: re-attack, second round; H399)
NEAR = (
    r"(?:near|beside|behind|opposite|next to|back of|side of|rear of|top of|floor of"
    r"|between|above|below|beneath|outside|moved to|same site|same building|shared site"
    r"|same place|past|over the|across from|within the|(?:north|south|east|west) of"
    r"|(?:minutes?|mins|miles?|yards|metres|walk) from)"
)
UP_TO_THREE = r"(?: [^\W\d_]+){0,3}?"
LANDMARKS = (
    r"(?:police|court|council|office|gp|doctor|site|bank|unit|house|flat|floor|school|sarc"
    r"|nhs|samaritans)"
)
# after "by" or "old", a building: "by the police office", "the old council house"; never
# who acts ("referred by the police") nor what is gone ("the old council number")
BUILDINGS = r"(?:office|site|bank|unit|house|flat|floor)"
BOROUGHS = "wolverhampton|birmingham|coventry|dudley|sandwell|solihull|walsall"
# a side of a borough; a street or a building of one ("Dudley Place", "Birmingham New
# Walk"); a house by its place in a row ("the third house after …")
SIDE = (
    rf"\b(?:north|south|east|west)(?: of)? (?:the )?(?:{BOROUGHS})\b"
    rf"|\b(?:{BOROUGHS}) (?:north|south|east|west|place|walk|new|court|bank|site|house)\b"
    r"|\b(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)?) (?:house|flat|door)"
    r" (?:on|after|from|past|along)\b"
)
PLACED = re.compile(
    rf"\b{NEAR}{UP_TO_THREE} {LANDMARKS}\b(?! hours?)"
    rf"|\b(?:by|old){UP_TO_THREE} (?:{BUILDINGS}|court|school)\b(?! hours?)|{SIDE}"
)
# figures a card may hold besides phone numbers: a time, a year, an extension, text relay's
# prefix; four figures or more, two of three, a decimal, or three groups in a row are a map's
# ("391200 300300", "so 912 003", "52.58 2.12", "52 35 10, 2 07 44")
FIGURES_SAID = re.compile(
    r"(?<![\d.])(?:[01]?\d|2[0-4])[:.][0-5]\d(?![\d.])|(?<!\d)(?:19|20)\d\d(?!\d)|\b365\b"
    r"|\b18001\b|\b(?:charity|company)(?: number| no\.?)?\s*\d{6,8}\b"
    r"|\b(?:ext|extension|option|press)\.?\s*\d{1,5}\b|(?<=\d)(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
# (and degrees, minutes and seconds written with colons, slashes or dashes: H401)
ODD_FIGURES = re.compile(r"\d{4,}|\d{3}[\s,]+\d{3}|\d\.\d|\d+(?:[\s,:/-]+\d+){2,}")
# a UK phone number (a map's "391200 300300" and "52.58 2.12" were read as one and left
# out), Childline's, and the short numbers
PHONE = re.compile(
    r"(?<!\d)(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[ \-.()]{0,3}\d){8,9}(?!\d)"
    r"|\b0800[ ]?11[ ]?11\b|\b(?:999|101|111|116[ ]?123)\b"
)
# an e-mail or a web address, with its path: each of its words is read, its site's name too
# ("www.12acaciaroad.co.uk" and "refuge@old-vicarage.whitmore-reans.org.uk" were left out
# whole: re-attack, second round, 2026-12-04; H399); run together from plain words and the
# refuge's own names they may be ("thehaven.org.uk", "havenrefuge@…")
ADDRESS = re.compile(
    r"[\w.+-]+@[\w.-]+\w|\b(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*"
    r"\.(?:uk|org|com|net|info)\b(?:/[\w./%-]*)?"
)
ADDRESS_PARTS = {
    "www", "http", "https", "org", "uk", "co", "com", "net", "info", "gov", "nhs", "html",
    "htm", "php", "aspx", "en",
}  # fmt: skip


def secret_refuge(kinds, name: str = "", areas=()) -> bool:
    """A refuge whose whereabouts are secret: of kind refuge, or called one by its name; not
    a national helpline that finds refuge places (the National Domestic Abuse Helpline's own
    card was held to the list: re-attack, 2026-12-04). A local refuge that also runs a
    helpline is one: with the helpline ticked it held no list (second round; H401)."""
    kinds = set(kinds)
    return not national_line(kinds, areas) and (
        REFUGE_KIND in kinds or bool(REFUGE_WORDS.search(name))
    )


def national_line(kinds, areas) -> bool:
    """A national helpline: no refuge's card, and tied to none (its whereabouts no secret)."""
    return "national" in areas and any(k.startswith("helpline") for k in kinds)


def _listed(word: str) -> bool:
    return word in ALLOWED or any(
        word.endswith(end) and word[: -len(end)] + stem in ALLOWED for end, stem in ENDINGS
    )


def _run_together(word: str, own: frozenset[str]) -> bool:
    """Plain words and the refuge's own names run together, two letters or more each."""
    fits = [True] + [False] * len(word)
    for end in range(2, len(word) + 1):
        fits[end] = any(
            fits[start] and (word[start:end] in ALLOWED or word[start:end] in own)
            for start in range(end - 1)
        )
    return fits[-1]


def address_words(address: str, own: frozenset[str] = frozenset()) -> list[str]:
    """An e-mail or web address's words that are neither plain words nor the refuge's own
    names, alone or run together: its site's name, its path, what is before the @."""
    words = re.split(r"[^a-z0-9]+", as_read(address).casefold())
    held = {"", *ADDRESS_PARTS}
    return [w for w in words if w not in held and not w.isdigit() and not _run_together(w, own)]


def _plain(text: str) -> str:
    """The words as a reader sees them: phone numbers, times and years, and e-mail and web
    addresses (read apart) left out."""
    text = ADDRESS.sub(" ", PHONE.sub(" ", as_read(text)))
    return FIGURES_SAID.sub(" ", text).casefold()


def unlisted_words(text: str, own: frozenset[str] = frozenset()) -> list[str]:
    """The words of `text` not in ALLOWED, each once, in order: read as a reader sees its
    letters (look-alikes, accents aside), its phone numbers and figures left out; an
    address's words may be plain words and `own` (the refuge's names) run together."""
    found: list[str] = []
    for address in ADDRESS.findall(as_read(text)):
        found += [w for w in address_words(address, own) if w not in found]
    for word in re.findall(r"[^\W\d_]+", _plain(text)):
        if not _listed(word) and word not in found:
            found.append(word)
    return found


def place_said(text: str) -> str:
    """The list's words, figures or symbols that say where a place is, or ""."""
    plain = _plain(text)
    if symbol := next((c for c in plain if unicodedata.category(c) in ("So", "Sk", "Co")), ""):
        return symbol  # letters drawn as symbols ("🅰🅲🅰🅲🅸🅰") are read as no word
    if odd := ODD_FIGURES.search(plain):
        return odd.group()
    for clause in re.split(r"[,.;:!?()/\[\]]", plain):
        if found := PLACED.search(" ".join(re.findall(r"[^\W\d_]+|\d+", clause))):
            return found.group()
    return ""


def plain_words_problem(text: str, own: frozenset[str] = frozenset()) -> str:
    """The refusal of a refuge's card's words, naming those not allowed, or ""."""
    if said := place_said(text):
        return (
            f"a refuge's card never says where it is: {said!r} places it (a landmark near it, "
            "a side of a borough, or figures that are no phone number, time, age or year): "
            "remove it"
        )
    if not (words := unlisted_words(text, own)):
        return ""
    named = ", ".join(repr(w) for w in words[:6]) + (" …" if len(words) > 6 else "")
    return (
        f"a refuge's card says only plain words, so its whereabouts are never held: {named} "
        f"{'is' if len(words) == 1 else 'are'} not among them. Say who it is for, when to "
        "ring and how to refer in the words the lead's guide lists (\"A refuge's card\"), "
        "or ask the developers to add a word"
    )
