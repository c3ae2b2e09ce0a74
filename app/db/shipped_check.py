"""The app's own directory, checked against the .sha256 installed beside it.

The floor every laptop stands on: no update can take a laptop below it, so it is used only
as installed. In the installed app on Linux its files must also be IT's (a worker who owned
the unpacked install folder put in their own directory and its .sha256: re-attack round,
2026-12-02).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.db.checks import Refused
from app.db.regular_files import read_regular_file
from app.machine import installed_by_it, others_could_change

MAX_SHIPPED_BYTES = 256 * 1024 * 1024


def check_shipped(path: Path, data: bytes) -> None:
    """Refused, in words, unless `data` (read from `path`) is the directory installed."""
    record = path.with_name(path.name + ".sha256")
    unread = Refused(f"{path} has no readable .sha256 beside it")
    for place in (path, record) if installed_by_it() else ():
        try:
            why = others_could_change(place)  # its .sha256 rewritten with it passed
        except OSError as error:  # gone (a virus scanner's quarantine): "FileNotFoundError"
            gone = f"{place} cannot be read now ({error.strerror or error})"  # (H445)
            raise (unread if place == record else Refused(gone)) from None
        if why:
            raise Refused(f"{place} {why}: reinstall Navigator writable by administrators only")
    try:  # locked for a moment as the directory may be (H364)
        expected = read_regular_file(record, 4096, locked_retry=0.5).decode().split()[0]
    except (Refused, UnicodeDecodeError, IndexError):
        raise unread from None
    if hashlib.sha256(data).hexdigest() != expected:
        raise Refused(f"{path} has been altered since it was installed (sha256 differs)")
