"""Which directory the app uses: the newest verified one of the shipped, IT's and the user's.

Every start checks every candidate again, from its bytes: the shipped database against the
.sha256 in the install folder, each bundle (in IT's folder, and the ones this user
installed) against its signature by a trusted key and its hash. The database the app then
opens is those same bytes, in memory: nothing can change between the check and the use.
Nothing in the worker's profile is taken on trust, so the shipped directory and the
newest good bundle in IT's folder are a floor no profile can go below. A bundle of the
user's that fails is set aside with the reason.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from app.db.bundle import (
    SUFFIX,
    Manifest,
    bundle_bytes,
    check_bundle_database,
    read_bundle,
    read_regular_file,
    read_signed_manifest,
)
from app.db.checks import Refused, RefusedForNow, Unreadable, check_database, version_key
from app.db.trust import KeySources, TrustedKey, load_trusted_keys
from app.machine import machine_folders
from app.records import record

SET_ASIDE = "set-aside"
KEPT = "kept-"  # the name of a copy of IT's bundle kept in the worker's folder
KEEP_USER_BUNDLES = 2  # the one in use and the one before it
APP_WRITES = ("installed-", KEPT)  # the names of the bundles this app puts there
KEEP_FOR_NOW = 4  # of each, refused only for now, kept at most
# Files refused in one check, each said: 20,000 junk files in IT's share made as many lines
# at every check, in the self-test and the log, whose rotation lost the line saying which
# directory was in use (review 2026-12-01); the rest are counted
REFUSALS_SAID = 20
MAX_SHIPPED_BYTES = 256 * 1024 * 1024
ORIGINS = {
    "shipped": "installed with the app",
    "machine": "IT's update folder",
    "user": "installed by the worker",
    "kept": "IT's update folder (the copy kept on this computer)",
    "unverified": "chosen with --directory (not verified)",
}


@record
class Locations:
    shipped: Path  # resources/directory.sqlite, with its .sha256 beside it
    keys: KeySources  # where trusted publisher keys come from
    machine_updates: Path | None = None  # bundles IT places for every user
    user_updates: Path | None = None  # bundles this user installed
    machine_updates_named: bool = False  # by IT's policy: its absence is said, not assumed


@dataclass
class Selection:
    path: Path | None  # the file the directory came from (a database or a bundle)
    data: bytes | None = None  # the database, exactly as it was checked
    version: str = ""
    origin: str = ""  # shipped | machine | user | unverified
    key_id: str = ""  # the publisher's key, for an update
    verified: bool = False
    expires: str = ""
    published: str = ""  # the day the publisher signed it, for an update
    warnings: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # candidates that failed a check
    refused_more: int = 0  # refused files beyond those said (REFUSALS_SAID)
    refused_files: list[Path] = field(default_factory=list)  # the same, by their files
    unreachable: list[str] = field(default_factory=list)  # IT's folder: for IT, not the worker
    set_aside: list[str] = field(default_factory=list)  # the worker's files moved aside
    skipped: list[str] = field(default_factory=list)  # good bundles not newer than in use
    trusted: list[TrustedKey] = field(default_factory=list)
    manifest: Manifest | None = None  # an update's, as signed
    keys_unread: bool = False  # the trusted keys could not be read: no update was checked
    kept_for_now: list[Path] = field(default_factory=list)  # the worker's, refused for now
    unreadable_files: list[Path] = field(default_factory=list)  # refused: not readable now

    @property
    def problems(self) -> list[str]:
        """What IT is told (in About and the log): refusals, files set aside, and an update
        folder that cannot be reached (the worker is told only of the first two)."""
        more = [f"and {self.refused_more:,} more update files refused"] if self.refused_more else []
        return [*self.set_aside, *self.refused, *more, *self.unreachable]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else ""

    def take(self, path: Path, data: bytes, version: str, origin: str, manifest=None) -> None:
        self.path, self.data, self.version, self.origin = path, data, version, origin
        self.manifest = manifest
        self.verified = origin != "unverified"
        self.key_id = manifest.key_id if manifest else ""
        self.expires = manifest.expires if manifest else ""
        self.published = manifest.created if manifest else ""


def default_locations(
    machine_updates: Path | None = None, policy_keys: tuple[str, ...] = ()
) -> Locations:
    """`machine_updates`: the folder IT's policy names, instead of the machine folder's."""
    import platformdirs

    from app.paths import resources_dir, shipped_directory

    user = Path(platformdirs.user_data_dir("Navigator", appauthor=False, roaming=False))
    machine = machine_folders()
    return Locations(
        shipped=shipped_directory(),
        keys=KeySources(resources_dir() / "keys", machine.keys, policy_keys),
        machine_updates=machine_updates or machine.updates,
        user_updates=user / "directory-updates",
        machine_updates_named=machine_updates is not None,
    )


def select_directory(where: Locations, today: date | None = None) -> Selection:
    """The directory to use now: the newest candidate that passes every check."""
    today = today or date.today()
    choice = Selection(None)
    try:
        data = read_regular_file(where.shipped, MAX_SHIPPED_BYTES)
        _check_shipped(where.shipped, data)
        version, _ = check_database(data, validate_graph=False)  # validated when loaded
        choice.take(where.shipped, data, version, "shipped")
    except Refused as error:
        choice.refused.append(f"shipped directory {where.shipped.name}: {error}")
        choice.refused_files.append(where.shipped)
    bundles = []
    named = where.machine_updates
    if where.machine_updates_named and named is not None and not _is_folder(named):
        # a typing mistake in the policy, or a share offline, was silent (review 2026-12-01)
        choice.unreachable.append(
            f"{ORIGINS['machine']} ({named}), named by IT's policy, cannot be reached (missing, "
            "offline or not a folder): no update from it was checked"
        )
    for origin, folder in (("machine", where.machine_updates), ("user", where.user_updates)):
        try:
            bundles += [  # "kept" only in the worker's folder: in IT's share it is IT's file
                ("kept" if origin == "user" and p.name.startswith(KEPT) else origin, p)
                for p in _bundle_files(folder)
            ]
        except OSError as error:  # a share this worker may not read: said, never raised
            choice.refused.append(
                f"{ORIGINS[origin]} ({folder}) cannot be read: {error.strerror or error}"
            )
    if bundles:  # the signature library loads only when there is work for it
        try:
            keys, choice.trusted = load_trusted_keys(where.keys)
        except OSError as error:  # no update can be checked, and none is set aside for it
            choice.keys_unread = True
            choice.refused.append(f"the trusted keys cannot be read: {error.strerror or error}")
            return _expiry_noted(choice, today)
        _consider_bundles(choice, bundles, keys, where)
        if choice.origin == "machine":
            _keep_copy(choice, where)
    return _expiry_noted(choice, today)


def _expiry_noted(choice: Selection, today: date) -> Selection:
    if choice.expires and date.fromisoformat(choice.expires) < today:
        choice.warnings.append(f"directory {choice.version} expired on {choice.expires}")
    return choice


def unverified(path: Path) -> Selection:
    """A database named with --directory: checked for use, but by no signature."""
    choice = Selection(None)
    try:
        data = read_regular_file(path, MAX_SHIPPED_BYTES)
        version, _ = check_database(data, validate_graph=False)
    except Refused as error:
        choice.refused.append(f"{path}: {error}")
        return choice
    choice.take(path, data, version, "unverified")
    return choice


def _check_shipped(path: Path, data: bytes) -> None:
    record = path.with_name(path.name + ".sha256")
    try:
        expected = record.read_text().split()[0]
    except (OSError, IndexError):
        raise Refused(f"{path} has no readable .sha256 beside it") from None
    if hashlib.sha256(data).hexdigest() != expected:
        raise Refused(f"{path} has been altered since it was installed (sha256 differs)")


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return True  # there, but not readable: the reading says so


TRIES_IN_SHARE = 3  # places in IT's share read whole for one signed manifest, at most


def _bundle_files(folder: Path | None) -> list[Path]:
    """The bundles in a folder; OSError when it cannot be listed (glob said nothing of a
    folder workers may not read, and no update came, review 2026-12-01)."""
    if folder is None or not folder.is_dir():
        return []
    with os.scandir(folder) as entries:
        found = [Path(e.path) for e in entries if e.name.endswith(SUFFIX)]
    return sorted(p for p in found if not p.name.startswith(".") and p.is_file())


def _keep_copy(choice: Selection, where: Locations) -> None:
    """IT's bundle in use, kept in the worker's folder: a share that cannot be reached, or
    one where someone put an older signed bundle back in place of the newer, no longer
    takes the laptop back to an older directory (review 2026-12-01). Kept like the worker's
    own: checked at every start, the two newest kept. Not kept if the profile is read-only."""
    if where.user_updates is None or choice.data is None:
        return
    target = where.user_updates / f"{KEPT}{hashlib.sha256(choice.data).hexdigest()[:16]}{SUFFIX}"
    with contextlib.suppress(OSError):
        if target.exists():
            return
        where.user_updates.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        partial.write_bytes(bundle_bytes(choice.manifest, choice.data))
        os.replace(partial, target)


def _consider_bundles(choice: Selection, bundles, keys, where: Locations) -> None:
    """Check bundles newest first until one passes; older good ones are only skipped.

    Only manifests are held while all are read (the bytes of every bundle held at once let
    copies of one in the share fill the memory, review 2026-12-01); copies of one bundle
    are checked as one; the one tried is read and checked again whole, and used only if it
    is still the bundle its manifest was."""
    found: dict[tuple[str, str], tuple] = {}  # (version, sha256): its places, in order
    for origin, path in bundles:
        try:
            manifest = read_signed_manifest(path, keys)
        except Refused as error:
            _refuse(choice, origin, path, str(error), error)
            continue
        except Exception as error:  # one bad file never stops every start
            _refuse(choice, origin, path, f"could not be checked ({type(error).__name__})", error)
            continue
        ident = (manifest.directory_version, manifest.sha256)
        found.setdefault(ident, (version_key(manifest.directory_version), manifest, []))
        found[ident][2].append((origin, path))
    superseded = _refuse_signed_twice(choice, found)
    good_user = []  # the worker's own and the kept copies of IT's
    # newest first; of one version, IT's file first (its other contents here stand in)
    order = sorted(found.values(), key=lambda r: (r[0], any(o == "machine" for o, _ in r[2])))
    for key, manifest, places in reversed(order):
        # a copy is tried only when the one before it fails now (IT's share gone between
        # the readings: the copy kept here stands in, review 2026-12-01)
        failed_in_share = 0
        # the publisher's own name first: copies under other names are read only if it fails
        named = f"directory-{manifest.directory_version}{SUFFIX}"
        places.sort(key=lambda place: place[0] != "machine" or place[1].name != named)
        for origin, path in places:
            if origin == "machine" and failed_in_share >= TRIES_IN_SHARE:
                # copies of a genuine manifest on junk, each read whole, froze the window
                # for seconds (review 2026-12-01): the worker's kept copy is tried next
                _refuse(choice, origin, path, "not read: copies before it failed")
                continue
            if choice.path is not None and key <= version_key(choice.version):
                choice.skipped.append(f"{path.name}: not newer than {choice.version} in use")
                if origin != "machine" and path is kept_place(places):
                    good_user.append(path)  # one place a bundle: copies never push one out
                continue
            try:
                again, data = read_bundle(path, keys)
                if again != manifest:
                    raise Refused("it changed while it was being checked")
                check_bundle_database(manifest, data)
            except Refused as error:
                _refuse(choice, origin, path, str(error), error)
                failed_in_share += origin == "machine"
                continue
            except Exception as error:  # signed, yet this app cannot read it
                reason = f"could not be checked ({type(error).__name__})"
                _refuse(choice, origin, path, reason, error)
                failed_in_share += origin == "machine"
                continue
            choice.take(path, data, manifest.directory_version, origin, manifest)
            if origin != "machine" and path is kept_place(places):
                good_user.append(path)
    for winner, (name, places) in superseded.items():
        if choice.manifest is not None and choice.manifest.sha256 == winner:
            _drop_superseded(choice, name, places)  # only once IT's file passed, in use
    for stale in good_user[KEEP_USER_BUNDLES:]:
        with contextlib.suppress(OSError):
            stale.unlink()


def _refuse_signed_twice(choice: Selection, found: dict[tuple[str, str], tuple]) -> dict:
    """A version signed with two contents (published twice by mistake): the file listed
    first was used, so whoever arranged the folders chose the numbers shown under one
    version (review 2026-12-01). Now IT's share decides: its one file of that version is
    used and this laptop's copies of another content go; two contents in the share are
    refused (for now) and the one this laptop already used, if any, stays: never back to an
    older directory, and IT's removal of the wrong file takes effect on every laptop.
    Returns, by IT's content's hash, this laptop's copies it supersedes once it is in use
    (removed before it was checked whole, a failing file dropped the laptop to an older
    directory for good, review 2026-12-01)."""
    superseded = {}
    contents: dict[tuple[int, ...], list[tuple[str, str]]] = {}
    for ident, (key, _, _) in found.items():
        contents.setdefault(key, []).append(ident)
    for idents in (idents for idents in contents.values() if len(idents) > 1):
        shared = [i for i in idents if any(o == "machine" for o, _ in found[i][2])]
        if len(shared) == 1:
            name = next(path.name for o, path in found[shared[0]][2] if o == "machine")
            others = [place for i in idents if i not in shared for place in found[i][2]]
            superseded[found[shared[0]][1].sha256] = (name, others)
            continue
        names = sorted(path.name for ident in idents for _, path in found[ident][2])
        shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
        reason = (
            f"version {found[idents[0]][1].directory_version} was signed more than once with "
            f"different contents ({shown}): "
            + ("remove the wrong one from IT's update folder, or " if shared else "")
            + "ask the lead to publish a higher version"
        )
        used_here = [i for i in idents if any(o != "machine" for o, _ in found[i][2])]
        keep = used_here[0] if len(used_here) == 1 else None
        for ident in idents:
            key, manifest, places = found.pop(ident)
            for origin, path in places:
                if ident != keep or origin == "machine":
                    _refuse(choice, origin, path, reason, RefusedForNow(reason))
            if ident == keep:  # the one this laptop used stays: never back to an older one
                found[ident] = (key, manifest, [(o, p) for o, p in places if o != "machine"])
    return superseded


def _drop_superseded(choice: Selection, name: str, places: list[tuple[str, Path]]) -> None:
    for origin, path in places:
        if path.name.startswith(KEPT):  # our own copy of what IT's file replaced
            with contextlib.suppress(OSError):
                path.unlink()
        else:
            _refuse(choice, origin, path, f"replaced by {name}, of the same version")


def kept_place(places: list[tuple[str, Path]]) -> Path | None:
    """The worker's-folder place that stands for a bundle in the count of those kept."""
    return next((path for origin, path in places if origin != "machine"), None)


