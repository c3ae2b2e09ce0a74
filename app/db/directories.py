"""Which directory the app uses: the newest verified one of the shipped, IT's and the user's.

Every start checks every candidate again: the shipped database against its .sha256 in the
install folder, each installed copy against the signed manifest kept beside it (a trusted
key, its size and sha256), each waiting bundle against its signature. Nothing the worker's
profile holds is taken on trust: a database without a valid signed record is set aside with
the reason and the newest one that passes is used, so the shipped directory and IT's update
folder are a floor no profile can go below. A newer bundle is extracted to a new file; an
open database is never overwritten (that fails on Windows).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

from app.db.bundle import (
    SUFFIX,
    Manifest,
    Refused,
    check_database,
    check_extracted,
    check_signature,
    matches_manifest,
    open_bundle,
    peek_bundle,
    read_manifest,
    sha256_of,
    version_key,
)
from app.db.signing import canonical
from app.db.trust import KeySources, TrustedKey, load_trusted_keys

INSTALLED = re.compile(r"directory-(\d+(?:\.\d+)*)\.sqlite")
RECORD_SUFFIX = ".manifest.json"  # beside each installed database: its signed manifest
SET_ASIDE = "set-aside"
KEEP_INSTALLED = 2  # the one in use and the one before it
ORIGINS = {
    "shipped": "installed with the app",
    "machine": "IT's update folder",
    "user": "installed by the worker",
    "unverified": "chosen with --directory (not verified)",
}


@dataclass(frozen=True)
class Locations:
    shipped: Path  # resources/directory.sqlite, with its .sha256 beside it
    keys: KeySources  # where trusted publisher keys come from
    machine_updates: Path | None = None  # bundles IT places for every user
    user_updates: Path | None = None  # bundles this user installed
    installed: Path | None = None  # extracted databases, each with its signed record


@dataclass
class Selection:
    path: Path | None
    version: str = ""
    origin: str = ""  # shipped | machine | user | unverified
    key_id: str = ""  # the publisher's key, for an installed update
    verified: bool = False
    expires: str = ""
    warnings: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # bundles that failed a check
    set_aside: list[str] = field(default_factory=list)  # installed files moved aside
    skipped: list[str] = field(default_factory=list)  # good bundles not newer than in use
    trusted: list[TrustedKey] = field(default_factory=list)
    _good: list[tuple[tuple[int, ...], Path]] = field(default_factory=list, repr=False)

    @property
    def problems(self) -> list[str]:
        """What the worker and IT are told: refusals and files set aside."""
        return [*self.set_aside, *self.refused]

    def offer(self, path: Path, version: str, origin: str, manifest: Manifest | None) -> None:
        self._good.append((version_key(version), path))
        if self.path is None or version_key(version) > version_key(self.version):
            self.path, self.version, self.origin, self.verified = path, version, origin, True
            self.key_id = manifest.key_id if manifest else ""
            self.expires = manifest.expires if manifest else ""


def default_locations(
    machine_updates: Path | None = None, policy_keys: tuple[str, ...] = ()
) -> Locations:
    """`machine_updates`: the folder IT's policy names, instead of the site data folder."""
    import platformdirs

    from app.paths import resources_dir, shipped_directory

    user = Path(platformdirs.user_data_dir("Navigator", appauthor=False, roaming=False))
    site = Path(platformdirs.site_data_dir("Navigator", appauthor=False))
    site_config = Path(platformdirs.site_config_dir("Navigator", appauthor=False))
    return Locations(
        shipped=shipped_directory(),
        keys=KeySources(resources_dir() / "keys", site_config / "keys", policy_keys),
        machine_updates=machine_updates or site / "directory-updates",
        user_updates=user / "directory-updates",
        installed=user / "directories",
    )


