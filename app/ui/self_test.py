"""`--self-test`: walk the shipped scenario through the real window, offscreen.

With `--canary TEXT`, TEXT is also typed into every free-text field on the way, so a test
can then search every folder the app writes to and prove none of it reached the disk.
The self-test's own counts are taken back out at the end: it leaves no trace in reports.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from app.cli.route import answers_for
from app.ctrl_c import CtrlCHeld
from app.event_log import EventLog, printable
from app.paths import resources_dir
from app.ui import gui_collector

STOPPED = 130  # as a command stopped by Ctrl+C exits


def self_test(
    window, canary: str | None = None, log: EventLog | None = None, ctrl_c: CtrlCHeld | None = None
) -> int:
    """Walk the shipped self-test scenario through the window; 0 when the plan is right and
    no error was reported meanwhile (one raised in a slot is reported and the walk goes on);
    STOPPED when Ctrl+C was pressed (noted by `ctrl_c`), the walk stopped between answers."""
    case = json.loads((resources_dir() / "pathway" / "self-test.json").read_text("utf-8"))
    window.ring_focus()  # made as a launch makes it once the first question has painted
    window.other_tabs.build()  # every tab is checked, not only those a launch shows first
    session = window.session
    answers = answers_for(session.pathway, case["scenario"])  # with `route`'s defaults
    # the scenario's own tier and area, not those IT's policy or the worker set: a tier-1
    # policy made every self-test fail, the window's walk at tier 1 against the engine's at 2
    session.prefill = {key: answers[key] for key in session.prefill if key in answers}
    session.clear()
    window.refresh()
    if canary:
        print(f"self-test: canary typed into {type_everywhere(window, canary)} free-text fields")
    for _ in range(len(session.pathway.graph.questions) + 1):
        if session.question is None or (ctrl_c and ctrl_c.pressed):
            break
        window.question_page.panel.answered.emit(
            session.value_on_screen(lambda q: answers.get(q.id))
        )
        gui_collector.collect_due()  # as its timer would: no event loop runs here
    if canary:
        type_everywhere(window, canary)
    if ctrl_c and ctrl_c.pressed:
        print("self-test stopped: Ctrl+C was pressed", file=sys.stderr)
        return _leave(window, STOPPED)
    problems = check_plan(window, case)
    problems += getattr(window, "for_it", [])  # the deployment's: the directory, the policy
    if log is not None and log.errors:
        problems.append(f"{log.errors} unexpected error(s) during the run (see {log.path})")
    for problem in problems:  # the shipped scenario's: nothing of a worker's case
        print(f"self-test failed: {printable(problem)}", file=sys.stderr)
        if log is not None:  # on Windows the installed app has no console to print to
            log.event(f"self-test failed: {problem}")
    for note in getattr(window, "start_notes", []):  # file names from IT's share among them
        if note not in problems:
            print(f"self-test note: {printable(note)}", file=sys.stderr)
    if not problems:
        plan = session.plan
        print(f"self-test passed: {len(plan.actions)} actions, {len(plan.reminders)} reminders")
    return _leave(window, 1 if problems else 0)


def _leave(window, code: int) -> int:
    """The self-test's own counts taken back out, however it ends: stopped by Ctrl+C once
    its plan was shown, they stayed in the organisation's reports (read-through, H630)."""
    if window.user_data is not None:
        window.user_data.withdraw_conversation()
    window.quick_exit()
    return code


def type_everywhere(window, text: str) -> int:
    """Type into every free-text field that could hold case details; how many there were."""
    fields = [
        field
        for kind in (QLineEdit, QTextEdit, QPlainTextEdit)
        for field in window.findChildren(kind)
        if field.isEnabled() and not _worker_setting_or_number(field)
    ]
    for field in fields:
        field.setFocus()
        QTest.keyClicks(field, text)
    window.directory.run_search()  # what a worker's typing would do after the pause
    QApplication.processEvents()
    return len(fields)


def _worker_setting_or_number(widget) -> bool:
    """Settings are about the worker and kept by design; a spin box's editor takes numbers."""
    while widget is not None:
        if widget.property("worker_setting") or isinstance(widget, (QAbstractSpinBox, QComboBox)):
            return True
        widget = widget.parentWidget()
    return False


def check_plan(window, case: dict) -> list[str]:
    session, plan = window.session, window.session.plan
    if plan is None:
        return ["the walk did not reach a plan"]
    problems = []
    expected = session.pathway.step(answers_for(session.pathway, case["scenario"])).plan
    if plan.action_kinds != expected.action_kinds:
        problems.append(f"the window's plan {plan.action_kinds} differs from the engine's")
    if window.plan_view.action_kinds != plan.action_kinds:
        problems.append("the plan shown differs from the plan computed")
    missing = set(case["expect_actions"]) - set(plan.action_kinds)
    missing |= set(case["expect_reminders"]) - {r.id for r in plan.reminders}
    if missing:
        problems.append(f"missing from the plan: {sorted(missing)}")
    return problems
