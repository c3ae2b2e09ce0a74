"""`python -m app directory …`: build, search, report, import and export the directory."""

from __future__ import annotations

import contextlib
import json
import re
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from app.db.build import build_directory
from app.db.loader import Source
from app.db.release_record import keep_snapshot, release_problem
from app.db.source import SourceError
from app.paths import resources_dir, shipped_directory


def fail(message: str, details: list[str] = (), code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    for line in details:
        print(f"  - {line}", file=sys.stderr)
    return code


def output_problem(output: Path) -> str | None:
    """A folder, or a file in a folder that is not there, named before any work (they were
    "cannot use X.4dzd.tmp: Is a directory" and the like: attack review 2026-12-01)."""
    if output.is_dir():
        return f"{output} is a folder: give a file name, e.g. {output / 'directory.sqlite'}"
    if not output.parent.is_dir():
        return f"the folder {output.parent} does not exist: make it first, or give another"
    return None


def release_version_problem(services: Path) -> str:
    """A release's own directory is versioned by its day, as a lead's update is: built as
    "20261130" (or a year ahead) it stood above every update a lead could publish, so
    laptops skipped each one, the lead's publish was refused whatever version was typed,
    and every laptop that ran it said "Numbers may be out of date" for good after the next
    release (attack on the update path, 2026-12-07)."""
    import tomllib
    from datetime import date

    from app.db.checks import Refused
    from app.db.publish_versions import check_new_version

    try:
        with (services / "directory.toml").open("rb") as handle:
            version = str(tomllib.load(handle).get("version", ""))
        check_new_version(version, date.today())
    except (OSError, tomllib.TOMLDecodeError):
        return ""  # said by the build itself, naming the file
    except Refused as error:
        return f"services/directory.toml: {error}"
    return ""


def build(source: Path | None, output: Path | None) -> int:
    source = source or resources_dir()
    output = output or shipped_directory()
    if problem := output_problem(output):
        return fail(f"nothing built: {problem}")
    release = output.resolve() == shipped_directory().resolve()  # the next is read against it
    if release and (problem := release_problem(source / "services", output)):
        return fail(f"nothing built: {problem}")
    if release and (problem := release_version_problem(source / "services")):
        return fail(f"nothing built: {problem}")
    try:
        counts = build_directory(source, output)
    except SourceError as error:
        return fail(f"{output} was not changed. Problems in {source}:", error.problems)
    summary = ", ".join(f"{n} {table}" for table, n in counts.items() if n)
    print(f"built {output}: {summary}")
    if release:
        try:
            print(f"kept {keep_snapshot(source / 'services', output.read_bytes())}: the release "
                  "the next build is read against")  # fmt: skip
        except OSError as error:
            return fail(f"{error}: the next build would be read against the release before "
                        "this one: make the folder writable and build again")  # fmt: skip
    return 0


def search(database: Source, text: str, filters, as_json: bool, months: int = 12) -> int:
    from app.db.search import DirectorySearch, SearchError

    finder = DirectorySearch(database, months)
    try:
        hits = finder.search(text, filters)
    except SearchError as error:
        return fail(str(error), code=2)
    finally:
        finder.close()
    if as_json:
        print(json.dumps([asdict(h) for h in hits], indent=2, ensure_ascii=False))
        return 0
    if not hits:
        print("No services found.")
    elif hits[0].matched_some:
        print("No service has every word: these have some of them.")
    for hit in hits:
        flag = "  CHECK BEFORE USE" if hit.check_before_use else ""
        contact = hit.phone or "no number held"
        said = "; ".join(x for x in (hit.phone_type, hit.phone_note) if x)
        note = f" ({said})" if said else ""  # out of hours, press 55
        print(f"{hit.name} ({hit.id}): {contact}{note} [{hit.confidence}]{flag}")
    return 0


def report(database: Source, as_json: bool) -> int:
    from app.db.loader import load_graph
    from app.db.report import COLUMNS, build_report, report_text

    graph = load_graph(database)
    months = graph.settings.assured_within_months
    result = build_report(graph, date.today(), months)
    if as_json:
        coverage = {b: {k: result.cells[b, k] for _, k in COLUMNS} for b, _ in result.boroughs}
        data = {
            "directory_version": graph.directory_version,
            "coverage": coverage,
            "check_before_use": [s.id for s in result.check_before_use],
            "contact_not_confirmed": [s.id for s in result.contact_not_confirmed],
        }
        print(json.dumps(data, indent=2))
    else:  # which directory: a report of an old one read as today's (lead review)
        print(f"Directory {graph.directory_version}, {date.today():%d %B %Y}")
        print(report_text(result, months))
    return 0


def export(database: Source, target: Path) -> int:
    from app.db.transfer import export_directory

    json_file = target.suffix.lower() == ".json"
    if (target.suffix and not json_file) or (
        target.exists() and not json_file and not target.is_dir()
    ):
        print(
            f"error: nothing exported: {target}: allowed a folder for CSV tables (no file "
            "ending), or a .json file",
            file=sys.stderr,
        )
        return 1
    count = export_directory(database, target)
    print(f"exported {count} services to {target}")
    return 0


def import_(database: Source, source: Path, output: Path | None, merge: bool) -> int:
    from app.db.transfer import ImportRefused, import_directory

    output = output or Path.cwd() / "directory.sqlite"
    if problem := output_problem(output):
        return fail(f"nothing imported: {problem}")
    try:
        result = import_directory(source, database, output, merge)
    except ImportRefused as error:
        for note in error.notes:
            print(f"note: {note}", file=sys.stderr)
        if not merge and any(p.startswith("pathway check") for p in error.problems):
            # 24 lines of "fallback service 'ndah' is not in the directory" and no word of
            # the way a partner's feed of some services is read (feed attack, 2026-12-05)
            print(
                "note: a feed of some services is added to the directory in use with --merge; "
                "without it the feed must hold every service the pathway needs",
                file=sys.stderr,
            )
        return fail(f"nothing was imported; {output} was not changed. Problems:", error.problems)
    for note in grouped_notes(result.notes):
        print(f"note: {note}")
    print(f"imported {result.counts['service']} services into {output}")
    from app.cli.updates import print_changes
    from app.db.directory_diff import compare
    from app.db.loader import load_graph

    # every change against the directory it was read into: a merged file replaced a trusted
    # service's number, marked checked, and the output said only "imported 67 services"
    before = load_graph(database)
    changes = compare(before, load_graph(output))
    print_changes(changes)
    for said in unseen_words_notes(output):
        print(f"note: {said}")
    for name in fallbacks_renumbered(before, changes):
        print(
            f"note: the feed changes the number of {name}, which plans give on many cards "
            "when no local service can be rung: ring the new number yourself before you publish"
        )
    if refused := publish_would_refuse(output):
        print(f"note: publish will refuse {output.name} until this is put right: {refused}")
    return 0


UNUSED_FIELD = re.compile(r"not mapped: (?P<table>\S+) field '(?P<field>[^']+)' \(\d+ rows\)")
UNUSED_FILE = re.compile(r"not imported: (?P<file>\S+) \(\d+ rows; not modelled\)")


def grouped_notes(notes: list[str]) -> list[str]:
    """The feed's fields and files Navigator keeps nothing of, a line a table: one line a
    field, some 60 for Open Referral's example, hid among them what a service was assumed
    to be and what publish will refuse (the lead's walk, 2026-12-07)."""
    unused: dict[str, list[str]] = {}
    files, kept = [], []
    for note in notes:
        if field := UNUSED_FIELD.fullmatch(note):
            unused.setdefault(field["table"], []).append(field["field"])
        elif file := UNUSED_FILE.fullmatch(note):
            files.append(file["file"])
        else:
            kept.append(note)
    said = [f"not imported (Navigator keeps none of them): {', '.join(files)}"] if files else []
    said += [f"not mapped: {table} fields {', '.join(names)}" for table, names in unused.items()]
    return said + kept


def unseen_words_notes(database: Path) -> list[str]:
    """Words a feed gives that no card shows, where they say what a card must: a line open
    day and night whose description says when no one answers ("Answerphone overnight and at
    weekends" left it first under 24/7 lines), and who a service is for in its eligibility
    words ("Women only; no referrals for men", audience any: offered to a man), unsaid
    (feed attacks, 2026-12-05)."""
    from app.db.loader import load_graph
    from app.db.transfer import read_directory
    from app.pathways.services import open_day_and_night, unanswered_at_times

    services = load_graph(database).services
    notes = []
    for row in read_directory(database)["service"]:
        line, description = services.get(row["id"]), row.get("description") or ""
        if line and open_day_and_night(line) and unanswered_at_times(description):
            notes.append(
                f"service {row['id']} is open 24/7, but its description says {description!r}, "
                "which no worker sees: say when no one answers in its hours or its number's note"
            )
        if eligible := (row.get("eligibility_description") or "").strip():
            notes.append(
                f"service {row['id']}: its eligibility words {eligible!r} are shown to no "
                "worker: who it is for is its audience (any, women, men, lgbtq) and ages, "
                "which plans follow"
            )
    return notes


def fallbacks_renumbered(graph, changes) -> list[str]:
    """The services the pathway falls back on whose number a feed changes: listed among
    the changes alone, a partner's feed giving the National Domestic Abuse Helpline another
    number read like any other line (feed attack, 2026-12-05)."""
    fallbacks = {i for action in graph.actions.values() for i in action.fallback_service_ids}
    changed = {c.service_id: c.name for c in changes.changes if c.number}
    return [name for service_id, name in sorted(changed.items()) if service_id in fallbacks]


def publish_would_refuse(database: Path) -> str:
    """What publish's checks refuse in an imported database, said at the import: a feed's
    line separator in a note was stored, and refused only when the lead came to sign; and
    what it changes back of the newest update published (H417), refused only once the lead
    had given the passphrase."""
    from app.db.checks import Refused
    from app.db.database_rules import checks_before_signing
    from app.db.loader import DirectoryError

    try:
        current, _ = checks_before_signing(database, date.today(), every_rule=True)
        _changes_back_published(database, current)
    except (Refused, DirectoryError) as refused:
        return str(refused)
    return ""


def _changes_back_published(database: Path, current: str) -> None:
    """Publish's own check of what is published already (IT's update folder, the lead's
    ledger, publish's folder by default): with the lead's key it counts theirs too, which
    the ledger holds. A folder that cannot be read here is publish's to say."""
    from app.db.checks import version_key
    from app.in_force import decide, published_here

    published, out = published_here(), Path.cwd()
    with contextlib.suppress(OSError):
        if newest := published.newest(out, {}):
            older = version_key(current) < version_key(newest[0])
            release = decide().selection.release
            data = database.read_bytes()
            published.check_not_undone(newest, out, data, older=older, release=release)
