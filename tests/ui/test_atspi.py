"""Accessibility proven on a real bus: the app on an X display (Xvfb) with Qt's AT-SPI
bridge on, read by a separate process through pyatspi as a screen reader reads it, at the
first question, mid-Dash and on the plan. Skipped, with the reason, where the bus, the
display or python3-pyatspi (Debian; scripts/setup installs it with the test extra) is not
there."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.xdist_group("atspi")  # the app is read on the bus once, by one worker
SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = REPO / "tests" / "ui" / "atspi" / "app_read.py"


def missing() -> str | None:
    for tool in ("dbus-run-session", "xvfb-run", "Xvfb"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if os.path.exists(SYSTEM_PYTHON)
        else None
    )
    if probe is None or probe.returncode != 0:
        return "python3-pyatspi is not installed for the system's Python"
    return None


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    reason = missing()
    if reason:
        pytest.skip(reason)
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env |= {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "NAVIGATOR_MACHINE_FOLDER": str(home / "machine"),
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
    }
    result = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1366x768x24",
         sys.executable, str(DRIVER), SYSTEM_PYTHON, str(home)],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:  # no session bus, display or a11y bus here
        pytest.skip(f"no accessibility bus could start: {result.stderr[-600:]}")
    read = json.loads(lines[-1])
    if not read["first_question"] and not read["plan"]:
        pytest.skip("the accessibility bus started but answered nothing (no registry here)")
    return read


@pytest.mark.parametrize("stage", ["first_question", "mid_dash", "plan"])
def test_every_focusable_control_on_screen_has_a_name(read, stage):
    nodes = read[stage]
    assert len(nodes) > 20, "the app's tree was not read"
    unnamed = [n for n in nodes if n["focusable"] and n["showing"] and not n["name"].strip()]
    assert unnamed == []


def test_the_question_is_read_as_its_words_not_a_generic_word(read):
    labels = [n["name"] for n in read["first_question"] if n["role"] == "label"]
    assert read["prompt"] in labels
    assert not {"Question", "Help", "Section"} & set(labels)


def test_answers_are_buttons_not_check_boxes(read):
    roles = {n["role"] for n in read["first_question"] if n["showing"] and n["focusable"]}
    assert "push button" in roles and "check box" not in roles


def test_the_plans_numbers_are_reachable_as_text(read):
    number = read["first_number"]
    assert any(number in n["name"] or number in n["text"] for n in read["plan"] if n["showing"])


def test_hidden_tabs_are_not_reported_as_showing(read):
    search = [n for n in read["plan"] if n["name"] == "Search the service directory"]
    assert search and not any(n["showing"] for n in search)


def test_what_a_copy_button_did_is_announced_on_the_bus(read):
    """Copy number changed the status line and nothing was heard (a11y walk, 2026-12-07)."""
    heard = [e["data"] for e in read["copy_events"] if e["type"].startswith("object:announce")]
    assert read["status"].startswith("Copied ") and any(read["status"] in said for said in heard)


def test_the_inactivity_countdown_is_announced_on_the_bus(read):
    """Shown and never heard, it cleared a screen-reader user's case unwarned (a11y walk)."""
    heard = [e["data"] for e in read["countdown_events"] if e["type"].startswith("object:ann")]
    assert any(
        said.startswith("No activity: this conversation will be cleared in 59 s") for said in heard
    )


def test_a_new_reminder_is_announced_on_the_bus(read):
    heard = [e["data"] for e in read["events"] if e["type"].startswith("object:announcement")]
    # said first, with the question it came with (H593)
    assert heard and heard[-1].startswith(read["new_reminders"][-1])
