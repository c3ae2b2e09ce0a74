"""Signed directory bundles: a versioned database plus a manifest, in one .navdir file.

The manifest carries a version that only rises, an expiry, the database's sha256, the
signing key's id and an Ed25519 signature over all of it. The file is a header line, the
manifest in its exact canonical form, and the database bytes: every byte of it is checked
(header, canonical form, signature, hash), so any alteration at all is refused. A bundle
is read into memory once and checked there, and those bytes are what the app then opens.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.db import signing
from app.db.checks import Refused, RefusedForNow, check_database, version_key
from app.db.publish_versions import check_new_version, version_above
from app.db.regular_files import read_head, read_regular_file
from app.db.write_whole import write_new
from app.records import record

if TYPE_CHECKING:
    from collections.abc import Callable

    from nacl.signing import SigningKey, VerifyKey

    from app.db.published import Published

FORMAT = 1
SUFFIX = ".navdir"
MAGIC = b"NAVIGATOR-DIRECTORY-BUNDLE 1\n"
MAX_MANIFEST_BYTES = 4 * 1024
MAX_DATABASE_BYTES = 64 * 1024 * 1024

__all__ = ["Manifest", "Refused", "check_database", "publish", "read_bundle", "version_key"]


def named_as_bundle(name: str) -> bool:
    """A bundle's file name, in any case: Windows and IT's shares keep a name as it was
    typed ("UPDATE.NAVDIR"), and laptops that read only ".navdir" never took that update,
    with nothing said (attack, 2026-12-02)."""
    return name.lower().endswith(SUFFIX)


@record
class Manifest:
    format: int
    directory_version: str
    schema_revision: str
    created: str
    expires: str
    sha256: str
    size: int
    key_id: str
    signature: str = ""

    def signed_fields(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "signature"}

    def expired(self, today: date) -> bool:
        return date.fromisoformat(self.expires) < today


def publish(
    database: Path | bytes,
    private_key: Path,
    out_dir: Path,
    version: str,
    today: date,
    days: int = 180,
    passphrase: str | None = None,
    just_built: bool = False,
    loaded_key: tuple[str, SigningKey] | None = None,
    before_writing: Callable[[], None] | None = None,
    published: Published | None = None,
    not_written: Callable[[], None] | None = None,
    begun_from: str = "",
    begun_sha256: str = "",
    rules_from: Path | bytes | None = None,
    record: str | None = None,
    line: tuple[str, str] | None = None,
) -> Path:
    """Write a signed bundle of database (a file, or its bytes read once by the caller, who
    shows what they change) stamped with version; returns its path.

    The bundle holds a fresh database written from the rows that were checked, never the
    file given: nothing in that file beyond its rows (a trigger, a view) is signed.
    `just_built`: the caller wrote `database` itself from checked rows a moment ago, in a
    folder of its own (the maintenance window), so it is not written a second time;
    `loaded_key`: the key it already unsealed (one passphrase derivation, not two);
    `before_writing`: called once signed, before the bundle is written (the lead's working
    copy records the version then, so a copy changed meanwhile stops the publish whole);
    `not_written`: called when the bundle could not be written after `before_writing` (a
    lead who lost a race kept a copy marked published, and its next publish undid the
    winner's correction: IT review 2026-12-01);
    `published`: what this computer can see published beyond out_dir (IT's update folder,
    the keys it trusts): a version at or below one there is refused too;
    `rules_from`: the release's database, whose pathway a rebuilt bundle carries (H345);
    `record`: the numbers replaced to sign (app.db.replaced_numbers), else the database's;
    `line`: a working copy's line (app.db.stale_line.copy_line); else the line of the
    database given as it is, what it held never said."""
    import tempfile  # publishing only: not on the path to the first question

    from app.db.oruk_format import read_directory
    from app.db.published import Published
    from app.db.replaced_numbers import KEY as REPLACED
    from app.db.replaced_numbers import as_published, dumped
    from app.db.source import SourceError
    from app.db.stale_line import LINE, LINE_HELD, line_began, line_from

    published = published or Published()
    # before the passphrase: a slip is said first
    check_new_version(version, today, published.newest_claimed(out_dir))
    kid, key = loaded_key or signing.load_private(private_key, passphrase)
    source = (
        database if isinstance(database, bytes) else read_regular_file(database, MAX_DATABASE_BYTES)
    )
    from app.db.database_rules import checks_before_signing

    current, revision = checks_before_signing(source, today, every_rule=not just_built)
    if version_key(version) <= version_key(current):
        raise Refused(
            f"version {version} must be higher than the database's {current} "
            f"(e.g. {version_above(current, today)})"
        )
    published.check_reachable()
    published.check_none_newer_unknown(out_dir, {kid: key.verify_key})
    newest = published.newest(out_dir, {kid: key.verify_key})
    out_dir.mkdir(parents=True, exist_ok=True)
    if (out_dir / f"directory-{version}{SUFFIX}").exists():  # each version published once
        raise Refused(f"directory-{version}{SUFFIX} exists already in {out_dir}: use a higher one")
    if newest and version_key(version) <= version_key(newest[0]):
        raise Refused(
            f"version {version} must be higher than {newest[0]}, published already "
            f"({newest[1]}): laptops that have it would never take this one "
            f"(e.g. {version_above(newest[0], today)})"
        )
    # a working copy's is checked with where it began; an equal stamp proves no descent
    if newest and not just_built:
        older = version_key(current) < version_key(newest[0])  # from a laptop behind it
        release = rules_from if isinstance(rules_from, bytes) else None
        published.check_not_undone(newest, out_dir, source, older=older, release=release)
    # Built in a folder only this user can write: in the share, a journal left under a name
    # known in advance was rolled into the database before signing (review 2026-12-01)
    scratch = Path(tempfile.mkdtemp(prefix="navigator-publish-"))
    work = scratch / "directory.sqlite"
    try:
        try:
            if just_built:
                work.write_bytes(source)
            else:
                from app.db.build import write_database  # SQLAlchemy: only for a rebuild

                rules = rules_from or source
                write_database(work, read_directory(source), pathway_from=rules)
        except SourceError as error:
            raise Refused("; ".join(error.problems[:3])) from None
        with sqlite3.connect(work) as db:
            db.execute(
                "UPDATE content_meta SET value = ? WHERE key = 'directory_version'", (version,)
            )
            # where it began, for laptops and IT to tell an update made without a release
            # (app.db.stale_update): a working copy's starting version, or the version a
            # database as it is holds (an import --merge on a laptop a release had not
            # reached put its old number back unsaid: second re-attack round, 2026-12-02)
            began = begun_from or ("" if just_built else current)
            # and where its line of updates began, carried on (app.db.stale_line)
            if line is not None:
                line_start, line_sha = line_from(line[0], began), line[1]
            else:
                line_start = line_from("" if just_built else line_began(source), began)
                line_sha = ""
            # and, from a working copy, the very database it began from (app.db.stale_update):
            # only this publish says so, never a database given as it is (nor an import's)
            held = ("begun_from_sha256", "imported_onto_sha256", LINE, LINE_HELD)
            db.execute("DELETE FROM content_meta WHERE key IN (?, ?, ?, ?)", held)
            # the numbers replaced, a feed import's by this version (app.db.replaced_numbers)
            replaced = (
                REPLACED,
                dumped(as_published(source, version)) if record is None else record,
            )
            for meta, value in (
                ("begun_from", began),
                ("begun_from_sha256", begun_sha256),
                (LINE, line_start),
                (LINE_HELD, line_sha),
                replaced,
            ):
                if value:
                    db.execute(
                        "INSERT OR REPLACE INTO content_meta (key, value) VALUES (?, ?)",
                        (meta, value),
                    )
        db.execute("VACUUM")
        db.close()
        check_database(work, validate_graph=not just_built)  # just built: rows checked
        data = work.read_bytes()
        fields = Manifest(
            FORMAT,
            version,
            revision,
            today.isoformat(),
            (today + timedelta(days=days)).isoformat(),
            hashlib.sha256(data).hexdigest(),
            len(data),
            kid,
        ).signed_fields()
        manifest = Manifest(**fields, signature=signing.sign(fields, key))
        if before_writing is not None:  # a failure there: nothing is written
            before_writing()
        target = out_dir / f"directory-{version}{SUFFIX}"
        try:
            write_new(target, bundle_bytes(manifest, data))
        except BaseException:
            if not_written is not None:  # what before_writing recorded is taken back
                not_written()
            raise
        published.keep_record(target)
        return target
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def bundle_bytes(manifest: Manifest, database: bytes) -> bytes:
    """The bundle file, byte for byte: header, manifest as signed, database."""
    return MAGIC + signing.canonical(asdict(manifest)) + b"\n" + database


# Each field's JSON type: a list where a string belongs (an unsigned file IT's folder can
# hold) must be refused here, not raise later and stop every start (review 2026-12-01)
FIELD_TYPES = {"format": int, "size": int}


def read_manifest(line: bytes) -> Manifest:
    """The manifest from its line, which must be exactly its canonical signed form."""
    try:
        fields = json.loads(line)
        wrong = any(type(value) is not FIELD_TYPES.get(name, str) for name, value in fields.items())
        if not wrong:  # bool is not an int here
            manifest = Manifest(**fields)
            date.fromisoformat(manifest.expires)
            date.fromisoformat(manifest.created)  # compared with today (H475)
            version_key(manifest.directory_version)
    except (ValueError, TypeError, RecursionError, AttributeError) as error:
        raise Refused(f"no readable manifest ({_unread_as(error)}){COPY_AGAIN}") from None
    if wrong:
        raise Refused(f"no readable manifest (a field of the wrong type){COPY_AGAIN}")
    if signing.canonical(asdict(manifest)) != line:
        raise Refused("the manifest is not in its signed form")
    if manifest.format != FORMAT:
        raise Refused(f"manifest format {manifest.format} is not {FORMAT}")
    return manifest


# What IT does about a file cut short or altered on its way (review 2026-12-01: said nothing)
COPY_AGAIN = " (copied in part, or altered: copy it again from the lead's bundle, or remove it)"


def _unread_as(error: Exception) -> str:
    """What a manifest that cannot be read is, in IT's words ("JSONDecodeError" said
    nothing of what to do: IT's walk, 2026-12-07)."""
    if isinstance(error, json.JSONDecodeError):
        return "its first line is not one publish writes"
    if isinstance(error, ValueError):
        return "a date or version not written as publish writes it"
    if isinstance(error, TypeError):
        return "a field missing, or one publish never writes"
    return "not a set of fields"  # a list or a number (AttributeError), or nested too deep


ADD_THE_KEY = ": if it is your current lead's, add their .pub key"  # in_force reads it
UNKNOWN_KEY = "signed with unknown key "


def unknown_key_ids(refusals: list[str]) -> set[str]:
    """The key ids of updates refused as signed with a key not trusted here."""
    heads = (refusal.partition(ADD_THE_KEY) for refusal in refusals)
    return {
        head.rsplit(UNKNOWN_KEY, 1)[1] for head, found, _ in heads if found and UNKNOWN_KEY in head
    }


def check_signature(manifest: Manifest, keys: dict[str, VerifyKey]) -> None:
    """Refused unless a trusted key signed exactly this manifest."""
    key = keys.get(manifest.key_id)
    if key is None:
        raise RefusedForNow(
            # "if it is your lead's, add it" after a handover would trust the old key again
            # (the lead's walk, 2026-12-03)
            f"{UNKNOWN_KEY}{manifest.key_id}{ADD_THE_KEY} to the trusted keys "
            "folder; if it is a former lead's, or not known, remove the file"
        )
    if not signing.signature_holds(manifest.signed_fields(), manifest.signature, key):
        raise Refused("bad signature: the manifest was not signed by that key")
    if not 0 < manifest.size <= MAX_DATABASE_BYTES:
        raise Refused(f"database size {manifest.size} out of range")


def read_bundle(path: Path, keys: dict[str, VerifyKey]) -> tuple[Manifest, bytes]:
    """A bundle's manifest and database, its signature and hash checked; Refused otherwise.
    The database bytes returned are exactly the ones whose hash was checked."""
    return open_bundle(read_bundle_file(path), keys)


# manifest lines whose signature held, with the key's bytes: 20,000 copies of one manifest in
# IT's folder were each parsed and checked again, every start seconds slower (attack, H337)
_SIGNED: dict[bytes, tuple[Manifest, bytes]] = {}


def read_signed_manifest(path: Path, keys: dict[str, VerifyKey]) -> Manifest:
    """A bundle's manifest, its signature checked and the file the size it names, from its
    first few kilobytes: 200 files of junk in the share were each read whole (64 MB) at
    every start and every check, freezing the window and Quick exit (review 2026-12-01).
    The database is read, and its hash checked, only for the bundle chosen."""
    head, size = read_head(path, len(MAGIC) + MAX_MANIFEST_BYTES)
    line = manifest_line(head)
    manifest, signer = _SIGNED.get(line, (None, b""))
    held = manifest is not None and bytes(keys.get(manifest.key_id, b"")) == signer
    manifest = manifest if held else read_manifest(line)
    if size != len(MAGIC) + len(line) + 1 + manifest.size:  # before the signature: cheaper
        raise Refused(f"wrong size: the database is not the one that was signed{COPY_AGAIN}")
    if not held:
        check_signature(manifest, keys)
        if len(_SIGNED) >= 64:  # cleared when full: a check costs little
            _SIGNED.clear()
        _SIGNED[line] = (manifest, bytes(keys[manifest.key_id]))
    return manifest


def claimed_manifest(path: Path) -> Manifest | None:
    """A bundle's manifest as it reads, its signature not checked; None if unread."""
    try:
        head, _ = read_head(path, len(MAGIC) + MAX_MANIFEST_BYTES)
        return read_manifest(manifest_line(head))
    except Refused:
        return None


def manifest_line(data: bytes) -> bytes:
    if not data.startswith(MAGIC):
        raise Refused(
            "not a directory bundle (it does not begin as one: another file renamed, or a "
            "damaged copy): remove it from the folder"
        )
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_MANIFEST_BYTES)
    if end < 0:
        raise Refused("no readable manifest")
    return data[len(MAGIC) : end]


