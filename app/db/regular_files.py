"""Reading files that may be anything: a regular file's first bytes, or its whole bytes up
to a limit, never waiting on a pipe or a device put where a file was expected; and a large
file's sha256 a block at a time; and a file moved into a folder beside it (set aside,
put aside), whatever was in that folder's place."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path

from app.db.checks import Refused, Unreadable


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_regular_file(path: Path, limit: int, locked_retry: float = 0.0) -> bytes:
    """A regular file's bytes (at most `limit`): never waits on a pipe or device.
    `locked_retry`: seconds to wait before reading once more a file that is there but could
    not be read (an antivirus scan or a backup locks it for a moment on Windows: the app's
    own directory locked so gave a whole session of last-resort numbers; re-attack, H364)."""
    try:
        data, _ = read_head(path, limit + 1)
    except Unreadable:
        if not (locked_retry and os.path.lexists(path)):
            raise
        time.sleep(locked_retry)
        data, _ = read_head(path, limit + 1)
    if len(data) > limit:
        raise Refused(f"larger than {limit // (1024 * 1024)} MB")
    return data


def _kind(mode: int) -> str:
    """What an entry is, in IT's words: a copy onto a folder of an update's name put the
    update inside it, and IT read only "not a regular file" (attack, 2026-12-03)."""
    if stat.S_ISDIR(mode):
        return "a folder (a file copied onto it went inside it)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device (a file copied onto it went nowhere)"
    return "a pipe or socket"


def read_head(path: Path, count: int) -> tuple[bytes, int]:
    """A regular file's first `count` bytes and its size: never waits on a pipe or device."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise Unreadable(f"cannot read it ({error.strerror or error})") from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise Refused(f"not a regular file but {_kind(status.st_mode)}")
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(count), status.st_size
    except OSError as error:
        raise Unreadable(f"cannot read it ({error.strerror or error})") from None
    finally:
        os.close(handle)


def move_into(path: Path, folder_name: str, name: str = "") -> Path:
    """A file moved into a folder of this name beside it, made if need be; OSError if it
    cannot be. A file or a link in the folder's place is removed first: one kept every
    refused file where it was (review 2026-12-01)."""
    folder = path.parent / folder_name
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        folder.unlink()
    folder.mkdir(exist_ok=True)
    target = folder / (name or path.name)
    os.replace(path, target)
    return target
