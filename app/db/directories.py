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
from datetime import date
from pathlib import Path

from app.db.bundle import (
    SUFFIX,
    Manifest,
    check_bundle_database,
    read_bundle,
    read_signed_manifest,
    unknown_key_ids,
)
from app.db.checks import Refused, check_database, version_key
from app.db.kept_copies import keep_copy, kept_place
from app.db.refusals import (
    KEPT,
    drop_superseded,
    forget_obsolete,
    newest_above,
    refuse,
    refuse_signed_twice,
    say_copies,
    set_aside_undoing,
)
from app.db.regular_files import read_regular_file
from app.db.replaced import say_replaced
from app.db.shipped_check import MAX_SHIPPED_BYTES, check_shipped
from app.db.trust import (
    KeySources,
    TrustedKey,
    key_file_problems,
    keys_folder_not_a_folder,
    load_trusted_keys,
    misnamed_key_files,
    private_keys_left_in,
)
from app.db.update_dates import dates_noted
from app.db.update_folders import bundle_files, folder_notes, is_folder, update_open_to_others
from app.db.used_here import note_in_use
from app.machine import machine_folders
from app.records import record

# updates used after every check of their day: not a kept copy used with IT's folder out
# of reach (never read for what it changes back), nor the app's own or one named by hand
CHECKED_HERE = ("machine", "user", "kept", "kept_removed")
KEEP_USER_BUNDLES = 2  # the one in use and the one before it
# the worker's folder replaced by a file: their updates gone, and none could be kept (attack)
NOT_A_FOLDER = (
    "the folder of updates installed on this laptop ({}) is not a folder: no update "
    "installed here can be read or kept; IT can move that file away, then install the update again"
)
# a laptop set up now got the older update left there, the number the kept one corrected,
# and every self-test passed (the DA lead's and IT's walk, 2026-12-07)
FOLDER_BEHIND = (
    "IT's update folder no longer holds directory {version}, in use here: a laptop set up "
    "now gets an older directory; put {version} back in IT's update folder, or publish a "
    "newer update"
)
ORIGINS = {
    "shipped": "installed with the app",
    "machine": "IT's update folder",
    "user": "installed by the worker",
    "kept": "IT's update folder (the copy kept on this computer)",
    # the share in reach without it: IT removed it, or it was never IT's (a draft the lead
    # sent round, put in the worker's folder as a kept copy), and the self-test named it
    # IT's (attack, 2026-12-02). It stays in use: an older one put back never takes a laptop
    # back; "(a newer update replaces it)" was read as a newer one there (lead's walk 12-03)
    "kept_removed": "a copy kept on this computer of an update no longer in IT's update "
    "folder (in use until a newer update replaces it)",
    "kept_unconfirmed": "a copy kept on this computer of an update (IT's update folder, out "
    "of reach or not read whole, could not confirm that it holds it)",
    "unverified": "chosen with --directory (not verified)",
}


@record
class Locations:
    shipped: Path  # resources/directory.sqlite, with its .sha256 beside it
    keys: KeySources  # where trusted publisher keys come from
    machine_updates: Path | None = None  # bundles IT places for every user
    user_updates: Path | None = None  # bundles this user installed
    machine_updates_named: bool = False  # by IT's policy: its absence is said, not assumed
    passed_over: Path | None = None  # the machine's own update folder, when a policy names another


@dataclass
class Selection:
    path: Path | None  # the file the directory came from (a database or a bundle)
    data: bytes | None = None  # the database, exactly as it was checked
    release: bytes | None = None  # the shipped one, checked: its pathway is used (H345)
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
    undone: list[str] = field(default_factory=list)  # the release undoes an update: for IT
    copies: list[str] = field(default_factory=list)  # IT's folder crowded with copies: for IT
    replaced: list[str] = field(default_factory=list)  # the version in use changed: for IT
    signed_later: list[str] = field(default_factory=list)  # signed after today here: for IT
    lapsed: list[str] = field(default_factory=list)  # in use past its expiry: for IT
    trusted: list[TrustedKey] = field(default_factory=list)
    manifest: Manifest | None = None  # an update's, as signed
    keys_unread: bool = False  # the trusted keys could not be read: no update was checked
    kept_for_now: list[Path] = field(default_factory=list)  # the worker's, refused for now
    unreadable_files: list[Path] = field(default_factory=list)  # refused: not readable now
    it_folder_listed: bool = False  # IT's folder in reach and listed: what it lacks is known
    behind: str = ""  # the newest directory this laptop holds and cannot use now, if newer

    @property
    def problems(self) -> list[str]:
        """What IT is told (in About and the log): refusals, files set aside, and an update
        folder that cannot be reached (the worker is told only of the first two)."""
        more = [f"and {self.refused_more:,} more update files refused"] if self.refused_more else []
        return [
            *self.set_aside,
            *self.refused,
            *more,
            *self.unreachable,
            *self.undone,
            *self.copies,
            *self.replaced,
            *self.signed_later,
            *self.lapsed,
        ]

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
        passed_over=machine.updates if machine_updates not in (None, machine.updates) else None,
    )


