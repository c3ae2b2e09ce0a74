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
