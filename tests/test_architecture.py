"""House rules: the domain imports no Qt, the engine no SQLAlchemy, schemas only by migration."""

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

APP = REPO / "app"


def imported_modules(folder: Path) -> dict[str, set[str]]:
    found = {}
    for path in folder.rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(REPO))] = names
    return found


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("pathways", ("PySide6", "sqlalchemy", "alembic", "sqlite3")),
        ("db", ("PySide6",)),
    ],
)
def test_domain_packages_stay_free_of_qt(folder, forbidden):
    for module, names in imported_modules(APP / folder).items():
        bad = {n for n in names if n.split(".")[0] in forbidden}
        assert not bad, f"{module} imports {bad}"


def test_no_module_creates_tables_outside_the_migrations():
    for path in APP.rglob("*.py"):
        assert "create_all" not in path.read_text(encoding="utf-8"), path


def test_widgets_never_import_the_database():
    for module, names in imported_modules(APP / "ui").items():
        if module.endswith("application.py"):
            continue  # start-up opens the directory and hands plain objects to the widgets
        assert not {n for n in names if n.startswith("app.db")}, module


@pytest.mark.parametrize(
    "module", ["settings.py", "policy.py", "user_data.py", "event_log.py", "last_resort.py"]
)
def test_settings_policy_counts_and_log_stay_free_of_qt(module):
    names = imported_modules(APP)[f"app/{module}"]
    assert not {n for n in names if n.startswith("PySide6")}, module
