"""What IT can lock down: exports off for a whole estate, and a floor no profile can go
below (the machine folder's newest good update). The MSI's folder permissions are checked
in tests/packaging/test_installer.py, where the MSI is built."""

import json
import shutil
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from app.db.bundle import publish
from app.event_log import EventLog
from app.ui.application import open_window
from tests.conftest import REPO, machine_folder, run_app
from tests.security.attacks import SHIPPED, publish_to_machine, trusted_publisher, user_folder
from tests.ui.conftest import press_alt, walk

WALSALL = json.loads((REPO / "tests" / "data" / "reference.json").read_text())[0]["scenario"]


def test_policy_turns_off_pdf_csv_and_copy(qtbot, app_home, tmp_path):
    policy = machine_folder(app_home.env, "config", "policy.json")
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(json.dumps({"allow_exports": False}))
    window = open_window(None, EventLog(tmp_path / "log"))
    qtbot.addWidget(window)
    window.show()
    walk(qtbot, window, WALSALL)
    QGuiApplication.clipboard().setText("before")
    press_alt(qtbot, window, Qt.Key.Key_C)
    window.copy_summary()
    assert QGuiApplication.clipboard().text() == "before"
    asked = []
    window.pdf_path_provider = lambda: asked.append(1)
    window.save_pdf()
    assert asked == []
    assert not window.settings_tab.stored.export_button.isEnabled()
    cards = window.plan_view.findChildren(QLabel)
    assert cards and all(
        card.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction for card in cards
    )


def test_deleting_profile_files_cannot_go_below_the_machine_update(app_home, tmp_path):
    publisher = trusted_publisher(app_home.env, tmp_path)
    publish_to_machine(app_home.env, publisher, "2026.12.1")
    mine = publish(SHIPPED, publisher.private_path, tmp_path / "mine", "2026.12.2", date.today())
    assert run_app("directory", "install", str(mine), env=app_home.env).returncode == 0
    assert "directory 2026.12.2" in run_app("--self-test", env=app_home.env).stdout
    shutil.rmtree(user_folder(app_home.env, "directory-updates"))
    result = run_app("--self-test", env=app_home.env)
    assert "directory 2026.12.1 (IT's update folder" in result.stdout  # not the shipped one
