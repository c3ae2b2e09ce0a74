"""A database handed to the lead (an import from a feed, a colleague's file), read by the
rules a working copy's services meet, before it is published as it is.

A lead who edits in the maintenance window meets every rule; a feed imported and published
as it was met none of them: a refuge's street address in the feed's phone description was
signed, sent to every laptop and printed on two cards of the plan, and a link to another
site behind an "@" was shown in the Directory tab (attack, 2026-12-04; H346).
"""

from __future__ import annotations

import re
import unicodedata

from app.db.copy_records import copy_records
from app.db.coverage import STATUTORY_DOORS
from app.db.directory_diff import DirectoryDiff
from app.db.loader import Source, load_graph
from app.db.maintenance import vocabulary
from app.db.one_route import shared_routes
from app.db.oruk_format import read_directory
from app.db.pathway_words import numbers_in
from app.db.refuge_card_words import secret_refuge
from app.db.refuge_ties import tie_problems, unseen_words_problems
from app.db.refuge_words import (
    REFUGE_KIND,
    held_as_refuge,
    held_for,
    names_a_refuge,
    no_address,
    refuge_names,
    where_said,
)
from app.db.service_checks import NATIONAL_HOLDERS, service_problems
from app.db.service_rows import KIND_TAXONOMY, Rows, kind_term_id
from app.pathways.graph import Graph
from app.pathways.phone_numbers import format_uk_phone, uk_phone_digits

# "service x: " or "Its name (x): ": one service named two ways (said_once)
SERVICE_NAMED = re.compile(r"^(?:service (\S+)|.*? \((\S+)\)): ")


def checks_before_signing(source: Source, today, every_rule: bool = False) -> tuple[str, str]:
    """Every check a laptop makes, before signing (a bundle laptops refuse, a number in a
    kind's words, was signed: review 2026-12-01), and the lead's rules: a database as it is
    meets a working copy's too (`every_rule`, H346). Publish and a lead's --check read the
    same checks. Returns the database's (version, schema revision)."""
    from app.db.checks import check_database, check_numbers
    from app.db.evidence_dates import check_confirmations

    found = check_database(source, validate_graph=True)
    check_confirmations(source, today)
    check_numbers(source, every_rule=every_rule)
    return found


def database_problems(database: Source, services_too: bool = True) -> list[str]:
    """Each service's problems by the working copy's rules (`services_too`: a working copy
    built a moment ago met them), its kinds' terms, and where a refuge is in any words held
    with it that a working copy does not hold (its other phones, its locations, its
    organisation) or in words no plan needs an address in."""
    rows = read_directory(database)
    records = copy_records(rows)
    graph = load_graph(database)
    problems = []
    if services_too:
        words = vocabulary(graph, graph.kind_labels)
        problems = [
            f"{record['name']} ({record['id']}): {field}: {problem}"
            for record in records
            for field, found in service_problems(record, words.kinds, words.areas).items()
            for problem in found
        ]
    refuges = refuge_address_problems(rows) + unseen_words_problems(rows, records)
    routes = one_route_each(rows) + one_number_each(rows) + front_doors_rung(graph)
    return problems + kind_problems(rows) + refuges + routes


def said_once(problems: list[str]) -> list[str]:
    """Each problem once: a database published as it is meets a working copy's rules as well
    as the database's, and a rule both keep was said twice, the service named two ways
    ("service x: …", "Its name (x): …": feed attack, 2026-12-05), its field two ways too
    ("open 24/7", "open_24_7": H420)."""
    seen: set[str] = set()
    kept = []
    for problem in problems:
        service, _, rest = SERVICE_NAMED.sub(r"\1\2: ", problem, count=1).partition(": ")
        field, _, words = rest.partition(": ")
        said = (service, re.sub(r"[\W_]", "", field), words)  # "open 24/7" is "open_24_7"
        if said not in seen:
            seen.add(said)
            kept.append(problem)
    return kept


