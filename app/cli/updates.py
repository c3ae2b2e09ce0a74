"""`python -m app directory verify | diff | install`: signed directory updates checked, compared
and installed (keygen and publish: app.cli.publishing)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app.db.bundle import (
    Refused,
    check_bundle_database,
    check_database,
    named_as_bundle,
    read_bundle,
)
from app.db.update_dates import signed_ahead


def print_changes(changes) -> None:
    print(f"directory {changes.old_version} → {changes.new_version}: {changes.summary()}")
    for line in changes.lines():
        print(f"  {line}")


def verify(path: Path, keys: dict) -> int:
    """Exit 0 when the file may be used, 1 with the reason when not."""
    from app.in_force import decide

    try:
        if named_as_bundle(path.name):
            manifest, database = read_bundle(path, keys)
            in_force = decide()
            # as this app's laptops would: under its own release's pathway (H345)
            check_bundle_database(manifest, database, release=in_force.selection.release)
            if stale := changed_back_here(manifest.directory_version, database, keys):
                raise Refused(stale)
            if behind := behind_update_in_use(manifest, in_force.selection):
                raise Refused(behind)
            expired = manifest.expired(date.today())
            note = " (EXPIRED: it will be used with a warning)" if expired else ""
            print(
                f"ok: bundle {manifest.directory_version}, schema {manifest.schema_revision}, "
                f"signed by key {manifest.key_id}, expires {manifest.expires}{note}"
            )
            if own := newer_own_directory(manifest.directory_version):
                print(own)
            if manifest.created > date.today().isoformat():
                # a lead's clock a year ahead signed 2027.12.2 on 2026-12-02, and every later
                # update must be numbered above it; verify said only "ok" (attack, 12-02)
                version, created = manifest.directory_version, manifest.created
                print(f"note: {signed_ahead(version, created, date.today())}")
            _print_against_in_use(in_force, database)
        else:
            if not path.is_file():
                raise Refused("a folder, not a file" if path.is_dir() else "no such file")
            if path.suffix.lower() in (".csv", ".toml"):  # the lead's sheet, never signed
                raise Refused(  # sent to IT as it was (the lead's walk, 2026-12-03)
                    "a working copy's file, not an update: the lead publishes it (maintenance "
                    "window, or directory publish) and sends IT the .navdir file it writes"
                )
            version, revision = check_database(path)
            print(
                f"ok: database {version}, schema {revision}, integrity ok, graph valid "
                "(unsigned: the app takes databases only from its install or a signed bundle)"
            )
    except Refused as error:
        print(f"refused: {path.name}: {error}", file=sys.stderr)
        return 1
    return 0


def _print_against_in_use(in_force, database: bytes) -> None:
    """What the update changes against the directory in use here: IT's verify said "ok"
    alone, and IT had to find the right old file for `directory diff` (lead's walk, 12-06)."""
    from app.db.directory_diff import compare
    from app.db.loader import DirectoryError, load_graph
    from app.in_force import graph_as_signed

    try:
        in_use = graph_as_signed(in_force)
        print_changes(compare(in_use, load_graph(database, in_force.selection.release)))
    except DirectoryError:  # the directory in use here cannot be read: said at its start
        return


def newer_own_directory(version: str) -> str:
    """A note when this app's own directory is as new or newer: laptops with this app
    version keep their own and never use the update, and verify said only "ok" (attack
    round, 2026-12-02). A note, not a refusal: laptops still on an older app may use it."""
    from app.db.checks import version_key
    from app.in_force import locations_in_force

    try:
        own, _ = check_database(locations_in_force().shipped, validate_graph=False)
    except (Refused, OSError):
        return ""  # the app's own directory is said at every start
    if version_key(own) < version_key(version):
        return ""
    return (
        f"note: this app's own directory {own} is as new or newer: laptops with this app "
        f"version keep it and never use this update; the lead publishes a version above {own}, "
        "from a working copy begun from it"
    )


def behind_update_in_use(manifest, in_use) -> str:
    """An update as new or newer already in use here (not this one): laptops that have it
    never use this update, and verify said "ok" with the numbers it brings (attack F18: two
    leads each published from 2026.12.6, and 2026.12.6.3 reached IT's folder before
    2026.12.6.2). The shipped directory is a note (newer_own_directory): older apps may
    use the update."""
    from app.db.checks import version_key
    from app.db.directories import ORIGINS

    held = in_use.manifest
    if held is None or version_key(in_use.version) < version_key(manifest.directory_version):
        return ""
    if held.sha256 == manifest.sha256:
        return ""  # the very update in use: verified again
    return (
        f"not newer than {in_use.version} in use here ({ORIGINS[in_use.origin]}): laptops "
        f"that have it never use this update; the lead publishes a version above "
        f"{in_use.version}, from a working copy begun from it"
    )


def changed_back_here(version: str, database: bytes, keys: dict) -> str:
    """What the bundle changes back of the newest older update on this computer (IT's
    folder, the worker's): IT's verify passed an update made without the one before it,
    which put the old number back on every laptop (the lead's and IT's walk, 2026-12-02)."""
    from app.db.stale_update import changed_back
    from app.in_force import locations_in_force, trusted_keys_here

    # an older update is read with the keys this computer trusts too: `--keys` naming a new
    # lead's alone passed a stale update over the old lead's (re-attack round, 2026-12-02)
    return changed_back(database, version, locations_in_force(), {**trusted_keys_here(), **keys})


# a working copy folder given was "not a regular file", with no word of what is (review)
DIFF_ALLOWED = "a directory database, or a .navdir bundle; a working copy is compared at publish"


def diff(old: Path, new: Path, keys) -> int:
    """Print what changes from old to new (databases, or bundles checked with `keys()`), as
    this release's laptops read them: each one's services under this release's rules. A
    bundle's own rules were listed as changes, and laptops never read them (H345)."""
    from app.db.directory_diff import compare
    from app.db.loader import DirectoryError, load_graph

    release = _release_here()
    graphs = []
    for path in (old, new):
        try:
            graphs.append(load_graph(_checked_bytes(path, keys), release))
        except (Refused, DirectoryError) as error:
            print(f"error: {path}: {error} (allowed: {DIFF_ALLOWED})", file=sys.stderr)
            return 1
    print_changes(compare(*graphs))
    return 0


def _release_here() -> bytes | None:
    """This app's own directory, whose rules its laptops use; None when it cannot be read
    (each database is then read with its own)."""
    from app.db.regular_files import read_regular_file
    from app.db.shipped_check import MAX_SHIPPED_BYTES
    from app.in_force import locations_in_force

    try:
        return read_regular_file(locations_in_force().shipped, MAX_SHIPPED_BYTES)
    except Refused:
        return None


def _checked_bytes(path: Path, keys) -> bytes:
    """A bundle's database once its signature and hash hold; a database file as it is."""
    from app.db.regular_files import read_regular_file
    from app.db.shipped_check import MAX_SHIPPED_BYTES

    if named_as_bundle(path.name):
        manifest, database = read_bundle(path, keys())
        check_bundle_database(manifest, database, validate=False)
        return database
    return read_regular_file(path, MAX_SHIPPED_BYTES)


def install(bundle: Path) -> int:
    """Install a bundle for this user with the app's own checks and trusted keys:
    exit 0 when it is now the directory in use, 1 with the reason when not."""
    from app.db.install import install_bundle
    from app.in_force import locations_in_force

    named = bundle.name or str(bundle)  # "." has no name: "refused: : not a …" (attack)
    if stale := _changes_back(bundle):  # as verify says: a person chose to install it
        print(f"refused: {named}: {stale}", file=sys.stderr)
        return 1
    outcome = install_bundle(bundle, locations_in_force())
    if not outcome.installed:
        print(f"refused: {named}: {outcome.reason}", file=sys.stderr)
        return 1
    if outcome.reason:  # the very one in use already
        print(f"installed already: directory {outcome.version} is {outcome.reason}")
        return 0
    print(f"installed: directory {outcome.version} is now in use")
    return 0


def _changes_back(bundle: Path) -> str:
    """What a bundle changes back of the update before it on this computer: verify refused
    a second lead's update made without 2026.12.6's correction, and `install` took it with
    "installed" and put the old number back (feed attack, 2026-12-05). A laptop left to
    itself still uses it (it cannot choose), and its self-test fails."""
    from app.in_force import trusted_keys_here

    try:
        manifest, database = read_bundle(bundle, trusted_keys_here())
    except (Refused, OSError):
        return ""  # install says why
    return changed_back_here(manifest.directory_version, database, {})
