"""The Directory, Practice and Settings tabs, built once the first question is on screen, or
the moment one of them is asked for: the worker's first question never waits for them.

Until then each tab holds an empty page of the same name, and holds nothing of a case."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from app.ui.case_holders import CaseHolder


class OtherTabs:
    def __init__(self, window, open_search, debounce_ms: int, updates, maintain) -> None:
        self.window = window
        self.open_search = open_search
        self.debounce_ms = debounce_ms
        self.updates = updates
        self.maintain = maintain
        self.built = False
        self.directory = self.practice = self.settings_tab = None
        self.settings_page = QScrollArea()  # scrolls at large text sizes, never widens
        self.settings_page.setWidgetResizable(True)
        labels = ["Directory", "Practice", "Settings"]
        if not window.allow_practice:
            labels.remove("Practice")
        self.waiting = {label: QWidget() for label in labels if label != "Settings"}
        for label in labels:
            window.tabs.addTab(self.waiting.get(label, self.settings_page), label)
        window.tabs.currentChanged.connect(self._asked_for)

    def _asked_for(self, index: int) -> None:
        page = self.window.tabs.widget(index)
        if page is self.settings_page or page in self.waiting.values():
            self.build()

    def build(self) -> OtherTabs:
        """Build the three tabs now (once); returns self, so `build().directory` reads."""
        if self.built:
            return self
        self.built = True
        from app.ui.directory.directory_tab import DirectoryTab
        from app.ui.practice.tab import practice_view
        from app.ui.settings.settings_tab import SettingsTab

        window = self.window
        graph = window.pathway.graph
        boroughs = [(o.value, o.label) for o in graph.questions["borough"].options]
        self.directory = DirectoryTab(
            self.open_search, boroughs, graph.kind_labels, self.debounce_ms
        )
        _put(window.tabs, self.waiting["Directory"], self.directory)
        if "Practice" in self.waiting:
            self.practice = practice_view(window, window.title)
            _put(window.tabs, self.waiting["Practice"], self.practice)
        self.settings_tab = SettingsTab(
            window.settings, boroughs, window.user_data, window.allow_exports, self.updates,
            self.maintain,
        )  # fmt: skip
        self.settings_tab.changed.connect(window.apply_settings)
        self.settings_page.setWidget(self.settings_tab)
        if window.switch is not None:
            self.settings_tab.about.installed.connect(window.switch.offer)
        return self

    def holders(self) -> list[CaseHolder]:
        """What the built tabs may hold of a case (a tab not yet built holds nothing)."""
        if not self.built:
            return []
        from app.ui.practice.tab import practice_holders

        return [
            CaseHolder("directory search", self.directory.holds_case, self.directory.clear),
            CaseHolder(
                "settings messages", self.settings_tab.holds_case, self.settings_tab.forget_case
            ),
            *practice_holders(self.practice),
        ]


def _put(tabs: QTabWidget, waiting: QWidget, page: QWidget) -> None:
    """The built page where its empty one was, still current if that was."""
    index = tabs.indexOf(waiting)
    current = tabs.currentIndex() == index
    tabs.insertTab(index, page, tabs.tabText(index))
    tabs.removeTab(index + 1)
    if current:  # the practice tab's title follows this change of tab
        tabs.setCurrentIndex(index)
    waiting.deleteLater()
