"""Shared fixtures. Qt runs offscreen; the committed directory database is the one tested."""

import atexit
import csv
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.ui import gui_collector  # imports no Qt

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every test writes under a folder of its own run, never the profile of whoever runs them: a
# publish test wrote the lead's ledger into the real one, and the next run's publishes were
# refused by it (tests that need folders of their own use app_home)
PROFILE_VARIABLES = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
_RUN = Path(__import__("tempfile").mkdtemp(prefix="navigator-tests-"))
# removed when the run ends: each run (each xdist worker) made one, and a CI machine or a
# developer's /tmp gathered hundreds
atexit.register(shutil.rmtree, _RUN, ignore_errors=True)
for _name in PROFILE_VARIABLES:
    os.environ[_name] = str(_RUN / _name.lower())
os.environ["NAVIGATOR_MACHINE_FOLDER"] = str(_RUN / "machine")

REPO = Path(__file__).resolve().parent.parent
# the sources copied to build a directory that is not a release (a colleague's database, an
# IT build): without the release kept beside them, a build is not held to it (H454)
NOT_A_RELEASE = shutil.ignore_patterns("*.sqlite*", "released.json")
DATA = Path(__file__).resolve().parent / "data"
FROM_SOURCE = (sys.executable, "-m", "app")


def routed_cases() -> list[dict]:
    """The shared reference cases that give a plan (both policy versions)."""
    return [
        case
        for name in ("reference.json", "reference-v2.json")
        for case in json.loads((DATA / name).read_text(encoding="utf-8"))
        if case["expect"]["exit_code"] == 0
    ]