def _refuse(
    choice: Selection, origin: str, path: Path, reason: str, error: Exception | None = None
) -> None:
    """IT's bundles are only named; the worker's own are also moved out of the way, unless
    refused only for now (RefusedForNow)."""
    choice.refused_files.append(path)
    # refused only for now: a key not trusted now, a file that cannot be read now, a fault
    # of this app's reading (not the file's), each may pass at the next check
    for_now = error is not None and (
        isinstance(error, RefusedForNow) or not isinstance(error, Refused)
    )
    if isinstance(error, Unreadable):
        choice.unreadable_files.append(path)
    if for_now and origin != "machine":
        # only a bundle of a name this app writes, and a few: 50,000 files planted in the
        # profile, never set aside, were all read at every check, freezing the window
        # (review 2026-12-01); the rest are set aside as before
        # counted by name: four planted "installed-" files filled every place and IT's
        # kept copy was set aside for good at the next passing fault (review 2026-12-01)
        kind = next((prefix for prefix in APP_WRITES if path.name.startswith(prefix)), None)
        same = [kept for kept in choice.kept_for_now if kind and kept.name.startswith(kind)]
        for_now = kind is not None and len(same) < KEEP_FOR_NOW
        if for_now:
            choice.kept_for_now.append(path)
    if origin == "machine" or for_now:
        if len(choice.refused) < REFUSALS_SAID:
            choice.refused.append(f"{path.name}: {reason}")
        else:
            choice.refused_more += 1
        return
    choice.set_aside.append(f"{path.name} was set aside: {reason}")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.parent / SET_ASIDE
    try:
        if aside.is_symlink() or (aside.exists() and not aside.is_dir()):
            aside.unlink()  # a file of its name kept every refused file in place (review)
        aside.mkdir(exist_ok=True)
        os.replace(path, aside / f"{path.name}.{stamp}")
        (aside / f"{path.name}.{stamp}.reason.txt").write_text(reason + "\n", encoding="utf-8")
    except OSError:  # not moved: the worker's own refused file is removed, or refused again
        with contextlib.suppress(OSError):
            path.unlink()
