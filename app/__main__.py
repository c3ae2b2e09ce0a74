"""Entry point: `python -m app` starts the desktop app; subcommands run headless."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def desktop_parser() -> argparse.ArgumentParser:
    """The window's own options: all a launch without arguments needs (a worker's)."""
    root = argparse.ArgumentParser(prog="python -m app", description="Disclosure navigator")
    root.add_argument("--directory", type=Path, help="directory database to use")
    root.add_argument("--self-test", action="store_true", help="check the app works, offscreen")
    root.add_argument("--canary", help="self-test: text typed into every free-text field")
    root.set_defaults(command=None)
    return root


def parser() -> argparse.ArgumentParser:
    root = desktop_parser()
    commands = root.add_subparsers(dest="command")
    route = commands.add_parser("route", help="print the plan for a scenario (JSON answers)")
    route.add_argument("--scenario", required=True, help="scenario JSON file, or - for stdin")
    route.add_argument("--json", action="store_true", help="machine-readable output")
    directory = commands.add_parser("directory", help="the service directory")
    actions = directory.add_subparsers(dest="action", required=True)
    build = actions.add_parser("build", help="rebuild the directory database from its sources")
    build.add_argument("--source", type=Path, help="source folder (default: resources/)")
    build.add_argument("--output", type=Path, help="database to write")
    search = actions.add_parser("search", help="full-text search of the services")
    search.add_argument("text", nargs="?", default="", help="words to look for (may be empty)")
    search.add_argument("--borough", help="only services for this borough")
    search.add_argument("--kind", help="only services of this kind")
    search.add_argument("--age", type=int, help="only services that take this age")
    search.add_argument("--audience", help="any, women, men or lgbtq")
    search.add_argument("--open-24-7", action="store_true", help="only services open 24/7")
    search.add_argument("--json", action="store_true")
    report = actions.add_parser("report", help="coverage by borough; stale and unconfirmed")
    report.add_argument("--json", action="store_true")
    export = actions.add_parser("export", help="write Open Referral UK CSV tables or JSON")
    export.add_argument("target", type=Path, help="a folder for CSV tables, or a .json file")
    import_ = actions.add_parser("import", help="read Open Referral UK CSV tables or JSON")
    import_.add_argument("source", type=Path, help="a CSV folder, datapackage.json or .json")
    import_.add_argument("--output", type=Path, help="database to write (./directory.sqlite)")
    import_.add_argument("--merge", action="store_true", help="add to the current services")
    keygen = actions.add_parser("keygen", help="make an Ed25519 key pair for signing updates")
    keygen.add_argument("--out", type=Path, default=Path.cwd(), help="folder for the key files")
    keygen.add_argument("--passphrase-file", type=Path, help="scripts: the passphrase's file")
    publish = actions.add_parser(
        "publish", help="write a signed update bundle (see what it changes first: directory diff)"
    )
    publish.add_argument("--key", type=Path, help="private key from keygen")
    publish.add_argument("--version", required=True, help="higher than the current, e.g. 2026.12.1")
    publish.add_argument("--days", type=int, default=180, help="days until the bundle expires")
    publish.add_argument("--out", type=Path, default=Path.cwd(), help="folder for the bundle")
    publish.add_argument("--passphrase-file", type=Path, help="scripts: the key's passphrase")
    publish.add_argument("--source", type=Path, help="a working copy to publish (lead's folder)")
    publish.add_argument(
        "--check",
        action="store_true",
        help="with --source: check and list its changes; sign nothing",
    )
    install = actions.add_parser("install", help="install a signed update bundle for this user")
    install.add_argument("bundle", type=Path, help="the .navdir file")
    diff = actions.add_parser("diff", help="what changes from one directory to another")
    diff.add_argument("old", type=Path, help="a directory database or .navdir bundle")
    diff.add_argument("new", type=Path, help="a directory database or .navdir bundle")
    diff.add_argument("--keys", type=Path, help="folder of trusted public keys (bundles)")
    check = actions.add_parser("check-service", help="record that a person checked a service")
    check.add_argument("id", help="the service id")
    check.add_argument("--source", type=Path, required=True, help="the working copy folder")
    check.add_argument("--method", required=True, choices=("phoned", "provider", "web"))
    check.add_argument("--by", required=True, help="who checked it: a role is enough")
    check.add_argument("--date", help="when (YYYY-MM-DD; default today)")
    check.add_argument("--page", default="", help="for --method web: the page's https address")
    verify = actions.add_parser("verify", help="check a directory database or update bundle")
    verify.add_argument("file", type=Path)
    verify.add_argument("--keys", type=Path, help="folder of trusted public keys")
    practice = commands.add_parser("practice", help="rehearse disclosures on the same rules")
    practice.add_argument(
        "--check", action="store_true", help="check every vignette against the rules (CI)"
    )
    maintain = commands.add_parser("maintain", help="the lead's directory maintenance window")
    maintain.add_argument("folder", nargs="?", type=Path, help="working copy (new: started)")
    stats = commands.add_parser("stats", help="anonymised activity counts (001 §9.4)")
    stats_actions = stats.add_subparsers(dest="action", required=True)
    stats_actions.add_parser("show", help="print the counts kept on this computer")
    stats_export = stats_actions.add_parser("export", help="write the counts to a CSV file")
    stats_export.add_argument("file", type=Path, help="the CSV file to write")
    merge = stats_actions.add_parser("merge", help="sum counts exports from several laptops")
    merge.add_argument("files", nargs="+", type=Path, help="counts CSV files (stats export)")
    merge.add_argument("--csv", type=Path, help="also write the totals to this CSV file")
    return root


def publish_arguments_problem(args) -> str:
    """What `directory publish` lacks, in words: --check looks at a working copy unsigned."""
    if args.check and args.source is None:
        return (
            "--check looks at a working copy: give --source FOLDER (a database's changes: "
            "directory diff OLD NEW)"
        )
    if args.key is None and not args.check:
        return "--key KEY is needed to sign (or --check to see what it would change, unsigned)"
    return ""


def main(argv: list[str] | None = None) -> int:
    try:
        return started(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:  # Ctrl+C: said, never a traceback (own attack, 2026-12-07)
        print("stopped: Ctrl+C was pressed", file=sys.stderr)
        return 130


def started(argv: list[str]) -> int:
    # Without arguments (the worker's launch) the headless commands' parsers are not built:
    # ~13 ms on the path to the first question. With any, all are (errors and --help whole).
    args = (parser() if argv else desktop_parser()).parse_args(argv)
    if args.command is None and not args.self_test:  # the window: nothing printed
        return guarded(args)
    from app.cli.terminal import controls_as_codes

    with controls_as_codes():
        return guarded(args)


def guarded(args: argparse.Namespace) -> int:
    try:
        return dispatch(args)
    except BrokenPipeError:  # the reader stopped early (`| head`): not a problem of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (so the exit does not complain)
        return 0
    except OSError as error:  # a file or folder: named, with what the system said
        where = f" {error.filename}" if error.filename else ""
        print(f"error: nothing done: cannot use{where}: {error.strerror or error}", file=sys.stderr)
        return 1
    except Exception as error:  # a user sees a message, never a traceback
        print(f"error: unexpected problem ({type(error).__name__}): {error}", file=sys.stderr)
        return 1


def dispatch(args: argparse.Namespace) -> int:
    if args.command == "directory":
        return directory_command(args)
    if args.command == "maintain":
        from app.cli import maintain

        return maintain.run(args.folder)
    if args.command == "stats":
        from app.cli import stats

        if args.action == "merge":
            return stats.merge(args.files, args.csv)
        return stats.show() if args.action == "show" else stats.export(args.file)
    if args.command == "route" or (args.command == "practice" and args.check):
        from app.pathways.engine import Pathway

        graph, in_force = graph_for(args)
        if graph is None:
            return 1
        if args.command == "practice":
            from app.cli.practice import run_check

            return run_check(Pathway(graph))
        from app.cli import route

        verified = in_force.selection.verified
        return route.run(Pathway(graph), args.scenario, args.json, verified)
    # The desktop app: Python's cycle collector is off while it starts (what it makes, the
    # modules, Qt's types, the graph, the window, lives as long as the app: collecting took
    # ~12 ms before the first question), and runs only on the GUI thread once that has
    # painted (app/ui/gui_collector.py). Not held for the self-test, which checks the app
    # as a worker's session runs it.
    if not args.self_test:
        from app.ui.gui_collector import hold_for_launch

        hold_for_launch()
    no_core_dumps()
    from app.ctrl_c import CtrlCHeld

    with CtrlCHeld(raise_after=True):  # Qt's modules cannot be stopped as they load
        from app.ui.application import run_app

    return run_app(args)


def no_core_dumps() -> None:
    """A crash of the desktop app writes no core file: it would hold the conversation on
    screen, and what earlier ones left in memory (privacy review 2026-12-01). On Windows
    there is no such limit: IT's guide says to keep Navigator out of local crash dumps."""
    try:
        import resource
    except ImportError:
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def graph_for(args: argparse.Namespace):
    """The graph of the directory in force (None after saying why it cannot be used), and
    what is in force."""
    from app.db.loader import DirectoryError, InvalidGraphError
    from app.in_force import graph_in_force

    in_force = directory_in_use(args)
    if in_force.database is None:
        return None, in_force
    try:
        return graph_in_force(in_force), in_force
    except InvalidGraphError as error:
        print(f"error: {error}", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
    except DirectoryError as error:
        print(f"error: {error}", file=sys.stderr)
    return None, in_force


def directory_in_use(args: argparse.Namespace):
    """What is in force (the app's own choice, or --directory unverified), reasons said."""
    from app.in_force import decide

    in_force = decide(args.directory)
    choice = in_force.selection
    if choice.origin == "unverified":
        print(f"note: using {choice.path} as given (--directory): not verified", file=sys.stderr)
    from app.event_log import printable

    for line in choice.warnings + choice.problems + list(in_force.policy.problems):
        print(f"warning: {printable(line)}", file=sys.stderr)  # file names from the share
    if choice.origin != "unverified":  # what the window's banner says of the numbers
        from app.directory_updates import worker_notes
        from app.user_data import newest_used_only_read

        for line in worker_notes(in_force, newest_used_only_read(choice.version or "")):
            if line.startswith("Numbers may be out of date"):
                print(f"warning: {printable(line)}", file=sys.stderr)
    if choice.path is None:
        print("error: no usable directory database (see above)", file=sys.stderr)
    return in_force


def trusted_keys(folder: Path | None) -> dict:
    """The keys in `folder` (--keys), or the keys this computer trusts, as the app does."""
    from app.db.signing import load_public_keys
    from app.in_force import trusted_keys_here

    return load_public_keys(folder) if folder is not None else trusted_keys_here()


def keys_folder_problem(folder: Path | None) -> str:
    """What is wrong with a --keys folder, or "": a path mistyped, or a key file given for
    its folder, said "signed with unknown key" of the publisher's own bundle (attack,
    2026-12-02)."""
    if folder is None or any(p.name.lower().endswith(".pub") for p in _listed(folder)):
        return ""
    if folder.is_file():  # the key file itself (re-attack round, 2026-12-02)
        return "a file: give the folder that holds it"
    if not folder.is_dir():
        return "no such folder: give the folder that holds the publisher's .pub key file"
    return "holds no .pub key file: give the folder that holds the publisher's .pub key file"


def _listed(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def directory_command(args: argparse.Namespace) -> int:
    from app.cli import directory, publishing, updates
    from app.paths import shipped_directory

    if args.action == "build":
        return directory.build(args.source, args.output)
    if args.action == "keygen":
        return publishing.keygen(args.out, args.passphrase_file)
    if args.action in ("verify", "diff") and (wrong := keys_folder_problem(args.keys)):
        print(f"error: --keys {args.keys}: {wrong}", file=sys.stderr)
        return 2
    if args.action == "verify":
        return updates.verify(args.file, trusted_keys(args.keys))
    if args.action == "check-service":
        from app.cli.maintain import check_service

        return check_service(args.id, args.source, args.method, args.by, args.date, args.page)
    if args.action == "diff":
        return updates.diff(args.old, args.new, lambda: trusted_keys(args.keys))
    if args.action == "install":
        return updates.install(args.bundle)
    if args.action == "publish" and not 1 <= args.days <= 730:
        print(f"error: --days {args.days}: allowed 1 to 730", file=sys.stderr)
        return 2
    if args.action == "publish" and (problem := publish_arguments_problem(args)):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.action == "publish" and args.source is not None:
        return publishing.publish_working_copy(
            args.source,
            args.key,
            args.out,
            args.version,
            args.days,
            args.passphrase_file,
            check_only=args.check,
        )
    if args.action == "publish":
        database = args.directory or shipped_directory()
        return publishing.publish_bundle(
            database, args.key, args.out, args.version, args.days, args.passphrase_file
        )
    in_force = directory_in_use(args)
    database = in_force.database
    if database is None:
        return 1
    if args.action == "search":
        from app.db.search import SearchFilters
        from app.in_force import graph_in_force

        months = graph_in_force(in_force).settings.assured_within_months
        filters = SearchFilters(args.borough, args.kind, args.age, args.audience, args.open_24_7)
        return directory.search(database, args.text, filters, args.json, months)
    if args.action == "report":
        return directory.report(database, args.json)
    if args.action == "export":
        return directory.export(database, args.target)
    return directory.import_(database, args.source, args.output, args.merge)


if __name__ == "__main__":
    sys.exit(main())
