"""One Navigator per user: a second launch brings the first window forward and ends.

Two parts. A lock file (QLockFile, in the temporary folder where QLocalServer keeps its
socket on Unix) says a copy is running from its first moment; it costs well under a
millisecond. A QLocalServer (a named pipe on Windows, a socket file on Unix, that only this
user can open: a local channel between two copies of the app, never the network) takes the
"come forward" message; loading QtNetwork for it costs ~10 ms, so the first copy listens
only once its first question has painted. A copy that finds the lock held waits for the
holder to listen, so a quick second launch never opens a second window, which quick exit
would not hide.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal

WAIT_MS = 500  # for a copy that is listening to accept the message
WAIT_FOR_HOLDER_S = 10.0  # for a copy still starting (its first question) to listen
POLL_S = 0.1


def instance_key(user_folder: str) -> str:
    """One name per user data folder, so two users on one machine never meet."""
    return "navigator-" + hashlib.sha256(user_folder.encode("utf-8")).hexdigest()[:16]


class SingleInstance(QObject):
    activated = Signal()  # another launch asked this one to come forward

    def __init__(self, key: str, lock_folder: str | None = None) -> None:
        super().__init__()
        self.key = key
        self.server = None  # QLocalServer once listening
        self.lock = QLockFile(str(Path(lock_folder or QDir.tempPath()) / f"{key}.lock"))
        # Never stale by age (the app runs all day): stale only when its process has ended,
        # which Qt checks by process id and name.
        self.lock.setStaleLockTime(0)

    def claim(self, wait_s: float = WAIT_FOR_HOLDER_S) -> bool:
        """True when this launch should open its window: it holds the lock, or no lock can
        be had (then it listens at once, as it can stand on nothing else). False when a
        copy already running was asked to come forward."""
        deadline = time.monotonic() + wait_s
        while not self.lock.tryLock(0):
            if self.forward_to_running():
                return False
            held = self.lock.error() == QLockFile.LockError.LockFailedError
            if not held or time.monotonic() >= deadline:
                self.listen()  # no lock here, or its holder never listened: open anyway
                return True
            time.sleep(POLL_S)
        return True

    def forward_to_running(self) -> bool:
        """True when another Navigator answered and was asked to come forward."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write(b"show\n")
        socket.waitForBytesWritten(WAIT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Take "come forward" messages (once: later calls say whether it is listening)."""
        if self.server is not None:
            return self.server.isListening()
        from PySide6.QtNetwork import QLocalServer

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
        self.lock.unlock()
