"""Colour schemes: readable text in each, a focus colour that stands out, edges kept in
high contrast, and "As the system" giving back the palette Qt started with."""

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.ui.palettes import SCHEMES, palette_for

R = QPalette.ColorRole


def luminance(colour) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * (channel(colour.blueF()))
    )


def contrast(palette, a, b) -> float:
    la, lb = sorted((luminance(palette.color(a)), luminance(palette.color(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark", "high_contrast"])
def test_text_is_readable_and_focus_stands_out(qapp, scheme):
    palette = palette_for(scheme)
    minimum = 7 if scheme == "high_contrast" else 4.5  # WCAG AAA / AA for body text
    for text, ground in ((R.WindowText, R.Window), (R.Text, R.Base), (R.ButtonText, R.Button)):
        assert contrast(palette, text, ground) >= minimum, (scheme, text)
    assert contrast(palette, R.Highlight, R.Window) >= 3  # the focus ring (WCAG 1.4.11)
    assert contrast(palette, R.HighlightedText, R.Highlight) >= 4.5


def test_high_contrast_keeps_every_edge(qapp):
    palette = palette_for("high_contrast")
    for edge in (R.Light, R.Midlight, R.Mid, R.Dark, R.Shadow):
        assert contrast(palette, edge, R.Button) >= 7, edge


def test_every_tick_box_and_field_in_the_window_is_drawn_in_every_palette(make_window):
    """The Directory's "Open 24/7" box was a plain one: invisible in high contrast."""
    from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox, QLineEdit, QWidget

    from app.ui.field_style import field_style
    from app.ui.tick_box import TickBox

    window = make_window()
    window.other_tabs.build()  # every tab
    boxes = window.findChildren(QCheckBox)
    assert boxes and all(isinstance(box, TickBox) for box in boxes), [b.text() for b in boxes]
    kinds = (QLineEdit, QAbstractSpinBox, QComboBox)  # and every field, its edge
    fields = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w.parent(), kinds)
    ]
    assert fields and all(field.style() is field_style() for field in fields), fields


@pytest.mark.parametrize("scheme", ["light", "dark", "high_contrast"])
def test_a_fields_hint_is_told_from_a_value_typed_in(qapp, scheme):
    """In high contrast the hint was white, as a value: the lead read "Open 24/7: yes, or
    empty" on an empty field (lead walk, 2026-12-06). Windows' GrayText there."""
    palette = palette_for(scheme)
    assert palette.color(R.PlaceholderText) != palette.color(R.Text)
    assert contrast(palette, R.PlaceholderText, R.Base) >= 4.5  # still read (WCAG AA)


@pytest.mark.parametrize("kind", ["QLineEdit", "QSpinBox", "QComboBox", "QPlainTextEdit"])
def test_a_fields_edge_is_drawn_in_the_text_colour_in_high_contrast(qtbot, kind):
    """The Organisation, text-size and minutes boxes had no edge in high contrast: the style
    drew it in a shade of the (black) window colour (review 2026-12-01)."""
    from PySide6 import QtWidgets
    from PySide6.QtGui import QPalette

    from app.ui.field_style import use_field_style

    field = getattr(QtWidgets, kind)()
    field.setPalette(palette_for("high_contrast"))
    use_field_style(field)
    qtbot.addWidget(field)
    field.resize(200, 30)
    field.show()
    image = field.grab().toImage()
    text = field.palette().color(QPalette.ColorRole.WindowText).name()
    assert image.pixelColor(0, field.height() // 2).name() == text


def test_the_system_scheme_is_the_palette_qt_started_with(make_window):
    started = QPalette(QApplication.palette())
    window = make_window()
    window.replace_settings(colours="dark")
    assert QApplication.palette().color(R.Window) == palette_for("dark").color(R.Window)
    window.replace_settings(colours="system")
    assert QApplication.palette().color(R.Window) == started.color(R.Window)
    assert QApplication.palette().color(R.Text) == started.color(R.Text)


def test_the_setting_is_offered_with_every_scheme_and_applied(qtbot, make_window):
    window = make_window()
    combo = window.settings_tab.colours
    assert [combo.itemData(i) for i in range(combo.count())] == list(SCHEMES)
    combo.setCurrentIndex(combo.findData("high_contrast"))
    assert window.settings.colours == "high_contrast"
    assert QApplication.palette().color(R.Window) == palette_for("high_contrast").color(R.Window)
    window.replace_settings(colours="system")


@pytest.mark.parametrize("scheme", ["light", "dark", "high_contrast"])
def test_a_disabled_button_looks_disabled_and_stays_legible(qapp, scheme):
    palette = palette_for(scheme)
    off = QPalette.ColorGroup.Disabled
    assert palette.color(off, R.ButtonText) != palette.color(R.ButtonText)
    if scheme == "high_contrast":  # Windows' grey text for high contrast: readable on black
        disabled = palette.color(off, R.ButtonText)
        ground = palette.color(R.Button)
        high, low = sorted((luminance(disabled), luminance(ground)), reverse=True)
        assert (high + 0.05) / (low + 0.05) >= 4.5


def handle_and_groove(bar):
    """The colours at the handle's middle and at the groove's, far below it."""
    QApplication.processEvents()  # the palette's change reaches the bar
    image = bar.grab().toImage()
    x = bar.width() // 2
    return image.pixelColor(x, bar.height() // 5), image.pixelColor(x, bar.height() * 4 // 5)


def test_a_scroll_bars_handle_stands_out_in_high_contrast(qtbot):
    """The plan's scroll handle was a dark grey outline on black: the worker could not tell
    how much of the plan was left (officer walk, H228)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollBar

    from app.ui.palettes import use_scheme

    bar = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.setRange(0, 100)
    bar.setPageStep(40)  # the handle covers the top fifth to two fifths
    bar.resize(20, 400)
    bar.show()
    try:
        use_scheme("high_contrast")
        handle, groove = handle_and_groove(bar)
        high, low = sorted((luminance(handle), luminance(groove)), reverse=True)
        assert (high + 0.05) / (low + 0.05) >= 3, (handle.name(), groove.name())  # WCAG 1.4.11
        use_scheme("light")  # and each scheme's own after it, not high contrast's
        QApplication.processEvents()
        for role in (R.Button, R.WindowText, R.Window):
            assert bar.palette().color(role) == palette_for("light").color(role), role
    finally:
        use_scheme("system")


def test_a_buttons_edge_stands_out_in_high_contrast(qtbot):
    """Quick exit's edge was dark grey on black: it read as plain text (officer walk, H246)."""
    from PySide6.QtWidgets import QPushButton

    from app.ui.palettes import use_scheme

    button = QPushButton("Quick exit  (Shift ×3)")
    qtbot.addWidget(button)
    button.resize(240, 40)
    button.show()
    try:
        use_scheme("high_contrast")
        QApplication.processEvents()
        image = button.grab().toImage()
        edge = max((image.pixelColor(x, button.height() // 2) for x in range(4)), key=luminance)
        ground = palette_for("high_contrast").color(R.Button)
        high, low = sorted((luminance(edge), luminance(ground)), reverse=True)
        assert (high + 0.05) / (low + 0.05) >= 3, edge.name()  # WCAG 1.4.11
    finally:
        use_scheme("system")
