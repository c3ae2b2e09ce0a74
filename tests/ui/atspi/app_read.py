"""The app on a real X display and AT-SPI bus, read at the first question, mid-Dash and on
the plan by read_tree.py (a separate process, as a screen reader is). Prints one JSON
object for tests/ui/test_atspi.py. Run inside dbus-run-session and xvfb-run."""

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QEventLoop, QProcess, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.cli.route import answers_for  # noqa: E402
from app.event_log import EventLog  # noqa: E402
from app.ui.application import open_window  # noqa: E402

READER = Path(__file__).with_name("read_tree.py")


def wait(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def reader(*args, on_ready=None):
    """Runs the reader while this process keeps answering the bus; returns its JSON."""
    process = QProcess()
    loop = QEventLoop()
    chunks = []

    def output():
        chunk = bytes(process.readAllStandardOutput()).decode()
        if chunk.startswith("ready") and on_ready is not None:
            chunk = chunk[len("ready") :].lstrip()
            QTimer.singleShot(100, on_ready)
        chunks.append(chunk)

    process.readyReadStandardOutput.connect(output)
    process.finished.connect(loop.quit)
    process.start(sys.argv[1], [str(READER), str(QApplication.applicationPid()), *args])
    QTimer.singleShot(90_000, loop.quit)
    loop.exec()
    output()
    return json.loads("".join(chunks) or "null")


def main():
    app = QApplication(sys.argv[:1])
    window = open_window(None, EventLog(Path(sys.argv[2]) / "log"))
    window.show()
    wait(1500)  # the bridge registers with the bus
    scenario = json.loads((REPO / "tests" / "data" / "reference.json").read_text())[0]
    answers = answers_for(window.session.pathway, scenario["scenario"])
    result = {"prompt": window.session.question.prompt, "first_question": reader("tree")}

    def on_screen():
        return window.session.value_on_screen(lambda q: answers.get(q.id))

    def answer_until(stop):
        while (question := window.session.question) is not None and question.id != stop:
            window.answer(on_screen())
        wait(300)

    answer_until("about_abuser")  # the page asking whether the person causing harm is near
    nearby = {**on_screen(), "perpetrator_nearby": True}
    result["events"] = reader("events", "3", on_ready=lambda: window.answer(nearby))
    result["new_reminders"] = list(window.reminders.announced)
    answer_until("dash_answers")
    result["mid_dash"] = reader("tree")
    answer_until(None)
    first = next(card for card in window.plan_view.cards if card.rows)
    result["first_number"] = first.rows[0].number.text()
    result["plan"] = reader("tree")
    # what a copy did is said on the status line: heard, not only shown (a11y walk, 12-07)
    copied = first.rows[0].copy_button.click
    result["copy_events"] = reader("events", "3", on_ready=copied)
    result["status"] = window.status.text()
    # the inactivity countdown, shown and not heard, cleared a case unwarned (a11y walk)
    result["countdown_events"] = reader("events", "2", on_ready=lambda: window.show_countdown(59))
    window.show_countdown(-1)
    print(json.dumps(result))
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
