"""The real main window, as the UI tests build it."""

from tests.ui.conftest import finder, make_window  # noqa: F401 (fixtures)
