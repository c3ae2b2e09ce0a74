"""Ctrl+C in the terminal that started Navigator, held while a part that cannot be stopped
mid-way runs, then taken. Raised where it landed, inside shiboken's start it ended the process
with "Fatal Python error" and a dump of its frames; inside a slot of the self-test's walk it
printed a traceback, the walk went on and said "passed", and 3 in 14 runs crashed (own attack
and helper-289, 2026-12-07/08; H630). No Qt."""

from __future__ import annotations

import signal


class CtrlCHeld:
    """`with CtrlCHeld() as held:` Ctrl+C noted in `held.pressed`, never raised inside;
    `raise_after`: raised as KeyboardInterrupt once the block is over."""

    def __init__(self, raise_after: bool = False) -> None:
        self.raise_after, self.pressed = raise_after, False

    def __enter__(self) -> CtrlCHeld:
        self.before = signal.signal(signal.SIGINT, self._noted)
        return self

    def _noted(self, _signal, _frame) -> None:
        self.pressed = True

    def __exit__(self, *_exc) -> None:
        signal.signal(signal.SIGINT, self.before)
        if self.pressed and self.raise_after:
            raise KeyboardInterrupt
