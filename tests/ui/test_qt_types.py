"""Qt's Python types are made after the first question shows, before quick exit's app-wide
filter is installed (H57); the launch does not wait for them."""

import json
import re
import sys

from app.ui import qt_types
from tests.conftest import REPO, run_app

# The real launch (as `python -m app`), PySide6's types lazy as shipped. While the types are
# still being made the worker answers the first question by key, and the Quick exit button
# clears the case; once quick exit watches, Shift ×3 clears the window too. A crash would
# end the process without its report.
LAUNCH = r"""
import json, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from app.ui import application, qt_types

app = QApplication(sys.argv)
application.launch(app, directory=None)
seen = {"answered_while_making": False, "watching_with_types_unmade": False}

def check():
    window = getattr(app, "navigator_window", None)
    if window is None or not window.question_page.panel.isVisible():
        return
    unmade = len(qt_types.unmade())
    seen.setdefault("unmade_when_answerable", unmade)
    if unmade and not seen["answered_while_making"]:
        first = window.session.question.id
        QTest.keyClick(app.focusWidget() or window.question_page.panel, Qt.Key.Key_N)  # "No"
        seen["answered_while_making"] = window.session.question.id != first
        held = bool(window.holds_case())
        window.exit_button.click()
        seen["button_cleared_while_making"] = held and window.holds_case() == [] and (
            window.screens.currentWidget() is window.neutral
        )
        window.reopen()
    if window.guard.watching:
        seen["watching_with_types_unmade"] = unmade > 0
        for _ in range(3):
            QTest.keyClick(app.focusWidget() or window, Qt.Key.Key_Shift)
        app.processEvents()  # the exit comes once the third Shift is delivered
        seen["neutral_after_shift_3"] = window.screens.currentWidget() is window.neutral
        print(json.dumps(seen))
        app.quit()

timer = QTimer()
timer.timeout.connect(check)
timer.start(1)
QTimer.singleShot(20_000, app.quit)
app.exec()
"""


def test_the_first_question_is_answerable_before_the_types_are_made_and_quick_exit_after(
    app_home,
):
    env = {k: v for k, v in app_home.env.items() if k != "PYSIDE6_OPTION_LAZY"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    result = run_app("-c", LAUNCH, env=env, command=(sys.executable,))
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["unmade_when_answerable"] > 100  # the launch did not wait for them
    assert seen["answered_while_making"]
    assert seen["button_cleared_while_making"]
    assert not seen["watching_with_types_unmade"]
    assert seen["neutral_after_shift_3"]


def test_a_window_opened_on_its_own_has_every_type_made_before_it_watches(window):
    assert window.guard.watching
    assert qt_types.unmade() == []


def test_every_qt_module_the_app_imports_is_made():
    imported = set()
    for source in (REPO / "app").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", text))
        imported |= {
            name.strip()
            for names in re.findall(r"from PySide6 import ([\w, ]+)", text)
            for name in names.split(",")
        }
    made = {module.__name__.removeprefix("PySide6.") for module in qt_types.MODULES}
    assert imported - made == {"QtTest"}  # the self-test's, made by its own use
