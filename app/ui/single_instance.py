"""One Navigator per user: a second launch brings the first window forward and ends.

It uses QLocalServer, a named pipe on Windows and a socket file on Unix that only this
user can open: a local channel between two copies of the app, never the network. On Unix
the socket is in the user's own runtime folder (XDG_RUNTIME_DIR, which only they can
enter): in the shared temp folder another user could make a socket of the same name first,
and every launch "brought it forward" and ended, with no window (review 2026-12-01). Where
there is no such folder, a socket there that is not this user's is never answered to.
On Windows a pipe's name is seen by every account on the machine, so the name holds a random
word kept in the user's own folder, which no other account can read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 500
SECRET = "instance.secret"


def instance_key(user_folder: str) -> str:
    """One name per user data folder, so two users on one machine never meet, that no other
    account can work out; on Unix a path in the user's private runtime folder when there is
    one."""
    named = user_folder + _secret(Path(user_folder) / SECRET)
    name = "navigator-" + hashlib.sha256(named.encode("utf-8")).hexdigest()[:16]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and _private(Path(runtime)):
        return str(Path(runtime) / name)
    return name


def _secret(path: Path) -> str:
    """The user's random word, made on the first launch. A pipe named from the folder alone
    could be made first by another account on a terminal server, with an access list open to
    all: each of this worker's launches asked it to come forward, and ended with no window
    (as Meziantou.Framework#2394 and noctty#185 found of theirs; seen 2026-12-01). Empty
    where the folder cannot be written, or what is there is not a short file (a pipe put
    there waited for ever with no window, a link to /dev/zero filled the memory: attack,
    2026-12-07): the name is then the folder's alone, as before."""
    if os.path.lexists(path):
        return _read_word(path)
    made = path.with_name(f"{SECRET}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(made, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="ascii") as written:
            written.write(secrets.token_hex(16))
        # whole, and never over the word of a launch made at the same moment
        with contextlib.suppress(FileExistsError):
            os.link(made, path)
        return _read_word(path)
    except OSError:
        return ""
    finally:
        with contextlib.suppress(OSError):
            made.unlink(missing_ok=True)


def _read_word(path: Path) -> str:
    """The word in a regular file; opened without waiting (a pipe would wait for a writer),
    and never more than a word read."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return ""
    if not stat.S_ISREG(os.fstat(handle).st_mode):  # a folder: fdopen refused it, unsaid
        os.close(handle)
        return ""
    with os.fdopen(handle, "rb") as file:
        word = file.read(64)
    try:
        return word.decode("ascii").strip()
    except ValueError:
        return ""


def _private(folder: Path) -> bool:
    try:
        status = folder.stat()
    except OSError:
        return False
    return status.st_uid == os.getuid() and not status.st_mode & 0o077


def _someone_elses(key: str) -> bool:
    """A socket file at the name that another user made (Unix; a name alone is in the temp
    folder, where Qt puts it: TMPDIR, or /tmp)."""
    if sys.platform == "win32":
        return False
    try:
        return Path(os.environ.get("TMPDIR") or "/tmp", key).lstat().st_uid != os.getuid()
    except OSError:
        return False


class SingleInstance(QObject):
    activated = Signal()  # another launch asked this one to come forward

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.server: QLocalServer | None = None

    def forward_to_running(self) -> bool:
        """True when another Navigator answered and was asked to come forward."""
        if _someone_elses(self.key):
            return False
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write(b"show\n")
        socket.waitForBytesWritten(WAIT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.key):
            QLocalServer.removeServer(self.key)  # left behind by a copy that crashed
            if not self.server.listen(self.key):
                return False
        self.server.newConnection.connect(self._connected)
        return True

    def _connected(self) -> None:
        while self.server is not None and (connection := self.server.nextPendingConnection()):
            connection.disconnected.connect(connection.deleteLater)
            self.activated.emit()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