def one_route_each(rows: Rows) -> list[str]:
    """Each area has at most one active service of each kind in one_route.ONE_PER_AREA."""
    active = [s["id"] for s in rows["service"] if s.get("status", "active") == "active"]
    kinds = _kinds_by_service(rows)
    areas: dict[str, list[str]] = {}
    for area in rows["service_area"]:
        areas.setdefault(area["service_id"], []).append(area["name"])
    return shared_routes((sid, kinds.get(sid, ()), areas.get(sid, ())) for sid in active)


def one_number_each(rows: Rows) -> list[str]:
    """No number is two services' in use: the MASH given the line for people who cause harm
    (0808 802 4040) was shown, copied and printed as the MASH's, and passed every check
    (attack F21, 2026-12-06), and in its note, as its out-of-hours line (re-attack). Two
    notes may name one number (an out-of-hours team two services share); a national number
    has its own holders (NATIONAL_HOLDERS)."""
    names = {s["id"]: s["name"] for s in rows["service"] if s.get("status", "active") == "active"}
    holders: dict[str, list[str]] = {}
    for phone in rows["phone"]:
        digits = uk_phone_digits(str(phone.get("number") or ""), strict=False)
        if digits and digits not in NATIONAL_HOLDERS and phone["service_id"] in names:
            held = holders.setdefault(digits, [])
            held += [phone["service_id"]] if phone["service_id"] not in held else []
    problems = [
        f"{names[other]} ({other}): number: {format_uk_phone(digits)} is also the number of "
        f"{names[first]} ({first}): a worker ringing one reaches the other; give each its own"
        for digits, (first, *others) in holders.items()
        for other in others
    ]
    for service_id, field, words in _words_shown(rows):
        for number in numbers_in(words) if service_id in names else ():
            digits = uk_phone_digits(re.sub(r"[^\d+]", "", number), strict=False)
            theirs = holders.get(digits or "", [service_id])
            problems += [
                f"{names[service_id]} ({service_id}): {field}: {number} is the number of "
                f"{names[other]} ({other}): a worker would ring it for this one"
                for other in theirs[:1]
                if service_id not in theirs
            ]
    return problems


# A service's words a worker reads (the card, the Directory's details, the summary), by
# the names the lead edits them under: its note held another's line (re-attack F21), and
# so could its alert, hours, how to refer or notes, written "0808/802/4040" too (round 2)
SERVICE_WORDS = {"alert": "alert", "application_process": "referral_route", "notes": "notes"}
SERVICE_WORDS |= {"description": "description", "eligibility_description": "eligibility"}


def _words_shown(rows: Rows) -> list[tuple[str, str, str]]:
    """(service id, field, words) of every service's words a worker reads."""
    shown = [
        (s["id"], field, str(s.get(column) or ""))
        for s in rows["service"]
        for column, field in SERVICE_WORDS.items()
    ]
    shown += [
        (p["service_id"], "phone_note", str(p.get("description") or "")) for p in rows["phone"]
    ]
    shown += [(p["service_id"], "phone_type", str(p.get("type") or "")) for p in rows["phone"]]
    return shown + [
        (h["service_id"], "hours", str(h["description"] or "")) for h in rows["schedule"]
    ]


def front_doors_rung(graph: Graph) -> list[str]:
    """A children's front door in use has a number to ring, as laptops read it (the first
    line to ring: a fax or textphone is never one): its card says "phone, then the MARF",
    and with the number blanked, or typed as a fax, it told the worker to phone with
    nothing to ring (attack F21 and its re-attack, 2026-12-06). A LADO may take referrals
    by e-mail alone (Sandwell's and Wolverhampton's are held so)."""
    return [
        f"{s.name} ({s.id}): number: a children's front door needs the number a worker "
        "rings to refer the same day: give it"
        for s in graph.services.values()
        if s.status == "active" and "mash_children" in s.kinds and not s.phone.strip()
    ]


def kind_words_problems(kinds: dict[str, str], in_use: dict[str, str]) -> list[str]:
    """A kind the directory in use does not know, given the words of one it does: a new
    "mash_children_local" named "Children's front door (MASH)" on adult safeguarding put a
    second front-door entry in every Directory tab's filter (re-attack, 2026-12-04; H368)."""
    problems = []
    for code, words in sorted(kinds.items()):
        twin = next((c for c, w in in_use.items() if _holds(_plain(words), _plain(w))), None)
        if code not in in_use and twin is not None:
            problems.append(
                f"service kind {code}: {words!r} holds the words of the kind {twin} in use: "
                f"give its services {twin}, or the new kind words of its own"
            )
    return problems


