"""Child process for the UI benchmark: prints seconds from process start to each milestone.

Modes: bare (a PySide6 window alone), app (the product). Not a test; run by ui_bench.
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = float(os.environ["PROBE_T0"])  # wall time the parent spawned this process
marks: dict[str, float] = {}


def mark(name: str) -> None:
    marks.setdefault(name, time.time() - STARTED)


def main() -> None:
    if sys.argv[1] == "app":  # `python -m app` imports the app's package before any Qt
        import app

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class Paints(QObject):
        """The first paint of any window, then (app) the first of the question's answers."""

        def eventFilter(self, watched, event):
            if event.type() != QEvent.Type.Paint or not watched.isWidgetType():
                return False
            mark("first_paint")
            window = getattr(QApplication.instance(), "navigator_window", None)
            page = getattr(window, "question_page", None)
            if sys.argv[1] == "bare" or (page is not None and page.panel.isAncestorOf(watched)):
                mark("question_answerable")  # on screen; a key waits one turn at most (below)
                QApplication.instance().removeEventFilter(self)  # no cost after it
            return False

    app = QApplication(sys.argv)
    painter = Paints()
    app.installEventFilter(painter)
    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.resize(1100, 720)
        window.show()
    else:
        from app.ui import application

        application.launch(app, directory=None)  # as `python -m app` does

    last_tick = [0.0]

    def check() -> None:
        if sys.argv[1] == "bare" and "first_paint" in marks:
            finish()
        window = getattr(app, "navigator_window", None)
        now = time.time()
        if "question_answerable" in marks and last_tick[0]:
            # how long a key pressed after the question showed could have waited
            gap = now - last_tick[0]
            marks["longest_wait_after"] = max(marks.get("longest_wait_after", 0.0), gap)
        last_tick[0] = now
        if "question_answerable" in marks and window.guard.watching:
            mark("quick_exit_watching")  # every Qt type made (H57), in steps after the above
            finish()

    def finish() -> None:
        print(json.dumps(marks))
        app.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(1)
    app.exec()


if __name__ == "__main__":
    main()
