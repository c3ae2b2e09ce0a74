"""Screenshots of the real window under Xvfb, for the README.

Run: xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots/capture.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from app.ui.application import open_window  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


def shot(app: QApplication, window, name: str) -> None:
    settle(app)
    image = QGuiApplication.primaryScreen().grabWindow(window.winId())
    image.save(str(HERE / f"{name}.png"))
    print(f"saved {name}.png")


def answer_until(window, scenario: dict, stop_before: str | None) -> None:
    while (question := window.session.question) is not None and question.id != stop_before:
        window.answer(scenario.get(question.id))


def main() -> None:
    app = QApplication(sys.argv)
    window = open_window(None)
    window.resize(1240, 760)
    window.show()
    cases = json.loads((ROOT / "tests" / "data" / "reference.json").read_text())
    shot(app, window, "1-first-question")
    interpreter = next(c for c in cases if c["name"].startswith("interpreter"))["scenario"]
    answer_until(window, interpreter, "consent_to_share")
    shot(app, window, "2-reminders-mid-walk")
    window.new_conversation()
    answer_until(window, cases[0]["scenario"], None)
    shot(app, window, "3-plan")
    window.tabs.setCurrentWidget(window.directory)
    window.directory.borough.setCurrentIndex(window.directory.borough.findData("coventry"))
    window.directory.query.setText("sexual")
    window.directory.run_search()
    window.directory.table.selectRow(0)
    shot(app, window, "4-directory-search")
    window.quick_exit()
    window.showNormal()
    shot(app, window, "5-quick-exit-neutral")


if __name__ == "__main__":
    main()
