"""A "Details" control (GOV.UK details, NHS expander): a button that shows or hides what is
under it, by keyboard too, and says whether it is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from app.ui.labels import plain_label


class Expander(QWidget):
    def __init__(self, title: str, body: QWidget | str, role: str, shown: bool = False) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = title
        self.button = QToolButton()
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setText(title)
        self.body = plain_label(body, role) if isinstance(body, str) else body
        self.button.toggled.connect(self._show)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body, 1)
        self.set_open(shown)

    @property
    def is_open(self) -> bool:
        return self.button.isChecked()

    def set_open(self, shown: bool) -> None:
        self.button.setChecked(shown)
        self._show(shown)

    def set_title(self, title: str) -> None:
        self.title = title
        self.button.setText(title)
        self._show(self.is_open)

    def _show(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.button.setAccessibleName(f"{self.title} ({'shown' if shown else 'hidden'})")
