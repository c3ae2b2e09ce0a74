"""One Navigator per user: a second launch brings the first window forward and ends.

It uses QLocalServer, a named pipe on Windows and a socket file on Unix that only this
user can open: a local channel between two copies of the app, never the network. On Unix
the socket is in the user's own runtime folder (XDG_RUNTIME_DIR, which only they can
enter): in the shared temp folder another user could make a socket of the same name first,
and every launch "brought it forward" and ended, with no window (review 2026-12-01). Where
there is no such folder, a socket there that is not this user's is never answered to.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 500


def instance_key(user_folder: str) -> str:
    """One name per user data folder, so two users on one machine never meet; on Unix a
    path in the user's private runtime folder when there is one."""
    name = "navigator-" + hashlib.sha256(user_folder.encode("utf-8")).hexdigest()[:16]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and _private(Path(runtime)):
        return str(Path(runtime) / name)
    return name


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
