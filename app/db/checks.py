"""Whether a directory database may be used: readable, the schema this app writes (no extra
trigger, view or table), a version, a valid graph, every field within the rules, and the
numbers that never change (999, 101) as they are.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from app.db.loader import DirectoryError, Source, load_graph, open_directory, read_services
from app.db.one_route import shared_routes
from app.db.schema_versions import head, revisions
from app.pathways.phone_numbers import (
    contact_key,
    national_number,
    ringable,
    type_problem,
)


class Refused(ValueError):
    """A directory or bundle that must not be used; the message says why."""


class RefusedForNow(Refused):
    """Refused for a reason that may not hold later: a key not trusted now (a policy file
    missing for one check), a file that cannot be read now (a lock). The worker's copy of
    a bundle is then kept, never set aside: it was, and the laptop went back to an older
    directory for good (review 2026-12-01)."""


class Unreadable(RefusedForNow):
    """A file that cannot be read now (locked, a share gone): the directory in use from it
    stays in use, as the copy in memory is still the one checked."""


def version_key(version: str) -> tuple[int, ...]:
    """'2026.11.21.2' -> (2026, 11, 21, 2): versions compare part by part."""
    try:
        return tuple(int(part) for part in version.split("."))
    except (ValueError, AttributeError):
        raise Refused(f"version {version!r} is not numbers separated by dots") from None


def schema_of(db: sqlite3.Connection) -> list[tuple]:
    """Every table, index, trigger and view, with the SQL that made it."""
    return [
        tuple(row)
        for row in db.execute(
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
        )
    ]


@cache
def expected_schema() -> tuple[tuple, ...]:
    """The schema of the directory this app was built with: what every directory must have,
    exactly (a trigger or a view in a bundle could change numbers after the checks)."""
    from app.paths import shipped_directory

    try:
        db = open_directory(shipped_directory())
    except DirectoryError as error:
        raise Refused(f"the app's own directory cannot be read to compare ({error})") from None
    try:
        return tuple(schema_of(db))
    finally:
        db.close()


def check_database(
    source: Source, validate_graph: bool = True, release: Source | None = None
) -> tuple[str, str]:
    """(directory version, schema revision) of a usable database, or Refused with why.

    validate_graph=False skips the graph and the fields, for bytes whose hash already
    proves them the ones validated when they were built (the caller validates on loading).
    `release`: an update's services are checked under that database's pathway, the one a
    laptop uses (H345), never under its own: a correction signed on a newer release, whose
    rules this app cannot read, was refused on every laptop a release behind (attack).
    """
    try:
        db = open_directory(source)
    except DirectoryError as error:
        raise Refused(str(error)) from None
    try:
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise Refused(f"corrupt database ({verdict})")
        revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        version = db.execute(
            "SELECT value FROM content_meta WHERE key = 'directory_version'"
        ).fetchone()[0]
        if revision in revisions() and revision == head() and validate_graph:
            if tuple(schema_of(db)) != expected_schema():
                raise Refused(
                    "its schema differs from this app's (an extra trigger, view or table)"
                )
            fixed_number_problem(db)
    except sqlite3.Error as error:
        raise Refused(f"not a readable directory database ({error})") from None
    except TypeError:
        raise Refused("not a directory database (no schema or version recorded)") from None
    finally:
        db.close()
    if revision not in revisions():
        raise Refused(f"schema {revision} is newer than this app understands ({head()})")
    if revision != head():
        raise Refused(f"schema {revision} is older than this app's ({head()}): republish")
    version_key(version)
    if validate_graph:
        _content_problems(source, release)
    return version, revision


def fixed_number_problem(db: sqlite3.Connection) -> None:
    """Emergency services are 999 and the police non-emergency number is 101, always; and
    the services the pathway names by id keep their number and their kind."""
    from app.db.service_checks import FIXED, FIXED_SERVICES, NATIONAL_HOLDERS, national_slip
    from app.db.service_rows import KIND_TAXONOMY

    for kind, number in FIXED.items():
        rows = db.execute(
            "SELECT s.id, coalesce(p.number, '') FROM service s "
            "JOIN attribute a ON a.link_id = s.id "
            "JOIN taxonomy_term t ON t.id = a.taxonomy_term_id AND t.code = ? "
            "LEFT JOIN phone p ON p.service_id = s.id",
            (kind,),
        ).fetchall()
        for service_id, phone in rows:
            if "".join(phone.split()) != number:
                raise Refused(f"service {service_id}: kind {kind!r} must have the number {number}")
    # 999 signed as a front door's number: the plan said "Tel 999 — Sandwell Children's
    # Trust MASH", never "check it" (999 never is); refused when the lead publishes, taken
    # by laptops (attack round, 2026-12-06; H494); its kinds as the plan reads them, and
    # only the services set nationally: "Samaritans 111" (re-attack, 2026-12-07)
    for service_id, phone, kinds in db.execute(
        "SELECT p.service_id, coalesce(p.number, ''), group_concat(t.code) FROM phone p "
        "LEFT JOIN attribute a ON a.link_id = p.service_id LEFT JOIN taxonomy_term t "
        "ON t.id = a.taxonomy_term_id AND t.taxonomy = ? GROUP BY p.id",
        (KIND_TAXONOMY,),
    ):
        if not (national := national_number(phone)):
            continue
        if slip := national_slip(national, (kinds or "").split(",")):
            raise Refused(f"service {service_id}: {slip}")
        if service_id not in (holders := NATIONAL_HOLDERS[national]):
            raise Refused(
                f"service {service_id}: {national} is held by {' and '.join(sorted(holders))} alone"
            )
    for service_id, (kind, number) in FIXED_SERVICES.items():
        phones = db.execute(
            "SELECT coalesce(p.number, '') FROM service s "
            "LEFT JOIN phone p ON p.service_id = s.id WHERE s.id = ?",
            (service_id,),
        ).fetchall()
        kinds = {
            code
            for (code,) in db.execute(
                "SELECT t.code FROM attribute a JOIN taxonomy_term t "
                "ON t.id = a.taxonomy_term_id WHERE a.link_id = ?",
                (service_id,),
            )
        }
        if not phones or {"".join(p.split()) for (p,) in phones} != {number}:
            raise Refused(f"service {service_id}: its number must be {number}")
        (status,) = db.execute("SELECT status FROM service WHERE id = ?", (service_id,)).fetchone()
        if status != "active":  # retired, it left the plans that name it (review 2026-12-01)
            raise Refused(f"service {service_id}: it must be active")
        if kind not in kinds:
            raise Refused(f"service {service_id}: it must be of kind {kind}")
        # for everyone, everywhere: 999 for Coventry only, or 18 and over, took its line off
        # the 999 card of every other plan (re-attack, 2026-12-04; H358)
        served = db.execute(
            "SELECT minimum_age, maximum_age, audience, "
            "(SELECT group_concat(name) FROM service_area WHERE service_id = s.id) "
            "FROM service s WHERE id = ?",
            (service_id,),
        ).fetchone()
        if tuple(served) != (0, 120, "any", "national"):
            raise Refused(f"service {service_id}: it serves everyone (ages 0-120, national)")


def _service_problems_strictly(source: Source) -> list[str]:
    """The service table by the lead's rules too (two of one name, a tel: link's number):
    laptops keep an update signed before them (H340)."""
    from app.db.field_rules import table_problems

    db = open_directory(source)
    db.row_factory = None
    try:
        cursor = db.execute(  # with its areas, as a working copy's rows hold them
            "SELECT s.*, (SELECT group_concat(a.name, ';') FROM service_area a "
            "WHERE a.service_id = s.id) AS area FROM service s ORDER BY s.rowid"
        )
        names = [d[0] for d in cursor.description]
        return table_problems("service", names, cursor.fetchall())
    finally:
        db.close()


def check_numbers(source: Source, every_rule: bool = False) -> None:
    """The lead's side only (publish), as check_confirmations: every number read by the
    strict rule, and a number for every fallback (app/pathways/phone_numbers.py). Laptops
    keep an update signed before these rules and show its number "check it". `every_rule`:
    a database published as it is meets a working copy's rules too (H346); from either, no
    refuge's address and no kind named twice (H357)."""
    from app.db.phone_rules import phone_problems
    from app.pathways.validate import fallback_contact_problems

    db = open_directory(source)
    try:
        rows = db.execute(
            "SELECT service_id, number, type FROM phone ORDER BY service_id"
        ).fetchall()
    finally:
        db.close()
    problems = [
        f"service {service_id}: number: {problem}"
        for service_id, number, _ in rows
        for problem in phone_problems(number or "")
        if number
    ]
    problems += [  # a type that says nothing, or two things: rung on laptops (review)
        f"service {service_id}: phone {problem}"
        for service_id, _, kind in rows
        if (problem := type_problem(kind))
    ]
    problems += _note_and_area_problems(source)
    problems += _service_problems_strictly(source)
    from app.db.database_words import word_problems  # the lead's side only

    problems += word_problems(source)
    problems += fallback_contact_problems(load_graph(source))
    from app.db.database_rules import database_problems, said_once

    problems = said_once(problems + database_problems(source, services_too=every_rule))
    if problems:
        raise Refused(every_problem(problems))


