"""Python's cycle collector, run only on the GUI thread.

Left automatic, Python collects on whichever thread allocates past its threshold. On the
directory search thread it freed a PySide object: Qt's disconnect took Qt's lock and waited
for the GIL, which the GUI thread held while it waited for that lock. The window froze with
a case on screen, quick exit with it (H603). So automatic collection stays off for the app's
life, and a timer on the GUI thread collects each generation when Python's own thresholds
say it is due, as pyqtgraph's GarbageCollector does (pyqtgraph/util/garbage_collector.py,
after E. Janssens, "Should Python garbage collector be called from a thread?",
pydev.blogspot.com, March 2014)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

EVERY_MS = 500  # garbage waits at most this long; a young collection takes well under 1 ms

_launching: list[bool] = []  # set by the desktop app's launch (app/__main__.py)
_collector: list[QTimer] = []


def hold_for_launch() -> None:
    """No collection while the window starts: what it makes lives as long as the app
    (collecting took ~12 ms before the first question). `take_over` freezes it. No Qt is
    imported here: the launch calls this before PySide is loaded."""
    gc.disable()
    _launching.append(True)


def launch_held() -> bool:
    """True from `hold_for_launch` until `take_over`."""
    return bool(_launching)


def take_over() -> None:
    """From now on only the GUI thread collects. Made on the GUI thread, once a
    QApplication exists; again, it changes nothing."""
    gc.disable()
    if _launching:
        _launching.clear()
        # made before any case, it lives as long as the app, or until a newer directory
        # replaces the launch's (`refrozen`): no collection walks it
        gc.freeze()
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QTimer  # here: the launch imports this module

    if _collector and shiboken6.isValid(_collector[0]):
        return
    _collector.clear()  # its application gone (tests make one per run, the app one)

    timer = QTimer(QCoreApplication.instance())
    timer.setObjectName("gui collector")
    timer.timeout.connect(collect_due)
    timer.start(EVERY_MS)
    _collector.append(timer)


@contextmanager
def refrozen() -> Iterator[None]:
    """A newer directory put in place of the launch's (between conversations: nothing of a
    case is alive): the launch's frozen objects may go, and once it is in place, what is
    left is collected and frozen again, as the launch's was. Left thawed, a full collection
    walked it all: 14-25 ms on the GUI thread (helper-275, 2026-12-07)."""
    frozen = gc.get_freeze_count() > 0
    gc.unfreeze()
    yield
    if frozen:
        gc.collect()
        gc.freeze()


def collecting() -> bool:
    """True once only the GUI thread collects, with its timer running."""
    import shiboken6

    running = bool(_collector) and shiboken6.isValid(_collector[0]) and _collector[0].isActive()
    return not gc.isenabled() and running


def collect_due() -> int | None:
    """The generations Python's thresholds say are due, youngest first; the oldest one
    collected, or None."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    collected = None
    for generation in range(3):
        if counts[generation] <= thresholds[generation]:
            break
        gc.collect(generation)
        collected = generation
    return collected
