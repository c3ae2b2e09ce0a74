"""A new conversation forgets the case; it asks first only while a copied summary, not yet
replaced, would go with it."""

import json

import pytest
from PySide6.QtGui import QGuiApplication

from tests.conftest import DATA
from tests.ui.conftest import walk

SCENARIO = json.loads((DATA / "reference.json").read_text())[0]["scenario"]


def test_a_new_conversation_asks_before_taking_a_copied_summary_off(qtbot, window):
    """Alt+N after "Summary copied: paste it into the form" emptied the clipboard unsaid:
    the summary meant for the MARF was gone (officer walk F20, 2026-12-06)."""
    asked = []
    window.confirm_new = lambda question: asked.append(question) or False
    walk(qtbot, window, SCENARIO)
    window.copy_summary()
    summary = QGuiApplication.clipboard().text()
    window.new_conversation()  # "No": nothing cleared, and said so
    assert asked[0].startswith("The summary you copied is still on the clipboard")
    assert QGuiApplication.clipboard().text() == summary and window.session.plan is not None
    assert window.status.text() == "Nothing was cleared: paste the summary into the form first."
    window.confirm_new = lambda question: asked.append(question) or True
    window.new_conversation()
    assert QGuiApplication.clipboard().text() == "" and window.holds_case() == []


def test_nothing_is_asked_once_the_summary_is_replaced_or_for_a_number(qtbot, window):
    window.confirm_new = lambda question: pytest.fail("asked with no summary copied")
    walk(qtbot, window, SCENARIO)
    window.copy_summary()
    window.copy_contact("0121 000 0000")  # pasted and something else copied since
    window.new_conversation()
    assert window.session.plan is None and window.holds_case() == []


def test_a_quick_exit_while_asked_leaves_nothing_said(qtbot, window):
    def quick_exit_instead(question):
        window.quick_exit()
        return False

    window.confirm_new = quick_exit_instead
    walk(qtbot, window, SCENARIO)
    window.copy_summary()
    window.new_conversation()
    assert window.holds_case() == []
