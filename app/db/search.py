"""Full-text search of the directory: SQLite FTS5, bm25 ranking, prefix matching, filters.

Every word the user types is quoted before it reaches FTS5, so no input (`AND`, a stray
quote, `(`, `*`) is ever read as query syntax: any text gives results or nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from datetime import date

from app.db.field_rules import AUDIENCES
from app.db.loader import Source, every_day, open_directory
from app.db.search_words import (
    AUDIENCE_WORDS,
    KIND_WORDS,
    any_word_expression,
    match_expression,
)
from app.db.service_rows import kind_words, plain_lines, plain_spaces
from app.pathways.graph import lead_alert, lead_cautions
from app.pathways.phone_numbers import (
    ANOTHER_NUMBER,
    fixed_line_name,
    fixed_line_words,
    ringable,
    shown_number,
    type_label,
)
from app.pathways.services import answered_day_and_night, contact_confirmed, needs_check
from app.records import record

WEIGHTS = "10.0, 4.0, 5.0, 2.0, 1.0"  # name, organization, kinds, areas, details
KEY_COLUMNS = "name organization kinds areas"
REGION_LABELS = {"national": "National", "west_midlands": "West Midlands"}
# a service's areas, 0 for the borough's own, 1 the region's, 2 national (the borough and its
# region as the two values)
NEAREST = "min(CASE name WHEN ? THEN 0 WHEN ? THEN 1 ELSE 2 END)"


class SearchError(ValueError):
    """A filter value that is not allowed; the message names what is."""


@record
class SearchFilters:
    borough: str | None = None
    kind: str | None = None
    age: int | None = None
    audience: str | None = None
    open_24_7: bool = False


@record
class ServiceHit:
    id: str
    name: str
    organisation: str
    phone: str
    confidence: str
    assured_date: str
    source: str
    source_date: str
    notes: str  # where its details come from, what is in doubt: for the details pane
    email: str  # the contact where no number is held (the MARAC team's)
    check_before_use: bool
    # the day a person confirmed it (phoned, provider), if any: "checked: 2026-11-20" was
    # shown for a feed's own date no person stood behind (review 2026-12-01)
    confirmed: str = ""
    alert: str = ""  # the directory lead's (H188): shown first in the details pane
    # what the plan's card says beside the number (the pane held the number alone, and the
    # lead's notes: officer walk, 2026-12-02)
    hours: str = ""
    referral_route: str = ""
    website: str = ""
    # the line's type and the number's note, apart as the card has them (its second line is
    # read from the note alone: re-attack, 2026-12-07), and who it is for: the tab dropped
    # them, so at 6pm a front door showed its daytime number alone (seams review, 12-04)
    phone_type: str = ""
    phone_note: str = ""
    audience: str = "any"
    # no service held every word typed, and this one some: "sandwell child sexual abuse"
    # found nothing at all (officer's walk F21, 2026-12-06)
    matched_some: bool = False


def phone_words(numbers: str) -> str:
    """A service's numbers as the index holds them: as written and run together, so a
    number found on a letter is found however it is typed ("0808 2000 247", "08082000247")."""
    return " ".join(f"{number} {''.join(number.split())}" for number in numbers.split("|"))


def area_labels(connection) -> dict[str, str]:
    """Area codes with their names, from the borough question's answers."""
    row = connection.execute("SELECT options FROM question WHERE id = 'borough'").fetchone()
    options = json.loads(row[0]) if row else []
    return REGION_LABELS | {o["value"]: o["label"] for o in options}


# a phone row's type, read as the plan reads it (with_plan_readings registers the function)
RINGABLE_SQL = "ringable_type(type)"


