"""An unexpected error: a message to the worker, a log line for IT, never a traceback."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable

from app.event_log import EventLog

MESSAGE = (
    "Something unexpected went wrong in Navigator. Check the plan on screen again, or start "
    "a new conversation. In an emergency call 999."
)


def install_error_handler(log: EventLog, show: Callable[[str], None] | None = None) -> None:
    """Route every uncaught exception (also in Qt slots) to a message and the log."""
    show = show or show_message

    def handle(kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        written = log.error(kind, tb)
        forget_frames(tb)
        where = (
            f" IT can find what happened, without any case details, in {log.path}."
            if written
            else " The log could not be written."
        )
        show(MESSAGE + where)

    sys.excepthook = handle


def forget_frames(tb) -> None:
    """What the failing code held (an answer given, the plan) let go once the error is
    logged: Python keeps the last uncaught error's traceback, and its frames' locals with
    it, until the next, past a quick exit (helper-275, 2026-12-07)."""
    traceback.clear_frames(tb)
    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, name):
            setattr(sys, name, None)


_open_messages: list = []  # kept alive until closed


def show_message(text: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox  # its Qt types made only if ever needed

    box = QMessageBox(QMessageBox.Icon.Warning, "Navigator", text)
    box.setTextFormat(Qt.TextFormat.PlainText)  # an error's words may name a file (H473)
    box.finished.connect(lambda _result: _open_messages.remove(box))
    _open_messages.append(box)
    box.open()  # not modal-blocking: the conversation stays usable