def select_directory(where: Locations, today: date | None = None) -> Selection:
    """The directory to use now, installing a newer verified bundle if one is waiting."""
    today = today or date.today()
    choice = Selection(None)
    problem = _shipped_problem(where.shipped)
    try:
        if problem:
            raise Refused(problem)
        version, _ = check_database(where.shipped, validate_graph=False)
        choice.offer(where.shipped, version, "shipped", None)
    except Refused as error:
        choice.refused.append(f"shipped directory {where.shipped.name}: {error}")
    installed = _installed_databases(where.installed, choice)
    bundles = [
        (origin, bundle)
        for origin, folder in (("machine", where.machine_updates), ("user", where.user_updates))
        for bundle in (sorted(folder.glob(f"*{SUFFIX}")) if folder and folder.is_dir() else [])
    ]
    if installed or bundles:  # the signature library loads only when there is work for it
        keys, choice.trusted = load_trusted_keys(where.keys)
        for database in installed:
            _consider_installed(choice, database, keys)
        if where.installed is not None:
            _consider_bundles(choice, bundles, keys, where.installed)
        _prune(choice, where.installed)
    if choice.expires and date.fromisoformat(choice.expires) < today:
        choice.warnings.append(f"directory {choice.version} expired on {choice.expires}")
    return choice


def unverified(path: Path) -> Selection:
    """A database named with --directory: checked for use, but by no signature."""
    choice = Selection(None)
    try:
        version, _ = check_database(path, validate_graph=False)
    except Refused as error:
        choice.refused.append(f"{path}: {error}")
        return choice
    choice.path, choice.version, choice.origin = path, version, "unverified"
    return choice


def _shipped_problem(path: Path) -> str | None:
    record = path.with_name(path.name + ".sha256")
    if not path.is_file():
        return f"{path} is missing"
    try:
        if record.read_text().split()[0] != sha256_of(path):
            return f"{path} has been altered since it was installed (sha256 differs)"
    except (OSError, IndexError):
        return f"{path} has no readable .sha256 beside it"
    return None


def record_of(database: Path) -> Path:
    return database.with_name(database.stem + RECORD_SUFFIX)


def _installed_databases(folder: Path | None, choice: Selection) -> list[Path]:
    """Installed databases that have a record to check; anything else is set aside."""
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        if INSTALLED.fullmatch(path.name):
            if record_of(path).is_file():
                found.append(path)
            else:
                _set_aside(choice, [path], "no signed record: Navigator did not install it")
        elif path.name.endswith(RECORD_SUFFIX):
            if not (folder / (path.name[: -len(RECORD_SUFFIX)] + ".sqlite")).is_file():
                _set_aside(choice, [path], "a record with no database")
        elif path.suffix in (".extracting", ".partial"):
            path.unlink(missing_ok=True)  # left by an install that was interrupted
        else:
            _set_aside(choice, [path], "not a file Navigator keeps here")
    return found


def _consider_installed(choice: Selection, database: Path, keys) -> None:
    version = INSTALLED.fullmatch(database.name).group(1)
    try:
        record = json.loads(record_of(database).read_text(encoding="utf-8"))
        manifest = read_manifest(record["manifest"].encode("ascii"))
        check_signature(manifest, keys)
        if manifest.directory_version != version:
            raise Refused(f"its signed record is for version {manifest.directory_version}")
        if not matches_manifest(database, manifest):
            raise Refused("altered since it was installed (it differs from its signed manifest)")
        check_extracted(database, manifest, validate_graph=False)  # validated at install
        origin = record.get("origin") if record.get("origin") in ("machine", "user") else "user"
    except Refused as error:
        _set_aside(choice, [database, record_of(database)], str(error))
        return
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        _set_aside(choice, [database, record_of(database)], f"unreadable record ({error})")
        return
    choice.offer(database, version, origin, manifest)


def _consider_bundles(choice: Selection, bundles, keys, installed: Path) -> None:
    checked = []
    for origin, bundle in bundles:
        try:
            manifest = peek_bundle(bundle, keys)
            checked.append((version_key(manifest.directory_version), origin, bundle))
        except Refused as error:
            choice.refused.append(f"{bundle.name}: {error}")
    for key, origin, bundle in sorted(checked, key=lambda c: c[0], reverse=True):
        if choice.path is not None and key <= version_key(choice.version):
            choice.skipped.append(f"{bundle.name}: not newer than {choice.version} in use")
            continue
        try:
            database, manifest = _install(bundle, origin, keys, installed)
        except Refused as error:
            choice.refused.append(f"{bundle.name}: {error}")
            continue
        choice.offer(database, manifest.directory_version, origin, manifest)


