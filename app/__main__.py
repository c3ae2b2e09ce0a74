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
        from app.cli import directory

        return directory.build(args.source, args.output)
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


if __name__ == "__main__":
    sys.exit(main())
