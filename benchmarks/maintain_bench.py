"""The lead's tools at 10,000 services (issue 14): open the maintenance window, validate
every service, edit → grid refresh, publish a signed bundle, install it as a worker would.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.maintain_bench
Targets: open <= 1 s, validate all <= 200 ms, edit -> grid refresh <= 16 ms median,
publish <= 2 s, install <= 1 s. Each is also shown as a ratio to a baseline measured in the
same run (a bare window with a 10,000-row table shown), because these machines are shared.
"""

from __future__ import annotations

import csv
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

from app.db import signing
from app.db.directories import Locations, select_directory
from app.db.loader import load_valid_graph
from app.db.maintenance import problems_of
from app.db.maintenance_session import Maintenance
from app.db.trust import KeySources
from app.directory_updates import DirectoryUpdates, Loaded
from app.in_force import InForce
from app.paths import resources_dir, shipped_directory
from app.policy import MachinePolicy
from app.ui.maintain.maintenance_window import MaintenanceWindow

SERVICES = 10_000
PASSPHRASE = "benchmark passphrase"
KINDS = ["idva", "isva", "da_service", "housing", "mash_children", "sv_support", "helpline_da"]
AREAS = ["birmingham", "coventry", "dudley", "sandwell", "solihull", "walsall", "wolverhampton"]


def working_copy(folder: Path) -> Path:
    shutil.copytree(resources_dir() / "services", folder)
    table = folder / "services.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, list(reader)
    rng = random.Random(7)
    template = next(r for r in rows if r["id"] == "coventry-mash")
    for n in range(SERVICES - len(rows)):
        rows.append(
            {
                **template,
                "id": f"gen-{n:05d}",
                "name": f"Generated service {n}",
                "organisation": "",
                "kinds": rng.choice(KINDS),
                "area": ";".join(rng.sample(AREAS, 2)),
                "phone": f"0800 {n:03d} {n % 10000:04d}"[:13],
                "phone_note": "",
                "confidence": rng.choice(["high", "medium", "low"]),
            }
        )
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


class Rows(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return SERVICES

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 5

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"{index.row()}" if role == Qt.ItemDataRole.DisplayRole else None


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def bare_window(app) -> float:
    def show():
        window = QMainWindow()
        table = QTableView()
        table.setModel(Rows())
        window.setCentralWidget(table)
        window.resize(1280, 760)
        window.show()
        app.processEvents()
        return window

    seconds, window = timed(show)
    window.close()
    return seconds


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    graph = load_valid_graph(shipped_directory())
    work = Path(tempfile.mkdtemp(prefix="maintain-bench-"))
    folder = working_copy(work / "copy")
    baseline = statistics.median(bare_window(app) for _ in range(3))

    def open_window():
        maintenance = Maintenance.open(folder, graph, shipped_directory())
        window = MaintenanceWindow(maintenance)
        window.close_choice = lambda: "discard"  # the benchmark's edits
        window.resize(1280, 760)
        window.show()
        app.processEvents()
        return window

    opened, window = timed(open_window)
    m = window.maintenance
    validate, problems = timed(lambda: problems_of(m.copy, m.words))  # every row, from cold
    assert not problems, list(problems.items())[:3]
    edits = []
    for n in range(21):
        sid = f"gen-{n:05d}"
        edits.append(timed(lambda sid=sid, n=n: window.apply(sid, {"hours": f"Mon-Fri {n}"}))[0])
    edit = statistics.median(edits)
    lead = signing.generate(work / "lead", PASSPHRASE)
    published, bundle = timed(
        lambda: window.maintenance.publish(lead.private_path, PASSPHRASE, work / "out", "2027.1.1")
    )
    keys = work / "keys"
    keys.mkdir()
    shutil.copy(lead.public_path, keys)
    shipped = shipped_directory()
    where = Locations(shipped, KeySources(keys), None, work / "user-updates")
    in_force = InForce(select_directory(where), MachinePolicy())
    updates = DirectoryUpdates(Loaded(in_force, graph), where)
    installed, (loaded, reason) = timed(lambda: updates.install(bundle))
    assert loaded is not None and loaded.version == "2027.1.1", reason
    window.close()
    rows = [
        ("open the maintenance window", opened, 1.0),
        ("validate every service", validate, 0.2),
        ("edit -> grid refresh (median of 21)", edit, 0.016),
        ("publish a signed bundle", published, 2.0),
        ("install it (checks as at start)", installed, 1.0),
    ]
    print(
        f"{SERVICES} services; baseline (bare window, 10,000-row table): {baseline * 1000:.0f} ms"
    )
    print(f"{'measure':40} {'ms':>8} {'x baseline':>11} {'target ms':>10} {'met':>4}")
    for name, seconds, target in rows:
        met = "yes" if seconds <= target else "NO"
        print(
            f"{name:40} {seconds * 1000:8.1f} {seconds / baseline:11.2f} "
            f"{target * 1000:10.0f} {met:>4}"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
