"""Entry point: `python -m app` starts the desktop app; subcommands run headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m app", description="Disclosure navigator")
    root.add_argument("--directory", type=Path, help="directory database to use")
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
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return dispatch(args)
    except Exception as error:  # a user sees a message, never a traceback
        print(f"error: unexpected problem ({type(error).__name__}): {error}", file=sys.stderr)
        return 1


def dispatch(args: argparse.Namespace) -> int:
    if args.command == "directory":
        return directory_command(args)
    if args.command == "route":
        from app.cli import route
        from app.db.loader import DirectoryError, InvalidGraphError, load_valid_graph
        from app.paths import shipped_directory
        from app.pathways.engine import Pathway

        try:
            graph = load_valid_graph(args.directory or shipped_directory())
        except InvalidGraphError as error:
            print(f"error: {error}", file=sys.stderr)
            for problem in error.problems:
                print(f"  - {problem}", file=sys.stderr)
            return 1
        except DirectoryError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        return route.run(Pathway(graph), args.scenario, args.json)
    from app.ui.application import run_app

    return run_app(args)


def directory_command(args: argparse.Namespace) -> int:
    from app.cli import directory
    from app.paths import shipped_directory

    database = args.directory or shipped_directory()
    if args.action == "build":
        return directory.build(args.source, args.output)
    if args.action == "search":
        from app.db.search import SearchFilters

        filters = SearchFilters(args.borough, args.kind, args.age, args.audience, args.open_24_7)
        return directory.search(database, args.text, filters, args.json)
    if args.action == "report":
        return directory.report(database, args.json)
    if args.action == "export":
        return directory.export(database, args.target)
    return directory.import_(database, args.source, args.output, args.merge)


if __name__ == "__main__":
    sys.exit(main())
