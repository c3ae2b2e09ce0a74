"""Signed directory bundles: a versioned database plus a manifest, in one .navdir file.

The manifest carries a version that only rises, an expiry, the database's sha256, the
signing key's id and an Ed25519 signature over all of it. The file is a header line, the
manifest in its exact canonical form, and the database bytes: every byte of it is checked
(header, canonical form, signature, hash), so any alteration at all is refused.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.db import signing

if TYPE_CHECKING:
    from nacl.signing import VerifyKey
from app.db.schema_versions import head, revisions

FORMAT = 1
SUFFIX = ".navdir"
MAGIC = b"NAVIGATOR-DIRECTORY-BUNDLE 1\n"
MAX_MANIFEST_BYTES = 64 * 1024
MAX_DATABASE_BYTES = 512 * 1024 * 1024


class Refused(ValueError):
    """A directory or bundle that must not be used; the message says why."""


@dataclass(frozen=True)
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


def version_key(version: str) -> tuple[int, ...]:
    """'2026.11.21.2' -> (2026, 11, 21, 2): versions compare part by part."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        raise Refused(f"version {version!r} is not numbers separated by dots") from None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_database(path: Path, validate_graph: bool = True) -> tuple[str, str]:
    """(directory version, schema revision) of a usable database, or Refused with why.

    validate_graph=False skips loading the graph, for a file whose hash already proves it
    is the one validated when it was built or installed (the caller validates on loading).
    """
    try:
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise Refused(f"corrupt database ({verdict})")
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            version = db.execute(
                "SELECT value FROM content_meta WHERE key = 'directory_version'"
            ).fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error as error:
        raise Refused(f"not a readable directory database ({error})") from None
    except TypeError:
        raise Refused("not a directory database (no schema or version recorded)") from None
    if revision not in revisions():
        raise Refused(f"schema {revision} is newer than this app understands ({head()})")
    if revision != head():
        raise Refused(f"schema {revision} is older than this app's ({head()}): republish")
    version_key(version)
    if not validate_graph:
        return version, revision
    from app.db.loader import DirectoryError, load_graph
    from app.pathways.validate import validate

    try:
        problems = validate(load_graph(path))
    except DirectoryError as error:
        raise Refused(str(error)) from None
    if problems:
        raise Refused(f"the pathway graph is invalid: {problems[0]} (+{len(problems) - 1} more)")
    from app.db.field_rules import rows_problems
    from app.db.oruk_format import read_directory

    problems = rows_problems(read_directory(path))
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        raise Refused(f"a service field breaks the directory's rules: {problems[0]}{more}")
    return version, revision


def publish(
    database: Path, private_key: Path, out_dir: Path, version: str, today: date, days: int = 180
) -> Path:
    """Write a signed bundle of database stamped with version; returns its path."""
    kid, key = signing.load_private(private_key)
    current, revision = check_database(database)
    if version_key(version) <= version_key(current):
        raise Refused(f"version {version} must be higher than the database's {current}")
    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / f".publishing-{version}.sqlite"
    shutil.copyfile(database, work)
    try:
        with sqlite3.connect(work) as db:
            db.execute(
                "UPDATE content_meta SET value = ? WHERE key = 'directory_version'", (version,)
            )
        db.execute("VACUUM")
        db.close()
        manifest = Manifest(
            FORMAT,
            version,
            revision,
            today.isoformat(),
            (today + timedelta(days=days)).isoformat(),
            sha256_of(work),
            work.stat().st_size,
            kid,
        )
        manifest = Manifest(
            **manifest.signed_fields(), signature=signing.sign(manifest.signed_fields(), key)
        )
        target = out_dir / f"directory-{version}{SUFFIX}"
        partial = target.with_suffix(".partial")
        with partial.open("wb") as out, work.open("rb") as database_bytes:
            out.write(MAGIC + signing.canonical(asdict(manifest)) + b"\n")
            shutil.copyfileobj(database_bytes, out)
        partial.replace(target)
        return target
    finally:
        work.unlink(missing_ok=True)


def read_manifest(line: bytes) -> Manifest:
    """The manifest from its line, which must be exactly its canonical signed form."""
    try:
        manifest = Manifest(**json.loads(line))
        date.fromisoformat(manifest.expires)
    except (ValueError, TypeError) as error:
        raise Refused(f"no readable manifest ({error})") from None
    if signing.canonical(asdict(manifest)) != line:
        raise Refused("the manifest is not in its signed form")
    if manifest.format != FORMAT:
        raise Refused(f"manifest format {manifest.format} is not {FORMAT}")
    return manifest


def read_manifest_from(bundle) -> Manifest:
    """The manifest of an open bundle file, which is left at the first database byte.
    Nothing is trusted yet: the caller checks the signature (check_signature)."""
    if bundle.read(len(MAGIC)) != MAGIC:
        raise Refused("not a directory bundle (bad header)")
    line = bundle.readline(MAX_MANIFEST_BYTES)
    if not line.endswith(b"\n"):
        raise Refused("no readable manifest")
    return read_manifest(line[:-1])


def check_signature(manifest: Manifest, keys: dict[str, VerifyKey]) -> None:
    """Refused unless a trusted key signed exactly this manifest."""
    key = keys.get(manifest.key_id)
    if key is None:
        raise Refused(f"signed with unknown key {manifest.key_id}")
    if not signing.signature_holds(manifest.signed_fields(), manifest.signature, key):
        raise Refused("bad signature: the manifest was not signed by that key")
    if not 0 < manifest.size <= MAX_DATABASE_BYTES:
        raise Refused(f"database size {manifest.size} out of range")


def peek_bundle(path: Path, keys: dict[str, VerifyKey]) -> Manifest:
    """A bundle's manifest, its signature checked, without reading the database."""
    try:
        with path.open("rb") as bundle:
            manifest = read_manifest_from(bundle)
    except OSError as error:
        raise Refused(f"cannot read the bundle ({error.strerror or error})") from None
    check_signature(manifest, keys)
    return manifest


def open_bundle(path: Path, keys: dict[str, VerifyKey], extract_to: Path) -> Manifest:
    """Verify a bundle and extract its database to extract_to; Refused with why otherwise."""
    try:
        manifest = _extract(path, keys, extract_to)
        check_extracted(extract_to, manifest)
    except Refused:
        extract_to.unlink(missing_ok=True)
        raise
    return manifest


def check_extracted(database: Path, manifest: Manifest, validate_graph: bool = True) -> None:
    """The database is the one the manifest signed, and usable by this app."""
    version, revision = check_database(database, validate_graph)
    if (version, revision) != (manifest.directory_version, manifest.schema_revision):
        raise Refused("the database's version or schema differs from its manifest")


def matches_manifest(database: Path, manifest: Manifest) -> bool:
    try:
        return database.stat().st_size == manifest.size and sha256_of(database) == manifest.sha256
    except OSError:
        return False


def _extract(path: Path, keys: dict[str, VerifyKey], extract_to: Path) -> Manifest:
    try:
        with path.open("rb") as bundle:
            manifest = read_manifest_from(bundle)
            check_signature(manifest, keys)
            digest, size = hashlib.sha256(), 0
            with extract_to.open("wb") as target:
                for block in iter(lambda: bundle.read(1 << 20), b""):
                    size += len(block)
                    if size > manifest.size:
                        break
                    digest.update(block)
                    target.write(block)
    except OSError as error:
        raise Refused(f"cannot read the bundle ({error.strerror or error})") from None
    if size != manifest.size or digest.hexdigest() != manifest.sha256:
        raise Refused("wrong hash: the database is not the one that was signed")
    return manifest
