"""Desktop start-up in a fixed order: QApplication, one instance, directory, user data,
main window; or, when no directory can be used, a screen saying what to do."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import app.ui.pyside_first  # noqa: F401  (first of the app's modules: its docstring says why)
from app.event_log import EventLog
from app.ui import gui_collector, qt_types
from app.ui.error_report import install_error_handler

APP_NAME = "Navigator"  # neutral: the title never names abuse


def run_app(args: argparse.Namespace) -> int:
    if args.canary and not args.self_test:
        print("error: --canary works only with --self-test", file=sys.stderr)
        return 2
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    if args.self_test:
        log = EventLog()
        install_error_handler(log)
        return run_self_test(args, log)
    practice = args.command == "practice"  # `python -m app practice`: the Practice tab
    return app.exec() if launch(app, args.directory, practice) else 0


def launch(app: QApplication, directory: Path | None, practice: bool = False) -> bool:
    """Start the desktop app; False when a Navigator already open was brought forward."""
    from app.paths import user_data_folder
    from app.ui.single_instance import SingleInstance, instance_key

    log = EventLog()
    install_error_handler(log)
    instance = SingleInstance(instance_key(str(user_data_folder())))
    if instance.forward_to_running():
        print("Navigator is already open: its window was brought forward.")
        return False
    instance.listen()
    app.navigator_instance = instance  # lives as long as the app
    close_on_ctrl_c()
    start(app, directory, log, instance, practice)
    return True


def close_on_ctrl_c() -> None:
    """Ctrl+C in the terminal that started Navigator (IT's, testing a build) closes it as
    its window's close does: it printed a traceback from whichever slot ran next, and the
    window stayed open (own attack, 2026-12-07). Closed from the event loop, never from
    inside the slot the signal interrupted."""

    def closed(_signal, _frame) -> None:
        print("Navigator closed: Ctrl+C was pressed in its terminal.", file=sys.stderr)
        QTimer.singleShot(0, close_all_asking_first)

    signal.signal(signal.SIGINT, closed)


def close_all_asking_first() -> None:
    """Every window closed as its close does, then the app, unless one stays open: the lead's
    "Save your edits?" was answered Cancel by the quit behind it, and the edits left unsaved
    (seams review, 2026-12-07; H626)."""
    QApplication.closeAllWindows()
    if not any(window.isVisible() for window in QApplication.topLevelWidgets()):
        QApplication.quit()


def run_self_test(args: argparse.Namespace, log: EventLog) -> int:
    from app.ctrl_c import CtrlCHeld
    from app.ui.self_test import STOPPED

    with CtrlCHeld() as ctrl_c:  # from the start: the window's making is stopped after it
        code = _self_test(args, log, ctrl_c)
    said = {0: "self-test passed", STOPPED: "self-test stopped: Ctrl+C was pressed"}
    log.event(said.get(code, "self-test failed (the reasons are above)"))
    return code


def _self_test(args: argparse.Namespace, log: EventLog, ctrl_c) -> int:
    from app.ui.self_test import self_test

    # as the app collects (H603): the self-test runs no event loop, so collect_again never
    # came, and its walk collected on the directory search thread (helper-275, 2026-12-07)
    gui_collector.take_over()
    try:
        window = open_window(args.directory, log)
    except StartError as error:
        print(f"self-test failed: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a reason for IT, never a traceback
        log.error(type(error), error.__traceback__)
        print(f"self-test failed: Navigator could not start ({describe(error)})", file=sys.stderr)
        return 1
    print(f"self-test: {window.in_force.describe()}")
    window.for_it += changes_back_for_it(window.in_force)
    window.show()
    return self_test(window, args.canary, log, ctrl_c)


def changes_back_for_it(in_force) -> list[str]:
    """What the update in use changes back of an older one (read for IT, never at a
    worker's start: it reads two updates whole)."""
    from app.db.stale_update import in_use_changes_back
    from app.in_force import locations_in_force

    said = in_use_changes_back(in_force.selection, locations_in_force(in_force.policy))
    return [said] if said else []


def open_maintenance() -> str | None:
    """Settings → Maintain the directory… (where IT allows it): the lead's window, brought
    forward if open (a second one on the same working copy would hold its own copy of the
    edits, and saving it could undo the first's: a corrected number put back)."""
    from app.cli.maintain import open_maintenance as maintenance_window

    open_already = getattr(QApplication.instance(), "maintenance_window", None)
    if open_already is not None and shiboken6.isValid(open_already) and open_already.isVisible():
        bring_forward(open_already)
        return None
    window = maintenance_window(None)
    if isinstance(window, str):
        return window
    window.resize(1280, 760)
    window.show()
    QApplication.instance().maintenance_window = window  # lives while it is open
    return None


class StartError(RuntimeError):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__("\n".join(reasons))
        self.reasons = reasons


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


def start(
    app: QApplication, directory: Path | None, log: EventLog, instance=None, practice=False
) -> None:
    def finish() -> None:
        try:
            qt_types.start()  # quick exit's filter waits for Qt's types, made after first paint
            window = open_window(directory, log)
            if practice:
                open_practice(window)
        except StartError as error:
            window = problem_screen(error.reasons, log)
        except Exception as error:  # every start-up failure gets a reason and the numbers
            log.error(type(error), error.__traceback__)
            window = problem_screen([f"Navigator could not start ({describe(error)})."], log)
        if fit_to_screen(window, opening):
            window.showMaximized()
        else:
            window.show()
        opening.close()
        app.navigator_window = window  # keeps it alive; the benchmark reads it
        app.navigator_opening = None
        if instance is not None:
            instance.activated.connect(lambda: bring_forward(window))

    opening = OpeningScreen(finish)
    # Held by the app until `finish`: otherwise only its own cycle with `finish` holds it,
    # and a garbage collection before its first paint deleted it, so no window ever came
    # (and the one-instance check then sent every later launch to that empty process).
    app.navigator_opening = opening
    opening.show()


TITLE_BAR = 40  # pixels left for the window manager's title bar above the window
LAPTOP_WIDTH = 1440  # a screen narrower (1366 or 1280 wide) is a laptop's: the window fills it


def fit_to_screen(window: QWidget, where: QWidget) -> bool:
    """No taller or wider than the screen has room for, with its title bar: 1100x720 under
    a title bar ran off a 1280x720 laptop's screen, the status line with it (review).
    True on a laptop's screen, or one too small for it: the window then opens maximised. On a
    1366x768 laptop it had 1100 of the 1366 pixels, and at the largest text the plan's first
    number was below the fold and the 999 card cut at its right (officer walk, 2026-12-02)."""
    screen = where.screen()
    if screen is None:
        return False
    room = screen.availableGeometry()
    width, height = min(window.width(), room.width()), room.height() - TITLE_BAR
    small = room.width() < LAPTOP_WIDTH or window.height() > height
    window.resize(width, min(window.height(), height))
    return small


class AfterFirstPaint(QObject):
    """Calls `then` from the event loop once `window` has painted (Qt paints a window's
    widgets while handling its UpdateRequest), or after a second if it never does (shown
    minimised): what the first question need not wait for."""

    def __init__(self, window: QWidget, then) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)
        QTimer.singleShot(1000, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


def after_first_question(window) -> None:
    """The tabs not on screen, then Qt's types (quick exit watches once all are made), each
    in its own turn of the event loop; and the focus ring, last, so that a failure making it
    (reported as any error is) cannot keep quick exit from watching."""
    collect_again()
    window.other_tabs.build_in_turns()
    QTimer.singleShot(0, qt_types.make_in_steps)
    window.ring_focus()


def collect_again() -> None:
    """Garbage collection back on, on the GUI thread only (app/ui/gui_collector.py)."""
    gui_collector.take_over()


def open_practice(window) -> None:
    if window.practice is not None:
        window.tabs.setCurrentWidget(window.practice)
    else:
        window.status.setText("Practice is turned off by your organisation's IT policy.")


def describe(error: BaseException) -> str:
    """An error in a sentence for IT: its type and first line (no case exists yet)."""
    first = str(error).splitlines()[0][:200] if str(error) else ""
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


def problem_screen(reasons: list[str], log: EventLog):
    from app.ui.start_problem import StartProblemScreen

    collect_again()  # no question will paint
    return StartProblemScreen(reasons, str(log.path))


def bring_forward(window) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


DEVELOPER = "NAVIGATOR_DEVELOPER"  # "1": the window may open an unverified --directory


def developer_mode() -> bool:
    """From a source checkout only: the installed (frozen) app ignores the variable, which
    any user can set for their own session (as app/machine.py ignores its variable)."""
    return os.environ.get(DEVELOPER) == "1" and not getattr(sys, "frozen", False)


def open_window(directory: Path | None, log: EventLog):
    from app.db.loader import DirectoryError
    from app.db.user_store import open_user_store
    from app.directory_updates import DirectoryUpdates, Loaded, gone_from_here, worker_notes
    from app.in_force import decide, graph_in_force, locations_again, locations_in_force
    from app.pathways.engine import Pathway
    from app.ui.main_window import MainWindow
    from app.user_data import POLICY_NOTE, UserData

    if directory is not None and not developer_mode():
        reason = (
            f"--directory {directory}: the window never opens a directory named here, signed or "
            "not: it opens the one installed with the app or a signed update found in IT's "
            "update folder or installed with `directory install FILE.navdir` "
            f"(developers: set {DEVELOPER}=1 to open an unverified one)"
        )
        log.event("start: refused an unverified --directory")
        raise StartError([reason])
    in_force = decide(directory)
    choice = in_force.selection
    try:
        graph = graph_in_force(in_force)
    except DirectoryError as error:
        reasons = [str(error), *getattr(error, "problems", []), *choice.problems]
        log.event("start: no usable directory: " + " | ".join(reasons))
        raise StartError(reasons) from error
    loaded = Loaded(in_force, graph)
    user_data = UserData(open_user_store(), graph)
    newest_used = user_data.use_directory(graph)
    settings, problems = user_data.load_settings(in_force.policy.user)
    notes = [*choice.problems, *choice.warnings, *in_force.policy.problems, *problems]
    notes += user_data.notes  # an expired directory too: it reached only the banner (review)
    gone = (
        [gone_from_here(newest_used, choice.version)] if newest_used and not choice.behind else []
    )
    notes += gone
    for line in notes:
        log.event(f"start: {line}")
    log.event(f"start: pathway {graph.pathway_version}, {in_force.describe()}")
    window = MainWindow(
        Pathway(graph),
        settings,
        loaded.open_search,  # called on the search thread, which keeps its own connection
        user_data=user_data,
        directory_notes=worker_notes(in_force, newest_used),
        allow_exports=in_force.policy.allow_exports,
        # an unverified --directory (developers) is never replaced while it runs
        updates=None
        if choice.origin == "unverified"
        else DirectoryUpdates(
            loaded, locations_in_force(in_force.policy), locations_again(in_force.policy)
        ),
        maintain=open_maintenance if in_force.policy.allow_directory_maintenance else None,
        allow_practice=in_force.policy.allow_practice,
    )
    window.start_notes = notes  # the self-test prints them for IT
    # what IT must act on: the self-test fails on them (a policy file that was no JSON, a
    # refused update, a folder workers cannot read all passed it, review 2026-12-01)
    # and a policy setting ignored ("Walsall" for walsall passed it: IT review 2026-12-01)
    window.for_it = [*choice.problems, *in_force.policy.problems]
    window.for_it += gone  # a correction gone from this laptop: the self-test fails on it
    window.for_it += [note for note in problems if note.startswith(POLICY_NOTE)]
    window.in_force = in_force
    AfterFirstPaint(window, lambda: after_first_question(window))
    return window
