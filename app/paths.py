"""Where the app's own files are, from source or frozen by PyInstaller, and the user's."""

from __future__ import annotations

import sys
from pathlib import Path


def install_root() -> Path:
    """The folder holding resources/ and migrations/ (the bundle folder when frozen)."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def shipped_directory() -> Path:
    return resources_dir() / "directory.sqlite"


def migrations_dir() -> Path:
    return install_root() / "migrations"


def user_data_folder() -> Path:
    """The worker's own folder (settings, counts). Here, not with the user store, so that
    the one-instance check before "Opening…" does not import the pathway engine."""
    import platformdirs

    return Path(platformdirs.user_data_dir("Navigator", appauthor=False, roaming=False))