# as the directory's first migration makes it (a test holds them alike)
INDEX_TABLE = (
    "CREATE VIRTUAL TABLE service_fts USING fts5(name, organization, kinds, areas, details, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)


def with_plan_readings(db: sqlite3.Connection) -> None:
    """The plan's readings of a line's type and a week's days, for this connection's SQL."""
    db.create_function("ringable_type", 1, ringable, deterministic=True)
    db.create_function("every_day", 1, every_day, deterministic=True)  # as open_all_hours


def rebuild_index(db: sqlite3.Connection) -> None:
    """Refill service_fts from the directory tables, inside the caller's transaction."""
    with_plan_readings(db)
    labels = area_labels(db)
    db.execute("DELETE FROM service_fts")
    rows = db.execute(
        "SELECT s.rowid, s.name, coalesce(o.name, ''), "
        " (SELECT group_concat(k.code || ' ' || k.name, char(31)) FROM attribute a "
        "  JOIN taxonomy_term k ON k.id = a.taxonomy_term_id WHERE a.link_id = s.id), "
        " (SELECT group_concat(name, ' ') FROM service_area WHERE service_id = s.id), "
        " s.description || ' ' || s.eligibility_description || ' ' || s.application_process, "
        " (SELECT group_concat(number, '|') FROM phone WHERE service_id = s.id "
        f"  AND {RINGABLE_SQL}), "
        # a number's note, where out-of-hours lines are: a lead correcting one could not
        # find the other service that still gave it (the lead's walk, 2026-12-04)
        " (SELECT group_concat(description, ' ') FROM phone WHERE service_id = s.id), "
        " s.audience "
        "FROM service s LEFT JOIN organization o ON o.id = s.organization_id"
    ).fetchall()
    db.executemany(
        "INSERT INTO service_fts (rowid, name, organization, kinds, areas, details) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                rowid,
                name,
                org,
                _kind_words(kinds or "", audience),
                _areas(areas or "", labels),
                " ".join((details, phone_words(phones or ""), _note_words(notes or ""))),
            )
            for rowid, name, org, kinds, areas, details, phones, notes, audience in rows
        ],
    )


def _kind_words(kinds: str, audience: str | None) -> str:
    """Each kind's code and name, what workers call it (KIND_WORDS), and who it is for:
    "wolverhampton women" never found The Haven, for women only (2026-12-07)."""
    held = kinds.split("\x1f") if kinds else []
    words = [f"{kind} {KIND_WORDS.get(kind.split(' ', 1)[0], '')}" for kind in held]
    return " ".join(filter(None, [*words, AUDIENCE_WORDS.get(audience or "")]))


def _ringable_first(rows: list) -> list:
    """As near, those with a number (or an e-mail) first: "raped last night" led with two
    services holding neither, the 24/7 line third (re-walk, 2026-12-07). Sorted here, among
    the rows kept: in the query, every match's number was looked up (p95 18 -> 44 ms at
    10,000 services)."""
    return sorted(rows, key=lambda row: (row[-1], not (row[3] or row[9])))


def _note_words(notes: str) -> str:
    """Numbers' notes with each number in them as phone_words holds it."""
    found = "|".join(number.group() for number in ANOTHER_NUMBER.finditer(notes))
    return f"{notes} {phone_words(found)}" if found else notes


def _areas(codes: str, labels: dict[str, str]) -> str:
    return " ".join(f"{code} {labels.get(code, '')}" for code in codes.split())


