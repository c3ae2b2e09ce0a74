"""Qt's own file dialog, sized to the window it opens over, at the largest text size."""

import json

from PySide6.QtCore import QTimer

from tests.conftest import DATA
from tests.ui.conftest import walk

SCENARIO = json.loads((DATA / "reference.json").read_text())[0]["scenario"]


def test_the_save_dialog_at_the_largest_text_has_the_windows_room(qtbot, window):
    """At 24 pt Qt's 733x478 showed "/tm…tP2" for the folder and one row of files: the
    worker could not check where the plan would go (officer walk F20, 2026-12-06)."""
    window.resize(1366, 740)
    window.replace_settings(text_size=24, colours="high_contrast")
    walk(qtbot, window, SCENARIO)
    seen = []

    def look() -> None:
        dialog = window.active_file_dialog
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append(dialog.size())
        dialog.reject()

    QTimer.singleShot(0, look)
    window.save_pdf()
    (size,) = seen
    room = window.size().boundedTo(window.screen().availableGeometry().size())
    assert size.width() >= room.width() * 0.85 and size.height() >= room.height() * 0.85
