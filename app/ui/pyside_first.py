"""Imported straight after PySide, before the app's other modules: PySide reads the whole
source of every module imported after it, looking for the word "PySide6", for a feature
this app never uses (`from __feature__ import snake_case`); this stops that reading."""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  (its import hook is the one this changes)


def stop_source_scan() -> None:
    """Take every module imported from now on as one that uses PySide with no feature
    selected, without reading its source: about 20 ms of a launch from the source tree, 176
    files (the frozen app has no source to read). It is what PySide decides for a module
    that names it and never imports `__feature__` (none here does); one that does not name
    it was marked to follow the last, which is no feature too. Where PySide's module is not
    as this expects (another version), nothing is changed."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside


def _uses_pyside(module: object) -> bool:
    return True


stop_source_scan()