class DirectorySearch:
    """Searches one directory database through its own read-only connection."""

    def __init__(self, source: Source, assured_within_months: int = 12) -> None:
        self.db = open_directory(source)
        self.db.row_factory = None
        # the index made anew from the tables, in this copy in memory: a signed update's own
        # index, planted with a number no service has, found the MASH for it (attack F21);
        # refilled, entries planted in its storage alone stayed (its re-attack)
        self.db.execute("PRAGMA query_only = OFF")
        with self.db:
            self.db.execute("DROP TABLE IF EXISTS service_fts")
            self.db.execute(INDEX_TABLE)
            rebuild_index(self.db)
        self.db.execute("PRAGMA query_only = ON")
        self.months = assured_within_months
        self.labels = area_labels(self.db)
        self.kinds = kind_words(self.db)
        options = self.db.execute("SELECT options FROM question WHERE id = 'borough'").fetchone()
        self.regions = {o["value"]: o.get("region") for o in json.loads(options[0])}

    def close(self) -> None:
        self.db.close()

    def check(self, filters: SearchFilters) -> None:
        """Raise SearchError naming the filter and its allowed values."""
        if filters.borough is not None and filters.borough not in self.regions:
            raise SearchError(f"borough {filters.borough!r}: allowed {', '.join(self.regions)}")
        if filters.kind is not None and filters.kind not in self.kinds:
            raise SearchError(f"kind {filters.kind!r}: allowed {', '.join(sorted(self.kinds))}")
        if filters.age is not None and not 0 <= filters.age <= 120:
            raise SearchError(f"age {filters.age}: allowed a whole number from 0 to 120")
        if filters.audience is not None and filters.audience not in AUDIENCES:
            raise SearchError(f"audience {filters.audience!r}: allowed {', '.join(AUDIENCES)}")

    def search(
        self, text: str, filters: SearchFilters | None = None, limit: int = 50, today=None
    ) -> list[ServiceHit]:
        filters = filters or SearchFilters()
        self.check(filters)
        text, filters = self._place_as_filter(text, filters)
        where, params = self._filters(filters)
        columns = (
            "s.id, s.name, coalesce(o.name, ''), "
            # the number the plan shows, its type and its note, in one look (each looked up
            # for every service matched, before the first 50 are kept): never a fax put
            # first (attack review 2026-12-01)
            "coalesce((SELECT number || char(31) || coalesce(type, '') || char(31) || "
            f"coalesce(description, '') FROM phone WHERE service_id = s.id AND {RINGABLE_SQL} "
            "ORDER BY ordinal, id LIMIT 1), ''), "
            "s.confidence, s.assured_date, s.source, s.source_date, coalesce(s.notes, ''), "
            "coalesce(s.email, ''), s.assured_method, coalesce(s.alert, ''), "
            "coalesce((SELECT group_concat(description, '; ') FROM schedule "
            "WHERE service_id = s.id AND description != ''), ''), "
            "coalesce(s.application_process, ''), coalesce(s.url, ''), s.audience"
        )
        expression = match_expression(text)
        some = False
        if expression:
            after = [*params, limit]
            rows = self._ranked(columns, where, filters.borough, expression, after)
            if not rows and (any_word := any_word_expression(text)):
                # the words decide here, not the place: "sandwell child sexual abuse" put
                # Black Country Women's Aid, for "abuse", before the children's service
                rows, some = self._ranked(columns, where, None, any_word, after), True
        elif text.strip():
            return []  # only punctuation: nothing can match it
        elif filters.borough is not None:  # its own services, then the region's, then national
            # Ranked from the areas it names, not from every service's areas: at 10,000
            # services a borough alone took 9-13 ms, past the search's 16 ms with its delivery.
            local = self._local(filters.borough)
            sql = (
                f"SELECT {columns} FROM (SELECT service_id, {NEAREST} AS near FROM service_area "
                "WHERE name IN ('national', ?, ?) GROUP BY service_id) n "
                "JOIN service s ON s.id = n.service_id LEFT JOIN organization o "
                f"ON o.id = s.organization_id WHERE 1 {where} ORDER BY n.near, s.name LIMIT ?"
            )
            rows = self.db.execute(sql, [*local, *local, *params, limit])
        else:  # every service, those with no area first (as ranked before, by area)
            sql = (
                f"SELECT {columns} FROM service s LEFT JOIN organization o "
                f"ON o.id = s.organization_id WHERE 1 {where} ORDER BY EXISTS (SELECT 1 "
                "FROM service_area a WHERE a.service_id = s.id), s.name LIMIT ?"
            )
            rows = self.db.execute(sql, [*params, limit])
        today = today or date.today()
        hits = [self._hit(row, today, some) for row in rows]
        # a daytime line with "24-hour answerphone" in its hours was listed under Open 24/7,
        # while the plan gave it as a daytime line (feed attack, 2026-12-05; H405)
        if filters.open_24_7:
            hits = [hit for hit in hits if answered_day_and_night(hit.hours, hit.phone_note)]
        return hits

    def _nearness(self, borough: str | None) -> tuple[str, list]:
        """With a borough: its own services rank first, then the region's, then national
        lines. "sandwell child protection" put Sandwell's front door after three national
        lines, ranked by its words alone (2026-12-07)."""
        if borough is None:
            return "0", []
        return f"(SELECT {NEAREST} FROM service_area WHERE service_id = s.id)", self._local(borough)

    def _local(self, borough: str) -> list[str]:
        """The borough and its region, as NEAREST reads them."""
        return [borough, self.regions.get(borough) or ""]

    def _ranked(
        self, columns: str, where: str, borough: str | None, expression: str, after: list
    ) -> list:
        """Name, organisation, kind and area first: what a worker searches by, and far
        fewer matches to rank than all the descriptions. Descriptions only fill up. In each,
        with a borough, the nearest first: a local service named for the words before a
        national one, never one whose description merely holds them ("birmingham elder
        abuse" put the housing options first). `after`: the filters' values, the limit."""
        near, before = self._nearness(borough)
        sql = (
            f"SELECT {columns}, {near} AS near FROM service_fts "
            "JOIN service s ON s.rowid = service_fts.rowid "
            "LEFT JOIN organization o ON o.id = s.organization_id "
            f"WHERE service_fts MATCH ? {where} "
            f"ORDER BY near, bm25(service_fts, {WEIGHTS}) LIMIT ?"
        )
        limit = after[-1]

        def matching(words: str) -> list:
            return self.db.execute(sql, [*before, words, *after]).fetchall()

        rows = _ringable_first(matching(f"{{{KEY_COLUMNS}}} : ({expression})"))
        if len(rows) < limit:
            seen = {row[0] for row in rows}
            more = [row for row in matching(expression) if row[0] not in seen]
            rows += _ringable_first(more)[: limit - len(rows)]
        return rows

    def _hit(self, row: tuple, today: date, matched_some: bool = False) -> ServiceHit:
        """A result as the plan's card says it: a lead's alert is never "confirmed" (H188)."""
        number, kind, note = (*row[3].split("\x1f", 2), "", "")[:3]
        odd = lead_cautions(row[11], kind, number)  # as the plan reads it
        check = needs_check(row[4], row[5], row[10], today, self.months, number)
        confirmed = contact_confirmed(row[5], row[10], number, today)
        phone = shown_number(plain_spaces(number))  # as the plan shows it
        return ServiceHit(
            row[0],
            fixed_line_name(plain_spaces(row[1]), phone),  # as the plan shows them (H208)
            fixed_line_words(plain_spaces(row[2]), phone),
            phone,
            *row[4:6],
            fixed_line_words(plain_spaces(row[6]), phone),
            fixed_line_words(row[7] or "", phone),
            fixed_line_words(plain_lines(row[8]), phone),
            fixed_line_words(row[9], phone),
            check_before_use=check or odd,
            confirmed=str(confirmed or "") if not odd else "",
            alert=lead_alert(row[11], number),
            hours=fixed_line_words(plain_spaces(row[12]), phone),
            referral_route=fixed_line_words(plain_lines(row[13]), phone),
            website=fixed_line_words(row[14], phone),
            phone_type=fixed_line_words(type_label(kind), phone),
            phone_note=fixed_line_words(plain_spaces(note), phone),
            audience=row[15] or "any",
            matched_some=matched_some,
        )

    def _place_as_filter(self, text: str, filters: SearchFilters) -> tuple[str, SearchFilters]:
        """A borough typed in the search ("refuge walsall") means the services that serve
        it, national lines included, as the borough filter does: as a word to match, it
        left out every national and regional service (the one refuge line among them)."""
        boroughs = {
            word.casefold(): value
            for value, region in self.regions.items()
            if region
            for word in (value, self.labels.get(value, value))
        }
        words = re.findall(r"\w+", text)
        named = {boroughs[w.casefold()] for w in words if w.casefold() in boroughs}
        if len(named) != 1 or (filters.borough not in (None, *named)):
            return text, filters  # two places, or another than the filter's: as words
        rest = " ".join(w for w in words if w.casefold() not in boroughs)
        return rest, replace(filters, borough=named.pop())

    def _filters(self, f: SearchFilters) -> tuple[str, list]:
        clauses, params = ["s.status = 'active'"], []
        if f.borough is not None:
            areas = ["national"]
            if self.regions.get(f.borough):
                areas += [f.borough, self.regions[f.borough]]
            marks = ", ".join("?" * len(areas))
            # the area's services listed once, not looked up for each match: with a borough
            # filter each search took 1.9 times raw FTS5, at its target (2x)
            clauses.append(f"s.id IN (SELECT service_id FROM service_area WHERE name IN ({marks}))")
            params += areas
        if f.kind is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM attribute a JOIN taxonomy_term k "
                "ON k.id = a.taxonomy_term_id WHERE a.link_id = s.id AND k.code = ?)"
            )
            params.append(f.kind)
        if f.age is not None:
            clauses.append("s.minimum_age <= ? AND ? <= s.maximum_age")
            params += [f.age, f.age]
        if f.audience is not None:
            clauses.append("s.audience IN ('any', ?)")
            params.append(f.audience)
        if f.open_24_7:  # as the plan reads it (open_all_hours), the hours' words below
            always = "every_day(byday) AND opens_at = '00:00' AND closes_at IN ('23:59', '24:00')"
            clauses.append(
                f"EXISTS (SELECT 1 FROM schedule x WHERE x.service_id = s.id AND {always}) "
                "AND NOT EXISTS (SELECT 1 FROM schedule y WHERE y.service_id = s.id AND "
                f"(y.byday != '' OR y.opens_at != '') AND NOT ({always}))"
            )
        return "".join(f" AND {c}" for c in clauses), params


def searcher(finder: DirectorySearch):
    """The window's search: keyword filters, as the Directory tab's controls give them."""

    def search(text: str, borough=None, kind=None, open_24_7: bool = False) -> list[ServiceHit]:
        return finder.search(text, SearchFilters(borough=borough, kind=kind, open_24_7=open_24_7))

    return search
