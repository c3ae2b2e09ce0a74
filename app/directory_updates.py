"""Directory updates while the app runs (no Qt): a newer good directory in IT's folder, or
a bundle the worker chooses, checked exactly as at start and described as a difference
before it is used (issue 14 §3). The window decides *when* to switch (never mid-case).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.bundle import SUFFIX as BUNDLE_SUFFIX
from app.db.bundle import check_bundle_database, open_bundle, read_bundle_file
from app.db.checks import Refused, version_key
from app.db.directories import ORIGINS, Locations, select_directory
from app.db.install import install_bundle
from app.db.loader import DirectoryError, load_graph
from app.db.update_folders import is_folder
from app.in_force import InForce, graph_in_force, with_policy
from app.pathways.graph import Graph
from app.records import record

if TYPE_CHECKING:  # compared only when an update arrives: not at every start
    from app.db.directory_diff import DirectoryDiff
    from app.pathways.plan import Plan

__all__ = ["BUNDLE_SUFFIX", "DirectoryUpdates", "Loaded", "Preview", "worker_notes"]
CHECK_EVERY_MS = 15 * 60 * 1000  # IT's update folder, while the app runs (issue 14 §3)


@record
class Loaded:
    """A directory that passed every check, with its graph ready for the engine."""

    in_force: InForce
    graph: Graph

    @property
    def version(self) -> str:
        return self.in_force.selection.version

    def open_search(self):
        """A search over these exact bytes (called on the search thread: its connection)."""
        from app.db.search import DirectorySearch, searcher

        months = self.graph.settings.assured_within_months
        return searcher(DirectorySearch(self.in_force.database, months))


@record
class Preview:
    """What installing a bundle would change, or why it cannot be installed."""

    version: str = ""
    diff: DirectoryDiff | None = None
    reason: str = ""  # empty when it may be installed
    sha256: str = ""  # of the file previewed: what install() takes, and nothing else


@record
class AboutDirectory:
    """What Settings → About this directory shows."""

    version: str
    origin: str
    published: str  # "2026-12-01, key 3f2a…", or how it was installed
    expires: str
    trusted: list[tuple[str, str, str]] = field(default_factory=list)  # id, origin, where
    refused: list[str] = field(default_factory=list)


class DirectoryUpdates:
    def __init__(
        self, current: Loaded, locations: Locations, locate: Callable[[], Locations] | None = None
    ) -> None:
        """`locate`: where the directories and trusted keys are now, IT's policy read again
        (a key IT withdraws by policy counts at the next check, not the next start)."""
        self.current = current
        self.locations = locations
        self.locate = locate or (lambda: self.locations)
        self.refused = list(current.in_force.selection.problems)
        self.keys_in_doubt = self.keys_unread = False  # at the last check
        self.doubted: set[str] = set()  # its causes then
        self._diffed: tuple = (None, None, None)  # _waiting_diff's last: graphs, difference
        folder = locations.keys.machine
        self.keys_folder_seen = folder if _is_folder(folder) else None  # IT's, at the last check

    def check(self) -> Loaded | None:
        """A directory newer than the one in use that passes every check, or other contents
        of its version chosen now; or, when IT withdrew the key of the one in use or removed it
        (with no copy kept here), the best that passes; otherwise None. One merely out of
        reach (a share offline) stays in use: its bytes were checked and are held."""
        unread = []
        try:
            self.locations = self.locate()
        except Exception as error:  # policy unreadable mid-run: as before, said in About
            unread = [f"IT's policy could not be read again ({error})"]
        fresh = InForce(select_directory(self.locations), self.current.in_force.policy)
        self.refused = unread + list(fresh.selection.problems)
        self.keys_in_doubt = self._keys_in_doubt(fresh)
        self.keys_unread = fresh.selection.keys_unread
        if fresh.selection.keys_unread:
            return None  # nothing could be checked: the directory in use stays
        failing = self._key_withdrawn()
        if fresh.selection.sha256 == self.current.in_force.selection.sha256:
            # the same bytes (IT's file gone bad or removed, the copy kept here in use): what
            # About says of where they came from is as a start would say it now (it still
            # said "IT's update folder" after IT removed the file: attack, 2026-12-02)
            self.current = Loaded(fresh, self.current.graph)
            return None
        # other bytes of the same version in IT's folder, read whole at this check: IT's
        # choice between two contents signed under one version (two leads' laptops), as a
        # restart takes it. A window kept the replaced numbers while route, search and the
        # self-test gave IT's (attack, 2026-12-02). Never a copy kept here, nor while a file
        # cannot be read: IT's file locked for a moment sent a window back to the contents
        # IT had replaced (re-attack round, 2026-12-02)
        chosen_again = (
            fresh.selection.origin == "machine"
            and not fresh.selection.unreadable_files
            and version_key(fresh.selection.version) == version_key(self.current.version)
        )
        removed = self._removed_by_it(fresh.selection)
        if fresh.selection.path is None or not (
            failing or chosen_again or removed or _newer(fresh.selection.version, self.current)
        ):
            return None
        try:
            return Loaded(fresh, graph_in_force(fresh))
        except DirectoryError as error:
            self.refused.append(f"directory {fresh.selection.version}: {error}")
            return None

    def _keys_in_doubt(self, fresh: InForce) -> bool:
        """Whether what this check did not find may be only out of reach for a moment: the
        keys, or a key file, unread; IT's keys folder gone that was there at the last check
        (deleted to be copied again). A withdrawal is said at the next check then."""
        from app.db.trust import key_files_half_read

        folder = self.locations.keys.machine  # IT's policy may name another: then no doubt
        gone = folder == self.keys_folder_seen and not _is_folder(folder)
        self.keys_folder_seen = folder if _is_folder(folder) else None
        # each cause for one check: a key file that holds no key left there (IT withdrawing
        # the lead's key by writing over it) kept a withdrawn key's directory in use; and a
        # stray one, doubted for good, used up the grace of a key caught mid-copy later
        # (verifiers, H595). Keys that cannot be read at all tell nothing: `keys_unread`
        causes = key_files_half_read(self.locations.keys)
        causes |= {"keys folder gone"} if gone else set()
        doubt, self.doubted = bool(causes - self.doubted), causes
        return doubt

    def _removed_by_it(self, fresh) -> bool:
        """IT removed the update in use from its folder, and no copy of it could be kept here
        (a read-only profile): what the folder holds now is taken, as a start takes it. A
        window kept the removed numbers while route and the self-test did not (attack,
        2026-12-02). Only when the folder was listed and the file is gone from it: junk
        refused or a file unreadable there cannot be it; a copy kept here that cannot be read
        now may be, and nothing moves then (re-attack rounds, 2026-12-02)."""
        in_use = self.current.in_force.selection
        if in_use.origin != "machine" or in_use.path is None or not fresh.it_folder_listed:
            return False
        where = self.locations.machine_updates
        if any(p.parent != where for p in fresh.unreadable_files):
            return False
        try:
            return not in_use.path.exists()
        except OSError:
            return False

    def _key_withdrawn(self) -> bool:
        """Whether the directory in use would be refused now: its publisher's key no longer
        trusted (its file may be gone: a share offline, or IT deleted it with the key). Its
        file refused now is not enough: the bytes in use were checked whole when taken, and a
        part copy IT was copying again, a file locked for a moment, or a second content
        signed under its version sent a window back to older numbers for a check (reviews
        2026-12-01 and re-attack round, 2026-12-02)."""
        in_use = self.current.in_force.selection
        if not in_use.key_id or self.keys_in_doubt:  # in doubt: the next check tells (H587)
            return False  # the shipped directory: its .sha256 is checked in the selection
        from app.db.trust import load_trusted_keys

        try:
            keys, _ = load_trusted_keys(self.locations.keys)
        except OSError:
            return False  # cannot tell now: the next check will
        return in_use.key_id not in keys

    def preview(self, bundle: Path) -> Preview:
        """The checks of an install, without installing: the difference, or the reason."""
        from app.db.stale_update import changed_back
        from app.db.trust import load_trusted_keys

        try:
            keys, _ = load_trusted_keys(self.locations.keys)
            whole = read_bundle_file(bundle)
            manifest, data = open_bundle(whole, keys)
            release = self.current.in_force.selection.release
            check_bundle_database(manifest, data, release=release)
            if not _newer(manifest.directory_version, self.current):
                raise Refused(
                    f"version {manifest.directory_version} is not newer than directory "
                    f"{self.current.version} in use"
                )
            # as verify and install refuse it (H431): made without the update before it
            if stale := changed_back(data, manifest.directory_version, self.locations, keys):
                raise Refused(stale)
            # as it would be used: a threshold IT's policy sets showed as "pathway changed:
            # settings" for a bundle that changed one service's hours (review 2026-12-01)
            graph = with_policy(load_graph(data, release), self.current.in_force.policy)
        except (Refused, DirectoryError) as error:
            return Preview(reason=str(error))
        except Exception as error:  # a file this app cannot read is refused, never a crash
            return Preview(reason=f"it could not be checked ({type(error).__name__})")
        from app.db.directory_diff import compare

        diff = compare(self.current.graph, graph)
        return Preview(manifest.directory_version, diff, sha256=hashlib.sha256(whole).hexdigest())

    def install(self, bundle: Path, previewed: Preview) -> tuple[Loaded | None, str]:
        """Install for this worker the file previewed (exactly); the directory now selected,
        or the reason it was not."""
        outcome = install_bundle(bundle, self.locations, previewed=previewed.sha256)
        if not outcome.installed:
            return None, outcome.reason
        fresh = InForce(outcome.selection, self.current.in_force.policy)
        try:
            return Loaded(fresh, graph_in_force(fresh)), ""
        except DirectoryError as error:
            return None, str(error)

    def adopt(self, loaded: Loaded) -> str:
        """The window now uses `loaded`: what changed, in a sentence for the worker."""
        from app.db.directory_diff import compare

        diff = compare(self.current.graph, loaded.graph)
        self._diffed = (None, None, None)  # the graphs it held may go
        # a worker has no list of marks: "1 change to check (marked in the list)" read as a
        # doubtful new number (lead walk, 2026-12-07; H573). Numbers are named while a plan
        # still shows the old ones (numbers_waiting), not here, above the first question:
        # named, 17 ran to nine lines at 24 pt, and even two pushed its 999 help out of view
        change = diff.summary(lead=False)
        self.current = loaded
        return change

    def goes_back(self, loaded: Loaded) -> bool:
        """Whether `loaded` is older than the directory in use: one it was withdrawn for."""
        return version_key(loaded.version) < version_key(self.current.version)

    def _waiting_diff(self, loaded: Loaded) -> DirectoryDiff | None:
        """What a directory waiting for the conversation's end changes; None for an older
        one, back at the case's end (a key withdrawn): said as "New numbers", the worker was
        told to give the number the lead had corrected (attack, 2026-12-07; H587)."""
        from app.db.directory_diff import compare

        if self.goes_back(loaded):
            return None
        # one comparison per pair: asked at each plan drawn and each service the Directory
        # tab shows while it waits, it took 2.5 ms of the GUI thread at 66 services each time
        before, after, diff = self._diffed
        if before is not self.current.graph or after is not loaded.graph:
            diff = compare(self.current.graph, loaded.graph)
            self._diffed = (self.current.graph, loaded.graph, diff)
        return diff

    def numbers_waiting(self, loaded: Loaded, plan: Plan, answers: dict) -> dict[str, str]:
        """Service id → what a directory waiting for the conversation's end changes or
        closes on `plan`, in words (waiting_numbers); `answers` made the plan."""
        from app.pathways.engine import Pathway
        from app.waiting_numbers import numbers_on_plan

        if (diff := self._waiting_diff(loaded)) is None:
            return {}
        settings = loaded.graph.settings
        services = loaded.graph.services
        return numbers_on_plan(
            diff, plan, services, lambda: Pathway(loaded.graph).step(answers, settings).plan
        )

    def waiting_for(self, loaded: Loaded, service_id: str) -> str:
        """What a directory waiting for the conversation's end changes of one service, in
        words, for the Directory tab (which is no plan: nothing said instead)."""
        from app.waiting_numbers import changed_lines

        if (diff := self._waiting_diff(loaded)) is None:
            return ""
        if any(s.id == service_id for s in diff.retired):
            return "closed, do not give its number"
        before, after = self.current.graph.services, loaded.graph.services
        mine = (c for c in diff.changes if c.service_id == service_id)
        return ", and ".join(changed_lines(mine, before, after).get(service_id, []))

    def about(self) -> AboutDirectory:
        from app.db.trust import load_trusted_keys

        choice = self.current.in_force.selection
        try:
            _, trusted = load_trusted_keys(self.locations.keys)
        except OSError:
            trusted = []  # the refusals say the keys cannot be read
        published = (
            f"{choice.published}, publisher key {choice.key_id}"
            if choice.key_id
            else "built with this version of the app"
        )
        return AboutDirectory(
            version=choice.version,
            origin=ORIGINS.get(choice.origin, choice.origin),
            published=published,
            expires=choice.expires or "does not expire (replaced by a new install)",
            trusted=[(k.key_id, k.origin, k.where) for k in trusted],
            refused=list(self.refused),
        )


def _is_folder(path: Path | None) -> bool:
    return path is not None and is_folder(path)


def _newer(version: str, current: Loaded) -> bool:
    return version_key(version) > version_key(current.version)


def gone_from_here(newest_used: str, version: str) -> str:
    return (
        f"Numbers may be out of date: this laptop used directory {newest_used}, which is no "
        f"longer here, so Navigator is using {version}. Tell IT today."
    )


def worker_notes(in_force: InForce, newest_used: str = "") -> list[str]:
    """What the worker is told about the directory: only what they or IT must act on.
    `newest_used`: a newer directory used here before, no longer here (UserData)."""
    choice = in_force.selection
    if choice.origin == "unverified":
        return [
            f"UNVERIFIED DIRECTORY in use ({choice.path}): for development only. "
            "Numbers may be wrong: never use it with a real case."
        ]
    notes = [f"{line}. Tell IT." for line in choice.set_aside]
    if choice.behind:  # the numbers are older than the ones this laptop had: worth a line
        notes.append(
            f"Numbers may be out of date: this laptop's newer directory ({choice.behind}) "
            f"cannot be used now, so Navigator is using {choice.version}. Tell IT today."
        )
    elif newest_used:  # removed from the profile: nothing here to name, but it was used
        notes.append(gone_from_here(newest_used, choice.version))
    elif choice.refused:
        notes.append(
            f"{len(choice.refused) + choice.refused_more:,} directory update(s) could not be "
            f"used; Navigator is using directory {choice.version}. Details: Settings, About "
            "this directory."
        )
    if _update_folder_unknown(in_force):
        notes.append(
            "Numbers may be out of date: IT's settings on this laptop cannot be read whole, so "
            "directory updates IT puts out may not reach it. Tell IT today."
        )
    return notes + [f"Note: {warning}." for warning in choice.warnings]


def _update_folder_unknown(in_force: InForce) -> bool:
    """IT's policy file unreadable, or the update folder it names ignored: the updates IT
    puts out are not looked for. A trailing comma left new laptops on a number the lead had
    replaced, told only to the self-test and the log (IT's walk, 2026-12-07)."""
    policy = in_force.policy
    ignored = any(p.startswith("policy directory_update_folder ") for p in policy.problems)
    return bool(policy.unread) or ignored
