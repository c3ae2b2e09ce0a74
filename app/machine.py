"""The machine-wide folder IT controls: machine policy, trusted publisher keys, updates.

The installed app never takes this folder from the environment: a worker can set
variables for their own session (WIN_PD_OVERRIDE_COMMON_APPDATA, PROGRAMDATA,
XDG_CONFIG_DIRS…), so a folder named by one could hold a key or a policy they planted.
On Windows it is ProgramData as the system itself reports it (SHGetKnownFolderPath); on
Linux /etc/xdg/Navigator and /usr/local/share/Navigator; on macOS /Library/Application
Support/Navigator. Run from a source checkout (developers and the tests), the variable
NAVIGATOR_MACHINE_FOLDER moves it; the installed (frozen) app ignores that variable.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from stat import S_ISDIR, S_ISVTX

from app.records import record

DEVELOPER_VARIABLE = "NAVIGATOR_MACHINE_FOLDER"


@record
class MachineFolders:
    config: Path  # policy.json
    keys: Path  # trusted publisher keys (*.pub)
    updates: Path  # signed directory updates IT places for every user


def moved_by_developer() -> str | None:
    """The machine folder a developer named (a source checkout only), or None."""
    return os.environ.get(DEVELOPER_VARIABLE) if not getattr(sys, "frozen", False) else None


def installed_by_it() -> bool:
    """Whether the app's own files (its shipped directory, its keys) must be IT's, as the
    machine folder's are: the installed (frozen) app's on Linux. A worker who owned the
    unpacked install folder put a key of theirs in it, or their own shipped directory and
    its .sha256, and the self-test passed (re-attack round, 2026-12-02). Windows' install
    folder is guarded by the MSI's ACL; a source checkout's are its developer's; a macOS app
    copied into Applications is its user's (not a platform IT deploys to)."""
    return bool(getattr(sys, "frozen", False)) and sys.platform != "darwin"


def machine_folders() -> MachineFolders:
    if moved := moved_by_developer():
        root = Path(moved)
        return MachineFolders(root, root / "keys", root / "directory-updates")
    if sys.platform == "win32":
        root = _program_data() / "Navigator"
        return MachineFolders(root, root / "keys", root / "directory-updates")
    if sys.platform == "darwin":
        root = Path("/Library/Application Support/Navigator")
        return MachineFolders(root, root / "keys", root / "directory-updates")
    config = Path("/etc/xdg/Navigator")
    return MachineFolders(
        config, config / "keys", Path("/usr/local/share/Navigator/directory-updates")
    )


def _program_data() -> Path:
    """ProgramData from the Windows shell itself, not from an environment variable."""
    import ctypes
    from ctypes import wintypes

    class Guid(ctypes.Structure):
        _fields_ = [
            ("Data1", wintypes.DWORD),
            ("Data2", wintypes.WORD),
            ("Data3", wintypes.WORD),
            ("Data4", ctypes.c_ubyte * 8),
        ]

    # FOLDERID_ProgramData {62AB5D82-FDC1-4DC3-A9DD-070D1D495D97}
    folder_id = Guid(
        0x62AB5D82,
        0xFDC1,
        0x4DC3,
        (ctypes.c_ubyte * 8)(0xA9, 0xDD, 0x07, 0x0D, 0x1D, 0x49, 0x5D, 0x97),
    )
    found = ctypes.c_wchar_p()
    shell = ctypes.windll.shell32  # type: ignore[attr-defined]
    if shell.SHGetKnownFolderPath(ctypes.byref(folder_id), 0, None, ctypes.byref(found)) != 0:
        raise OSError("Windows did not report the ProgramData folder")
    try:
        return Path(found.value)
    finally:
        ctypes.windll.ole32.CoTaskMemFree(found)  # type: ignore[attr-defined]


# IT's files (the policy, a publisher's key) as Windows saves them: Notepad and PowerShell
# write a byte-order mark, or UTF-16; both are read
ENCODINGS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def encoding_of(raw: bytes) -> str:
    """The encoding an IT file was saved in, by its byte-order mark; UTF-8 without one."""
    return next((name for mark, name in ENCODINGS if raw.startswith(mark)), "utf-8")


LINK_LOOP = "is a link that leads round in a loop, to no file"


