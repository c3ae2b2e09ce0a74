"""Ctrl+C held while a part that cannot be stopped mid-way runs (H630)."""

import os
import signal
import sys

import pytest

from app.ctrl_c import CtrlCHeld
from tests.conftest import REPO, run_app


def test_ctrl_c_is_noted_inside_and_never_raised_there():
    before = signal.getsignal(signal.SIGINT)
    with CtrlCHeld() as held:
        os.kill(os.getpid(), signal.SIGINT)
        assert held.pressed
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_held_is_raised_once_the_part_is_over():
    with pytest.raises(KeyboardInterrupt), CtrlCHeld(raise_after=True):
        os.kill(os.getpid(), signal.SIGINT)


# Ctrl+C pressed as Qt's modules load: inside shiboken's start (the first module its C
# code imports), as IT's terminal sends it
CTRL_C_AS_QT_LOADS = r"""
import os, signal, sys
import app.__main__ as entry

class PressedAsShibokenLoads:
    started = False

    def find_spec(self, name, path=None, target=None):
        if self.started:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        self.started = self.started or name == "shiboken6.Shiboken"
        return None

sys.meta_path.insert(0, PressedAsShibokenLoads())
sys.exit(entry.main(["--self-test"]))
"""


def test_ctrl_c_as_qt_loads_is_said_never_a_fatal_error(app_home):
    """Raised inside shiboken's start it ended the process with "Fatal Python error:
    libshiboken/signature: could not initialize" and a dump of its frames (own attack,
    2026-12-08; H630)."""
    env = app_home.env | {"PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    result = run_app("-c", CTRL_C_AS_QT_LOADS, env=env, command=(sys.executable,))
    assert result.returncode == 130, result.stderr[-2000:]
    assert result.stderr.strip() == "stopped: Ctrl+C was pressed"
