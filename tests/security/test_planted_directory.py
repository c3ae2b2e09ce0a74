"""Planted directories: a forged file in the profile, a shortcut with --directory, a key in
the profile, and the two answers to "which directory?". Each is refused or handled."""

import json
import shutil
import sqlite3
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from app.db.bundle import publish
from app.event_log import EventLog
from app.ui.application import StartError, open_window, problem_screen
from tests.conftest import REPO, machine_folder, run_app
from tests.security.attacks import (
    FAKE,
    SHIPPED,
    forged_database,
    plant_in_profile,
    publish_to_machine,
    signed_bundle,
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
    """Set aside although its key may only be unknown for now: its name is none this app
    writes (a few of those are kept, H99)."""
    bundle = plant_in_profile(app_home.env, tmp_path)
    result = search(app_home.env)
    assert result.returncode == 0
    assert FAKE not in result.stdout
    assert any(hit["phone"] == "999" for hit in json.loads(result.stdout))
    assert f"{bundle.name} was set aside: signed with unknown key" in result.stderr
    aside = user_folder(app_home.env, "directory-updates", "set-aside")
    assert any(p.name.startswith(bundle.name) for p in aside.iterdir())
    test = run_app("--self-test", env=app_home.env)
    assert test.returncode == 0, test.stderr
    assert f"directory {SHIPPED_VERSION} (installed with the app): verified" in test.stdout


def test_after_a_planted_directory_a_genuine_update_still_arrives(app_home, tmp_path):
    plant_in_profile(app_home.env, tmp_path)
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


def test_a_genuine_manifest_on_a_forged_database_is_set_aside(app_home, tmp_path):
    """A real signed manifest, copied in front of another database of the same version."""
    publisher = trusted_publisher(app_home.env, tmp_path)
    genuine = publish_to_machine(app_home.env, publisher, "2026.12.1")
    header, _ = genuine.read_bytes().split(b"\n", 2)[:2], None
    forged = forged_database(tmp_path / "forged.sqlite", version="2026.12.1").read_bytes()
    forged += bytes(4096)  # never by chance the genuine one's size
    planted = user_folder(app_home.env, "directory-updates", "directory-2026.12.2.navdir")
    planted.parent.mkdir(parents=True)
    planted.write_bytes(b"\n".join(header) + b"\n" + forged)
    result = search(app_home.env)
    assert FAKE not in result.stdout
    assert "wrong size" in result.stderr or "wrong hash" in result.stderr


def test_a_key_in_the_profile_is_never_trusted(app_home, tmp_path):
    publisher = trusted_publisher(app_home.env, tmp_path)
    shutil.rmtree(machine_folder(app_home.env, "config", "keys"))
    profile_keys = user_folder(app_home.env, "keys")
    profile_keys.mkdir(parents=True)
    shutil.copy(publisher.public_path, profile_keys)
    forged = forged_database(tmp_path / "forged.sqlite", version="2026.12.1")
    folder = machine_folder(app_home.env, "data", "directory-updates")
    bundle = signed_bundle(forged, publisher, folder / "directory-2026.12.1.navdir", "2026.12.1")
    result = search(app_home.env)
    assert FAKE not in result.stdout
    assert f"{bundle.name}: signed with unknown key {publisher.key_id}" in result.stderr


def test_the_window_refuses_an_unverified_directory_from_a_shortcut(
    qtbot, app_home, tmp_path, monkeypatch
):
    forged = forged_database(tmp_path / "shortcut.sqlite")
    result = run_app("--directory", str(forged), "--self-test", env=app_home.env)
    assert result.returncode == 1
    assert "never opens a directory named here, signed or not" in result.stderr
    assert "IT's update folder or installed with `directory install FILE.navdir`" in result.stderr
    with pytest.raises(StartError) as refused:
        open_window(forged, EventLog(tmp_path / "log"))
    assert "NAVIGATOR_DEVELOPER" in str(refused.value)
    monkeypatch.setenv("NAVIGATOR_DEVELOPER", "1")  # set by a user for their own session…
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # …in the installed app
    with pytest.raises(StartError):
        open_window(forged, EventLog(tmp_path / "log"))
    screen = problem_screen(refused.value.reasons, EventLog(tmp_path / "log"))
    qtbot.addWidget(screen)
    assert "never opens a directory named here" in screen.message.text()
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


def test_the_directory_in_use_is_the_bytes_that_were_checked(qtbot, app_home, tmp_path):
    """A file swapped or edited after the check (or during the session) changes nothing."""
    from app.db.search import DirectorySearch
    from app.in_force import decide, graph_in_force

    publisher = trusted_publisher(app_home.env, tmp_path)
    genuine = publish_to_machine(app_home.env, publisher, "2026.12.1")
    in_force = decide()
    finder = DirectorySearch(in_force.database)
    forged = forged_database(tmp_path / "forged.sqlite", version="2026.12.1").read_bytes()
    genuine.write_bytes(genuine.read_bytes()[: -len(forged)] + forged)  # after the check
    assert all(hit.phone != FAKE for hit in finder.search("emergency"))
    assert graph_in_force(in_force).services["emergency-999"].phone == "999"
    finder.close()


def with_sql(tmp_path, sql: str, version: str) -> Path:
    database = tmp_path / f"{version}.sqlite"
    shutil.copy(REPO / "resources" / "directory.sqlite", database)
    with sqlite3.connect(database) as db:
        db.executescript(sql)
        db.execute("UPDATE content_meta SET value = ? WHERE key = 'directory_version'", (version,))
    db.close()
    return database


TRIGGER = (
    "CREATE TRIGGER swap AFTER UPDATE ON content_meta BEGIN "
    f"UPDATE phone SET number = '{FAKE}' WHERE service_id = 'ndah'; END;"
)
VIEW = (
    "ALTER TABLE phone RENAME TO phone_real; CREATE VIEW phone AS SELECT id, service_id, "
    f"ordinal, CASE WHEN service_id = 'ndah' THEN '{FAKE}' ELSE number END AS number, "
    "type, description FROM phone_real;"
)


@pytest.mark.parametrize("sql", [TRIGGER, VIEW], ids=["trigger", "view"])
def test_a_trigger_or_view_in_a_signed_directory_is_refused(app_home, tmp_path, sql):
    publisher = trusted_publisher(app_home.env, tmp_path)
    folder = machine_folder(app_home.env, "data", "directory-updates")
    signed_bundle(with_sql(tmp_path, sql, "2026.12.3"), publisher, folder / "x.navdir", "2026.12.3")
    result = search(app_home.env, "helpline")
    assert FAKE not in result.stdout
    assert "schema differs from this app's" in result.stderr


KIND_CHANGED = (
    "UPDATE phone SET number = '0121 496 0999' WHERE service_id = 'emergency-999'; "
    "UPDATE attribute SET taxonomy_term_id = (SELECT id FROM taxonomy_term WHERE code = "
    "'urgent_care') WHERE link_id = 'emergency-999';"
)


@pytest.mark.parametrize(
    ("sql", "refusal"),
    [
        # the bundle holds a fresh database written from the checked rows, not the file
        (TRIGGER, "schema differs"),
        # with its kind changed, 'emergency-999' escaped the kind's check: the plan's
        # fallback (named by id) showed "Emergency services: 0121 496 0999" (review)
        (KIND_CHANGED, "emergency-999: its number must be 999"),
        (  # said "a emergency number must be 999"
            "UPDATE phone SET number = '0121 496 0999' WHERE service_id = 'emergency-999'",
            "emergency-999: kind 'emergency' must have the number 999",
        ),
        # Open Referral's "temporarily closed" took the national helpline out of every plan
        # while the diff, knowing only "retired", said "no change" (review 2026-12-01)
        (
            "UPDATE service SET status = 'temporarily closed' WHERE id = 'bcwa'",
            "'temporarily closed' is not allowed: one of active, retired",
        ),
        ("UPDATE service SET status = 'retired' WHERE id = 'police-101'", "101: it must be active"),
        ("UPDATE service SET status = 'retired' WHERE id = 'ndah'", "'ndah' is not active"),
        # its number emptied, or an address in its place, the plan said "Here is a free
        # number" over "no number held", or over an address (reviews 2026-12-01)
        ("DELETE FROM phone WHERE service_id = 'ndah'", "'ndah' has no phone number"),
        (
            "DELETE FROM phone WHERE service_id = 'ndah'; "
            "UPDATE service SET email = 'help@example.org' WHERE id = 'ndah'",
            "'ndah' has no phone number",
        ),
        # a type that says nothing is rung on laptops: the lead says what it is (review)
        ("UPDATE phone SET type = 'hotdesk' WHERE service_id = 'bcwa'", "type 'hotdesk' is not"),
        # a fax, signed and shown as the number to ring (seventh attack round, 2026-12-01)
        (
            "UPDATE phone SET type = 'Fax (no calls)' WHERE service_id = 'bcwa'",
            "names a line to ring \\(call\\) and one not to \\(fax\\)",
        ),
        # tagged "marac" to pass as a referral sent by e-mail (attack review 2026-12-01)
        (
            "DELETE FROM phone WHERE service_id = 'ndah'; "
            "UPDATE service SET email = 'help@example.org' WHERE id = 'ndah'; "
            "INSERT INTO attribute SELECT 'ndah/kind/marac', 'ndah', link_type, link_entity, "
            "taxonomy_term_id, value FROM attribute WHERE link_id = 'wmp-marac'",
            "'ndah' has no phone number",
        ),
        # a Cyrillic а: the national helpline served no one, the diff's line looked the same
        (
            "UPDATE service SET audience = '\u0430ny' WHERE id = 'ndah'",
            "'\u0430ny' is not allowed: one of any, women, men, lgbtq",
        ),
        # read as a day by Python, "W4" taken for its month: no plan for any adult (review
        # 2026-12-01); and a date no person's check stands behind showed "Confirmed"
        (
            "UPDATE service SET assured_date = '2026-W48-2', assured_method = 'phoned', "
            "assured_by = 'DA lead' WHERE id = 'ndah'",
            "'2026-W48-2' is not a day written YYYY-MM-DD",
        ),
        (
            "UPDATE service SET assured_date = '2026-11-20' WHERE id = 'walsall-mast'",
            "a day checked needs how it was checked: phoned, provider",
        ),
        (
            "UPDATE service SET assured_date = '2099-01-01', assured_method = 'phoned', "
            "assured_by = 'DA lead' WHERE id = 'ndah'",
            "2099-01-01 is after today",
        ),
    ],
    ids=[
        "trigger",
        "999 moved",
        "999 given another number",
        "a status unknown",
        "101 retired",
        "ndah",
        "ndah's number emptied",
        "ndah's number an address",
        "a phone type not known",
        "a phone type of two kinds",
        "ndah tagged marac",
        "audience",
        "a week date",
        "a date no one checked",
        "a day to come",
    ],
)
def test_publish_never_signs(tmp_path, sql, refusal):
    from app.db import signing
    from app.db.bundle import Refused, publish

    pair = signing.generate(tmp_path / "keys")
    with pytest.raises(Refused, match=refusal):
        publish(
            with_sql(tmp_path, sql, "2026.11.30"),
            pair.private_path,
            tmp_path,
            "2026.12.4",
            date.today(),
        )


LED_ASTRAY = (
    "UPDATE service SET assured_date = '2026-W48-2', assured_method = 'phoned', "
    "assured_by = 'DA lead' WHERE id = 'ndah'; "
    "UPDATE service SET assured_date = '2026-11-20', confidence = 'high' "
    "WHERE id = 'walsall-mast'; "
    "UPDATE phone SET number = '0808\u20282000 247' WHERE service_id = 'ndah'; "
    "UPDATE service SET assured_date = '2030-01-01', assured_method = 'phoned', "
    "assured_by = 'DA lead', confidence = 'high' WHERE id = 'bcwa';"
)


def test_a_signed_update_with_confirmations_not_as_the_lead_records_them_now_still_arrives(
    app_home, tmp_path
):
    """Signed before publish checked them (a feed's own date, no how or who; a week date):
    laptops refused the whole update and went back to the shipped numbers (review
    2026-12-01), or, taking "W4" for a month, showed no plan at all. Now such a service is
    unconfirmed, and a number's odd spaces are plain ones on the card and in the summary."""
    publisher = trusted_publisher(app_home.env, tmp_path)
    folder = machine_folder(app_home.env, "data", "directory-updates")
    database = with_sql(tmp_path, LED_ASTRAY, "2026.12.3")
    signed_bundle(database, publisher, folder / "directory-2026.12.3.navdir", "2026.12.3")
    scenario = tmp_path / "case.json"
    scenario.write_text(json.dumps(SCENARIO))
    result = run_app("route", "--scenario", str(scenario), "--json", env=app_home.env)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["directory_version"] == "2026.12.3"
    services = {s["id"]: s for a in plan["actions"] for s in a["services"]}
    assert services["ndah"]["phone"] == "0808 2000 247"
    for service in {"ndah", "walsall-mast", "bcwa"} & set(services):
        assert services[service]["check_before_use"] and services[service]["confirmed"] is None
    found = json.loads(search(app_home.env, "national domestic abuse").stdout)
    assert {"0808 2000 247"} == {hit["phone"] for hit in found if hit["id"] == "ndah"}
    walsall = json.loads(search(app_home.env, "walsall").stdout)
    assert all(hit["confirmed"] == "" for hit in walsall)  # the Directory tab's "checked"


def with_sidecar(tmp_path) -> Path:
    """A database whose `-wal` file beside it holds another national helpline number, its
    header saying it has none (review 2026-12-01)."""
    database = with_sql(tmp_path, "", "2026.11.30")
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA wal_autocheckpoint=0")
    before = database.read_bytes()
    db.execute(f"UPDATE phone SET number = '{FAKE}' WHERE service_id = 'ndah'")
    db.commit()
    sidecar = Path(f"{database}-wal").read_bytes()
    db.close()  # which writes the change into the file: put both back as they were
    Path(f"{database}-shm").unlink(missing_ok=True)
    database.write_bytes(before[:18] + b"\x01\x01" + before[20:])
    Path(f"{database}-wal").write_bytes(sidecar)
    return database


def ndah_number(source) -> str:
    from app.db.loader import open_directory

    db = open_directory(source)
    try:
        return db.execute("SELECT number FROM phone WHERE service_id = 'ndah'").fetchone()[0]
    finally:
        db.close()


def test_a_sidecar_beside_a_database_is_never_read_by_the_review_or_signed(tmp_path):
    """The diff read the file's bytes ("no change"), while the checks, the rebuild and
    the search opened it through SQLite, which read the sidecar: publish signed a number
    the lead had not seen."""
    from app.db import signing

    database = with_sidecar(tmp_path)
    shipped = ndah_number(REPO / "resources" / "directory.sqlite")
    assert ndah_number(database) == shipped != FAKE
    pair = signing.generate(tmp_path / "keys")
    bundle = publish(database, pair.private_path, tmp_path / "out", "2026.12.4", date.today())
    signed = bundle.read_bytes().split(b"\n", 2)[2]
    assert ndah_number(signed) == shipped


def test_the_installed_app_never_takes_its_machine_folder_from_the_environment(monkeypatch):
    from app import machine

    monkeypatch.setenv(machine.DEVELOPER_VARIABLE, "/tmp/planted")
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/tmp/planted")
    monkeypatch.setenv("WIN_PD_OVERRIDE_COMMON_APPDATA", "/tmp/planted")
    assert machine.machine_folders().config == Path("/tmp/planted")  # a source checkout
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert machine.machine_folders().config == Path("/etc/xdg/Navigator")
    assert machine.machine_folders().keys == Path("/etc/xdg/Navigator/keys")


def test_a_correction_deleted_from_the_profile_is_said_until_one_as_new_is_in_use(
    app_home, tmp_path
):
    """A worker installed a correction; another account deleted it from the profile, and
    every card went back to the old number, unsaid (attack F17). A tripwire: whoever can
    delete it can edit the record too, but a slip or a clean-up is caught."""
    publisher = trusted_publisher(app_home.env, tmp_path)
    outbox = tmp_path / "outbox"
    made = publish(SHIPPED, publisher.private_path, outbox, "2026.12.1", date.today())
    assert run_app("directory", "install", str(made), env=app_home.env).returncode == 0
    assert run_app("--self-test", env=app_home.env).returncode == 0
    for installed in user_folder(app_home.env, "directory-updates").glob("installed-*"):
        installed.unlink()
    test = run_app("--self-test", env=app_home.env)
    said = "Numbers may be out of date: this laptop used directory 2026.12.1, which is no longer"
    assert test.returncode == 1 and said in test.stderr, test.stdout + test.stderr
    assert said in run_app("--self-test", env=app_home.env).stderr  # said until put right
    newer = publish(SHIPPED, publisher.private_path, outbox, "2026.12.2", date.today())
    assert run_app("directory", "install", str(newer), env=app_home.env).returncode == 0
    test = run_app("--self-test", env=app_home.env)
    assert test.returncode == 0 and "Numbers may be out of date" not in test.stdout + test.stderr
