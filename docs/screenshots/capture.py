"""Screenshots of the real window under Xvfb, for the README and docs/design.md: each state
of the conversation at 1366x768 (a council laptop), and the plan in all three palettes.

Run: HOME=$(mktemp -d) xvfb-run -a -s "-screen 0 1366x768x24" \\
         .venv/bin/python docs/screenshots/capture.py
(a throwaway HOME: the screenshots never touch a real profile)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from app.cli.route import answers_for  # noqa: E402
from app.event_log import EventLog  # noqa: E402
from app.ui.application import open_window  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def shot(app: QApplication, window, name: str) -> None:
    settle(app)
    image = QGuiApplication.primaryScreen().grabWindow(window.winId())
    image.save(str(HERE / f"{name}.png"))
    print(f"saved {name}.png")


def answer_until(window, scenario: dict, stop_before: str | None) -> None:
    answers = answers_for(window.session.pathway, scenario)
    while (question := window.session.question) is not None and question.id != stop_before:
        window.answer(window.session.value_on_screen(lambda q: answers.get(q.id)))
        if window.pages.currentWidget() is window.emergency and stop_before != "emergency":
            window.refresh()


def opened():
    """The real window, as the app opens it, at a council laptop's 1366x768."""
    window = open_window(None, EventLog(Path(QApplication.applicationDirPath()) / "none"))
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    return window


def main() -> None:
    app = QApplication(sys.argv)
    window = opened()
    cases = json.loads((ROOT / "tests" / "data" / "reference.json").read_text())
    named = {c["name"]: c["scenario"] for c in cases}
    shot(app, window, "1-first-question")
    window.answer(True)  # someone is in danger now
    shot(app, window, "2-emergency")
    window.new_conversation()
    answer_until(window, named["interpreter needed, honour-based abuse"], "dash_answers")
    shot(app, window, "3-dash-mid-walk")
    answer_until(window, named["interpreter needed, honour-based abuse"], "children_in_household")
    boxes = window.question_page.panel.boxes
    for box in (boxes["1"], next(b for b in boxes.values() if "interpreter" in b.accessibleName())):
        box.setChecked(True)
    shot(app, window, "15-questions-together")
    window.new_conversation()
    answer_until(window, cases[0]["scenario"], None)
    for scheme in ("light", "dark", "high_contrast"):
        window.replace_settings(colours=scheme)
        window.exit_button.setFocus()  # the focus ring, as a keyboard user sees it
        shot(app, window, f"4-plan-{scheme.replace('_', '-')}")
    window.replace_settings(colours="system", text_size=24)
    shot(app, window, "5-plan-largest-text")
    window.replace_settings(text_size=11)
    window.tabs.setCurrentWidget(window.directory)
    window.directory.borough.setCurrentIndex(window.directory.borough.findData("coventry"))
    window.directory.query.setText("sexual")
    window.directory.run_search()
    for _ in range(50):  # the search runs on a thread of its own: its results come as events
        QApplication.processEvents()
        time.sleep(0.01)
    window.directory.table.selectRow(0)
    shot(app, window, "6-directory-search")
    window.quick_exit()
    window.showNormal()
    shot(app, window, "7-quick-exit-neutral")
    window.close()


if __name__ == "__main__":
    main()
