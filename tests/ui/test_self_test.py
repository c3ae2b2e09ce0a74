"""`python -m app --self-test`, as IT runs it after installing; and the palette-only rule."""

import re
import sys

from tests.conftest import REPO, run_app

# The self-test with a fault in a slot: Qt reports it (sys.excepthook) and the walk carries on
FAULT_IN_A_SLOT = r"""
import sys
import app.__main__ as entry
from app.ui.walk.reminders_panel import RemindersPanel

def broken(self, text):
    raise ImportError("a Qt class this PySide6 lacks")

RemindersPanel.announce = broken  # called from the answer slot when a reminder appears
sys.exit(entry.main(["--self-test"]))
"""


# The self-test with Ctrl+C pressed in IT's terminal mid-walk: the signal lands inside the
# slot that shows a reminder, as it did when pressed by hand (H630)
CTRL_C_MID_WALK = r"""
import os, signal, sys
import app.__main__ as entry
from app.ui.walk.reminders_panel import RemindersPanel

announce = RemindersPanel.announce

def pressed(self, text):
    os.kill(os.getpid(), signal.SIGINT)
    announce(self, text)

RemindersPanel.announce = pressed
sys.exit(entry.main(["--self-test"]))
"""


# Ctrl+C as the self-test's plan is counted: then the counts in the user store
CTRL_C_AS_THE_PLAN_IS_COUNTED = r"""
import os, signal, sys
import app.__main__ as entry
from app.user_data import UserData

counted = UserData.plan_shown

def pressed(self, *args, **kwargs):
    counted(self, *args, **kwargs)
    os.kill(os.getpid(), signal.SIGINT)

UserData.plan_shown = pressed
code = entry.main(["--self-test"])
from app.db.user_store import open_user_store
from app.paths import user_data_folder
store = open_user_store(user_data_folder())
print("counts:", store.counts())
sys.exit(code)
"""


# The self-test, with where each of Python's collections ran (H603)
COLLECTIONS_SEEN = r"""
import gc, sys, threading
import app.__main__ as entry

seen = set()
where = lambda phase, info: phase == "start" and seen.add(threading.current_thread().name)
gc.callbacks.append(where)
code = entry.main(["--self-test"])
print("collected on:", sorted(seen))
sys.exit(code)
"""


def test_the_self_test_collects_only_on_the_gui_thread(app_home):
    """It ran no event loop, so automatic collection was never taken over: collections ran
    on the directory search thread, the hang H603 cured in the app (helper-275, 2026-12-07)."""
    env = app_home.env | {"PYTHONPATH": str(REPO)}
    result = run_app("-c", COLLECTIONS_SEEN, env=env, command=(sys.executable,))
    assert result.returncode == 0, result.stderr
    assert "collected on: ['MainThread']" in result.stdout  # as its timer would, per answer


def test_self_test_exits_0_offscreen(app_home):
    result = run_app("--self-test", env=app_home.env)
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout


def test_self_test_fails_when_an_error_was_reported_during_the_walk(app_home):
    env = app_home.env | {"PYTHONPATH": str(REPO)}
    result = run_app("-c", FAULT_IN_A_SLOT, env=env, command=(sys.executable,))
    assert result.returncode == 1, result.stdout
    assert "unexpected error(s) during the run" in result.stderr
    assert "self-test passed" not in result.stdout
    (log,) = app_home.root.rglob("navigator.log")  # installed on Windows: no console
    assert "unexpected error(s) during the run" in log.read_text("utf-8").splitlines()[-2]


def test_ctrl_c_mid_walk_stops_the_self_test_and_says_so(app_home):
    """Raised inside the slot it landed in, it printed a traceback, the walk went on and
    said "passed" with exit code 0, and 3 in 14 runs crashed (helper-289, 2026-12-07;
    H630)."""
    env = app_home.env | {"PYTHONPATH": str(REPO)}
    result = run_app("-c", CTRL_C_MID_WALK, env=env, command=(sys.executable,))
    assert result.returncode == 130, result.stderr[-2000:]
    assert "self-test stopped: Ctrl+C was pressed" in result.stderr
    assert "Traceback" not in result.stderr and "self-test passed" not in result.stdout


