"""Nothing about the person reaches the disk, and nothing reaches the network."""

import json
import socket
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import REPO, run_app

CANARY = "Canary-Qz7Xw3 Flat 9"
SELF_TEST = json.loads((REPO / "resources" / "pathway" / "self-test.json").read_text("utf-8"))
# The count keys the standards ask for (borough, age group, abuse types) may be stored;
# any other answer, or the answers as a record, must not be.
COUNT_KEYS = {"borough", "age_group", "abuse_types"}


def fingerprints() -> list[str]:
    answers = SELF_TEST["scenario"]
    found = [CANARY, json.dumps(answers), json.dumps(answers, indent=1)]
    found += [question for question in answers if question not in COUNT_KEYS]
    found += list(answers["dash_answers"])  # dash_01 … dash_24
    return found


def files_containing(root: Path, needles: list[str]) -> list[tuple[str, str]]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            for needle in needles:
                if any(needle.encode(code) in data for code in ("utf-8", "utf-16-le")):
                    hits.append((str(path.relative_to(root)), needle))
    return hits


def test_the_search_finds_a_planted_canary(tmp_path):
    """The check below can fail: a canary written into a database is found."""
    with sqlite3.connect(tmp_path / "planted.sqlite") as db:
        db.execute("CREATE TABLE t (v TEXT)")
        db.execute("INSERT INTO t VALUES (?)", (CANARY,))
    (tmp_path / "log.txt").write_text("answered dash_07\n")
    hits = set(files_containing(tmp_path, fingerprints()))
    assert {("planted.sqlite", CANARY), ("log.txt", "dash_07")} <= hits


def test_self_test_with_a_canary_leaves_no_trace_in_any_app_folder(app_home):
    result = run_app("--self-test", "--canary", CANARY, env=app_home.env)
    assert result.returncode == 0, result.stderr
    typed = int(result.stdout.split("canary typed into ")[1].split()[0])
    assert typed >= 1
    written = {p.name for p in app_home.root.rglob("*") if p.is_file()}
    assert {"user.sqlite", "navigator.log"} <= written  # the app did write where it may
    assert files_containing(app_home.root, fingerprints()) == []
    user_db = next(app_home.root.rglob("user.sqlite"))
    with sqlite3.connect(user_db) as db:  # the self-test leaves no settings and no counts
        assert db.execute("SELECT count(*) FROM setting").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM activity_count").fetchone() == (0,)


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed(f"the app tried to open a network connection: {args}")

    class RefusedSocket(socket.socket):  # a class, so modules that subclass it still import
        def __init__(self, *args, **kwargs) -> None:
            refuse(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", RefusedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


def test_a_whole_session_opens_no_socket(qtbot, app_home, no_network, tmp_path):
    from app.event_log import EventLog
    from app.ui.application import open_window
    from app.ui.self_test import type_everywhere
    from tests.ui.conftest import walk

    window = open_window(None, EventLog(tmp_path / "log"))
    qtbot.addWidget(window)
    window.show()
    type_everywhere(window, "refuge near me")
    walk(qtbot, window, SELF_TEST["scenario"])
    window.copy_summary()
    window.pdf_path_provider = lambda: str(tmp_path / "plan.pdf")
    window.save_pdf()
    window.settings_tab.stored.export_path_provider = lambda: str(tmp_path / "counts.csv")
    window.settings_tab.stored.export()
    window.read_back()
    window.finish_read_back()
    window.quick_exit()
    assert (tmp_path / "plan.pdf").stat().st_size > 0 and (tmp_path / "counts.csv").exists()
    assert no_network == []


NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "requests", "httpx", "ftplib", "smtplib"}


def test_no_module_imports_a_network_library():
    from tests.test_architecture import imported_modules

    for module, names in imported_modules(REPO / "app").items():
        assert not {n for n in names if n.split(".")[0] in NETWORK_MODULES}, module
        if any(n.startswith("PySide6.QtNetwork") for n in names):
            text = (REPO / module).read_text(encoding="utf-8")
            assert "import QLocalServer, QLocalSocket\n" in text, module  # local pipes only
