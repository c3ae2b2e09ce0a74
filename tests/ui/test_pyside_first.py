"""PySide no longer reads the source of each module imported after it (about 20 ms of a
launch from the source tree): a module that never names PySide is marked as PySide marks
one that does, with no feature selected, and none of the app's modules is read."""

import sys

import app.ui.pyside_first as pyside_first


def imported_fresh(tmp_path, monkeypatch, name: str, source: str):
    (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    # an import statement: PySide's hook replaces `__import__`, which importlib bypasses
    exec(f"import {name}", {})
    return sys.modules[name]


def test_a_module_imported_after_the_app_starts_is_not_read_for_pysides_name(tmp_path, monkeypatch):
    feature = sys.modules["shibokensupport.feature"]
    # the PySide this app ships still has the hook this replaces: a new PySide without it
    # would leave the scan on unseen (the launch benchmark would find it)
    assert feature._mod_uses_pyside is pyside_first._uses_pyside
    read = []
    monkeypatch.setattr("inspect.getsource", lambda module: read.append(module) or "")
    imported_fresh(tmp_path, monkeypatch, "navigator_never_names_qt", "WORDS = 'plain'\n")
    # PySide's own scan gives -1 to a module whose source lacks its name; read, it was
    assert feature.pyside_feature_dict["navigator_never_names_qt"] == 0
    assert read == []