# letters of other scripts drawn as Latin ones: "Children's front door (MАSH)" with a
# Cyrillic А, or with ", Dudley" after it, was a second front door in the filter (H372)
LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТХаеорсухіјѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιν", "ABEKMHOPCTXaeopcyxijsdqwABEZHIKMNOPTYXoiv"
)


def _holds(words: str, theirs: str) -> bool:
    """The same words, or a kind's longer words within them ("Refuge support" is no refuge)."""
    return words == theirs or (len(theirs) >= 12 and theirs in words)


def _plain(words: str) -> str:
    latin = unicodedata.normalize("NFKC", words).translate(LOOK_ALIKES).casefold()
    return "".join(ch for ch in latin if ch.isalnum())


def check_refuges_in_use(in_use: Graph, source: Source, release: Source | None = None) -> None:
    """The lead's side, publishing: a refuge in the directory in use, or in the release's
    own, stays one to the address rule. A feed that dropped the refuge kind from a service
    and gave its note "Safe house at 12 Acacia Road" was signed: the rule read only what
    the new rows call a refuge (re-attack, 2026-12-04; H361); and the kind dropped in one
    update, the address given in the next (H365)."""
    from app.db.checks import Refused, every_problem

    rows = read_directory(source)
    graphs = [in_use, *([load_graph(release)] if release is not None else [])]
    refuges = {
        sid
        for graph in graphs
        for sid, service in graph.services.items()
        if REFUGE_KIND in service.kinds
    }
    said = set(refuge_address_problems(rows))  # said by the rows' own rules already
    problems = [p for p in refuge_address_problems(rows, refuges) if p not in said]
    earlier = [
        service
        for graph in graphs
        for service in graph.services.values()
        if secret_refuge(service.kinds, service.name, service.areas)
    ]
    known = {sid for graph in graphs for sid in graph.services}
    problems += tie_problems(rows, earlier, known)
    if problems:
        raise Refused(
            every_problem(problems) + "\n(a refuge in the directory in use or the release's own: "
            "ask the developers if it is a refuge no longer)"
        )


def refuge_address_problems(rows: Rows, were_refuges: set[str] = frozenset()) -> list[str]:
    """Every row held with a refuge (a service held_as_refuge by its kinds, audience and
    words, or one of `were_refuges`) whose words say where it is: locations have no address
    table, and their name and description were the way round it (H346)."""
    kinds = _kinds_by_service(rows)
    audience = {s["id"]: s.get("audience") or "" for s in rows["service"]}
    words: dict[str, list[str]] = {}  # by service: its own words, its phones' and hours'
    for table in ("service", "phone", "schedule"):
        for row in rows[table]:
            words.setdefault(row["id" if table == "service" else "service_id"], []).append(
                _words(row)
            )
    refuges = set(were_refuges) | {
        sid
        for sid in kinds.keys() | words.keys()
        if held_as_refuge(kinds.get(sid, ()), audience.get(sid, ""), "\n".join(words.get(sid, ())))
    }
    # and every service whose words name a refuge (by kind, or one before): held with it
    places = {a["name"] for a in rows["service_area"]}
    named = refuge_names(
        (
            s["name"]
            for s in rows["service"]
            # a refuge's name, not a helpline's (NDAH is also of kind refuge: B6)
            if (REFUGE_KIND in kinds.get(s["id"], ()) or s["id"] in were_refuges)
            and not any(k.startswith("helpline") for k in kinds.get(s["id"], ()))
        ),
        places,
    )
    refuges |= {sid for sid, said in words.items() if names_a_refuge("\n".join(said), named)}
    why = {  # the words the lead reads: a refuge's, or a service held with them (HELD_FOR)
        sid: "refuge"
        if sid in were_refuges or names_a_refuge("\n".join(words.get(sid, ())), named)
        else held_for(kinds.get(sid, ()), "\n".join(words.get(sid, ())))
        for sid in refuges
    }
    services = [s for s in rows["service"] if s["id"] in refuges]
    run_by = {s["organization_id"]: why[s["id"]] for s in services if s["organization_id"]}
    held = [
        *(("service", s["id"], s, why[s["id"]]) for s in services),
        *(
            ("organisation", o["id"], o, run_by[o["id"]])
            for o in rows["organization"]
            if o["id"] in run_by
        ),
        *(
            (table, row["id"], row, why[row["service_id"]])
            for table in ("phone", "schedule", "service_area")
            for row in rows[table]
            if row["service_id"] in refuges
        ),
        # words no plan needs an address in, whoever they are held for (a refuge's location
        # among them): a kind's label is in every worker's Directory tab, and a location or
        # an attribute linked to nothing was exported from every laptop (re-attack, H357)
        *(("location", place["id"], place, "location") for place in rows["location"]),
        *(("attribute", a["id"], a, "location") for a in rows["attribute"]),
        *(("service kind", t["id"], t, "location") for t in rows["taxonomy_term"]),
    ]
    return [
        f"{table} {ident}: {no_address(said, reason)}"
        for table, ident, row, reason in held
        if (said := where_said(_words(row)))
    ]


