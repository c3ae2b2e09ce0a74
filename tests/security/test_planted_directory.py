"""Planted directories: a forged file in the profile, a shortcut with --directory, a key in
the profile, and the two answers to "which directory?". Each is refused or handled."""

import json
import shutil
import sqlite3
import tomllib

import pytest

from app.event_log import EventLog
from app.ui.application import StartError, open_window, problem_screen
from tests.conftest import REPO, machine_folder, run_app
from tests.security.attacks import (
    FAKE,
    forged_database,
    plant_in_profile,
    publish_to_machine,
    trusted_publisher,
    user_folder,
)
from tests.ui.conftest import walk

SCENARIO = json.loads((REPO / "tests" / "data" / "reference.json").read_text())[0]["scenario"]
SHIPPED_VERSION = tomllib.loads(
    (REPO / "resources" / "services" / "directory.toml").read_text(encoding="utf-8")
)["version"]


def search(env, text="emergency"):
    return run_app("directory", "search", text, "--json", env=env)


def test_a_forged_directory_in_the_profile_is_set_aside_and_never_shown(app_home, tmp_path):
    plant_in_profile(app_home.env)
    result = search(app_home.env)
    assert result.returncode == 0
    assert FAKE not in result.stdout
    assert any(hit["phone"] == "999" for hit in json.loads(result.stdout))
    assert "set aside: no signed record" in result.stderr  # the reason, said
    aside = user_folder(app_home.env, "directories", "set-aside")
    assert any(p.name.startswith("directory-9999.1.1.sqlite") for p in aside.iterdir())
    test = run_app("--self-test", env=app_home.env)
    assert test.returncode == 0, test.stderr
    assert f"directory {SHIPPED_VERSION} (installed with the app): verified" in test.stdout


def test_after_a_planted_directory_a_genuine_update_still_arrives(app_home, tmp_path):
    plant_in_profile(app_home.env)
    search(app_home.env)
    publisher = trusted_publisher(app_home.env, tmp_path)
    publish_to_machine(app_home.env, publisher, "2026.12.1")
    scenario = tmp_path / "case.json"
    scenario.write_text(json.dumps(SCENARIO))
    result = run_app("route", "--scenario", str(scenario), "--json", env=app_home.env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["directory_version"] == "2026.12.1"
    test = run_app("--self-test", env=app_home.env)
    assert f"directory 2026.12.1 (IT's update folder, publisher key {publisher.key_id})" in (
        test.stdout
    )


def test_a_forged_record_with_a_real_signature_of_another_database_is_set_aside(app_home, tmp_path):
    """Copy a genuine record beside a forged database of the same version."""
    publisher = trusted_publisher(app_home.env, tmp_path)
    publish_to_machine(app_home.env, publisher, "2026.12.1")
    assert search(app_home.env).returncode == 0  # installs 2026.12.1 with its record
    shutil.rmtree(machine_folder(app_home.env, "data", "directory-updates"))
    installed = user_folder(app_home.env, "directories", "directory-2026.12.1.sqlite")
    forged_database(installed, version="2026.12.1")
    result = search(app_home.env)
    assert FAKE not in result.stdout
    assert "altered since it was installed" in result.stderr


def test_a_key_in_the_profile_is_never_trusted(app_home, tmp_path):
    publisher = trusted_publisher(app_home.env, tmp_path)
    shutil.rmtree(machine_folder(app_home.env, "config", "keys"))
    profile_keys = user_folder(app_home.env, "keys")
    profile_keys.mkdir(parents=True)
    shutil.copy(publisher.public_path, profile_keys)
    bundle = publish_to_machine(
        app_home.env,
        publisher,
        "2026.12.1",
        forged_database(tmp_path / "forged.sqlite", version=SHIPPED_VERSION),
    )
    result = search(app_home.env)
    assert FAKE not in result.stdout
    assert f"{bundle.name}: signed with unknown key {publisher.key_id}" in result.stderr


def test_the_window_refuses_an_unverified_directory_from_a_shortcut(qtbot, app_home, tmp_path):
    forged = forged_database(tmp_path / "shortcut.sqlite")
    result = run_app("--directory", str(forged), "--self-test", env=app_home.env)
    assert result.returncode == 1
    assert "opens only the directory installed with the app or a signed update" in result.stderr
    with pytest.raises(StartError) as refused:
        open_window(forged, EventLog(tmp_path / "log"))
    assert "NAVIGATOR_DEVELOPER" in str(refused.value)
    screen = problem_screen(refused.value.reasons, EventLog(tmp_path / "log"))
    qtbot.addWidget(screen)
    assert "opens only the directory installed" in screen.message.text()
    assert "999" in screen.message.text()


def test_a_developer_sees_a_permanent_unverified_banner(qtbot, app_home, tmp_path, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_DEVELOPER", "1")
    forged = forged_database(tmp_path / "dev.sqlite")
    window = open_window(forged, EventLog(tmp_path / "log"))
    qtbot.addWidget(window)
    window.show()
    assert window.directory_banner.isVisible()
    assert "UNVERIFIED DIRECTORY" in window.directory_banner.text()
    window.quick_exit()
    window.reopen()
    assert window.directory_banner.isVisible()


def policy_and_update(env, tmp_path):
    """IT's policy lowers the escalation threshold; IT's update changes a Walsall number."""
    policy = machine_folder(env, "config", "policy.json")
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(json.dumps({"escalation_incidents": 2}))
    database = tmp_path / "update.sqlite"
    shutil.copy(REPO / "resources" / "directory.sqlite", database)
    with sqlite3.connect(database) as db:
        db.execute("UPDATE phone SET number = '0121 552 0000' WHERE service_id = 'bcwa'")
    db.close()
    publish_to_machine(env, trusted_publisher(env, tmp_path), "2026.12.2", database)


def test_window_route_search_and_self_test_agree_on_directory_and_policy(qtbot, app_home, tmp_path):
    policy_and_update(app_home.env, tmp_path)
    case = {**SCENARIO, "dash_answers": {}, "incidents_12_months": 2}  # high only by policy
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    routed = json.loads(
        run_app("route", "--scenario", str(path), "--json", env=app_home.env).stdout
    )
    assert routed["directory_version"] == "2026.12.2"
    assert routed["risk"]["criteria"] == ["escalation"]
    found = json.loads(search(app_home.env, "Black Country").stdout)
    assert {h["phone"] for h in found if h["id"] == "bcwa"} == {"0121 552 0000"}
    window = open_window(None, EventLog(tmp_path / "log"))
    qtbot.addWidget(window)
    window.show()
    walk(qtbot, window, case)
    plan = window.session.plan
    assert plan.directory_version == "2026.12.2" and plan.risk.criteria == ("escalation",)
    assert [a["kind"] for a in routed["actions"]] == plan.action_kinds
    routed_services = [[s["id"], s["phone"]] for a in routed["actions"] for s in a["services"]]
    shown = [[m.service.id, m.service.phone] for a in plan.actions for m in a.services]
    assert routed_services == shown
    test = run_app("--self-test", env=app_home.env)
    assert "directory 2026.12.2 (IT's update folder" in test.stdout
