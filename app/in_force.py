"""What is in force on this computer: the directory and IT's machine policy (no Qt).

One function decides, and the window, `route`, `directory search` and `--self-test` all
call it, so the headless answer is always the window's answer for the same answers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from app.db.bundle import ADD_THE_KEY
from app.db.directories import (
    ORIGINS,
    Locations,
    Selection,
    default_locations,
    select_directory,
    unverified,
)
from app.pathways.graph import Graph
from app.policy import UNREAD_REGISTRY, MachinePolicy, load_policy, site_policy_file
from app.records import record


@record
class InForce:
    selection: Selection
    policy: MachinePolicy

    @property
    def database(self) -> bytes | None:
        """The directory exactly as it was checked, to open in memory."""
        return self.selection.data

    def describe(self) -> str:
        """Which directory, from where, by whom, and whether it was verified."""
        choice = self.selection
        if choice.path is None:
            return "no usable directory"
        where = ORIGINS.get(choice.origin, choice.origin)
        key = f", publisher key {choice.key_id}" if choice.key_id else ""
        state = "verified" if choice.verified else "NOT VERIFIED"
        return f"directory {choice.version} ({where}{key}): {state}"


def decide(override: Path | None = None, policy: MachinePolicy | None = None) -> InForce:
    """The directory and policy in force. `override` (--directory) is used unverified."""
    policy = policy or load_policy()
    if override is not None:
        return InForce(unverified(override), policy)
    choice = select_directory(locations_in_force(policy))
    if policy.unread:
        choice.refused = [_keys_not_read(line) for line in choice.refused]
    return InForce(choice, policy)


def _keys_not_read(refusal: str) -> str:
    """With IT's policy file unreadable, "add their .pub key" sent IT after a key the policy
    already trusts (lead review 2026-12-01): the policy is what to mend."""
    head, found, _ = refusal.partition(ADD_THE_KEY)
    if not found:
        return refusal
    return (
        f"{head}: IT's policy file cannot be read (above), so the keys it trusts are not in "
        "force: mend it (if it trusts this key, the update is used again)"
    )


class PolicyReadsDifferently(ValueError):
    """IT's policy, read again while the app runs, has a problem it did not have at start."""


def locations_again(start: MachinePolicy) -> Callable[[], Locations]:
    """Where the directories and trusted keys are now, IT's policy read again. A policy that
    now reads with a new problem (half-written, unreadable for a moment) raises, so the
    check keeps what it had: a key "missing" from it set the worker's updates aside. So does
    a policy file gone since the start: IT's tool deletes it and writes it anew, and a check
    between the two took its keys and folder as withdrawn, also for a file IT first deployed
    while the app ran (reviews 2026-12-01); a file removed on purpose counts from the next
    start. So do policy values gone from the registry since read: a Group Policy refresh
    deletes and writes them anew (attack F18b)."""
    seen = [site_policy_file().is_file()]  # once seen, a file gone is one being rewritten
    in_registry = [bool(start.from_registry)]

    def locate() -> Locations:
        there = site_policy_file().is_file()
        if seen[0] and not there:
            raise PolicyReadsDifferently(f"policy file {site_policy_file()} gone since it was read")
        seen[0] = there
        policy = load_policy()
        if in_registry[0] and not policy.from_registry and not policy.unread:
            raise PolicyReadsDifferently(f"policy values gone from {UNREAD_REGISTRY} since read")
        in_registry[0] = in_registry[0] or bool(policy.from_registry)
        # the file itself unreadable or not JSON, not a value ignored (IT may add one)
        new = [p for p in policy.unread if p not in start.problems]
        if new:
            raise PolicyReadsDifferently(new[0])
        return locations_in_force(policy)

    return locate


def locations_in_force(policy: MachinePolicy | None = None) -> Locations:
    """Where this computer's directories and trusted keys are, as IT's policy says."""
    policy = policy or load_policy()
    return default_locations(policy.update_folder, policy.trusted_keys)


def trusted_keys_here(policy: MachinePolicy | None = None) -> dict:
    """The keys this computer trusts, by key id (install, machine folder, IT's policy)."""
    from app.db.trust import load_trusted_keys

    return load_trusted_keys(locations_in_force(policy).keys)[0]


def published_here(policy: MachinePolicy | None = None):
    """For publishing: what this computer can see already published (IT's update folder,
    the user's installed updates, the ledger of what this user published) and the keys whose
    bundles count (the lead's old key, H116). A key file this account cannot read counts for
    nothing here (it stopped every publish, and the maintenance window opening); a folder
    IT's policy names that cannot be read is said, and stops a publish (reviews 2026-12-01)."""
    from app.db.published import Published

    try:
        keys = trusted_keys_here(policy)
    except OSError:
        keys = {}
    policy = policy or load_policy()
    where = locations_in_force(policy)
    folders, unreachable = [], ""
    if policy.unread:
        # the update folder it names is unknown: as if it could not be read (round-4 review)
        unreachable = "IT's policy file cannot be read, so its update folder is not known"
    for folder in (where.machine_updates, where.user_updates):
        try:
            if folder is not None and folder.is_dir():
                next(iter(folder.iterdir()), None)  # readable, not only there
                folders.append(folder)
                continue
        except OSError:
            pass
        if folder is not None and folder == where.machine_updates and where.machine_updates_named:
            unreachable = f"IT's update folder {folder} cannot be read from this computer"
    ledger = where.user_updates.parent / "published" if where.user_updates else None
    return Published(tuple(folders), tuple(keys.items()), unreachable, ledger)


def graph_in_force(in_force: InForce) -> Graph:
    """The directory's graph, validated, with the policy's pathway thresholds applied.
    Raises DirectoryError (InvalidGraphError) with the reasons when it cannot be used."""
    return with_policy(graph_as_signed(in_force), in_force.policy)


def graph_as_signed(in_force: InForce) -> Graph:
    """The directory's graph, validated, its services as their publisher signed them, under
    this release's pathway (no policy applied): what the lead's tools compare a new directory
    with. Compared with the thresholds of this laptop's policy, a publish listed settings
    changes it never made (review 2026-12-01). The pathway is the release's, never an
    update's: a lead's routine number update, made on a laptop a release behind, put the
    release's rules back on every laptop, and a signed update could stop "Call 999" firing
    (attack, 2026-12-04; H345)."""
    from app.db.loader import DirectoryError, load_valid_graph

    choice = in_force.selection
    if in_force.database is None:
        raise DirectoryError("no usable directory database was found")
    if choice.release is None and choice.origin not in ("shipped", "unverified"):
        # never an update's own rules: with the app's own directory refused, or locked for a
        # moment at a check, they stood in, and a signed update without 999's rule was the
        # plan's (re-attack, 2026-12-04)
        raise DirectoryError(
            f"the directory installed with this app could not be checked, so the rules to use "
            f"update {choice.version}'s services with are not known (an update brings services "
            "only): IT reinstalls Navigator, or the next start tries again"
        )
    return load_valid_graph(in_force.database, choice.release)


def with_policy(graph: Graph, policy: MachinePolicy) -> Graph:
    """The graph with the policy's pathway thresholds (the loaded graph is left as read)."""
    settings = dataclasses.replace(graph.settings, **policy.pathway)
    return dataclasses.replace(graph, settings=settings)
