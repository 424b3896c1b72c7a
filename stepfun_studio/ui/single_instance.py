"""One Studio per library: a second launch hands its files to the running window and exits.

`stepfun-studio picture.png`, or "Open with" in a file manager, starts a second process. Two
windows on one library would fight over its queue, so the second process connects to the first
through a local socket (a named pipe on Windows, a Unix socket elsewhere), sends the paths it was
given as one JSON line, waits for the first to say it took them, and exits. The first shows the
drop choices for those files, as if they had been dropped on its window.

The socket's name comes from the data folder, so each `STEPFUN_STUDIO_HOME` (tests, portable
copies) is its own instance. QtNetwork is imported only when a socket is used: a lone start on a
Unix-like system sees that no socket file exists and makes its own server after the first paint.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

# Bounds for the hand-over: a running instance answers within milliseconds; one that does not
# answer within these is hung or gone, and this launch carries on as the first.
CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 3000
MAX_MESSAGE_BYTES = 256 * 1024
ACK = b"ok\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"stepfun-studio-{digest}"


def files_in(argv: list[str]) -> list[str]:
    """The arguments that name existing files, as absolute paths (options are skipped)."""
    found = []
    for argument in argv:
        if argument.startswith("-"):
            continue
        path = Path(argument)
        if path.is_file():
            found.append(str(path.resolve()))
    return found


def nobody_listens(name: str) -> bool:
    """True when surely no instance listens on `name`: on Unix-like systems, no socket file at
    the path Qt gives a plain name (in its temp folder). On Windows (named pipes) only trying to
    connect can tell, so this is never sure there."""
    if sys.platform == "win32":
        return False
    return not Path(QDir.tempPath(), name).exists()


def hand_over(name: str, files: list[str]) -> bool:
    """True when a running instance took `files` (then this process should exit)."""
    if nobody_listens(name):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(json.dumps({"files": files}).encode("utf-8") + b"\n")
    socket.flush()
    reply = b""
    while ACK not in reply and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return ACK in reply


class _Connection(QObject):
    """One later launch's socket: reads its line, answers, emits the files.

    A child of its socket, so Qt deletes both together and no signal reaches a deleted object.
    """

    def __init__(self, socket: QLocalSocket, server: InstanceServer) -> None:
        super().__init__(socket)
        self._socket = socket
        self._server = server
        self._data = b""
        # No deleteLater on disconnect: the server owns its sockets and deletes them with
        # itself; a deferred delete racing that teardown crashed the process. A launch costs
        # one idle socket object until quit.
        socket.readyRead.connect(self._read)

    def _read(self) -> None:
        self._data += bytes(self._socket.readAll().data())
        if len(self._data) > MAX_MESSAGE_BYTES:
            log.warning("single instance: a message over %d bytes was refused", MAX_MESSAGE_BYTES)
            self._socket.abort()
            return
        if b"\n" not in self._data:
            return
        line = self._data.split(b"\n", 1)[0]
        try:
            message = json.loads(line.decode("utf-8"))
            files = [str(item) for item in message.get("files", []) if isinstance(item, str)]
        except (ValueError, AttributeError):
            log.warning("single instance: an unreadable message was ignored")
            self._socket.abort()
            return
        self._socket.write(ACK)
        self._socket.flush()
        self._server.files_received.emit(files)


class InstanceServer(QObject):
    """Listens for later launches and emits the files each one hands over."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)
        if not self._server.listen(name):
            # A socket file left by a crashed instance: nothing answered on it (hand_over failed
            # before we got here), so it is stale and safe to remove.
            QLocalServer.removeServer(name)
            if not self._server.listen(name):
                log.warning("single instance: cannot listen on %s", self._server.errorString())

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            _Connection(socket, self)
