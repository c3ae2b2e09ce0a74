"""PySide's import hook, made cheap before any of the app's windows import Qt.

Importing shiboken6 replaces Python's `__import__` with a hook for PySide's opt-in
`from __feature__ import snake_case` (PYSIDE-2029). After every import statement it asks,
once per module name, whether that module uses PySide, by reading the module's whole source
file (`inspect.getsource`) and looking for the word "PySide6". On the path to the first
question that is 120-odd modules (the app's and the standard library's, each read once from
disk and kept in `linecache`): about 9 ms, a tenth of a bare window's launch (napari met the
same cost: napari/napari#8584, seen 2026-12-01).

The answer only matters to a module that selects a feature, and the app selects none
(tests/ui/test_pyside_hook.py fails if one does). The answer given here is the one the scan
gives for every module on the app's own path, the PySide6 package and the app's UI use
PySide and nothing else does, read from the module's name instead of its file. A PySide
without the hook's function leaves its own scan in place: slower, never wrong.
"""

from __future__ import annotations

import sys

import shiboken6  # noqa: F401 (installs the hook this module replaces the scan of)

UI_PACKAGE = __name__.rpartition(".")[0]  # "app.ui"


def uses_pyside(module) -> bool:
    name = getattr(module, "__name__", "")
    in_ui = name == UI_PACKAGE or name.startswith(UI_PACKAGE + ".")
    return in_ui or name.partition(".")[0] == "PySide6"


def skip_source_scan() -> bool:
    """True when the hook now reads names, not files; False on a PySide without it."""
    feature = sys.modules.get("shibokensupport.feature")
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True
