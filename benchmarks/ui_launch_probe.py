"""Child process for the UI benchmark: prints seconds from process start to each milestone.

Modes: bare (a PySide6 window alone), app (the product, started by `python -m app`'s own
entry point without arguments, as a worker starts it). Not a test; run by ui_bench.
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
    if sys.argv[1] == "app":  # `python -m app`: the app's package and entry point, then Qt
        import app.__main__ as entry

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class Paints(QObject):
        """Marks the first paint of the widgets it watches, then stops watching. Only those:
        an app-wide filter is handed every object and event in the app, so PySide wraps
        objects the app itself never sees and makes their Python types (about 200 more
        types before the first question, tens of milliseconds no worker pays)."""

        def __init__(self, *names: str) -> None:
            super().__init__()
            self.names, self.watched = names, []

        def watch(self, widgets) -> None:
            for widget in widgets:
                widget.installEventFilter(self)
                self.watched.append(widget)

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and self.watched:
                for name in self.names:
                    mark(name)
                for widget in self.watched:
                    widget.removeEventFilter(self)  # no cost after it
                self.watched = []
            return False

    last_tick = [0.0]

    def check() -> None:
        app = QApplication.instance()
        if sys.argv[1] == "bare" and "first_paint" in marks:
            finish()
        window = getattr(app, "navigator_window", None)
        now = time.time()
        if "question_answerable" in marks and last_tick[0]:
            # how long a key pressed after the question showed could have waited
            gap = now - last_tick[0]
            marks["longest_wait_after"] = max(marks.get("longest_wait_after", 0.0), gap)
        last_tick[0] = now
        if "question_answerable" in marks and window is not None and window.guard.watching:
            mark("quick_exit_watching")  # every Qt type made (H57), in steps after the above
            finish()

    def finish() -> None:
        print(json.dumps(marks))
        QApplication.instance().quit()

    timer = QTimer()
    timer.timeout.connect(check)
    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QMainWindow

        app = QApplication(sys.argv)
        window = QMainWindow()
        window.resize(1100, 720)
        bare = Paints("first_paint", "question_answerable")
        bare.watch([window])
        window.show()
        timer.start(1)
        app.exec()
        return
    from app.ui import application

    question = Paints("question_answerable")  # on screen; a key waits one turn at most
    opening = Paints("first_paint")
    open_window, launch = application.open_window, application.launch

    def observed(*args, **kwargs):
        window = open_window(*args, **kwargs)
        panel = window.question_page.panel  # the first question's answers
        question.watch([panel, *panel.findChildren(QWidget)])
        return window

    def launched(*args, **kwargs):
        started = launch(*args, **kwargs)
        opening.watch(QApplication.topLevelWidgets())  # "Opening…", painted next
        timer.start(1)
        return started

    application.open_window, application.launch = observed, launched
    entry.main([])  # parses no arguments, starts the window, runs until finish() quits


if __name__ == "__main__":
    main()