def edited_directory(folder, edit, version=None):
    """The shipped source copied, its services.csv rows changed by edit(rows), built (with
    a new directory version, if given)."""
    source = folder / "source"
    shutil.copytree(REPO / "resources", source, ignore=NOT_A_RELEASE)
    table = source / "services" / "services.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, list(reader)
    rows = edit(rows)
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header)
        writer.writeheader()
        writer.writerows(rows)
    if version is not None:
        toml = source / "services" / "directory.toml"
        text = toml.read_text(encoding="utf-8")
        toml.write_text(re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', text), "utf-8")
    from app.db.build import build_directory

    build_directory(source, folder / "edited.sqlite")
    return folder / "edited.sqlite"


def shipped_changed(path: Path, *statements: str) -> Path:
    """A copy of the shipped directory database at `path`, changed by SQL statements (what
    a colleague's file, a mistake or an attacker's could hold), not rebuilt or re-checked."""
    import sqlite3

    shutil.copy(REPO / "resources" / "directory.sqlite", path)
    with sqlite3.connect(path) as db:
        for statement in statements:
            db.execute(statement)
    db.close()
    return path


def change(rows, service_id, **values):
    (row,) = (row for row in rows if row["id"] == service_id)
    row.update(values)
    return rows


DA_KIND = {  # a feed's term for this app's specialist domestic abuse kind, as export writes it
    "id": "navigator_service_kind/da_service",
    "code": "da_service",
    "name": "Specialist domestic abuse service",
    "taxonomy": "navigator_service_kind",
}


def feed_line(service_id: str, name: str, number: str, area: str = "dudley") -> dict:
    """A partner feed's one new line (Open Referral JSON), as the import tests give it."""
    return {
        "id": service_id,
        "name": name,
        "status": "active",
        "source": "partner feed",
        "phones": [{"id": f"{service_id}/phone/1", "number": number, "type": "voice"}],
        "service_areas": [{"id": f"{service_id}/area/1", "name": area}],
        "attributes": [{"id": f"{service_id}/kind/1", "taxonomy_term": DA_KIND}],
    }


def partner_feed(tmp_path, **ids):
    """A new Wolverhampton line whose rows take the ids given (as our export numbers them)."""
    service = {
        "id": "feed-adult-line",
        "name": "Wolverhampton Adult Wellbeing Line",
        "status": "active",
        "minimum_age": "18",
        "maximum_age": "120",
        "confidence": "medium",
        "source": "partner feed",
        "phones": [
            {"id": ids.get("phone", "feed/phone/1"), "number": "01902 555 100", "type": "voice"}
        ],
        "service_areas": [{"id": ids.get("area", "feed/area/1"), "name": "wolverhampton"}],
        "attributes": [{"id": ids.get("kind", "feed/kind/1"), "taxonomy_term": DA_KIND}],
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([service]), encoding="utf-8")
    return path


NEW_NUMBER = "024 7600 0000"  # Coventry MASH's, in the directory the tests publish


@pytest.fixture(scope="session")
def coventry_edit(tmp_path_factory):
    """The shipped directory with Coventry MASH's number changed (not yet published)."""
    folder = tmp_path_factory.mktemp("edit")
    return edited_directory(folder, lambda rows: change(rows, "coventry-mash", phone=NEW_NUMBER))


@pytest.fixture
def it(tmp_path):
    """An install folder, IT's machine keys folder with the lead's public key, IT's update
    folder and the worker's own, as the app finds them."""
    from app.db import signing
    from app.db.directories import Locations
    from app.db.trust import KeySources

    lead = signing.generate(tmp_path / "lead")
    machine_keys = tmp_path / "machine-keys"
    machine_keys.mkdir()
    shutil.copy(lead.public_path, machine_keys)
    shipped = tmp_path / "install" / "directory.sqlite"
    shipped.parent.mkdir()
    for name in ("directory.sqlite", "directory.sqlite.sha256"):
        shutil.copy(REPO / "resources" / name, shipped.parent)
    where = Locations(
        shipped=shipped,
        keys=KeySources(tmp_path / "install" / "keys", machine_keys),
        machine_updates=tmp_path / "it-updates",
        user_updates=tmp_path / "user-updates",
    )
    return where, lead


def running(where, policy=None):
    """The updates of an app started with these locations (and `policy`, or none)."""
    from app.db.directories import select_directory
    from app.directory_updates import DirectoryUpdates, Loaded
    from app.in_force import InForce, graph_in_force
    from app.policy import MachinePolicy

    in_force = InForce(select_directory(where), policy or MachinePolicy())
    return DirectoryUpdates(Loaded(in_force, graph_in_force(in_force)), where)


def run_app(*args, env=None, cwd=REPO, command=FROM_SOURCE, timeout=120):
    """Run the app as a worker or IT would (`python -m app ARGS`, or a frozen `command`);
    the exit code is the caller's to check."""
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(autouse=True)
def _own_profile(tmp_path_factory, monkeypatch):
    """Each test's own user and machine folders (app_home, asked for, replaces them): one
    test's published ledger refused another's publish of the same version."""
    root = tmp_path_factory.mktemp("profile")
    for name in PROFILE_VARIABLES:
        monkeypatch.setenv(name, str(root / name.lower()))
    monkeypatch.setenv("NAVIGATOR_MACHINE_FOLDER", str(root / "machine"))


@pytest.fixture(autouse=True)
def _collected_on_the_gui_thread(request):
    """As in the app, once a test has Qt: only the GUI thread collects (H603). A test run
    hung with the collector left automatic, as the app had frozen."""
    if {"qapp", "qtbot"} & set(request.fixturenames):
        request.getfixturevalue("qapp")
        gui_collector.take_over()
    yield
    if gui_collector.collecting():
        gui_collector.collect_due()  # a test that runs no event loop leaves its garbage here


@pytest.fixture(autouse=True)
def _delete_closed_windows():
    """pytest-qt closes each test's widgets with deleteLater, which only an event loop
    carries out; without this every window ever made stays alive and hears each font
    change, and the UI tests slow down test by test."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(scope="session")
def graph():
    from app.db.loader import load_valid_graph

    return load_valid_graph(REPO / "resources" / "directory.sqlite")


@pytest.fixture(scope="session")
def pathway(graph):
    from app.pathways.engine import Pathway

    return Pathway(graph)


@dataclass(frozen=True)
class AppHome:
    root: Path
    env: dict[str, str]


APP_FOLDERS = PROFILE_VARIABLES
MACHINE_FOLDERS = ("XDG_CONFIG_DIRS", "XDG_DATA_DIRS")  # IT's: policy, keys, updates


@pytest.fixture
def socket_folder():
    """A private folder with a short path: a Unix socket's path holds at most 107 bytes, and
    pytest's own folders, longer when the suite runs on every core, passed it."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="nav-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def app_home(tmp_path, monkeypatch):
    """Every folder the app may write to (data, config, cache, log, temp) under one root,
    for this process and for `python -m app` run from the test (pass `app_home.env`);
    the machine-wide folders (policy, trusted keys, IT's updates) too, under root/machine."""
    root = tmp_path / "home"
    values = {name: str(root / name.lower()) for name in APP_FOLDERS}
    values |= {name: str(root / "machine" / name.lower()) for name in MACHINE_FOLDERS}
    values["NAVIGATOR_MACHINE_FOLDER"] = str(root / "machine" / "navigator")
    values |= {
        "HOME": str(root),
        "TMPDIR": str(root / "tmp"),
        "APPDATA": str(root / "appdata"),
        "LOCALAPPDATA": str(root / "localappdata"),
    }
    for value in values.values():
        Path(value).mkdir(parents=True, exist_ok=True)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return AppHome(root, {**os.environ, **values})


def machine_folder(env: dict[str, str], *parts: str) -> Path:
    """IT's folder for Navigator under an app_home: "config" (policy.json, keys/) or
    "data" (directory-updates/), moved there for a source checkout (app/machine.py)."""
    return Path(env["NAVIGATOR_MACHINE_FOLDER"], *parts[1:])
