"""The plain words a refuge's card may say. A refuge's number note, hours, how to refer,
alert and notes are read aloud, printed on the plan or shown in the Directory tab; for every
shape of an address the rule was taught to find (refuge_words), a lead found another: "The
Old Vicarage, Whitmore Reans", "behind Tesco Extra", "12 Acacia, Whitmore Reans", typed in
lower case (re-attack, 2026-12-04; B2, H386).
A house's, a street's or a district's name is no word of this list, so none can be held,
however written. A word missing here is added by the developers in a release, never by a
directory: a bundle cannot widen what a refuge's card may say."""

from __future__ import annotations

import re

from app.db.refuge_words import LONG_NUMBER, as_read

# the fields a lead writes in words that a worker reads of a refuge: on the plan's card (its
# number's note, hours, how to refer, the lead's alert) and in the Directory tab (the lead's
# notes); its name and source are read by the address rule alone (a name is a proper noun,
# a source a page's)
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
    s t d ll re ve m e g p st nd rd th pm answered busy hold welcome
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
"""
ALLOWED = frozenset(WORDS.split())


def unlisted_words(text: str) -> list[str]:
    """The words of `text` not in ALLOWED, each once, in order: read as a reader sees its
    letters (look-alikes, accents aside), its phone numbers and figures left out."""
    plain = LONG_NUMBER.sub(" ", as_read(text)).casefold()
    found: list[str] = []
    for word in re.findall(r"[^\W\d_]+", plain):
        if word not in ALLOWED and word not in found:
            found.append(word)
    return found


def plain_words_problem(text: str) -> str:
    """The refusal of a refuge's card's words, naming those not allowed, or ""."""
    if not (words := unlisted_words(text)):
        return ""
    named = ", ".join(repr(w) for w in words[:6]) + (" …" if len(words) > 6 else "")
    return (
        f"a refuge's card says only plain words, so its whereabouts are never held: {named} "
        f"{'is' if len(words) == 1 else 'are'} not among them. Say who it is for, when to "
        "ring and how to refer in the words the lead's guide lists (\"A refuge's card\"), "
        "or ask the developers to add a word"
    )