def select_directory(where: Locations, today: date | None = None) -> Selection:
    """The directory to use now: the newest candidate that passes every check."""
    today = today or date.today()
    choice = Selection(None)
    try:
        data = read_regular_file(where.shipped, MAX_SHIPPED_BYTES, locked_retry=0.5)
        check_shipped(where.shipped, data)
        version, _ = check_database(data, validate_graph=False)  # validated when loaded
        choice.take(where.shipped, data, version, "shipped")
        choice.release = data
    except Refused as error:
        choice.refused.append(f"shipped directory {where.shipped.name}: {error}")
        choice.refused_files.append(where.shipped)
    bundles = []
    choice.unreachable += folder_notes(
        where.machine_updates, where.machine_updates_named, where.passed_over, ORIGINS["machine"]
    )
    share_listed = True  # IT's folder, when in reach, listed at this start: what it lacks is known
    for origin, folder in (("machine", where.machine_updates), ("user", where.user_updates)):
        try:
            bundles += [  # "kept" only in the worker's folder: in IT's share it is IT's file
                ("kept" if origin == "user" and p.name.startswith(KEPT) else origin, p)
                for p in bundle_files(folder, worker_own=origin == "user")
            ]
        except OSError as error:  # a share this worker may not read: said, never raised
            share_listed &= origin != "machine"
            choice.refused.append(
                f"{ORIGINS[origin]} ({error.filename or folder}) cannot be read: "
                f"{error.strerror or error}"
            )
    mine = where.user_updates
    if mine is not None and os.path.lexists(mine) and not is_folder(mine):
        choice.refused.append(NOT_A_FOLDER.format(mine))  # what they installed went with it
    choice.it_folder_listed = (
        share_listed and where.machine_updates is not None and is_folder(where.machine_updates)
    )
    choice.unreachable += private_keys_left_in(where.keys)  # IT's to act on, not the worker's
    if bundles:  # the signature library loads only when there is work for it
        try:
            keys, choice.trusted = load_trusted_keys(where.keys)
        except OSError as error:  # no update can be checked, and none is set aside for it
            choice.keys_unread = True
            which = f" ({error.filename})" if error.filename else ""  # the file IT must fix
            choice.refused.append(
                f"the trusted keys cannot be read{which}: {error.strerror or error}"
            )
            held = [path for origin, path in bundles if origin != "machine"]
            choice.behind = newest_above(held, choice.version) if choice.version else ""
            return dates_noted(choice, today)
        choice.refused += key_file_problems(where.keys) + keys_folder_not_a_folder(where.keys)
        superseded = _consider_bundles(choice, bundles, keys, where)
        if unknown := unknown_key_ids(choice.refused):  # for IT
            choice.unreachable += misnamed_key_files(where.keys, unknown)
        # this laptop's copies of another content go only once IT's file is in use and kept
        # here (gone first, a full disk or the share offline took the laptop back)
        if choice.origin != "machine" or keep_copy(choice, where):
            drop_superseded(choice, superseded)
        say_replaced(choice, where.user_updates, keys)
        if choice.origin == "kept_removed":  # and the self-test fails on it (H577)
            choice.replaced.append(FOLDER_BEHIND.format(version=choice.version))
        forget_obsolete(choice)
        opened = update_open_to_others(choice.path) if choice.origin == "machine" else ""
        if opened and opened not in choice.unreachable:  # one of the first few: said already
            choice.unreachable.append(opened)
    return dates_noted(choice, today)


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


TRIES_IN_SHARE = 3  # places in IT's share read whole for one signed manifest, at most


