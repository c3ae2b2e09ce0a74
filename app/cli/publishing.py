"""`python -m app directory keygen | publish`: a signing key, and a signed directory update
from a working copy or a database (verify, diff and install: app.cli.updates)."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from app.cli.updates import print_changes
from app.db import signing
from app.db.bundle import Refused, publish
from app.db.publish_versions import dated_ahead


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
    from app.db.database_rules import (
        check_refuges_in_use,
        check_statutory_cover,
        kind_words_problems,
    )
    from app.db.directory_diff import compare
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
        changes = compare(in_use, signed)
        check_statutory_cover(changes)
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
    # what the bundle changes against the directory in use, every line: a publish said
    # only "published", whatever it had signed (review 2026-12-01)
    print_changes(replace(changes, new_version=version))
    return 0


def _warn_if_not_trusted(published, bundle: Path) -> None:
    if warning := published.not_trusted_here(bundle):
        print(f"warning: {warning}", file=sys.stderr)


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