def others_could_change(path: Path) -> str:
    """Why a file IT places (the policy, a publisher's key) could be another account's
    doing: it or its folder owned by an account other than root (the worker's own too),
    writable by others, or given an access list (whose group bits are only its mask: a key
    file rw-rw-r-- root:root with an entry for another account passed, and a folder others
    could write let a key be swapped in while it was read: eleventh attack round). '' when it
    is IT's, and on Windows, where the MSI's ACL guards the folder (docs/it-admin.md).
    A policy.json any user could write let a worker's colleague add their own key and
    update folder, and every self-test passed (IT review 2026-12-01)."""
    if os.name == "nt":
        return ""
    places = [(path, "", True), (path.parent, f"is in a folder ({path.parent}) that ", True)]
    # the account running the app counts as IT's only in a folder a developer moved (their
    # own): a worker's own policy.json trusted a key of theirs, and their planted number
    # passed the self-test (attack, 2026-12-02)
    owners = {0, os.getuid()} if moved_by_developer() else {0}
    try:
        reached = _reached_through(path)
    except RuntimeError:  # a link loop, as Python before 3.13 says it (not an OSError)
        # two links to each other in IT's folder stopped every start (attack, H338)
        return LINK_LOOP
    for place, where, wholly in places + reached:
        # a link's mode means nothing; a folder above may be /tmp (any user's, sticky): owners
        status = place.stat() if wholly else place.lstat()
        if status.st_uid == os.getuid() and status.st_uid not in owners:
            return (
                f"{where}belongs to the account running Navigator (user id {status.st_uid}), "
                "not to an administrator"
            )
        if status.st_uid not in owners:
            return f"{where}belongs to another account (user id {status.st_uid})"
        # a folder above, others may write and not sticky (as /tmp is): they could rename
        # what is in it, and a link of theirs put in place of the keys folder trusted a
        # withdrawn key again (attack, 2026-12-03)
        above_open = not wholly and S_ISDIR(status.st_mode) and not status.st_mode & S_ISVTX
        if (wholly or above_open) and _writable_by_others(status):
            return f"{where}can be changed by other accounts (mode {status.st_mode & 0o7777:o})"
        if not (wholly or above_open):
            continue
        # a folder above too: its group bits are the list's mask, and "rwx for mallory" on
        # the machine folder's parent let her rename it away (re-attack, 2026-12-03)
        if _access_list(place):  # its group bits are then the list's mask (attack review)
            return f"{where}has an access list that may let other accounts change it"
    return ""


def _writable_by_others(status: os.stat_result) -> bool:
    return bool(status.st_mode & 0o002 or (status.st_mode & 0o020 and status.st_gid != 0))


def _reached_through(path: Path) -> list[tuple[Path, str, bool]]:
    """What a file is reached through besides itself and its folder: every link on the way
    by its owner, each folder a link sits in and the folder the file is really in by the
    whole rule, and every folder above them all, as named and as they really are, by its
    owner (one of another account's could have its contents swapped). A link in IT's
    folder into a folder any user writes passed (attack, 2026-12-02), and after that a link
    to a link another account owns, a link through a folder of theirs, and a policy's
    folder under one (re-attack rounds)."""
    # its folder as named, too: a link there of another account's passed (attack, 2026-12-03)
    places, above, link = [], {path.parent, *path.parent.parents}, path
    for _ in range(40):  # as the system's own limit on links followed
        if not link.is_symlink():
            break
        places.append((link, f"is reached through a link ({link}) that ", False))
        if link != path:
            places.append((link.parent, f"is reached through a folder ({link.parent}) that ", True))
        link = link.parent / os.readlink(link)
        above |= {link.parent, *link.parent.parents}
    if path.is_symlink():
        real = path.resolve().parent
        places.append((real, f"is a link into a folder ({real}) that ", True))
    # where it really is, too: a folder above it named through a link (IT's machine folder a
    # link into another account's folder) passed (fourth attack round, 2026-12-02)
    above |= set(path.resolve().parents)
    ordered = sorted(above, key=lambda folder: len(folder.parts))
    return places + [(up, f"is reached through a folder ({up}) that ", False) for up in ordered]


def _access_list(place: Path) -> bool:
    """A POSIX access list on a file or folder (Linux); where one cannot be read, none."""
    try:
        names = os.listxattr(place)
    except (AttributeError, OSError):  # macOS has no listxattr here; a file system without
        return False
    return any(name in names for name in ("system.posix_acl_access", "system.posix_acl_default"))
