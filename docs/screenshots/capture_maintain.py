"""Screenshots of the lead's maintenance window under Xvfb (issue 14): the coverage grid and
a service being edited with a problem shown, the changes against the directory in use,
and the returns read together.

Run: HOME=$(mktemp -d) xvfb-run -a -s "-screen 0 1366x768x24" \\
         .venv/bin/python docs/screenshots/capture_maintain.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from app.db.loader import load_valid_graph  # noqa: E402
from app.db.maintenance_session import Maintenance  # noqa: E402
from app.returns import read_returns  # noqa: E402
from app.ui.maintain.maintenance_window import MaintenanceWindow  # noqa: E402
from app.ui.maintain.returns_view import ReturnsView  # noqa: E402
from app.user_data import write_counts_csv  # noqa: E402

SHIPPED = ROOT / "resources" / "directory.sqlite"


def shot(app, widget, name: str) -> None:
    for _ in range(30):
        app.processEvents()
    QGuiApplication.primaryScreen().grabWindow(widget.winId()).save(str(HERE / f"{name}.png"))
    print(f"saved {name}.png")


def main() -> None:
    app = QApplication(sys.argv)
    work = Path(tempfile.mkdtemp())
    shutil.copytree(ROOT / "resources" / "services", work / "copy")
    maintenance = Maintenance.open(work / "copy", load_valid_graph(SHIPPED), SHIPPED)
    window = MaintenanceWindow(maintenance)
    window.close_choice = lambda: "discard"
    window.resize(1366, 768)
    window.show()
    window.select("coventry-mash")
    window.form.editors["phone"].setText("024 7600 0000")
    window.form.apply_button.click()
    window.select("crasac")
    window.form.editors["website"].setText("http://crasac.org.uk")
    shot(app, window, "8-maintain-edit")
    window.changes.set_open(True)
    window.show_changes()
    shot(app, window, "9-maintain-changes")
    files = []
    for n, rows in enumerate(
        (
            [
                ("2026-11", "coventry", "plans", "completed", 9),
                ("2026-11", "coventry", "action", "child_safeguarding_referral", 6),
                ("2026-11", "coventry", "unmet_need", "isva_referral", 4),
                ("2026-11", "coventry", "action", "isva_referral", 4),
            ],
            [
                ("2026-11", "walsall", "action", "marac_referral", 3),
                ("2026-11", "walsall", "unmet_need", "marac_referral", 1),
            ],
        ),
        start=1,
    ):
        path = work / f"laptop-{n}.csv"
        write_counts_csv(rows, path)
        files.append(path)
    view = ReturnsView(window, read_returns(files), date.today(), maintenance.names())
    view.show()
    shot(app, view, "10-maintain-returns")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
