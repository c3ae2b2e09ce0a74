"""The colour schemes a worker can choose: the system's (which follows Windows high
contrast and dark mode), light, dark, and high contrast. This module is the one place
colours are named; every widget takes its colours from the palette.

High contrast follows Windows' "forced colours" (black, white, yellow for focus and
selection), with every edge role white so buttons and cards keep their outlines, and a
field's hint in Windows' GrayText: in white it read as a value typed in ("Open 24/7: yes,
or empty" on an empty field; lead walk, 2026-12-06).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

R = QPalette.ColorRole
SCHEMES = {
    "system": "As the system",
    "light": "Light",
    "dark": "Dark",
    "high_contrast": "High contrast",
}

_LIGHT = {
    R.Window: "#f3f2f1", R.WindowText: "#0b0c0c", R.Base: "#ffffff", R.AlternateBase: "#f3f2f1",
    R.Text: "#0b0c0c", R.Button: "#ffffff", R.ButtonText: "#0b0c0c", R.Highlight: "#1d70b8",
    R.HighlightedText: "#ffffff", R.Link: "#1d70b8", R.ToolTipBase: "#ffffff",
    R.ToolTipText: "#0b0c0c", R.PlaceholderText: "#505a5f", R.Light: "#ffffff",
    R.Midlight: "#dedede", R.Mid: "#8a8a8a", R.Dark: "#505a5f", R.Shadow: "#0b0c0c",
}  # fmt: skip
_DARK = {
    R.Window: "#1e1e1e", R.WindowText: "#f0f0f0", R.Base: "#121212", R.AlternateBase: "#262626",
    R.Text: "#f0f0f0", R.Button: "#2d2d2d", R.ButtonText: "#f0f0f0", R.Highlight: "#8ab4f8",
    R.HighlightedText: "#0b0c0c", R.Link: "#8ab4f8", R.ToolTipBase: "#2d2d2d",
    R.ToolTipText: "#f0f0f0", R.PlaceholderText: "#b0b0b0", R.Light: "#5a5a5a",
    R.Midlight: "#444444", R.Mid: "#9a9a9a", R.Dark: "#b0b0b0", R.Shadow: "#000000",
}  # fmt: skip
GREY_TEXT_HC = (
    "#3ff23f"  # Windows high contrast's disabled text: unlike enabled text, still legible
)
_HIGH_CONTRAST = {
    R.Window: "#000000", R.WindowText: "#ffffff", R.Base: "#000000", R.AlternateBase: "#000000",
    R.Text: "#ffffff", R.Button: "#000000", R.ButtonText: "#ffffff", R.Highlight: "#ffff00",
    R.HighlightedText: "#000000", R.Link: "#ffff00", R.ToolTipBase: "#000000",
    R.ToolTipText: "#ffffff", R.PlaceholderText: GREY_TEXT_HC, R.Light: "#ffffff",
    R.Midlight: "#ffffff", R.Mid: "#ffffff", R.Dark: "#ffffff", R.Shadow: "#ffffff",
}  # fmt: skip
# GOV.UK's focus state: a 3-pixel ring in the highlight, with a 1-pixel inner line in the text
# colour next to the control (drawn by focus_ring.py; wrapping rows keep room for it)
RING = 3
GAP = 1
_COLOURS = {"light": _LIGHT, "dark": _DARK, "high_contrast": _HIGH_CONTRAST}
_system: QPalette | None = None  # the palette Qt started with, before any choice
_bars = {"own": False}  # whether scroll bars and buttons were ever given palettes of their own


def palette_for(scheme: str) -> QPalette:
    global _system
    if _system is None:
        _system = QPalette(QApplication.palette())
    if scheme not in _COLOURS:
        return QPalette(_system)
    palette = QPalette()
    for role, colour in _COLOURS[scheme].items():
        palette.setColor(role, QColor(colour))
        disabled = QColor(GREY_TEXT_HC if scheme == "high_contrast" else colour)
        if scheme != "high_contrast":
            disabled = disabled.darker(130)
        if role in (R.WindowText, R.Text, R.ButtonText):  # greyed, and in HC still legible
            palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def use_text_size(points: int) -> None:
    """The worker's text size for every widget (numbers included: they scale from it)."""
    font = QApplication.font()
    if font.pointSize() != points:
        font.setPointSize(points)
        QApplication.setFont(font)


def button_palette(palette: QPalette, scheme: str) -> QPalette:
    """In high contrast, a button's edge light on black: the style draws it from the window
    colour, darkened, and Quick exit read as plain text (officer walk, H246)."""
    button = QPalette(palette)
    if scheme == "high_contrast":
        button.setColor(R.Window, QColor("#ffffff"))  # the edge only: buttons fill from Button
    return button


def scroll_bar_palette(palette: QPalette, scheme: str) -> QPalette:
    """In high contrast, a white handle and arrow buttons (Windows' forced colours): the
    style draws them in the button colour, black on black there, and the worker could not
    tell how much of the plan was left (officer walk, H228)."""
    bar = QPalette(palette)
    if scheme == "high_contrast":
        bar.setColor(R.Button, QColor("#ffffff"))
        bar.setColor(R.WindowText, QColor("#000000"))  # the arrows, on the white buttons
    return bar


def use_scheme(scheme: str) -> None:
    palette = palette_for(scheme)
    if QApplication.palette() != palette:
        QApplication.setPalette(palette)
    # a palette of their own only once high contrast is chosen: the system's scheme keeps
    # following the system until then; after it, each scheme's own
    if scheme == "high_contrast" or _bars["own"]:
        _bars["own"] = True
        QApplication.setPalette(scroll_bar_palette(palette, scheme), "QScrollBar")
        for kind in ("QPushButton", "QToolButton"):
            QApplication.setPalette(button_palette(palette, scheme), kind)
