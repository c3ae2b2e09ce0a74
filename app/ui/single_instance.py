"""One Navigator per user: a second launch brings the first window forward and ends.

It uses QLocalServer, a named pipe on Windows and a socket file on Unix that only this
user can open: a local channel between two copies of the app, never the network.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 500


def instance_key(user_folder: str) -> str:
    """One name per user data folder, so two users on one machine never meet."""
    return "navigator-" + hashlib.sha256(user_folder.encode("utf-8")).hexdigest()[:16]


class SingleInstance(QObject):
    activated = Signal()  # another launch asked this one to come forward

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.server: QLocalServer | None = None

    def forward_to_running(self) -> bool:
        """True when another Navigator answered and was asked to come forward."""
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
