"""`python -m app directory keygen | publish | verify`: signed directory updates."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app.db import signing
from app.db.bundle import (
    Refused,
    check_bundle_database,
    check_database,
    named_as_bundle,
    publish,
    read_bundle,
)
from app.db.checks import dated_ahead


def passphrase_from(file: Path | None, confirm: bool = False) -> str | None:
    """The passphrase from its file (scripts: first line), or asked at the terminal."""
    if file is not None:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise signing.KeyFileError(
                f"cannot read the passphrase file {file} ({error})"
            ) from None
        if not lines or not lines[0]:
            raise signing.KeyFileError(
                f"the passphrase file {file} is empty (the passphrase is its first line)"
            )
        return lines[0]
    if not sys.stdin.isatty():
        raise signing.KeyFileError(
            "no passphrase: give --passphrase-file FILE (or run at a terminal)"
        )
    import getpass

    try:
        first = getpass.getpass("Passphrase for the key: ")
        if confirm and len(first) < signing.MIN_PASSPHRASE:  # said before it is typed again
            raise signing.KeyFileError(
                f"the passphrase must have at least {signing.MIN_PASSPHRASE} characters"
            )
        if confirm and getpass.getpass("The same passphrase again: ") != first:
            raise signing.KeyFileError("the two passphrases differ")
    except EOFError:  # Ctrl-D: "unexpected problem (EOFError)" (the lead's walk, 2026-12-03)
        raise signing.KeyFileError("no passphrase given (the input ended)") from None
    return first


def keygen(folder: Path, passphrase_file: Path | None = None) -> int:
    if folder.exists() and not folder.is_dir():
        print(f"error: no key made: {folder} is a file: --out is a folder", file=sys.stderr)
        return 1
    try:
        pair = signing.generate(folder, passphrase_from(passphrase_file, confirm=True))
    except signing.KeyFileError as error:
        print(f"error: no key made: {error}", file=sys.stderr)
        return 1
    print(f"key {pair.key_id}")
    print(f"  private: {pair.private_path}  (protected by your passphrase; keep both apart)")
    print(f"  public:  {pair.public_path}  (IT puts it in the machine keys folder to trust it)")
    return 0


def publish_bundle(
    database: Path, key: Path, out: Path, version: str, days: int, passphrase_file: Path | None
) -> int:
    from app.db.bundle import MAX_DATABASE_BYTES
    from app.db.checks import check_checks_follow_contacts, every_problem
    from app.db.database_rules import check_refuges_in_use, kind_words_problems
    from app.db.loader import DirectoryError, load_graph
    from app.db.put_back import record_as_is
    from app.db.regular_files import read_regular_file
    from app.in_force import decide, graph_as_signed, published_here

    published = published_here()  # IT's update folder too, and the keys trusted here
    # the directory in use before publishing: published into IT's folder, the bundle just
    # written was in use after, and the changes read "V → V: no change" (attack review)
    in_force = decide()
    release = in_force.selection.release  # the pathway signed, whatever the database's
    try:
        in_use = graph_as_signed(in_force)
    except DirectoryError as error:
        print(
            f"error: nothing published: the directory in use cannot be read ({error})",
            file=sys.stderr,
        )
        return 1
    try:
        # read once: what is signed is what is shown (a file replaced after signing was
        # shown in its place, review 2026-12-01)
        source = read_regular_file(database, MAX_DATABASE_BYTES)
        signed = load_graph(source, release)  # what laptops will use, read once
        check_checks_follow_contacts(in_use, signed)
        check_refuges_in_use(in_use, source, release)
        if problems := kind_words_problems(signed.kind_labels, in_use.kind_labels):
            raise Refused(every_problem(problems))
        what = (source, key, out, version, date.today(), days)
        in_use_data = in_force.selection.data
        record = None if in_use_data is None else record_as_is(
            in_use_data, source, in_use.directory_version, version, published, out
        )  # fmt: skip
        try:
            path = publish(*what, published=published, rules_from=release, record=record)
        except signing.PassphraseNeeded:
            passphrase = passphrase_from(passphrase_file)
            path = publish(
                *what, passphrase, published=published, rules_from=release, record=record
            )
    except (Refused, DirectoryError, signing.KeyFileError) as error:
        print(f"error: nothing published: {error}", file=sys.stderr)
        return 1
    print(f"published {path}")
    _warn_if_not_trusted(published, path)
    _show_signed(in_use, signed, version)
    return 0


def _warn_if_not_trusted(published, bundle: Path) -> None:
    if warning := published.not_trusted_here(bundle):
        print(f"warning: {warning}", file=sys.stderr)


def _show_signed(in_use, signed, version: str) -> None:
    """What the bundle changes against the directory in use, every line: a publish said
    only "published", whatever it had signed (review 2026-12-01)."""
    from dataclasses import replace

    from app.db.directory_diff import compare

    changes = compare(in_use, signed)
    print_changes(replace(changes, new_version=version))


def print_changes(changes) -> None:
    print(f"directory {changes.old_version} → {changes.new_version}: {changes.summary()}")
    for line in changes.lines():
        print(f"  {line}")


def publish_working_copy(
    folder: Path,
    key: Path | None,
    out: Path,
    version: str,
    days: int,
    passphrase_file: Path | None,
    check_only: bool = False,
) -> int:
    """A lead's working copy, checked, built with the pathway in force, signed (with
    `check_only`, what it would change, nothing signed or written)."""
    from app.cli.maintain import unsaved_edits
    from app.db.copy_marks import keeping_note
    from app.db.loader import DirectoryError
    from app.db.maintenance import open_copy, publish_copy
    from app.db.source import SourceError
    from app.db.working_copy import WorkingCopyError
    from app.in_force import decide, graph_as_signed, published_here

    if unsaved_edits(folder, "published", "publish"):
        return 1
    in_force = decide()
    try:
        graph = graph_as_signed(in_force)
        copy, words = open_copy(folder, graph)
        passphrase = passphrase_from(passphrase_file) if key and _sealed(key) else None
        published = published_here(in_force.policy)  # IT's folder, the keys trusted here
        path, signed = publish_copy(
            copy,
            words,
            graph,
            in_force.database,
            key,
            passphrase,
            out,
            version,
            days,
            published,
            in_force.selection.release,
            check_only,
        )
    except FileNotFoundError:
        print(
            f"error: nothing published: {folder} has no services.csv, so it is no working copy: "
            f"begin one with `python -m app maintain {folder}` (it copies the directory in use "
            "there), edit it, then publish it",
            file=sys.stderr,
        )
        return 1
    except SourceError as error:
        print(f"error: nothing published: problems in {folder}:", file=sys.stderr)
        for problem in error.problems[:20]:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    except (Refused, signing.KeyFileError, WorkingCopyError, DirectoryError) as error:
        print(f"error: nothing published: {error}", file=sys.stderr)
        return 1
    if path is None:
        print(f"checked: {folder} would publish as {version}; nothing signed or written")
    else:
        print(f"published {path} (against directory {graph.directory_version} in use)")
        _warn_if_not_trusted(published, path)
        if unkept := keeping_note(folder, path):
            print(f"warning: {unkept}", file=sys.stderr)
    if ahead := dated_ahead(version, date.today()):  # (the lead's walk, F14)
        print(f"note: {ahead}")
    print_changes(signed)  # read from the database signed, not from the rows
    return 0


def _sealed(key: Path) -> bool:
    try:
        signing.load_private(key)
    except signing.PassphraseNeeded:
        return True
    except signing.KeyFileError:
        return False  # publish says why
    return False


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
                print(
                    f"note: signed on {manifest.created}, after today here "
                    f"({date.today().isoformat()}): the publisher's clock may be wrong; every "
                    f"later update must have a version above {manifest.directory_version}"
                )
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

    if stale := _changes_back(bundle):  # as verify says: a person chose to install it
        print(f"refused: {bundle.name}: {stale}", file=sys.stderr)
        return 1
    outcome = install_bundle(bundle, locations_in_force())
    if not outcome.installed:
        print(f"refused: {bundle.name}: {outcome.reason}", file=sys.stderr)
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
