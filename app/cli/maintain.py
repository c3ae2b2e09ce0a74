"""`python -m app directory check-service …` and `python -m app maintain [FOLDER]`: the
lead's tools from a terminal or a script (the window does the same through app.db)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app.db.working_copy import CHECK_METHODS, WorkingCopy, WorkingCopyError


def check_service(
    service_id: str, folder: Path, method: str, by: str, on: str | None, page: str
) -> int:
    """Mark one service checked in a working copy and save it; exit 0, or 1 with why."""
    try:
        day = date.fromisoformat(on) if on else date.today()
    except ValueError:
        print(f"error: --date {on!r}: allowed YYYY-MM-DD", file=sys.stderr)
        return 1
    try:
        copy = WorkingCopy.open(folder)
        copy.mark_checked(service_id, method, by, day, page)
        copy.save()
    except WorkingCopyError as error:
        print(f"error: nothing changed: {error}", file=sys.stderr)
        return 1
    what = {"web": f"public page {page} seen"}.get(method, f"confirmed ({method}) by {by}")
    print(f"{service_id}: {what} on {day.isoformat()}; saved in {folder}")
    return 0


def default_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "Navigator directory"


__all__ = ["CHECK_METHODS", "check_service", "default_folder"]