def test_ctrl_c_once_the_plan_is_counted_leaves_no_count(app_home):
    """Stopped by Ctrl+C once its plan was shown, the self-test left its own counts in the
    organisation's reports (read-through, 2026-12-08; H630)."""
    env = app_home.env | {"PYTHONPATH": str(REPO)}
    result = run_app("-c", CTRL_C_AS_THE_PLAN_IS_COUNTED, env=env, command=(sys.executable,))
    assert result.returncode == 130, result.stderr[-2000:]
    assert "counts: []" in result.stdout


def test_self_test_fails_with_the_reason_on_a_broken_directory(app_home, tmp_path):
    broken = tmp_path / "directory.sqlite"
    broken.write_bytes(b"not a database" * 100)
    result = run_app("--directory", str(broken), "--self-test", env=app_home.env)
    assert result.returncode == 1
    assert "self-test failed" in result.stderr and "Traceback" not in result.stderr


def test_no_hard_coded_colours_or_stylesheets():
    """Colours come from the palette only, so Windows high contrast keeps working."""
    pattern = re.compile(r"setStyleSheet|QColor\(|#[0-9a-fA-F]{6}\b|Qt\.GlobalColor")
    for path in (REPO / "app" / "ui").rglob("*.py"):
        if path.name == "palettes.py":  # the one place colours are named, as palettes
            continue
        assert not pattern.search(path.read_text(encoding="utf-8")), path.name


def test_self_test_passes_whatever_tier_and_area_the_policy_sets(app_home):
    """A tier-1 policy (the IT guide's example) failed every self-test: the window walked at
    tier 1, the check expected tier 2's plan. The reasons of a failure go to the log too:
    installed on Windows, the app has no console (review 2026-12-01)."""
    from tests.conftest import machine_folder

    policy = machine_folder(app_home.env, "config", "policy.json")
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text('{"tier": 1, "default_borough": "sandwell"}', encoding="utf-8")
    result = run_app("--self-test", env=app_home.env)
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout


def test_a_file_name_in_its_share_is_printed_without_its_direction_characters(app_home):
    """A bundle named with a right-to-left override in IT's share was printed as it was,
    reordering the note IT reads (review 2026-12-01)."""
    from tests.conftest import machine_folder

    share = machine_folder(app_home.env, "data", "directory-updates")
    share.mkdir(parents=True, exist_ok=True)
    (share / "update-\u202efdp.navdir").write_bytes(b"not a bundle")
    result = run_app("--self-test", env=app_home.env)
    assert "\u202e" not in result.stderr and "update-\\x202efdp.navdir" in result.stderr


def test_the_self_test_fails_on_what_it_must_act_on(app_home):
    """A trailing comma made the whole policy (tier, exports) ignored, and the self-test
    said "passed" with exit code 0 (review 2026-12-01)."""
    from tests.conftest import machine_folder

    policy = machine_folder(app_home.env, "config", "policy.json")
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text('{"tier": 1, "allow_exports": 0,}', encoding="utf-8")
    result = run_app("--self-test", env=app_home.env)
    assert result.returncode == 1
    assert "self-test failed: policy file" in result.stderr and "not valid JSON" in result.stderr
    policy.write_text('{"tier": 1, "allow_exports": 0}', encoding="utf-8")
    assert run_app("--self-test", env=app_home.env).returncode == 0
    # a usual area written as it reads, not as the pathway names it: ignored, and passed
    policy.write_text('{"tier": 1, "default_borough": "Walsall"}', encoding="utf-8")
    result = run_app("--self-test", env=app_home.env)
    assert result.returncode == 1
    assert "'default_borough' = 'Walsall' ignored; allowed: one of the pathway's" in result.stderr
