"""From a working copy to a signed bundle, and back (issue 14 §1): start a working copy from
the directory in use, check every service, build it with the pathway of the directory in
use, and publish it signed with the lead's key. No Qt: the maintenance window and the
`directory check-service` / `maintain` commands share it.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.checks import Refused, every_problem, version_key
from app.db.copy_files import csv_text, refuse_a_workbook_beside_the_csv
from app.db.copy_marks import (
    held_bundle,
    held_by,
    last_held,
    mark_begun,
    mark_published,
    published_by,
)
from app.db.copy_records import copy_records, note_with_type
from app.db.loader import Source, load_graph
from app.db.oruk_format import read_directory
from app.db.publish_versions import check_new_version, version_above
from app.db.put_back import check_line_reaches, checked_record
from app.db.replaced_numbers import as_published, dumped, keep_with, kept_with, stamp
from app.db.service_checks import service_problems
from app.db.service_rows import age_of, taxonomy_rows
from app.db.stale_line import copy_line, keep_line, kept_line, line_began
from app.db.working_copy import WorkingCopy
from app.pathways.graph import Graph, Service
from app.pathways.phone_numbers import contact_record
from app.records import record

if TYPE_CHECKING:
    from app.db.directory_diff import DirectoryDiff
    from app.db.published import Published


@record
class Vocabulary:
    kinds: dict[str, str]
    areas: dict[str, str]  # borough ids, west_midlands, national -> names
    protected: frozenset[str]  # services a pathway fallback names


def vocabulary(graph: Graph, kinds: dict[str, str]) -> Vocabulary:
    areas = {o.value: o.label for o in graph.questions["borough"].options}
    areas.pop("outside_west_midlands", None)  # a person's answer, not a service's area
    areas |= {"west_midlands": "West Midlands", "national": "National"}
    named = {sid for a in graph.actions.values() for sid in a.fallback_service_ids}
    return Vocabulary(kinds, areas, frozenset(named))


def open_copy(folder: Path, graph: Graph) -> tuple[WorkingCopy, Vocabulary]:
    """The working copy in folder, started from the directory in use if the folder is new."""
    if not (folder / "services.csv").is_file():
        raise FileNotFoundError(folder / "services.csv")
    copy = WorkingCopy.open(folder, frozenset())
    words = vocabulary(graph, copy.kinds)
    copy.protected = words.protected
    return copy, words


def start_copy(folder: Path, database: Source, bundle: Path | None = None) -> None:
    """Write services.csv and directory.toml for the directory in `database` (from the
    signed update `bundle`, when it came from one)."""
    graph = load_graph(database)
    records = copy_records(read_directory(database))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "services.csv").write_text(csv_text(records), encoding="utf-8", newline="")
    # as TOML strings: a label with a quote or backslash made a copy no one could open
    kinds = "\n".join(
        f"{code} = {json.dumps(label, ensure_ascii=False)}"
        for code, label in graph.kind_labels.items()
    )
    (folder / "directory.toml").write_text(
        "# The service directory's version and its vocabulary of service kinds.\n\n"
        f'version = "{graph.directory_version}"\n\n[kinds]\n{kinds}\n',
        encoding="utf-8",
    )
    data = data_of(database)
    mark_begun(folder, data, bundle)
    keep_with(folder, dumped(as_published(data, graph.directory_version)))  # its line's
    keep_line(folder, line_began(data) or graph.directory_version)  # app.db.stale_line


def service_from_row(row: dict[str, str]) -> Service:
    """The service a row becomes once built (as the loader reads it back), for the diff:
    its values stripped as the build strips them (" 16" read as no age here, as 16 there, so
    a changed age showed as no change, review 2026-12-01)."""
    row = {name: (value or "").strip() for name, value in row.items()}
    listed = lambda value: tuple(sorted(p.strip() for p in value.split(";") if p.strip()))  # noqa: E731
    return Service(
        id=row["id"],
        name=row["name"],
        organisation=row["organisation"],
        kinds=listed(row["kinds"]),
        areas=listed(row["area"]),
        min_age=_age_or(row["min_age"], 0),
        max_age=_age_or(row["max_age"], 120),
        audience=row["audience"] or "any",
        phone=row["phone"],
        phone_note=row["phone_note"] if row["phone"] else "",  # held with a number only
        hours=row["hours"],
        open_24_7=row["open_24_7"] == "yes",
        email=row["email"],
        website=row["website"],
        referral_route=row["referral_route"],
        source=row["source"],
        source_date=row["source_seen"],
        confidence=row["confidence"],
        notes=row["notes"],
        assured_date=row["assured_date"],
        assured_method=row["assured_method"],
        assured_by=row["assured_by"],
        status=row["status"] or "active",
        alert=row["alert"],
    )


def _age_or(text: str, otherwise: int) -> int:
    try:
        return age_of(text)
    except ValueError:  # refused by the checks: the view shows the rest meanwhile
        return otherwise


def problems_of(copy: WorkingCopy, words: Vocabulary) -> dict[str, dict[str, list[str]]]:
    """Every service with a problem, and each of its fields' problems."""
    found = {}
    for row in copy.rows:
        problems = service_problems(row, words.kinds, words.areas)
        if problems:
            found[row["id"]] = problems
    return found


