"""Disclosure navigator: routes a disclosure of domestic or sexual abuse to an explained plan."""

import os

__version__ = "0.1.0"

# PySide6 6.11 makes its Python types on first use ("lazy"). An application-wide event
# filter written in Python (quick exit and inactivity watch every event) then meets objects
# of types not yet made, and making one inside the filter re-enters it and crashes the app
# (found in the tests: a window after a start-problem screen; it could be the first file
# dialog or message box mid-conversation). All types are made at import instead (about
# 0.14 s more at start). Set before any PySide6 import: `app` is imported first everywhere.
os.environ.setdefault("PYSIDE6_OPTION_LAZY", "0")