SAID_AT_ONCE = 12  # the lead's problems named in one refusal


def every_problem(problems: list[str]) -> str:
    """The lead's side: each problem on a line of its own, so one run names them all. The
    first and "(+2 more)" was said, each of the others learnt by another run, passphrase
    and all (own review, 2026-12-03)."""
    if len(problems) == 1:
        return problems[0]
    listed = "".join(f"\n  - {problem}" for problem in problems[:SAID_AT_ONCE])
    more = len(problems) - SAID_AT_ONCE
    return f"{len(problems)} problems:{listed}" + (f"\n  and {more} more" if more > 0 else "")


def _note_and_area_problems(source: Source) -> list[str]:
    """The working copy's rules for a number's note, its hours and a service's areas, for a
    database published as it is: an import --merge signed a fax's note and "NATIONAL " beside
    boroughs (re-attack round on H189)."""
    from app.db.service_checks import areas_problem, note_problem, round_the_clock_problem

    db = open_directory(source)
    try:
        services = read_services(db)
        notes = db.execute("SELECT service_id, number, description, type FROM phone").fetchall()
        areas: dict[str, list[str]] = {}
        for service_id, name in db.execute("SELECT service_id, name FROM service_area"):
            areas.setdefault(service_id, []).append(name)
    finally:
        db.close()
    problems = [
        f"service {service_id}: phone note: {problem}"
        for service_id, number, note, kind in notes
        if ringable(kind) and (problem := note_problem(number or "", note))
    ]
    problems += [
        f"service {service_id}: open 24/7: {problem}"
        for service_id, service in sorted(services.items())
        if (
            problem := round_the_clock_problem(service.hours, service.open_24_7, service.phone_note)
        )
    ]
    return problems + [
        f"service {service_id}: area: {problem}"
        for service_id, names in sorted(areas.items())
        if (problem := areas_problem(names))
    ]


