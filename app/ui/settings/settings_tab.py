"""Settings: tier, default borough, organisation, text size, colours, inactivity timeout."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from app.directory_updates import DirectoryUpdates
from app.settings import INACTIVITY_MINUTES, TEXT_SIZES, UserSettings
from app.ui.field_style import use_field_style
from app.ui.labels import plain_label
from app.ui.number_box import NumberBox
from app.ui.palettes import SCHEMES
from app.ui.settings.about_directory import AboutDirectoryPanel
from app.ui.settings.stored_data_panel import StoredDataPanel
from app.ui.tick_box import TickBox
from app.user_data import UserData

LOCKED_TIP = "Set by your organisation's IT policy"


class SettingsTab(QWidget):
    changed = Signal(object)

    def __init__(
        self,
        settings: UserSettings,
        boroughs: list[tuple[str, str]],
        user_data: UserData | None = None,
        allow_exports: bool = True,
        updates: DirectoryUpdates | None = None,
        maintain=None,
    ) -> None:
        super().__init__()
        # About the worker, not the person: kept by design, so the self-test's canary skips it
        self.setProperty("worker_setting", True)
        self.settings = settings
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # reflow at large text
        self.tier = QComboBox()
        self.tier.addItem("Tier 1 (universal)", 1)
        self.tier.addItem("Tier 2 (intermediate)", 2)
        self.borough = QComboBox()
        self.borough.addItem("Ask each time", None)
        for value, label in boroughs:
            self.borough.addItem(label, value)
        self.organisation = QLineEdit(settings.organisation)
        self.text_size = NumberBox()
        self.text_size.setRange(TEXT_SIZES.start, TEXT_SIZES.stop - 1)
        self.colours = QComboBox()
        for value, label in SCHEMES.items():
            self.colours.addItem(label, value)
        self.inactivity = NumberBox()
        self.inactivity.setRange(INACTIVITY_MINUTES.start, INACTIVITY_MINUTES.stop - 1)
        self.inactivity.valueChanged.connect(self._minutes_said)
        # A number typed is used when the worker is done with it (Enter, or another field):
        # Qt dropped a key that made it too big, so "99" was text size 9, used at once
        for box in (self.text_size, self.inactivity):
            box.setKeyboardTracking(False)
        self.record_activity = TickBox("Keep anonymised counts for reports")  # grows with text
        # each field's edge in the text colour: in high contrast none could be seen
        use_field_style(self.tier, self.borough, self.organisation, self.text_size)
        use_field_style(self.colours, self.inactivity)
        rows = (
            ("tier", "Your tier", self.tier),
            ("default_borough", "Default area", self.borough),
            ("organisation", "Organisation", self.organisation),
            ("text_size", "Text size", self.text_size),
            ("colours", "Colours", self.colours),
            ("inactivity_minutes", "Clear the case after no activity for", self.inactivity),
            ("record_activity", "Counts", self.record_activity),
        )
        for key, label, widget in rows:
            # the box's own words heard too: "Counts" alone named it (a11y walk, 2026-12-07)
            words = widget.text() if widget is self.record_activity else ""
            widget.setAccessibleName(f"{label}: {words}" if words else label)
            locked = key in settings.locked
            widget.setEnabled(not locked)
            if locked:
                widget.setToolTip(LOCKED_TIP)
                label = f"{label} (locked)"
            form.addRow(label, widget)
        self.problem = plain_label("", "Problem with a setting")  # under the fields
        self.problem.hide()
        form.addRow(self.problem)
        self.text_size.editingFinished.connect(lambda: self._check(self.text_size, "Text size"))
        self.inactivity.editingFinished.connect(
            lambda: self._check(self.inactivity, "Clear the case after no activity for")
        )
        self.stored = StoredDataPanel(user_data, allow_exports) if user_data is not None else None
        if self.stored is not None:
            form.addRow(self.stored)
        self.about = AboutDirectoryPanel(updates, maintain) if updates is not None else None
        if self.about is not None:
            form.addRow(self.about)
        self.show_settings(settings)
        self.tier.currentIndexChanged.connect(self._emit)
        self.borough.currentIndexChanged.connect(self._emit)
        self.organisation.editingFinished.connect(self._emit)
        self.text_size.valueChanged.connect(self._emit)
        self.colours.currentIndexChanged.connect(self._emit)
        self.inactivity.valueChanged.connect(self._emit)
        self.record_activity.toggled.connect(self._emit)

    def holds_case(self) -> bool:
        return self.stored is not None and self.stored.holds_case()

    def forget_case(self) -> None:
        if self.stored is not None:
            self.stored.forget_case()

    def show_settings(self, settings: UserSettings) -> None:
        self.settings = settings
        self.blockSignals(True)  # showing values is not the worker changing them
        try:
            self._show(settings)
        finally:
            self.blockSignals(False)

    def _check(self, box: NumberBox, name: str) -> None:
        """A number that cannot be used is refused by name, with what is allowed, and the
        setting kept as it was (said so)."""
        if box.wrong is None:
            self.problem.hide()
            return
        kept = box.value()
        self.problem.setText(f"{name}: {box.refusal()} Still {kept}{box.suffix()}.")
        self.problem.show()
        box.show_wrong(box.wrong)  # what was typed, to correct: not the number Qt put back

    def _show(self, settings: UserSettings) -> None:
        for box in (self.text_size, self.inactivity):
            box.wrong = None  # the settings in use, shown: nothing typed is waiting
        self.problem.hide()
        self.tier.setCurrentIndex(max(self.tier.findData(settings.tier), 0))
        self.borough.setCurrentIndex(max(self.borough.findData(settings.default_borough), 0))
        self.organisation.setText(settings.organisation)
        self.text_size.setValue(settings.text_size)
        self.colours.setCurrentIndex(max(self.colours.findData(settings.colours), 0))
        self.inactivity.setValue(settings.inactivity_minutes)
        self._minutes_said(settings.inactivity_minutes)  # no change of value, no signal
        self.record_activity.setChecked(settings.record_activity)

    def _emit(self, *_args) -> None:
        self.settings = dataclasses.replace(
            self.settings,
            tier=self.tier.currentData(),
            default_borough=self.borough.currentData(),
            organisation=self.organisation.text().strip(),
            text_size=self.text_size.value(),
            colours=self.colours.currentData(),
            inactivity_minutes=self.inactivity.value(),
            record_activity=self.record_activity.isChecked(),
        )
        self.changed.emit(self.settings)
        if self.stored is not None:
            self.stored.refresh()

    def _minutes_said(self, minutes: int) -> None:
        """The unit as a count says it: "1 minutes" was said (screen-reader walks, 2026-12-07)."""
        self.inactivity.setSuffix(" minute" if minutes == 1 else " minutes")
