"""The app's style for the controls a worker types or ticks in, drawn to be seen in every
palette and at every text size: a tick box's box as tall as most of a line of its text (the
style's stayed 13 pixels, a speck beside 24-point words), and a field's edge in the text
colour (the style drew it in a shade of the window colour, which on the high-contrast
palette, black, is no edge at all: the Organisation and text-size boxes could not be seen;
reviews 2026-12-01). A proxy, not a style sheet: the palette alone colours the app.

Made with the first control that asks for it, never on the path to the first question: it
makes QStyle's Python types (~6 ms)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

_style = None


def field_style():
    global _style
    if _style is None:
        _style = _make()
    return _style


def use_field_style(*widgets: QWidget) -> None:
    for widget in widgets:
        widget.setStyle(field_style())


def edge_fields_within(root: QWidget) -> None:
    """Every field in `root` (a window or dialog of fields alone, as the lead's are) in the
    style: their edges had no colour in high contrast, and a lead could not find the empty
    Name, E-mail or passphrase box (lead walk, 2026-12-06)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    kinds = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit)
    inner = (QAbstractSpinBox, QComboBox)  # their own line edit: the field's edge is drawn
    use_field_style(
        *(
            widget
            for widget in root.findChildren(QWidget)
            if isinstance(widget, kinds) and not isinstance(widget.parent(), inner)
        )
    )


def _make():
    from PySide6.QtGui import QPalette, QPen
    from PySide6.QtWidgets import QProxyStyle, QStyle

    sized = (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight)
    edged = (QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox)
    # a line's panel, and a box of several lines' frame (the lead's How to refer, Notes)
    framed_fields = (QStyle.PrimitiveElement.PE_PanelLineEdit, QStyle.PrimitiveElement.PE_Frame)

    def edge(option, painter) -> None:
        painter.save()
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.WindowText), 1))
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()

    class FieldStyle(QProxyStyle):
        def pixelMetric(self, metric, option=None, widget=None) -> int:
            if metric in sized and widget is not None:
                return max(13, round(widget.fontMetrics().height() * 0.8))
            return super().pixelMetric(metric, option, widget)

        def drawPrimitive(self, element, option, painter, widget=None) -> None:
            super().drawPrimitive(element, option, painter, widget)
            framed = getattr(option, "lineWidth", 0) > 0  # a spin box's own text: no edge
            if element in framed_fields and framed:
                edge(option, painter)

        def drawComplexControl(self, control, option, painter, widget=None) -> None:
            super().drawComplexControl(control, option, painter, widget)
            if control in edged:
                edge(option, painter)

    return FieldStyle()