def check_checks_follow_contacts(before, after) -> None:
    """The lead's side (publishing a database as it is): a database records no check of its
    own, so each person's check it holds is the directory in use's (`before`) check of the
    same service and contact. A database edited by hand kept the check of the old number, or
    took another service's check cells, and every laptop showed the number "confirmed"
    (attack reviews 2026-12-01). A new check is recorded in a working copy (check-service),
    whose checks record their contact (WorkingCopy.checks_of_other_contacts)."""
    way = "record it in a working copy (directory check-service, then publish --source) or clear it"
    for service_id, new in sorted(after.services.items()):
        if not new.assured_date:
            continue
        old = before.services.get(service_id)
        check = (new.assured_date, new.assured_method, new.assured_by)
        if old is None or check != (old.assured_date, old.assured_method, old.assured_by):
            raise Refused(
                f"service {service_id}: its person's check ({new.assured_date}) is not one the "
                f"directory in use holds for it: {way}"
            )
        if contact_key(new.phone, new.phone_note, new.email) != contact_key(
            old.phone, old.phone_note, old.email
        ):
            raise Refused(
                f"service {service_id}: its contact changed, but its person's check "
                f"({new.assured_date}) is the one of the old contact: {way}"
            )


def _content_problems(source: Source, release: Source | None) -> None:
    from app.db.field_rules import table_problems
    from app.db.oruk_format import TABLES
    from app.db.pathway_words import pathway_words_problem
    from app.pathways.validate import validate

    try:
        graph = load_graph(source, release)
        problems = validate(graph)
    except DirectoryError as error:
        raise Refused(str(error)) from None
    if problems and release is not None:  # a fallback service the release names, missing
        raise Refused(f"its services do not serve this app's pathway: {_first(problems)}")
    if problems:
        raise Refused(f"the pathway graph is invalid: {problems[0]} (+{len(problems) - 1} more)")
    words_problem = pathway_words_problem(graph)
    if words_problem:
        raise Refused(words_problem)
    active = [s for s in graph.services.values() if s.status == "active"]
    shared = shared_routes((s.id, s.kinds, s.areas) for s in active)
    if shared:  # the lead's side refuses it too; a bundle signed otherwise is refused here
        raise Refused(_first(shared))
    db = open_directory(source)
    db.row_factory = None  # plain tuples: 50,000 rows read without a dict each
    try:
        problems = []
        for table in TABLES:
            cursor = db.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            names = [d[0] for d in cursor.description]
            # read as laptops read it: an update signed before a stricter rule is kept (its
            # number shown "check it"); publish reads strictly too (check_numbers)
            problems += table_problems(table, names, cursor.fetchall(), strict=False)
    except sqlite3.Error as error:
        raise Refused(f"not a readable directory database ({error})") from None
    finally:
        db.close()
    if problems:
        raise Refused(f"a service field breaks the directory's rules: {_first(problems)}")


def _first(problems: list[str]) -> str:
    """The first problem, and how many more (a laptop's refusal is one line)."""
    return problems[0] + (f" (+{len(problems) - 1} more)" if len(problems) > 1 else "")
