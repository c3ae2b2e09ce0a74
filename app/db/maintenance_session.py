"""What the maintenance window works with (no Qt): one working copy, its vocabulary, and
the directory in use it is compared with and takes its pathway from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.db.coverage import COLUMNS, Cell, coverage
from app.db.directory_diff import DirectoryDiff
from app.db.loader import Source
from app.db.maintenance import (
    Vocabulary,
    copy_diff,
    open_copy,
    problems_of,
    publish_copy,
    start_copy,
)
from app.db.service_checks import format_uk_phone, service_problems
from app.db.working_copy import WorkingCopy
from app.pathways.graph import Graph


@dataclass
class Maintenance:
    copy: WorkingCopy
    words: Vocabulary
    in_use: Graph
    in_use_database: Source  # the pathway a publish carries, and the start of a new copy

    @classmethod
    def open(cls, folder: Path, in_use: Graph, database: Source) -> Maintenance:
        """The working copy in folder; a new folder starts from the directory in use."""
        if not (folder / "services.csv").is_file():
            start_copy(folder, database)
        copy, words = open_copy(folder, in_use)
        return cls(copy, words, in_use, database)

    @property
    def boroughs(self) -> list[tuple[str, str]]:
        wide = ("west_midlands", "national")
        return [(k, v) for k, v in self.words.areas.items() if k not in wide]

    @property
    def columns(self) -> list[str]:
        return [name for name, _ in COLUMNS]

    def coverage(self, today: date) -> dict[tuple[str, int], str]:
        """Each (borough, column) cell in words, for the grid."""
        cells = coverage(self.copy.rows, [b for b, _ in self.boroughs])
        return {
            (borough, column): cells.get((borough, column), Cell()).text(today)
            for borough, _ in self.boroughs
            for column in range(len(COLUMNS))
        }

    def problems(self, row: dict[str, str]) -> dict[str, list[str]]:
        return service_problems(row, self.words.kinds, self.words.areas)

    def all_problems(self) -> dict[str, dict[str, list[str]]]:
        return problems_of(self.copy, self.words)

    def diff(self) -> DirectoryDiff:
        return copy_diff(self.copy, self.in_use)

    @staticmethod
    def tidy_phone(text: str) -> str:
        return format_uk_phone(text) or text

    def suggested_version(self, today: date) -> str:
        from app.db.checks import version_key

        stamp = f"{today.year}.{today.month}.{today.day}"
        current = self.in_use.directory_version
        if version_key(stamp) > version_key(current):
            return stamp
        return f"{current}.1" if len(current.split(".")) < 4 else _bump(current)

    def publish(
        self, key: Path, passphrase: str | None, out_dir: Path, version: str, days: int = 180
    ) -> Path:
        return publish_copy(
            self.copy,
            self.words,
            self.in_use,
            self.in_use_database,
            key,
            passphrase,
            out_dir,
            version,
            days,
        )


def _bump(version: str) -> str:
    *head, last = version.split(".")
    return ".".join([*head, str(int(last) + 1)])
