"""The number box's refusals name what was typed and the range allowed, with its unit."""

import pytest

from app.ui.number_box import NumberBox, refusal


@pytest.mark.parametrize(
    ("typed", "bottom", "said"),
    [
        ("", 0, "Type a whole number from 0 to 24."),
        ("5", 8, "“5” is less than 8. Type a whole number from 8 to 24."),
        ("-1", 0, "“-1” is less than 0. Type a whole number from 0 to 24."),
        ("99", 8, "“99” is more than 24. Type a whole number from 8 to 24."),
        ("1 or 2", 0, "“1 or 2” is not one number. Type a whole number from 0 to 24, digits only."),
    ],
)
def test_a_refusal_names_the_range_from_its_own_bottom(typed, bottom, said):
    assert refusal(typed, 24, bottom) == said


def test_a_number_in_range_with_its_unit_is_a_number(qtbot):
    box = NumberBox()
    qtbot.addWidget(box)
    box.setRange(1, 60)
    box.setSuffix(" minutes")
    box.lineEdit().textEdited.emit("30 minutes")
    assert box.wrong is None and box.refusal() == ""
    box.lineEdit().textEdited.emit("0 minutes")  # a number, but below the bottom
    assert box.wrong == "0"
    assert box.refusal().startswith("“0” is less than 1.")


def test_a_number_box_has_no_menu_and_no_middle_click_paste(qapp):
    """Its menu's "Step up"/"Step down" made 119 of 120 by keys, and a middle click pasted
    whatever was last selected: 2 became 21, given (re-attack, 2026-12-07; H624)."""
    from PySide6.QtCore import Qt

    from app.ui.number_box import NoMiddleClickPaste, NumberBox

    box = NumberBox()
    assert box.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert box.lineEdit().contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert isinstance(box.lineEdit(), NoMiddleClickPaste)


def test_a_number_given_with_enter_is_selected_whole_when_come_back_to(qtbot):
    """Settings: "7", Enter, away and back, "5" made 57 minutes, the case left on an
    unattended screen (seams review, 2026-12-07; H626)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    from app.ui.number_box import NumberBox

    box = NumberBox()
    box.setRange(1, 60)
    qtbot.addWidget(box)
    box.show()
    qtbot.keyClicks(box, "7")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    reason = Qt.FocusReason.OtherFocusReason
    QApplication.sendEvent(box, QFocusEvent(QFocusEvent.Type.FocusOut, reason))
    QApplication.sendEvent(box, QFocusEvent(QFocusEvent.Type.FocusIn, reason))
    qtbot.keyClicks(box, "5")
    assert box.text() == "5"
