"""The app's log: events and errors, never answers, search words or error messages.

An exception's message can carry a value from the case (KeyError('walsall'), a ValueError
naming an answer), so only its type and where it happened (file, line, function) are
written. Events are fixed sentences from the code, plus version numbers and paths.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from app.private_files import open_own, private_folder

FILE_NAME = "navigator.log"
MAX_BYTES = 256 * 1024  # then the log starts again, keeping one older file


def log_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("Navigator", appauthor=False))


class EventLog:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or log_folder()
        self.path = self.folder / FILE_NAME
        self.errors = 0  # unexpected errors reported (the self-test fails on any)

    def event(self, text: str) -> bool:
        """Write one line; False when the log cannot be written (the app goes on)."""
        stamp = datetime.now().isoformat(timespec="seconds")
        try:
            private_folder(self.folder)
            if os.path.lexists(self.path) and self.path.lstat().st_size > MAX_BYTES:
                os.replace(self.path, self.path.with_name(FILE_NAME + ".1"))
            with os.fdopen(open_own(self.path), "a", encoding="utf-8") as log:
                log.write(f"{stamp} {printable(text)}\n")
        except OSError:
            return False
        return True

    def error(self, kind: type[BaseException], tb: TracebackType | None) -> bool:
        self.errors += 1
        return self.event(describe_error(kind, tb))


def printable(text: str) -> str:
    """Control and direction characters (a file name in IT's share may hold a right-to-left
    override, which reorders what is shown) written as codes."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def describe_error(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The error's type and frames, without its message or any variable's value."""
    frames = [
        f"{_short(frame.filename)}:{frame.lineno} in {frame.name}"
        for frame in traceback.extract_tb(tb)
    ]
    return f"unexpected error {kind.__name__} at " + " <- ".join(reversed(frames) or ["?"])


def _short(filename: str) -> str:
    parts = Path(filename).parts
    return "/".join(parts[parts.index("app") :]) if "app" in parts else Path(filename).name
