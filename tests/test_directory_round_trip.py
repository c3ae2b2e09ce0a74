"""Issue 14 end to end, across two profiles and a real machine policy folder: the lead
corrects a Coventry number in the maintenance window, marks it checked by phone and
publishes with a passphrase-protected key; IT trusts the lead's public key and names an
update folder; the worker's `route` and plan then show the new number, unflagged. The same
bundle, with the key only in a worker's own folder, is refused."""

import json
import shutil

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.db import signing
from app.db.maintenance_session import Maintenance
from app.event_log import EventLog
from app.ui.application import open_window
from app.ui.maintain.maintenance_window import MaintenanceWindow
from tests.conftest import NEW_NUMBER, REPO, machine_folder, routed_cases, run_app
from tests.ui.conftest import walk

PASSPHRASE = "the lead's long passphrase"
OLD_NUMBER = "024 7678 8555"


def coventry_case(tmp_path):
    (case,) = (c for c in routed_cases() if c["name"].startswith("adult DA, 15 yes, children"))
    scenario = {**case["scenario"], "borough": "coventry"}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(scenario))
    return scenario, path


def mash_services(route_output):
    plan = json.loads(route_output)
    (action,) = (a for a in plan["actions"] if a["kind"] == "child_safeguarding_referral")
    return {s["id"]: s for s in action["services"]}


@pytest.fixture
def published(qtbot, tmp_path, graph):
    """The lead's part, on real widgets: edit, mark checked by phone, publish."""
    lead = signing.generate(tmp_path / "lead-keys", PASSPHRASE)
    shutil.copytree(REPO / "resources" / "services", tmp_path / "lead-copy")
    maintenance = Maintenance.open(
        tmp_path / "lead-copy", graph, REPO / "resources" / "directory.sqlite"
    )
    window = MaintenanceWindow(maintenance)
    window.close_choice = lambda: "discard"
    qtbot.addWidget(window)
    window.show()
    window.select("coventry-mash")
    window.form.editors["phone"].setText(NEW_NUMBER)
    window.form.apply_button.click()
    window.form.check_button.click()
    window.check_dialog.by.setText("DA co-ordinator, Coventry")
    window.check_dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok
    ).click()
    window.ask_publish()
    dialog = window.publish_dialog
    dialog.version.setText("2026.12.1")
    dialog.key.setText(str(lead.private_path))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.out_dir.setText(str(tmp_path / "lead-out"))
    dialog.publish_button.click()
    assert not dialog.isVisible(), dialog.error.text()
    (bundle,) = (tmp_path / "lead-out").glob("*.navdir")
    window.close()
    return lead, bundle


def test_the_leads_correction_reaches_the_worker_through_it(app_home, tmp_path, published, qtbot):
    lead, bundle = published
    keys = machine_folder(app_home.env, "config", "keys")
    keys.mkdir(parents=True)
    shutil.copy(lead.public_path, keys)
    it_updates = tmp_path / "share" / "navigator-updates"
    it_updates.mkdir(parents=True)
    shutil.copy(bundle, it_updates)
    policy = machine_folder(app_home.env, "config") / "policy.json"
    policy.write_text(json.dumps({"directory_update_folder": str(it_updates)}))
    scenario, case = coventry_case(tmp_path)
    result = run_app("route", "--scenario", str(case), "--json", env=app_home.env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["directory_version"] == "2026.12.1"
    mash = mash_services(result.stdout)["coventry-mash"]
    assert (mash["phone"], mash["check_before_use"]) == (NEW_NUMBER, False)
    window = open_window(None, EventLog())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    walk(qtbot, window, scenario)
    (row,) = [r for c in window.plan_view.cards for r in c.rows if r.number.text() == NEW_NUMBER]
    assert row.trust.text().startswith("Confirmed ")  # by a person: no "unconfirmed" line
    assert OLD_NUMBER not in "\n".join(window.plan_view.plain_texts())


def test_the_same_bundle_with_the_key_in_the_workers_folder_is_refused(
    app_home, tmp_path, published
):
    lead, bundle = published
    own_keys = app_home.root / "xdg_data_home" / "Navigator" / "keys"
    own_keys.mkdir(parents=True)
    shutil.copy(lead.public_path, own_keys)
    result = run_app("directory", "install", str(bundle), env=app_home.env)
    assert result.returncode == 1
    assert "signed with unknown key" in result.stderr
    _, case = coventry_case(tmp_path)
    route = run_app("route", "--scenario", str(case), "--json", env=app_home.env)
    assert mash_services(route.stdout)["coventry-mash"]["phone"] == OLD_NUMBER
