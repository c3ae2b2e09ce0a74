"""IT's update in use, kept in the worker's folder, and the place that stands for a kept
update in the count of those kept."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.bundle import SUFFIX, bundle_bytes
from app.db.refusals import KEPT
from app.private_files import private_folder, replace_own

if TYPE_CHECKING:
    from app.db.directories import Locations, Selection


def keep_copy(choice: Selection, where: Locations) -> bool:
    """IT's bundle in use, kept in the worker's folder: a share that cannot be reached, or
    one where someone put an older signed bundle back in place of the newer, no longer
    takes the laptop back to an older directory (review 2026-12-01). Kept like the worker's
    own: checked at every start, the two newest kept. Not kept if the profile is read-only.
    Whether a copy is kept."""
    if where.user_updates is None or choice.data is None:
        return False
    target = where.user_updates / f"{KEPT}{hashlib.sha256(choice.data).hexdigest()[:16]}{SUFFIX}"
    with contextlib.suppress(OSError):
        if target.exists():
            return True
        private_folder(where.user_updates)
        replace_own(target, bundle_bytes(choice.manifest, choice.data))
        return True
    return False


def kept_place(places: list[tuple[str, Path]]) -> Path | None:
    """The worker's-folder place that stands for a bundle in the count of those kept."""
    return next((path for origin, path in places if origin != "machine"), None)
