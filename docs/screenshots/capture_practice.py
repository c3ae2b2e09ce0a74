"""Screenshots of the Practice tab under Xvfb: the list of cases, a case, the walk with its
banner, and the feedback for a walk with one answer different from the expected one.

Run: HOME=$(mktemp -d) xvfb-run -a -s "-screen 0 1366x768x24" \\
         .venv/bin/python docs/screenshots/capture_practice.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from app.pathways.practice import expected_step  # noqa: E402
from app.ui.application import open_practice  # noqa: E402
from docs.screenshots.capture import opened, shot  # noqa: E402


def main() -> None:
    app = QApplication(sys.argv)
    window = opened()
    open_practice(window)
    view = window.practice
    shot(app, window, "11-practice-cases")
    case = next(v for v in view.pathway.graph.vignettes if v.id == "amira-rent-arrears")
    view.open_vignette(case.id)
    shot(app, window, "12-practice-case")
    view.walk()
    answers = {**expected_step(view.pathway, case).answers, "children_in_household": False}
    while (question := view.session.question) is not None:
        if question.id == "children_in_household":
            shot(app, window, "13-practice-walk")
        view.driver.answer(view.session.value_on_screen(lambda q: answers[q.id]))
    view.finish()
    shot(app, window, "14-practice-feedback")
    window.close()


if __name__ == "__main__":
    main()
