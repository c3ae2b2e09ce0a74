"""The Directory, Practice and Settings tabs, built once the first question is on screen, or
the moment one of them is asked for: the worker's first question never waits for them.

Until then each tab holds an empty page of the same name, and holds nothing of a case."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from app.ui.case_holders import CaseHolder
from app.ui.viewport import FocusInView


class OtherTabs:
    def __init__(self, window, open_search, debounce_ms: int, updates, maintain) -> None:
        self.window = window
        self.open_search = open_search
        self.debounce_ms = debounce_ms
        self.updates = updates
        self.maintain = maintain
        self.directory = self.practice = self.settings_tab = None
        self.settings_page = QScrollArea()  # scrolls at large text sizes, never widens
        self.settings_page.setWidgetResizable(True)
        # Shift+Tab from the tab bar left the focus on the page's last control, below the
        # fold, its ring out of sight (Xvfb walk, 2026-12-04)
        FocusInView(self.settings_page)
        self.settings_page.setAccessibleName("Settings")  # it takes the focus: named
        labels = ["Directory", "Practice", "Settings"]
        if not window.allow_practice:
            labels.remove("Practice")
        self.waiting = {label: QWidget() for label in labels if label != "Settings"}
        for label in labels:
            window.tabs.addTab(self.waiting.get(label, self.settings_page), label)
        window.tabs.currentChanged.connect(self._asked_for)

    @property
    def built(self) -> bool:
        return not self.waiting and self.settings_tab is not None

    def _asked_for(self, index: int) -> None:
        page = self.window.tabs.widget(index)
        if page is self.settings_page:
            self.build_settings()
        elif page is self.waiting.get("Directory"):
            self.build_directory()
        elif page is self.waiting.get("Practice"):
            self.build_practice()
        if self.directory is not None and self.window.tabs.widget(index) is self.directory:
            # typing goes to the search, as the tab is for finding a service (Ctrl+Tab then
            # typing reached nothing: review 2026-12-01); once the switch is done
            QTimer.singleShot(0, self.directory, self.directory.query.setFocus)

    def build(self) -> OtherTabs:
        """Build every tab not yet built; returns self, so `build().directory` reads."""
        self.build_directory()
        self.build_practice()
        self.build_settings()
        return self

    def build_in_turns(self) -> None:
        """After the first question: one tab per turn of the event loop, each asking for the
        next when it is done (queued together, Qt would run all three in one pass), so a key
        the worker presses meanwhile waits for one tab at most."""
        turns = [self.build_directory, self.build_practice, self.build_settings]

        def turn() -> None:
            turns.pop(0)()
            if turns:
                QTimer.singleShot(0, self.window, turn)  # none once the window has gone

        QTimer.singleShot(0, self.window, turn)

    def build_directory(self) -> None:
        if "Directory" not in self.waiting:
            return
        from app.ui.directory.directory_tab import DirectoryTab

        graph = self.window.pathway.graph
        self.directory = DirectoryTab(
            self.open_search,
            _boroughs(graph),
            graph.kind_labels,
            self.debounce_ms,
            self.window.clipboard.put,
            self.window.copy_contact,
        )
        self.directory.waiting = self.window.waiting_for
        _put(self.window.tabs, self.waiting.pop("Directory"), self.directory)

    def use_directory(self, open_search, graph) -> None:
        """A new directory in use: the Directory tab searches it and filters by its words
        (built later, it is built from them)."""
        self.open_search = open_search
        if self.directory is not None:
            self.directory.use_directory(open_search, _boroughs(graph), graph.kind_labels)

    def build_practice(self) -> None:
        if "Practice" not in self.waiting:
            return
        from app.ui.practice.tab import practice_view

        self.practice = practice_view(self.window)
        _put(self.window.tabs, self.waiting.pop("Practice"), self.practice)

    def build_settings(self) -> None:
        if self.settings_tab is not None:
            return
        from app.ui.settings.settings_tab import SettingsTab

        window = self.window
        self.settings_tab = SettingsTab(
            window.settings, _boroughs(window.pathway.graph), window.user_data,
            window.allow_exports, self.updates, self.maintain,
        )  # fmt: skip
        self.settings_tab.changed.connect(window.apply_settings)
        self.settings_page.setWidget(self.settings_tab)
        if window.switch is not None:
            about, switch = self.settings_tab.about, window.switch
            about.in_hand = switch.in_hand
            about.installed.connect(switch.offer)
            about.look_again.connect(switch.look_again)

    def holders(self) -> list[CaseHolder]:
        """What the built tabs may hold of a case (a tab not yet built holds nothing)."""
        holders = []
        if self.directory is not None:
            holders.append(
                CaseHolder("directory search", self.directory.holds_case, self.directory.clear)
            )
        if self.settings_tab is not None:
            tab = self.settings_tab
            holders.append(CaseHolder("settings messages", tab.holds_case, tab.forget_case))
        if self.practice is not None:
            holders.append(CaseHolder("practice", self.practice.holds_case, self.practice.clear))
        return holders


def _boroughs(graph) -> list[tuple[str, str]]:
    return [(o.value, o.label) for o in graph.questions["borough"].options]


def _put(tabs: QTabWidget, waiting: QWidget, page: QWidget) -> None:
    """The built page where its empty one was, current if that was. It is made current
    before the empty one goes: removing the current tab would select its neighbour (and
    build that too). The practice tab's title follows the change of tab."""
    index = tabs.indexOf(waiting)
    current = tabs.currentIndex() == index
    tabs.insertTab(index, page, tabs.tabText(index))
    if current:
        tabs.setCurrentIndex(index)
    tabs.removeTab(index + 1)
    waiting.deleteLater()
