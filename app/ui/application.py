"""Desktop start-up in a fixed order: QApplication, directory, main window; and --self-test."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.paths import resources_dir

APP_NAME = "Navigator"  # neutral: the title never names abuse


def run_app(args: argparse.Namespace) -> int:
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    if args.self_test:
        try:
            window = open_window(args.directory)
        except StartError as error:
            print(f"self-test failed: {error}", file=sys.stderr)
            return 1
        window.show()
        return self_test(window)
    start(app, args.directory)
    return app.exec()


class StartError(RuntimeError):
    pass


class OpeningScreen(QLabel):
    """Painted at once, before the database and SQLAlchemy are touched; then replaced."""

    def __init__(self, then) -> None:
        super().__init__("Opening…")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName("Opening")
        self.resize(1100, 720)
        self.then = then

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.then is not None:
            then, self.then = self.then, None
            QTimer.singleShot(0, then)


def start(app: QApplication, directory: Path | None) -> None:
    def finish() -> None:
        try:
            window = open_window(directory)
        except StartError as error:
            QMessageBox.critical(None, APP_NAME, f"{error}\n\nIn an emergency call 999.")
            app.quit()
            return
        window.show()
        opening.close()
        app.navigator_window = window  # keeps it alive; the benchmark reads it

    opening = OpeningScreen(finish)
    opening.show()


def open_window(directory: Path | None):
    from app.db.directories import default_locations, select_directory
    from app.db.loader import DirectoryError, load_valid_graph
    from app.db.search import DirectorySearch, SearchFilters
    from app.pathways.engine import Pathway
    from app.settings import UserSettings
    from app.ui.main_window import MainWindow

    database, refused = directory, []
    if database is None:
        choice = select_directory(default_locations())
        database, refused = choice.path, choice.refused
    try:
        if database is None:
            raise DirectoryError("no usable directory database")
        graph = load_valid_graph(database)
    except DirectoryError as error:
        lines = [str(error), *getattr(error, "problems", []), *refused]
        raise StartError("\n".join(lines)) from error
    finder = DirectorySearch(database, graph.settings.assured_within_months)

    def search(text, borough=None, kind=None, open_24_7=False):
        return finder.search(text, SearchFilters(borough=borough, kind=kind, open_24_7=open_24_7))

    return MainWindow(Pathway(graph), UserSettings(), search)


def self_test(window) -> int:
    """Walk the shipped self-test scenario through the window; 0 when the plan is right."""
    case = json.loads((resources_dir() / "pathway" / "self-test.json").read_text("utf-8"))
    answers = case["scenario"]
    session = window.session
    for _ in range(len(session.pathway.graph.questions) + 1):
        question = session.question
        if question is None:
            break
        value = answers.get(question.id) if question.id in answers else None
        window.question_page.panel.answered.emit(value)
    plan = session.plan
    problems = []
    if plan is None:
        problems.append("the walk did not reach a plan")
    else:
        expected = session.pathway.step(answers).plan
        if plan.action_kinds != expected.action_kinds:
            problems.append(f"the window's plan {plan.action_kinds} differs from the engine's")
        if window.plan_view.action_kinds != plan.action_kinds:
            problems.append("the plan shown differs from the plan computed")
        missing = set(case["expect_actions"]) - set(plan.action_kinds)
        missing |= set(case["expect_reminders"]) - {r.id for r in plan.reminders}
        if missing:
            problems.append(f"missing from the plan: {sorted(missing)}")
    for problem in problems:
        print(f"self-test failed: {problem}", file=sys.stderr)
    if not problems:
        print(f"self-test passed: {len(plan.actions)} actions, {len(plan.reminders)} reminders")
    window.quick_exit()
    return 1 if problems else 0
