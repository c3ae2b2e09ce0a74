"""Which directory the app uses: the newest valid one of the shipped, IT's and the user's.

A newer bundle is verified, extracted to a new file named by its version, and a small
pointer file is switched to it. An open database is never overwritten (that fails on
Windows); a refused file never replaces the last good one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.db.bundle import SUFFIX, Refused, check_database, open_bundle, sha256_of, version_key

POINTER = "current.json"


@dataclass(frozen=True)
class Locations:
    shipped: Path  # resources/directory.sqlite, with its .sha256 beside it
    keys: Path  # trusted public keys shipped with the app
    machine_updates: Path | None = None  # bundles IT places for every user
    user_updates: Path | None = None  # bundles this user imported
    installed: Path | None = None  # extracted databases and the pointer


@dataclass
class Selection:
    path: Path | None
    version: str = ""
    origin: str = ""
    warnings: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def default_locations(machine_updates: Path | None = None) -> Locations:
    """`machine_updates`: the folder IT's policy names, instead of the site data folder."""
    import platformdirs

    from app.paths import resources_dir, shipped_directory

    user = Path(platformdirs.user_data_dir("Navigator", appauthor=False, roaming=False))
    site = Path(platformdirs.site_data_dir("Navigator", appauthor=False))
    return Locations(
        shipped=shipped_directory(),
        keys=resources_dir() / "keys",
        machine_updates=machine_updates or site / "directory-updates",
        user_updates=user / "directory-updates",
        installed=user / "directories",
    )


def select_directory(where: Locations, today: date | None = None) -> Selection:
    """The directory to use now, installing a newer valid bundle if one is waiting."""
    today = today or date.today()
    choice = Selection(None)
    _consider(choice, where.shipped, "shipped", _shipped_check(where.shipped))
    if where.installed is not None:
        _consider_installed(choice, where.installed, today)
    waiting = [
        (origin, bundle)
        for origin, folder in (("machine", where.machine_updates), ("user", where.user_updates))
        for bundle in (sorted(folder.glob(f"*{SUFFIX}")) if folder and folder.is_dir() else [])
    ]
    if waiting:  # the signature library loads only when there is something to verify
        from app.db import signing

        keys = signing.load_public_keys(where.keys)
        for origin, bundle in waiting:
            _consider_bundle(choice, bundle, origin, keys, where.installed, today)
    return choice


def _shipped_check(path: Path) -> str | None:
    """Why the shipped database must not be used, or None."""
    record = path.with_name(path.name + ".sha256")
    if not path.is_file():
        return f"{path} is missing"
    if record.is_file() and record.read_text().split()[0] != sha256_of(path):
        return f"{path} has been altered since it was installed (sha256 differs)"
    return None


def _consider(choice: Selection, path: Path, origin: str, problem: str | None) -> None:
    try:
        if problem:
            raise Refused(problem)
        # Its hash was checked: the graph is validated when the app loads it.
        version, _ = check_database(path, validate_graph=False)
    except Refused as error:
        choice.refused.append(f"{origin} directory {path.name}: {error}")
        return
    if choice.path is None or version_key(version) > version_key(choice.version):
        choice.path, choice.version, choice.origin = path, version, origin


def _consider_installed(choice: Selection, installed: Path, today: date) -> None:
    pointer = installed / POINTER
    if not pointer.is_file():
        return
    try:
        record = json.loads(pointer.read_text(encoding="utf-8"))
        path = installed / record["file"]
        problem = None if sha256_of(path) == record["sha256"] else "altered since it was installed"
    except (OSError, ValueError, KeyError, TypeError) as error:
        choice.refused.append(f"installed directory: unreadable pointer ({error})")
        return
    _consider(choice, path, record.get("origin", "installed"), problem)
    if choice.path == path and date.fromisoformat(record["expires"]) < today:
        choice.warnings.append(f"directory {choice.version} expired on {record['expires']}")


def _consider_bundle(
    choice: Selection, bundle: Path, origin: str, keys, installed: Path | None, today: date
) -> None:
    if installed is None:
        return
    try:
        installed.mkdir(parents=True, exist_ok=True)
        handle, scratch = tempfile.mkstemp(dir=installed, suffix=".extracting")
        os.close(handle)
    except OSError as error:
        choice.refused.append(f"{bundle.name}: cannot be installed ({error})")
        return
    scratch = Path(scratch)
    try:
        manifest = open_bundle(bundle, keys, scratch)
        version = manifest.directory_version
        if choice.path is not None and version_key(version) <= version_key(choice.version):
            if version_key(version) < version_key(choice.version):
                choice.refused.append(
                    f"{bundle.name}: version {version} is lower than {choice.version} in use "
                    "(rollback refused)"
                )
            return
        target = installed / f"directory-{version}.sqlite"
        if not target.exists() or sha256_of(target) != manifest.sha256:
            target.unlink(missing_ok=True)  # an altered copy, already refused: never in use
            shutil.move(scratch, target)
        _write_pointer(installed, target, manifest.sha256, manifest.expires, origin)
    except Refused as error:
        choice.refused.append(f"{bundle.name}: {error}")
        return
    except OSError as error:
        choice.refused.append(f"{bundle.name}: cannot be installed ({error})")
        return
    finally:
        scratch.unlink(missing_ok=True)
    choice.path, choice.version, choice.origin = target, version, origin
    if manifest.expired(today):
        choice.warnings.append(f"directory {version} expired on {manifest.expires}")


def _write_pointer(installed: Path, target: Path, sha256: str, expires: str, origin: str) -> None:
    record = {"file": target.name, "sha256": sha256, "expires": expires, "origin": origin}
    partial = installed / (POINTER + ".partial")
    partial.write_text(json.dumps(record), encoding="utf-8")
    os.replace(partial, installed / POINTER)


def import_bundle(bundle: Path, where: Locations) -> Path:
    """Copy a bundle the user chose into their updates folder (verified when selected)."""
    assert where.user_updates is not None
    where.user_updates.mkdir(parents=True, exist_ok=True)
    target = where.user_updates / bundle.name
    shutil.copyfile(bundle, target.with_suffix(".partial"))
    os.replace(target.with_suffix(".partial"), target)
    return target