def _install(bundle: Path, origin: str, keys, installed: Path) -> tuple[Path, Manifest]:
    """Extract, check and keep a bundle's database with its signed record."""
    try:
        installed.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=installed, suffix=".extracting")
        os.close(handle)
    except OSError as error:
        raise Refused(f"cannot be installed ({error.strerror or error})") from None
    scratch = Path(name)
    try:
        manifest = open_bundle(bundle, keys, scratch)
        target = installed / f"directory-{manifest.directory_version}.sqlite"
        os.replace(scratch, target)
        record = {
            "manifest": canonical(asdict(manifest)).decode("ascii"),
            "origin": origin,
            "installed": datetime.now().isoformat(timespec="seconds"),
            "bundle": bundle.name,
        }
        partial = installed / (target.stem + ".partial")
        partial.write_text(json.dumps(record), encoding="utf-8")
        os.replace(partial, record_of(target))
    except OSError as error:
        raise Refused(f"cannot be installed ({error.strerror or error})") from None
    finally:
        scratch.unlink(missing_ok=True)
    return target, manifest


def _set_aside(choice: Selection, paths: list[Path], reason: str) -> None:
    """Move files out of the way for IT to look at; say why. Never used again."""
    first = paths[0]
    choice.set_aside.append(f"{first.name} was set aside: {reason}")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = first.parent / SET_ASIDE
    try:
        aside.mkdir(exist_ok=True)
        for path in paths:
            if path.exists():
                os.replace(path, aside / f"{path.name}.{stamp}")
        (aside / f"{first.name}.{stamp}.reason.txt").write_text(reason + "\n", encoding="utf-8")
    except OSError:
        pass  # a read-only folder: refused again at every start, never used


def _prune(choice: Selection, installed: Path | None) -> None:
    """Keep the newest installed directories (in use, and the one before); drop the rest."""
    if installed is None:
        return
    mine = sorted((k, p) for k, p in choice._good if p.parent == installed)
    for _, path in mine[:-KEEP_INSTALLED]:
        if path == choice.path:
            continue
        for stale in (path, record_of(path)):
            with contextlib.suppress(OSError):  # open elsewhere on Windows: next start
                stale.unlink(missing_ok=True)


@dataclass(frozen=True)
class Installed:
    installed: bool
    version: str = ""
    reason: str = ""


def install_bundle(bundle: Path, where: Locations, today: date | None = None) -> Installed:
    """Put a bundle the worker chose in their updates folder and select again: installed
    when it is now in use; otherwise taken out again, with the reason."""
    if where.user_updates is None:
        return Installed(False, reason="this computer has no folder for updates")
    try:
        where.user_updates.mkdir(parents=True, exist_ok=True)
        target = where.user_updates / bundle.name
        if target.suffix != SUFFIX:
            return Installed(False, reason=f"not a directory bundle (a {SUFFIX} file)")
        partial = target.with_suffix(".partial")
        partial.write_bytes(bundle.read_bytes())
        os.replace(partial, target)
    except OSError as error:
        return Installed(False, reason=f"cannot be copied ({error.strerror or error})")
    choice = select_directory(where, today)
    if choice.path is not None and choice.path.parent == where.installed:
        record = json.loads(record_of(choice.path).read_text(encoding="utf-8"))
        if record.get("bundle") == bundle.name:
            return Installed(True, choice.version)
    said = [line for line in choice.refused + choice.skipped if line.startswith(bundle.name)]
    target.unlink(missing_ok=True)  # refused: not tried again at every start
    reason = said[0].split(": ", 1)[1] if said else f"{choice.version} stays in use"
    return Installed(False, reason=reason)
