"""New numbers that reach the laptop mid-conversation are said at once, new and old, while
the plan keeps the directory it was made with until the conversation ends (H67, H573)."""

from datetime import date

from PySide6.QtCore import Qt

from app.db.bundle import publish
from tests.conftest import NEW_NUMBER
from tests.ui.conftest import press, walk
from tests.ui.directory.test_switching import OLD_NUMBER, coventry_children_case, plan_text


def test_a_number_on_the_plan_replaced_mid_conversation_is_said_new_and_old(
    app_window, coventry_edit, qtbot
):
    """The old number stood on the plan, large, with Copy, for the rest of the conversation,
    and nothing said it had been replaced (lead walk, 2026-12-07; H573)."""
    window, where, lead = app_window
    press(qtbot, window, Qt.Key.Key_N)  # a case has begun
    publish(coventry_edit, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    assert window.directory_banner.isHidden()  # no number of it on screen yet
    walk(qtbot, window, coventry_children_case())
    assert OLD_NUMBER in plan_text(window)  # the plan as it was made
    waiting = window.directory_banner.text()
    assert window.directory_banner.isVisible() and waiting.startswith("New numbers have reached")
    assert f"now {NEW_NUMBER}, not {OLD_NUMBER}" in waiting and "next new conversation" in waiting
    window.switch.check()  # still waiting at the next check: said once, not twice
    assert window.directory_banner.text() == waiting
    window.switch.take(None)  # a check finds it withdrawn (its key): no longer said
    assert window.switch.pending is None and window.directory_banner.isHidden()
