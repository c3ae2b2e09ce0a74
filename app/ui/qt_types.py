"""Every Python type of the Qt modules the app uses, made before the app-wide event filter
is installed, in small steps after the first question is on screen (hazard H57).

PySide6 6.11 makes each Python type on first use ("lazy"). When C++ hands Python an object
whose type is not yet made and whose base is not made either (the app-wide quick-exit filter
is handed every object and event in the app), the nested making crashes the process. Making
every type at import (lazy off) costs about 0.2 s before the first window, more than the
whole bare-window launch; made here instead, the worker sees the first question while the
rest is made in steps of a few milliseconds, and the filter is installed only when all are.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtNetwork, QtWidgets
from PySide6.QtCore import QTimer

# Every PySide6 module the installed app imports (the self-test's QtTest is made by its own
# use, before any window); tests/ui/test_qt_types.py fails when app/ imports another.
MODULES = (QtCore, QtGui, QtWidgets, QtNetwork)
STEP_S = 0.004  # the longest the GUI thread is held by one step (one type takes ≤ 3 ms)

_waiting: list[Callable[[], None]] = []
_state = {"started": False, "stepping": False, "made": False}


def unmade() -> list[tuple[object, str]]:
    """(module, name) of every type not yet made: a made one is in its module's dict."""
    return [
        (module, name) for module in MODULES for name in dir(module) if name not in vars(module)
    ]


def make_first() -> None:
    """Events, which C++ hands Python from the first paint on: ~2 ms, made before the
    window. Style options (~5 ms) are made with the rest: the few the first question's
    overrides are handed (the item delegate's sizes; the focus ring, made after the first
    paint) are made there, safely outside the app-wide filter."""
    for module, name in unmade():
        # Accessibility events are not QEvents (no filter or handler is handed one) and the
        # graphics scene is not used: made with the rest.
        if name.endswith("Event") and not name.startswith(("QAccessible", "QGraphicsScene")):
            getattr(module, name)


def start() -> None:
    """A launch is under way: windows made from now on wait for make_in_steps to install
    their filters. Events are made now (make_first)."""
    if not _state["started"]:
        _state["started"] = True
        make_first()


def make_in_steps() -> None:
    """Make the rest a step at a time from the event loop, from the first question's first
    paint on (application.py): the question is answerable meanwhile, a key waiting at most
    one step."""
    start()
    if _state["stepping"] or _state["made"]:
        return
    _state["stepping"] = True
    pending = deque(unmade())

    def step() -> None:
        deadline = time.perf_counter() + STEP_S
        while pending and time.perf_counter() < deadline:
            module, name = pending.popleft()
            getattr(module, name)
        if pending:
            QTimer.singleShot(0, step)
        else:
            _finish()

    QTimer.singleShot(0, step)


def make_all_now() -> None:
    """Where no launch started the steps (the self-test, a window opened on its own)."""
    _state["started"] = True
    for module, name in unmade():
        getattr(module, name)
    _finish()


def when_made(then: Callable[[], None]) -> None:
    """Call `then` once every type is made: now if they are (or no steps are running, which
    makes them now), else when the last step ends."""
    if _state["made"]:
        then()
    elif _state["started"]:
        _waiting.append(then)
    else:
        make_all_now()
        then()


def _finish() -> None:
    _state["made"] = True
    while _waiting:
        _waiting.pop(0)()