def data_of(database: Source) -> bytes:
    return database if isinstance(database, bytes) else Path(database).read_bytes()


def build(copy: WorkingCopy, words: Vocabulary, pathway_from: Source, target: Path) -> None:
    """A directory database of the working copy with the pathway of `pathway_from`."""
    from app.db.services_swap import swap_services
    from app.db.source import SourceError, service_rows

    problems = [
        # a blank name read "-  (x): name: …" (the lead's walk, 2026-12-07)
        f"{copy.service(sid)['name'].strip() or 'A service with no name'}"
        + (f" ({sid})" if sid else "")
        + f": {name}: {p}"
        for sid, fields in problems_of(copy, words).items()
        for name, items in fields.items()
        for p in items
    ]
    rows = service_rows(copy.rows, problems, "services.csv", check=False)  # checked above
    if problems:
        raise SourceError(problems)
    rows["taxonomy_term"] = taxonomy_rows(copy.kinds)
    swap_services(pathway_from, rows, target)


def _checks_held_elsewhere(copy: WorkingCopy, moved: list[str], in_use: str) -> str:
    """Checks that record no contact of their own stand only as the directory in use's;
    with a copy newer than it (its update not here yet, or signed by a key this computer no
    longer trusts), the lead's real checks were called typed by hand, and the lead was told
    to record checks they never made (attack F18, a key withdrawn)."""
    unrecorded = [sid for sid in moved if not copy.service(sid).get("checked_contact")]
    if not unrecorded or version_key(copy.version) <= version_key(in_use):
        return ""
    return (
        f"{', '.join(unrecorded)}: the person's check cannot be confirmed on this computer: "
        f"this copy holds directory {copy.version}, and this computer uses {in_use}, which does "
        f"not hold that check ({copy.version} is not in its update folder yet, or is signed by "
        f"a key it no longer trusts). Publish on a computer using {copy.version} or newer; if "
        "the check was typed into the sheet by hand, record it only if you made it"
    )


def _check_release_kind_words(kinds: dict[str, str], release: dict[str, str]) -> None:
    """A kind the release knows keeps the release's words: laptops show those whatever an
    update holds (H358, H363), so a working copy's new words for one were dropped unsaid."""
    from app.db.database_rules import kind_words_problems

    changed = sorted(code for code, words in kinds.items() if release.get(code, words) != words)
    if twice := kind_words_problems(kinds, release):
        raise Refused(every_problem(twice))
    if changed:
        raise Refused(
            every_problem(
                [
                    f"service kind {code}: {kinds[code]!r} is not the release's {release[code]!r}"
                    for code in changed
                ]
            )
            + "\nA kind's words come with the release, never an update (laptops show the "
            "release's): put them back in directory.toml under [kinds]; a new kind may have "
            "words of its own"
        )


