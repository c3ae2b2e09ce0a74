"""Files and folders of the worker's own: made for their account alone, and never written
through a link or a second name another account put in their place (attack F17: the log,
followed through a link, was written into the worker's shell start-up file)."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

NOT_OWN = "not a file of this account's own (a link, a second name of a file, or another's)"


def private_folder(folder: Path) -> None:
    """`folder` made for this account alone; one an older version made with the system's
    default permissions (other accounts could read the counts kept there) is narrowed."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    _narrow(folder, folder.lstat(), 0o700)


def open_own(path: Path, append: bool = True) -> int:
    """A descriptor writing `path` (new: for this account alone). OSError for a link, a
    file with a second name (a hard link to another file), another account's file, or
    anything not a regular file (a pipe is never waited on)."""
    if path.is_symlink():  # where the system has no O_NOFOLLOW
        raise OSError(errno.ELOOP, NOT_OWN, str(path))
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else 0)
    for name in ("O_NOFOLLOW", "O_NONBLOCK", "O_BINARY"):
        flags |= getattr(os, name, 0)
    handle = os.open(path, flags, 0o600)
    status = os.fstat(handle)
    ours = getattr(os, "getuid", lambda: status.st_uid)() == status.st_uid
    if not stat.S_ISREG(status.st_mode) or status.st_nlink > 1 or not ours:
        os.close(handle)
        raise OSError(errno.EPERM, NOT_OWN, str(path))
    _narrow(handle, status, 0o600)
    if not append:  # emptied only once it is known to be ours
        os.ftruncate(handle, 0)
    return handle


def write_own(path: Path, data: str | bytes) -> None:
    """`path` holds `data` (text as UTF-8), written only as open_own allows."""
    with os.fdopen(open_own(path, append=False), "wb") as out:
        out.write(data.encode("utf-8") if isinstance(data, str) else data)


def narrow_file(path: Path) -> None:
    """A file made by another library (SQLite) narrowed to this account, if it is ours."""
    with contextlib.suppress(OSError):
        _narrow(path, path.lstat(), 0o600)


def _narrow(target: Path | int, status: os.stat_result, mode: int) -> None:
    if os.name != "posix" or stat.S_ISLNK(status.st_mode) or status.st_uid != os.getuid():
        return
    if stat.S_IMODE(status.st_mode) & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(target, mode)
