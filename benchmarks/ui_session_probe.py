"""Child process for ui_bench: a full walk, typing into a search over 10,000 services (the GUI
thread's share of each key, and results after the pause), quick exit, memory."""

from __future__ import annotations

import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.event_log import EventLog
from app.ui import gui_collector
from app.ui.application import open_window

REPO = Path(__file__).resolve().parent.parent
WORDS = ("domestic", "sexual", "walsall", "refuge", "helpline", "counselling", "stalking",
         "forced marriage", "advice", "children")  # fmt: skip


def p95(samples: list[float]) -> float:
    return samples[max(int(len(samples) * 0.95) - 1, 0)]


def main() -> None:
    app = QApplication(sys.argv)
    window = open_window(None, EventLog())
    window.show()
    gui_collector.take_over()  # only the GUI thread collects, as in the app (H603)
    case = json.loads((REPO / "tests" / "data" / "reference.json").read_text())[0]["scenario"]
    while window.session.question is not None:
        window.answer(window.session.value_on_screen(lambda q: case.get(q.id)))
    window.tabs.setCurrentWidget(window.directory)
    window.directory.query.setText("walsall")
    window.directory.run_search()
    QTest.qWait(200)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    window.quick_exit()
    quick_exit_ms = (time.perf_counter() - start) * 1e3
    app.removeEventFilter(window.guard)  # one window at a time, as in use
    window.close()
    window.deleteLater()
    app.processEvents()
    # Only now the tools that build the big directory (they would inflate peak memory).
    from app.db.build import write_database
    from app.db.search import DirectorySearch, searcher
    from app.paths import shipped_directory
    from app.pathways.engine import Pathway
    from app.settings import UserSettings
    from app.ui.main_window import MainWindow
    from benchmarks.search_bench import generated_rows

    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.sqlite"
        write_database(big, generated_rows(shipped_directory()), shipped_directory(), False)
        bench = MainWindow(
            Pathway(window.session.pathway.graph),
            UserSettings(),
            lambda: searcher(DirectorySearch(big)),
        )
        bench.show()
        bench.tabs.setCurrentWidget(bench.directory)
        tab = bench.directory
        asked, answered = [], []
        tab.timer.timeout.connect(lambda: asked.append(time.perf_counter()))
        tab.searches.answered.connect(lambda _hits: answered.append(time.perf_counter()))
        while tab.model.rowCount() == 0:  # the list the tab opens on, before any typing
            app.processEvents()
        inline = searcher(DirectorySearch(big))  # the old way, on the GUI thread: baseline
        keys, results, gui_inline = [], [], []
        for word in WORDS:
            if tab.query.text():
                answered.clear()
                tab.query.clear()
                while not answered:  # the emptied search's own results, before the next word
                    app.processEvents()
            asked.clear(), answered.clear()
            for letter in word:
                start = time.perf_counter()
                QTest.keyClick(tab.query, letter)  # the GUI thread's share of a keystroke
                keys.append((time.perf_counter() - start) * 1e3)
                QTest.qWait(40)  # typing speed: about 25 keys a second
                start = time.perf_counter()
                inline(tab.query.text())
                gui_inline.append((time.perf_counter() - start) * 1e3)
            while not answered:  # idle as the app's own loop is, not spinning on the lock
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            results.append((answered[-1] - asked[-1]) * 1e3)
        bench.close()
    keys.sort(), results.sort(), gui_inline.sort()
    print(
        json.dumps(
            {
                "keystroke_gui_p95_ms": p95(keys),
                "keystroke_gui_max_ms": keys[-1],
                "inline_search_gui_p95_ms": p95(gui_inline),
                "results_after_debounce_median_ms": statistics.median(results),
                "results_after_debounce_p95_ms": p95(results),
                "quick_exit_ms": quick_exit_ms,
                "peak_mib": peak_mib,
            }
        )
    )


if __name__ == "__main__":
    main()