def read_bundle_file(path: Path) -> bytes:
    return read_regular_file(path, len(MAGIC) + MAX_MANIFEST_BYTES + MAX_DATABASE_BYTES)


def open_bundle(data: bytes, keys: dict[str, VerifyKey]) -> tuple[Manifest, bytes]:
    """read_bundle, on a bundle's bytes already read."""
    line = manifest_line(data)
    manifest = read_manifest(line)
    check_signature(manifest, keys)
    return manifest, _database_of(data, line, manifest)


def whole_bundle(data: bytes) -> tuple[Manifest, bytes]:
    """A bundle's manifest and database, whole (its hash checked), its signature not: for
    a refusal only (a bundle the lead signed with a key not trusted yet is theirs too)."""
    line = manifest_line(data)
    manifest = read_manifest(line)
    return manifest, _database_of(data, line, manifest)


def _database_of(data: bytes, line: bytes, manifest: Manifest) -> bytes:
    database = data[len(MAGIC) + len(line) + 1 :]
    if len(database) != manifest.size or hashlib.sha256(database).hexdigest() != manifest.sha256:
        raise Refused(f"wrong hash: the database is not the one that was signed{COPY_AGAIN}")
    return database


def check_bundle_database(manifest: Manifest, database: bytes, validate=True, release=None):
    """The signed database is usable by this app (its services under `release`'s pathway,
    check_database) and is the version its manifest names."""
    version, revision = check_database(database, validate, release)
    if (version, revision) != (manifest.directory_version, manifest.schema_revision):
        raise Refused("the database's version or schema differs from its manifest")