def _consider_bundles(choice: Selection, bundles, keys, where: Locations) -> dict:
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
            refuse(choice, origin, path, str(error), error)
            continue
        except Exception as error:  # one bad file never stops every start
            refuse(choice, origin, path, f"could not be checked ({type(error).__name__})", error)
            continue
        ident = (manifest.directory_version, manifest.sha256)
        found.setdefault(ident, (version_key(manifest.directory_version), manifest, []))
        found[ident][2].append((origin, path))
    in_share = {i for i, (_, _, places) in found.items() if any(o == "machine" for o, _ in places)}
    say_copies(choice, found)
    superseded = refuse_signed_twice(choice, found)
    good_user = []  # the worker's own and the kept copies of IT's
    # what a worker's bundle changes back (H444), and the updates before it read and passed
    undoes: dict[tuple[str, str], tuple[str, list[str]]] = {}
    below_shipped = None  # the newest update the shipped directory overtook
    # with IT's folder in reach, only its updates count: a copy kept here of one IT has
    # removed (the release replacing it) would fail the self-test on every laptop for good
    share_up = where.machine_updates is not None and is_folder(where.machine_updates)
    # newest first; of one version, IT's file first (its other contents here stand in)
    order = sorted(found.values(), key=lambda r: (r[0], any(o == "machine" for o, _ in r[2])))
    for key, manifest, places in reversed(order):
        # a copy is tried only when the one before it fails now (IT's share gone between
        # the readings: the copy kept here stands in, review 2026-12-01)
        failed_in_share = 0
        # the publisher's own name first, exactly, then in other cases (IT's folder on Windows:
        # "DIRECTORY-2026.12.2.NAVDIR" came after three part copies and was never read; on a
        # case-sensitive share part copies so named took the tries: attack rounds 2026-12-02);
        # copies under other names are read only if it fails
        named = f"directory-{manifest.directory_version}{SUFFIX}"
        places.sort(
            key=lambda p: (
                p[0] != "machine",
                p[1].name.lower() != named.lower(),
                p[1].name != named,
            )
        )
        counted = [p for p in places if p[0] == "machine" or not share_up]  # once: H337
        for origin, path in places:
            if origin == "machine" and failed_in_share >= TRIES_IN_SHARE:
                # copies of a genuine manifest on junk, each read whole, froze the window
                # for seconds (review 2026-12-01): the worker's kept copy is tried next
                refuse(choice, origin, path, "not read: copies before it failed")
                continue
            if choice.path is not None and key <= version_key(choice.version):
                if choice.origin == "shipped" and below_shipped is None and counted:
                    below_shipped = (manifest, counted)
                if choice.origin == "shipped" and share_up and origin == "kept" and not counted:
                    # IT removed what the release overtook: below it, never to be used
                    with contextlib.suppress(OSError):
                        path.unlink()
                    continue
                choice.skipped.append(f"{path.name}: not newer than {choice.version} in use")
                if origin != "machine" and path is kept_place(places):
                    good_user.append(path)  # one place a bundle: copies never push one out
                continue
            # said only when every file IT's folder holds was read and none is it (one
            # locked, or signed by a key not yet trusted, may be it: re-attack round)
            share_clear = choice.it_folder_listed and all(
                p.parent != where.machine_updates for p in choice.refused_files
            )
            ident = (manifest.directory_version, manifest.sha256)  # read whole: the same
            if origin == "kept" and ident not in in_share:
                # IT's only when IT's folder was seen to hold it: a lead's draft put here as
                # a kept copy was called IT's while one junk file in the share was refused,
                # or the share was offline (attack, 2026-12-02)
                origin = "kept_removed" if share_clear else "kept_unconfirmed"
            # IT's own IT verifies; a kept copy with IT's folder out of reach may be IT's own
            # (set aside, IT's update flagged by verify went on and off with the network)
            mine = origin not in ("machine", "kept_unconfirmed") and ident not in in_share
            said = undoes.get(ident, ("",))[0]  # its copies not read again: 100 took 20 s
            if mine and said:
                set_aside_undoing(choice, (origin, path), said, ident, where.user_updates)
                continue
            try:
                again, data = _read_whole(path, keys, manifest, choice.release)
            except Refused as error:
                refuse(choice, origin, path, str(error), error)
                failed_in_share += origin == "machine"
                continue
            except Exception as error:  # signed, yet this app cannot read it
                reason = f"could not be checked ({type(error).__name__})"
                refuse(choice, origin, path, reason, error)
                failed_in_share += origin == "machine"
                continue
            if mine and ident not in undoes:  # H444
                from app.db.stale_update import changes_back_here  # only then: reads updates

                its = lambda v, db: (v, hashlib.sha256(db).hexdigest()) in in_share  # noqa: E731
                undoes[ident] = changes_back_here(data, again.directory_version, where, keys, its)
            if mine and (said := undoes[ident][0]):
                set_aside_undoing(choice, (origin, path), said, ident, where.user_updates)
                continue
            choice.take(path, data, again.directory_version, origin, again)
            if origin != "machine" and path is kept_place(places):
                good_user.append(path)
    if choice.origin in CHECKED_HERE:  # read later as a link of its own chain (H450)
        passed = undoes.get((choice.version, choice.manifest.sha256), ("", []))[1]
        release = hashlib.sha256(choice.release).hexdigest() if choice.release else ""
        here = [(key, sha) for (_, sha), (key, *_) in found.items()]
        note_in_use(
            where.user_updates, [choice.sha256, *passed], release, here, version_key(choice.version)
        )
    if choice.origin == "shipped" and below_shipped is not None:
        from app.db.overtaken import say_what_the_release_undoes  # only then: its imports

        say_what_the_release_undoes(choice, *below_shipped, keys)
    for stale in good_user[KEEP_USER_BUNDLES:]:
        with contextlib.suppress(OSError):
            stale.unlink()
    return superseded


def _read_whole(path: Path, keys, manifest: Manifest, release) -> tuple[Manifest, bytes]:
    """The bundle read and checked whole again: used only if it is still the bundle its
    manifest was, and its services serve the release's pathway (Refused otherwise)."""
    again, data = read_bundle(path, keys)
    # the same signed content, whatever else its manifest says (signed again another day:
    # its kept copy was set aside as "changed", review 2026-12-01)
    if (again.directory_version, again.sha256) != (manifest.directory_version, manifest.sha256):
        raise Refused("it changed while it was being checked")
    check_bundle_database(manifest, data, release=release)
    return again, data