def publish_copy(
    copy: WorkingCopy,
    words: Vocabulary,
    in_use: Graph,
    in_use_database: Source,
    key: Path,
    passphrase: str | None,
    out_dir: Path,
    version: str,
    days: int = 180,
    published: Published | None = None,
    release: Source | None = None,
    check_only: bool = False,
) -> tuple[Path | None, DirectoryDiff]:
    """Build, sign and write a bundle; the working copy then carries the new version. With
    the bundle, what it changes against the directory in use, read from the database
    signed (the rows' view missed what only the build made of them: review 2026-12-01).
    Raises Refused, SourceError or KeyFileError with the reason; nothing is written then.
    `check_only`: every check that needs no key, and what it would change; no bundle (a
    lead's trial publish to a scratch folder stayed in their ledger and blocked every later
    one: the lead's walk, 2026-12-04)."""
    from dataclasses import replace

    from app.db.bundle import publish
    from app.db.database_rules import (
        check_refuges_in_use,
        check_statutory_cover,
        checks_before_signing,
    )
    from app.db.directory_diff import compare
    from app.db.published import Published
    from app.db.signing import load_private

    claimed = (published or Published()).newest_claimed(out_dir)
    check_new_version(version, date.today(), claimed)
    # suggested above any published too: 2026.12.7.2 was offered, in the ledger already
    held = [v for v in (copy.version, in_use.directory_version, claimed) if v]
    above = version_above(max(held, key=version_key), date.today())
    _check_release_kind_words(copy.kinds, in_use.kind_labels)
    # before signing: saving the new version afterwards failed, and the lead was told
    # "nothing was published" of a bundle already written (review 2026-12-01)
    copy.check_unchanged()
    refuse_a_workbook_beside_the_csv(copy.folder)
    started_at = copy.version  # restored if the bundle is then not written
    if version_key(copy.version) < version_key(in_use.directory_version):
        raise Refused(
            f"this working copy holds directory {copy.version}, older than "
            f"{in_use.directory_version} in use here: publishing it would undo every change "
            "published since. Start a new working copy (a new folder) from the directory in "
            "use, and make the edits there"
        )
    if version_key(version) <= version_key(copy.version):
        raise Refused(
            f"version {version} must be higher than {copy.version}, the version of this working "
            f"copy (each version is published once: laptops take only a higher one; e.g. {above})"
        )
    if version_key(version) <= version_key(in_use.directory_version):
        raise Refused(
            f"version {version} must be higher than {in_use.directory_version} in use "
            f"(e.g. {above})"
        )
    recorded = {  # id -> what the directory in use's check of its contact records
        sid: contact_record(
            sid,
            (s.phone, note_with_type(s.phone_type, s.phone_note), s.email),
            (s.assured_date, s.assured_method, s.assured_by),
        )
        for sid, s in in_use.services.items()
    }
    # The passphrase's key derivation (half a second, by design) runs while the directory
    # is built: libsodium works outside Python's lock. A wrong one still stops the publish.
    with ThreadPoolExecutor(max_workers=1) as pool, tempfile.TemporaryDirectory() as scratch:
        unsealing = None if check_only else pool.submit(load_private, key, passphrase)
        database = Path(scratch) / "directory.sqlite"
        # the release's pathway, never the one in use: an update made on a laptop a release
        # behind put the old rules back on every laptop (attack, 2026-12-04; H345)
        build(copy, words, release or in_use_database, database)  # a problem: said first
        # after the build: a number typed wrong (105) was refused only as a check no longer
        # of the contact; the lead cleared the check before hearing of the number (F16)
        if moved := copy.checks_of_other_contacts(recorded):  # changed in Excel after its check
            if unmatched := _checks_held_elsewhere(copy, moved, in_use.directory_version):
                raise Refused(unmatched)
            raise Refused(
                f"{', '.join(moved)}: the person's check is not of the contact the service now "
                "holds (typed into the sheet by hand, changed after the check, its assured_date "
                "rewritten by a spreadsheet set to another country's dates (07/12/2026 saved as "
                "12/07/2026), moved from another service's row, or recorded before checks named "
                "their service): record the check "
                "with directory check-service or the window's Mark checked, or clear it (empty "
                "its assured_date, assured_method, assured_by and checked_contact)"
            )
        check_refuges_in_use(in_use, database, release)
        # read once: the in-use and release databases each served three checks
        began = data_of(in_use_database)
        release_data = data_of(release) if release is not None else None
        held = held_by(copy)
        places = [*(published or Published()).places(out_dir), *held_bundle(copy.folder)]
        check_line_reaches(
            copy.folder,
            copy.version,
            held,
            database.read_bytes(),
            (began, in_use.directory_version),
            places,
        )
        loaded = unsealing.result() if unsealing else None  # a wrong passphrase: KeyFileError
        # the keys this computer trusts, and the lead's own (checked: this computer's only; a
        # check said "would publish" of a copy the publish then refused as behind: walk)
        seen, own = published or Published(), {loaded[0]: loaded[1].verify_key} if loaded else {}
        _check_not_behind(copy, out_dir, seen, own)
        if newest := seen.newest(out_dir, own):  # begun from a release made without it
            # from the directory it began from: a copy whose version equals the newest may
            # still hold a release stamped the same (fourteenth attack round)
            seen.check_not_undone(
                newest,
                out_dir,
                database.read_bytes(),
                base=in_use_database,
                published_by_it=published_by(copy),
            )
        began_here = hashlib.sha256(began).hexdigest() in held  # begun from it, or signed it
        # its line from the database it last held, wherever that is in use (N5)
        keys = {**dict(seen.keys), **own}
        line_start = began if began_here else last_held(held, started_at, places, keys)
        # the numbers it replaces, with those its line and the updates in sight replaced
        # (app.db.replaced_numbers), checked however the copy began (attack on H453)
        record = checked_record(
            began,
            database.read_bytes(),
            version,
            in_use.directory_version,
            seen,
            out_dir,
            own,
            kept_with(copy.folder),
            release=release_data,
            held=began_here,
        )
        stamp(database, record)
        signed = replace(compare(in_use, load_graph(database)), new_version=version)
        check_statutory_cover(signed)
        if loaded is None:
            checks_before_signing(database.read_bytes(), date.today())  # as publish() does
            return None, signed
        # the version saved before the bundle is written: saved after, a copy changed in
        # the second of signing left a bundle the lead was told was never published (review)
        bundle = publish(
            database,
            key,
            out_dir,
            version,
            date.today(),
            days,
            just_built=True,
            loaded_key=loaded,
            before_writing=lambda: copy.save(version),
            not_written=lambda: copy.save(started_at),
            published=published,
            begun_from=started_at,
            begun_sha256=" ".join(held),
            line=copy_line(line_start, kept_line(copy.folder), release_data, held),
        )
    mark_published(copy, bundle)
    keep_with(copy.folder, record)
    return bundle, signed


def _check_not_behind(copy: WorkingCopy, out_dir: Path, published: Published, own: dict) -> None:
    """A copy older than a bundle already published (in the output folder or IT's update
    folder, signed by the lead's key or another this computer trusts: their old one) is
    refused: one started before that bundle reached this laptop undid its changes, and the
    lead was told "no change" against the directory in use here (reviews 2026-12-01)."""
    from app.db.published import behind_untrusted

    published.check_reachable()
    published.check_none_newer_unknown(out_dir, own)
    newest = published.newest(out_dir, own)
    if newest and version_key(copy.version) < version_key(newest[0]):
        if published.untrusted_here(newest[1], own):
            raise Refused(behind_untrusted(copy.version, newest))
        raise Refused(
            f"this working copy holds directory {copy.version}, older than {newest[0]} "
            f"published already ({newest[1]}): publishing it would undo the changes "
            f"published since. Install it here (python -m app directory install "
            f"{newest[1]}), start a new working copy (a new folder) from it, and edit there. "
            "If you do not want its changes (never sent to IT, or wrong), put them back in "
            "that new copy and publish it: a laptop that took it is corrected only by a "
            "higher version"
        )
