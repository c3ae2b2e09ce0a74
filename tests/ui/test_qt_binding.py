"""The installed Qt binding keeps Python's reference counts. PySide6 6.12.0 dropped a
reference to True on every Signal.emit() from Python; the app emits on every answer, so
after a few hundred answers in one session it aborted (bool_dealloc), mid-conversation.
pyproject.toml excludes that release; this fails for any release with the same fault."""

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    answered = Signal(object)


def test_emitting_a_signal_keeps_the_reference_count_of_true():
    emitter = Emitter()
    heard = []
    emitter.answered.connect(lambda value: heard.append(value is None))
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.answered.emit(None)
    assert len(heard) == 200
    assert sys.getrefcount(True) - before >= 200  # one True kept in `heard` per answer
