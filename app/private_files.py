"""Files and folders of the worker's own: made for their account alone, and never written
through a link or a second name another account put in their place (attack F17: the log,
followed through a link, was written into the worker's shell start-up file)."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

NOT_OWN = "not a file of this account's own (a link, a second name of a file, or another's)"
NOT_OWN_FOLDER = "it belongs to another account; only this account's own folder is used"
OPEN_TO_ALL = "every account can change what is in it; only a folder of this account's is used"


def private_folder(folder: Path) -> None:
    """`folder` made for this account alone; one an older version made with the system's
    default permissions (other accounts could read the counts kept there) is narrowed."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    own_folder(folder)


def own_folder(folder: Path) -> None:
    """OSError when `folder`, a folder holding it, or one holding where its link leads,
    belongs to another account (the system's aside): that account could swap what is kept
    there (attack F20: a worker's update folder made beforehand by another account, open
    to all, was used without a word; its re-attack: a link to ours in a folder of theirs).
    One of ours open to others is narrowed. Absent is not another's."""
    if os.name != "posix" or not os.path.exists(folder):
        return
    for place in dict.fromkeys([folder, *folder.parents, *folder.resolve().parents]):
        status = place.stat()
        # open to all without the sticky bit (/tmp has it): anyone could swap what is in it
        swappable = status.st_mode & (stat.S_IWOTH | stat.S_ISVTX) == stat.S_IWOTH
        if status.st_uid not in (os.getuid(), 0):
            raise OSError(errno.EPERM, NOT_OWN_FOLDER, str(place))
        if swappable and (place != folder or status.st_uid != os.getuid()):  # ours: narrowed
            raise OSError(errno.EPERM, OPEN_TO_ALL, str(place))
    _narrow(folder, folder.lstat(), 0o700)


def own_file(path: Path) -> None:
    """OSError when `path` is a link, a second name of a file, or another account's file
    (absent is none of them)."""
    status = path.lstat() if os.path.lexists(path) else None
    if status and (stat.S_ISLNK(status.st_mode) or _shared_or_theirs(status)):
        raise OSError(errno.EPERM, NOT_OWN, str(path))


def _shared_or_theirs(status: os.stat_result) -> bool:
    """A file with a second name (a hard link to another file), or another account's."""
    ours = getattr(os, "getuid", lambda: status.st_uid)() == status.st_uid
    return status.st_nlink > 1 or not ours


def open_own(path: Path) -> int:
    """A descriptor appending to `path` (new: for this account alone). OSError for a link,
    a file with a second name (a hard link to another file), another account's file, or
    anything not a regular file (a pipe is never waited on)."""
    if path.is_symlink():  # where the system has no O_NOFOLLOW
        raise OSError(errno.ELOOP, NOT_OWN, str(path))
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
    for name in ("O_NOFOLLOW", "O_NONBLOCK", "O_BINARY"):
        flags |= getattr(os, name, 0)
    handle = os.open(path, flags, 0o600)
    status = os.fstat(handle)
    if not stat.S_ISREG(status.st_mode) or _shared_or_theirs(status):
        os.close(handle)
        raise OSError(errno.EPERM, NOT_OWN, str(path))
    _narrow(handle, status, 0o600)
    return handle


def replace_own(target: Path, data: str | bytes) -> None:
    """`target` replaced whole by `data` (text as UTF-8): written to a new file of this
    account's beside it, under a name no one could plant first, then moved over it (a
    link in its place is replaced, never followed)."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".navigator-", suffix=".part")
    partial = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def narrow_file(path: Path) -> None:
    """A file made by another library (SQLite) narrowed to this account, if it is ours."""
    with contextlib.suppress(OSError):
        _narrow(path, path.lstat(), 0o600)


def _narrow(target: Path | int, status: os.stat_result, mode: int) -> None:
    if os.name != "posix" or stat.S_ISLNK(status.st_mode) or status.st_uid != os.getuid():
        return
    if stat.S_IMODE(status.st_mode) & 0o077:
        with contextlib.suppress(OSError):  # only taken away: a folder IT made read-only
            os.chmod(target, stat.S_IMODE(status.st_mode) & mode)  # was made writable (F7)
