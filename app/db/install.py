"""A bundle the worker chose, installed for this user: copied into their updates folder,
then used only if the app's own choice (select_directory) now takes those exact bytes."""

from __future__ import annotations

import contextlib
import hashlib
import os
from datetime import date
from pathlib import Path

from app.db.bundle import SUFFIX, claimed_manifest, named_as_bundle
from app.db.checks import Refused
from app.db.directories import NOT_A_FOLDER, Locations, Selection, select_directory
from app.db.refusals import SET_ASIDE, UNDOES
from app.db.regular_files import read_regular_file
from app.db.replaced import REPLACED
from app.private_files import private_folder, replace_own
from app.records import record


@record
class Installed:
    installed: bool
    version: str = ""
    reason: str = ""
    selection: Selection | None = None  # what select_directory chose, once installed


def install_bundle(
    bundle: Path, where: Locations, today: date | None = None, previewed: str = ""
) -> Installed:
    """Put a bundle the worker chose in their updates folder and select again: installed
    when those exact bytes are now in use; otherwise taken out again, with the reason.
    `previewed`: the sha256 of the file the worker was shown and confirmed; a file changed
    since (another bundle copied over it) is not installed in its place."""
    if where.user_updates is None:
        return Installed(False, reason="this computer has no folder for updates")
    if not named_as_bundle(bundle.name):
        return Installed(False, reason=f"not a directory bundle (a {SUFFIX} file)")
    try:
        data = read_regular_file(bundle, 1 << 30)
        if previewed and hashlib.sha256(data).hexdigest() != previewed:
            return Installed(False, reason="the file changed after it was checked: choose it again")
        if os.path.lexists(where.user_updates) and not where.user_updates.is_dir():
            return Installed(False, reason=NOT_A_FOLDER.format(where.user_updates))
        private_folder(where.user_updates)
        target = where.user_updates / f"installed-{hashlib.sha256(data).hexdigest()[:16]}{SUFFIX}"
        # installed before and kept: a second install that is not used leaves it (it was
        # deleted, review 2026-12-01); select_directory keeps or clears it as ever
        before = target.exists()
        replace_own(target, data)
    except OSError as error:  # "[Errno 1] …: '/home/…'" was said as it came (attack F20)
        place = error.filename or where.user_updates
        return Installed(False, reason=f"cannot be copied to {place} ({error.strerror or error})")
    except Refused as error:
        return Installed(False, reason=f"cannot be copied ({error})")
    try:
        claimed = claimed_manifest(target)
        choice = select_directory(where, today)
    except Exception:
        if not before:  # never used at the next start, the worker told nothing (re-attack F19)
            _remove(target)
        raise
    if choice.path == target:
        return Installed(True, choice.version, selection=choice)
    said = [line for line in choice.problems + choice.skipped if line.startswith(target.name)]
    if not before:  # refused: not tried again at every start
        # nor kept as contents this laptop used, were it put aside as replaced by IT's file
        # of its version: IT was told at every start of numbers it never showed (attack F19)
        _remove(target, target.parent / REPLACED / target.name)
    # the worker still has the file they chose: no copy kept (disk); but one changing back
    # corrections stays, IT told the reason is beside it (it was deleted: re-attack F19)
    if not any(UNDOES in line for line in said):
        _remove(*(target.parent / SET_ASIDE).glob(f"{target.name}.*"))
    # the very directory in use (from IT's folder): "refused", exit 1, read as a failure
    in_use = choice.manifest if choice.verified else None
    same = claimed and in_use and claimed.sha256 == in_use.sha256
    if same and claimed.directory_version == choice.version:
        return Installed(True, choice.version, "already in use here", selection=choice)
    if claimed and in_use and claimed.directory_version == choice.version:
        return Installed(False, reason=other_contents(choice.version))
    reason = said[0].split(": ", 1)[1] if said else f"{choice.version} stays in use"
    return Installed(False, reason=reason.strip())


def other_contents(version: str) -> str:
    """Another file of the version installed is used: "not newer than 2026.12.1 in use"
    read as wrong to a worker whose window still showed the directory before it (F19)."""
    return (
        f"another file of directory {version}, with other contents, is already on this laptop "
        "and is used instead, from your next new conversation: one version must name one "
        "content, tell IT"
    )


def _remove(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
