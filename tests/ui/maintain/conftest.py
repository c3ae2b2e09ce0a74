import shutil

import pytest

from app.db.maintenance_session import Maintenance
from app.ui.maintain.maintenance_window import MaintenanceWindow
from tests.conftest import REPO
from tests.ui.conftest import TODAY

SHIPPED = REPO / "resources" / "directory.sqlite"


@pytest.fixture
def maintenance(tmp_path, graph):
    shutil.copytree(REPO / "resources" / "services", tmp_path / "copy")
    return Maintenance.open(tmp_path / "copy", graph, SHIPPED)


@pytest.fixture
def lead_window(qtbot, maintenance):
    window = MaintenanceWindow(maintenance, lambda: TODAY)
    window.close_choice = lambda: "discard"  # the test's edits, at the end of the test
    window.confirm = lambda question: True  # a test that asks it answers otherwise
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window