def kind_problems(rows: Rows) -> list[str]:
    """A service kind's term is named by its code, once: laptops read a kind by its code,
    the lead's rules by its term; a refuge under a term named "…/da_service" was a refuge
    on the plan and no refuge to the rules (re-attack, 2026-12-04; H357)."""
    terms = [t for t in rows["taxonomy_term"] if t["taxonomy"] == KIND_TAXONOMY]
    codes = [t["code"] for t in terms]
    return [
        f"service kind {t['id']}: its id must be {kind_term_id(t['code'])}"
        for t in terms
        if t["id"] != kind_term_id(t["code"])
    ] + [f"service kind {code}: held twice" for code in sorted(set(codes)) if codes.count(code) > 1]


def _kinds_by_service(rows: Rows) -> dict[str, set[str]]:
    """Each service's kinds by their codes, as laptops read them (H357)."""
    codes = {t["id"]: t["code"] for t in rows["taxonomy_term"] if t["taxonomy"] == KIND_TAXONOMY}
    kinds: dict[str, set[str]] = {}
    for a in rows["attribute"]:
        kinds.setdefault(a["link_id"], set()).add(codes.get(a["taxonomy_term_id"], ""))
    return kinds


def _words(row: dict) -> str:
    """A row's words, its ids aside ("st-georges-hub/phone/1" read as "1 St", a street)."""
    return "\n".join(
        str(value) for key, value in row.items() if isinstance(value, str) and key[-2:] != "id"
    )


def check_statutory_cover(changes: DirectoryDiff) -> None:
    """Refuses an update that leaves a borough without the children's front door or adult
    safeguarding the directory in use holds for it: eight Coventry rows deleted in Excel
    were signed with one line of the publish's output saying so, and every laptop's
    self-test passed it; a Coventry child's card then gave only the fallback lines (IT
    attack, 2026-12-07; H508)."""
    from app.db.checks import Refused

    lost: dict[str, list[str]] = {}
    for kind, area in changes.left_without:
        if kind in STATUTORY_DOORS:
            lost.setdefault(area, []).append(kind[0].lower() + kind[1:])
    if lost:
        said = "; ".join(f"{area}: {' and '.join(kinds)}" for area, kinds in lost.items())
        raise Refused(
            f"this update leaves a council with no service of a kind every council has ({said}): "
            "a worker there would be given only the fallback lines (999, 101, a national "
            "line). A row deleted or filtered out in Excel? Put it back. A number changed? "
            "Change the number on its row, never retire the row. Its ages, who it serves, "
            "kinds or areas changed? A children's front door serves everyone aged 0 to 17 in "
            "its areas, adult safeguarding everyone 18 and over: put them back. Merged with "
            "another council's? Add this area to that service's areas"
        )
