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
    assert window.directory_banner.isVisible() and waiting.startswith("New numbers: ")
    assert f"now {NEW_NUMBER}, not {OLD_NUMBER}" in waiting and "next new conversation" in waiting
    window.switch.check()  # still waiting at the next check: said once, not twice
    assert window.directory_banner.text() == waiting
    window.switch.take(None)  # a check finds it withdrawn (its key): said so (verifier)
    assert window.switch.pending is None
    assert window.directory_banner.text().startswith("The new numbers said here were withdrawn")
    window.new_conversation()  # a new case: no more to say
    assert window.directory_banner.isHidden()


def test_a_service_on_the_plan_closed_is_said_and_many_numbers_are_named_few(
    app_window, tmp_path, qtbot
):
    """A service on the plan that the waiting update closes was said by nothing, its number
    given on; and at the switch 17 numbers named ran to nine lines at 24 pt, the first
    question hidden (verifier, 2026-12-07)."""
    from tests.conftest import change, edited_directory

    window, where, lead = app_window
    shipped = window.switch.updates.current.graph.services
    others = sorted(s for s, v in shipped.items() if v.phone and s != "coventry-mash")[:5]

    def edit(rows):
        rows = change(rows, "coventry-mash", status="retired")
        for at, sid in enumerate(others):
            rows = change(rows, sid, phone=f"0800 802 030{at}")
        return rows

    edited = edited_directory(tmp_path / "edit", edit)
    press(qtbot, window, Qt.Key.Key_N)
    publish(edited, lead.private_path, where.machine_updates, "2026.12.1", date.today())
    window.switch.check()
    walk(qtbot, window, coventry_children_case())
    waiting = window.directory_banner.text()
    assert f"{shipped['coventry-mash'].name}: closed, do not give its number" in waiting
    window.new_conversation()
    banner = window.directory_banner.text()
    assert banner.count("now 0800 802 030") == 3 and "and 2 more" in banner
