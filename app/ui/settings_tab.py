"""Settings: tier, default borough, organisation, text size, inactivity timeout."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from app.settings import TEXT_SIZES, UserSettings

LOCKED_TIP = "Set by your organisation's IT policy"


class SettingsTab(QWidget):
    changed = Signal(object)

    def __init__(self, settings: UserSettings, boroughs: list[tuple[str, str]]) -> None:
        super().__init__()
        self.settings = settings
        form = QFormLayout(self)
        self.tier = QComboBox()
        self.tier.addItem("Tier 1 (universal)", 1)
        self.tier.addItem("Tier 2 (intermediate)", 2)
        self.borough = QComboBox()
        self.borough.addItem("Ask each time", None)
        for value, label in boroughs:
            self.borough.addItem(label, value)
        self.organisation = QLineEdit(settings.organisation)
        self.text_size = QSpinBox()
        self.text_size.setRange(TEXT_SIZES.start, TEXT_SIZES.stop - 1)
        self.inactivity = QSpinBox()
        self.inactivity.setRange(1, 60)
        self.inactivity.setSuffix(" minutes")
        rows = (
            ("tier", "Your tier", self.tier),
            ("default_borough", "Default area", self.borough),
            ("organisation", "Organisation", self.organisation),
            ("text_size", "Text size", self.text_size),
            ("inactivity_minutes", "Clear the case after no activity for", self.inactivity),
        )
        for key, label, widget in rows:
            widget.setAccessibleName(label)
            locked = key in settings.locked
            widget.setEnabled(not locked)
            if locked:
                widget.setToolTip(LOCKED_TIP)
                label = f"{label} (locked)"
            form.addRow(label, widget)
        self.show_settings(settings)
        self.tier.currentIndexChanged.connect(self._emit)
        self.borough.currentIndexChanged.connect(self._emit)
        self.organisation.editingFinished.connect(self._emit)
        self.text_size.valueChanged.connect(self._emit)
        self.inactivity.valueChanged.connect(self._emit)

    def show_settings(self, settings: UserSettings) -> None:
        self.tier.setCurrentIndex(max(self.tier.findData(settings.tier), 0))
        self.borough.setCurrentIndex(max(self.borough.findData(settings.default_borough), 0))
        self.organisation.setText(settings.organisation)
        self.text_size.setValue(settings.text_size)
        self.inactivity.setValue(settings.inactivity_minutes)

    def _emit(self, *_args) -> None:
        self.settings = dataclasses.replace(
            self.settings,
            tier=self.tier.currentData(),
            default_borough=self.borough.currentData(),
            organisation=self.organisation.text().strip(),
            text_size=self.text_size.value(),
            inactivity_minutes=self.inactivity.value(),
        )
        self.changed.emit(self.settings)
