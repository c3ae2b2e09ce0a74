"""Child process for ui_bench: a full walk, searches over 10,000 services, quick exit, memory."""

from __future__ import annotations

import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.event_log import EventLog
from app.ui.application import open_window

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    app = QApplication(sys.argv)
    window = open_window(None, EventLog())
    window.show()
    case = json.loads((REPO / "tests" / "data" / "reference.json").read_text())[0]["scenario"]
    while (question := window.session.question) is not None:
        window.answer(case.get(question.id))
    window.tabs.setCurrentWidget(window.directory)
    window.directory.query.setText("walsall")
    window.directory.run_search()
    app.processEvents()
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
    from app.db.search import DirectorySearch, SearchFilters
    from app.paths import shipped_directory
    from app.pathways.engine import Pathway
    from app.settings import UserSettings
    from app.ui.main_window import MainWindow
    from benchmarks.search_bench import generated_rows

    # Only now the tools that build the big directory (they would inflate peak memory).

    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.sqlite"
        write_database(big, generated_rows(shipped_directory()), shipped_directory(), False)
        finder = DirectorySearch(big)

        def search(text, borough=None, kind=None, open_24_7=False):
            return finder.search(
                text, SearchFilters(borough=borough, kind=kind, open_24_7=open_24_7)
            )

        bench = MainWindow(
            Pathway(window.session.pathway.graph), UserSettings(), search, debounce_ms=0
        )
        bench.show()
        bench.tabs.setCurrentWidget(bench.directory)
        samples = []
        for word in ("domestic", "sexual", "walsall", "refuge", "helpline", "counselling"):
            bench.directory.query.clear()
            app.processEvents()
            for letter in word:
                start = time.perf_counter()
                QTest.keyClick(bench.directory.query, letter)
                while bench.directory.timer.isActive():
                    app.processEvents()
                samples.append((time.perf_counter() - start) * 1e3)
        finder.close()
    samples.sort()
    print(
        json.dumps(
            {
                "keystroke_median_ms": statistics.median(samples),
                "keystroke_p95_ms": samples[int(len(samples) * 0.95) - 1],
                "quick_exit_ms": quick_exit_ms,
                "peak_mib": peak_mib,
            }
        )
    )


if __name__ == "__main__":
    main()
