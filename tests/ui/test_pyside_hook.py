"""PySide's import hook reads no module's source once app.ui is imported (the launch's
~9 ms, app/ui/pyside_hook.py), and the app selects no PySide feature, so the answer read
from a module's name is never the one that matters."""

import inspect
import re
import sys
import types

import app.ui  # noqa: F401 (the package's import makes the hook cheap)
from app.ui.pyside_hook import skip_source_scan, uses_pyside
from tests.conftest import REPO


def test_a_module_imported_after_the_app_ui_package_is_not_read(tmp_path, monkeypatch):
    read = []
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(obj) or real(obj))
    (tmp_path / "freshly_imported_module.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "freshly_imported_module", raising=False)
    import freshly_imported_module  # through PySide's hook, as every import statement is

    assert freshly_imported_module.VALUE == 1
    assert read == []  # PySide's own scan read this file, every module's, at every launch


def test_the_hook_reads_names_on_the_installed_pyside():
    # a PySide release that renames its scan leaves the launch ~9 ms slower: said here
    assert skip_source_scan() is True


def test_the_answer_from_a_name_is_the_one_the_scan_gives_on_the_apps_path():
    def named(name):
        return types.ModuleType(name)

    assert uses_pyside(sys.modules["PySide6.QtCore"])
    assert uses_pyside(named("PySide6"))
    assert uses_pyside(sys.modules["app.ui.pyside_hook"])
    assert uses_pyside(named("app.ui"))
    assert not uses_pyside(named("app.pathways.engine"))
    assert not uses_pyside(named("app.uiextras"))
    assert not uses_pyside(named("sqlite3"))
    assert not uses_pyside(object())  # a module with no name, as PySide allows for


def test_no_module_of_the_app_selects_a_pyside_feature():
    selects = re.compile(r"^\s*from\s+__feature__\s+import", re.MULTILINE)
    found = [p for p in (REPO / "app").rglob("*.py") if selects.search(p.read_text("utf-8"))]
    assert found == []
