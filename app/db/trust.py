"""Which publishers' keys this computer trusts. IT decides; the worker never does.

Keys come from the app's install folder, from the `keys/` folder beside the machine policy
(ProgramData on Windows, /etc/xdg/Navigator on Linux: both writable by administrators
only; app/machine.py) and from the policy's `trusted_keys` list. The worker's own data
folder is never read for keys: whoever can write a profile must not be able to add one.
"""

from __future__ import annotations

import base64
import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.db import signing
from app.machine import installed_by_it, others_could_change
from app.records import record

if TYPE_CHECKING:
    from nacl.signing import VerifyKey

INSTALL = "installed with the app"
MACHINE_FOLDER = "machine keys folder"
POLICY = "machine policy (trusted_keys)"


@record
class TrustedKey:
    key_id: str
    origin: str  # one of INSTALL, MACHINE_FOLDER, POLICY
    where: str  # the file, or "policy"


@record
class KeySources:
    install: Path
    machine: Path | None = None
    policy: tuple[str, ...] = ()  # base64 Ed25519 public keys


def load_trusted_keys(sources: KeySources) -> tuple[dict[str, VerifyKey], list[TrustedKey]]:
    """The verifying keys by key id, and where each came from (first source wins)."""
    keys: dict[str, VerifyKey] = {}
    listed: list[TrustedKey] = []
    for origin, folder in ((INSTALL, sources.install), (MACHINE_FOLDER, sources.machine)):
        if folder is None:
            continue
        for path, (kid, key) in signing.public_key_files(folder).items():
            if _guarded(origin) and others_could_change(path):
                continue  # named by key_file_problems
            if kid not in keys:
                keys[kid] = key
                listed.append(TrustedKey(kid, origin, str(path)))
    for value in sources.policy:
        parsed = public_key_from_text(value)
        if parsed is not None and parsed[0] not in keys:
            keys[parsed[0]] = parsed[1]
            listed.append(TrustedKey(parsed[0], POLICY, "policy"))
    return keys, listed


def _guarded(origin: str) -> bool:
    return origin == MACHINE_FOLDER or (origin == INSTALL and installed_by_it())


def key_file_problems(sources: KeySources) -> list[str]:
    """What IT is told of its key files, in one pass: one no key is read from (a link to
    nothing or round in a loop, a folder, a file holding no public key: one made every key
    unread, or stopped every start, with the worker told nothing: re-attacks, H338), and, in
    the machine folder (and the installed app's own), one another account could have put
    there or changed, never trusted (the self-test fails on both)."""
    said = []
    for origin, folder in ((MACHINE_FOLDER, sources.machine), (INSTALL, sources.install)):
        with contextlib.suppress(OSError):  # not readable: the reading of the keys says so
            for path in signing.key_file_paths(folder) if folder is not None else []:
                if why := _no_key(path):
                    said.append(
                        f"key file {path} {why}: no key is read from it; remove it, or copy "
                        "the lead's .pub key file in its place"
                    )
                elif _guarded(origin) and (why := others_could_change(path)):
                    said.append(
                        f"key file {path} {why}: not trusted; make it writable by "
                        "administrators only"
                    )
    return said


def misnamed_key_files(sources: KeySources, unknown: set[str]) -> list[str]:
    """A key saved as "lead.pub.txt" (Windows hides the ending) was never read, and the
    self-test said only "signed with unknown key" of the lead's update (update attack,
    2026-12-07). Only a file holding the key of an update refused as unknown (`unknown`, key
    ids) is named, and never as a key to trust unasked: "rename it" of a former lead's key
    kept as "old-lead.pub.bak" would have trusted it again (verifier, 2026-12-07)."""
    suffix, said = signing.PUBLIC_SUFFIX, []
    for folder in (sources.machine, sources.install):
        with contextlib.suppress(OSError):  # not readable: the reading of the keys says so
            if folder is None or not folder.is_dir():
                continue
            with os.scandir(folder) as entries:
                names = sorted(
                    e.name
                    for e in entries
                    if e.is_file()
                    and not e.name.lower().endswith(suffix)
                    and e.stat().st_size <= 64 * 1024
                )
            for name in names:
                held = signing.public_key_in((folder / name).read_bytes())
                if held is not None and held[0] in unknown:
                    said.append(
                        f"key file {folder / name} holds key {held[0]}, which signed the "
                        f"update refused, but only files whose names end in {suffix} are "
                        f"read: if it is your current lead's key, rename it to end in "
                        f"{suffix}; if it is a former lead's, delete it"
                    )
    return said


def private_keys_left_in(sources: KeySources) -> list[str]:
    """A lead's private key in a keys folder IT keeps, said whether or not an update is
    there (none is, just after install, when IT copies the lead's files: re-attack)."""
    said = []
    for folder in (sources.machine, sources.install):
        with contextlib.suppress(OSError):  # not readable: the reading of the keys says so
            files = [e.name for e in os.scandir(folder) if e.is_file()] if folder else []
            said += signing.private_key_left(folder, files, by_content=True)
    return said


def _no_key(path: Path) -> str:
    if path.is_dir():
        return "is a folder"
    if path.is_symlink() and not path.exists():
        return "is a link to no file (to nothing, or round in a loop)"
    if not path.is_file():
        return "is no file (a pipe or a device)"
    if signing.public_key_in(path.read_bytes()) is None:
        return "holds no public key"
    return ""


def keys_folder_not_a_folder(sources: KeySources) -> list[str]:
    """The machine keys folder's path held by something that is no folder: IT copying the
    lead's key to "keys" before the folder was made made it a file of that name, and IT
    was told to add the very key it had put there (attack, 2026-12-03)."""
    folder = sources.machine
    try:
        if folder is None or folder.is_dir() or not os.path.lexists(folder):
            return []
    except OSError:  # not readable: the reading of the keys says so
        return []
    return [
        f"the trusted keys folder ({folder}) is not a folder: no key in it is read; make it a "
        "folder and put the lead's .pub key file inside it"
    ]


def public_key_from_text(value: str) -> tuple[str, VerifyKey] | None:
    """A base64 Ed25519 public key as policy holds it; None when it is not one."""
    from nacl.exceptions import CryptoError
    from nacl.signing import VerifyKey

    try:
        raw = base64.b64decode(value.strip(), validate=True)
        return signing.key_id(raw), VerifyKey(raw)
    except (ValueError, TypeError, CryptoError):
        return None


def key_files_half_read(sources: KeySources) -> set[str]:
    """Where a key may be missing from what was read only for a moment: each key file that
    holds no key (IT's tool caught copying it again), or a folder that cannot be listed now.
    Said as withdrawn, the new numbers a worker had been told to give were taken back for a
    check, and given again at the next (attack, 2026-12-07; H587)."""
    found = set()
    for folder in (sources.install, sources.machine):
        try:
            paths = signing.key_file_paths(folder) if folder is not None else []
            found |= {str(path) for path in paths if _no_key(path)}
        except OSError:
            found.add(str(folder))
    return found
