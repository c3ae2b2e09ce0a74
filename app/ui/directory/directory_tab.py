"""Search-as-you-type over the directory, with filters and a details pane. The query runs
on a worker thread after a short pause in typing (SearchThread)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.pathways.out_of_hours import line_said, out_of_hours
from app.ui.copy_as_ours import CopyAsOurs
from app.ui.directory.new_numbers import of_the_line
from app.ui.directory.search_worker import SearchOpener, SearchThread
from app.ui.directory.service_details import details_text
from app.ui.field_style import use_field_style
from app.ui.flow_layout import wrapping_row
from app.ui.labels import announce, plain_label
from app.ui.models import ServiceTableModel, table_view
from app.ui.tick_box import TickBox

# the tab opened on an empty table saying "choose a service", with none to choose, and a
# search for a kind no area holds said only "No services found." (housing officer's walk)
DETAILS_HINT = "Type a name, a kind or an area, or choose an area or a kind, to find a service."
NONE_FOUND = "No services found."
SAY_FOUND_MS = 700  # a pause in typing longer than the search's own wait
AT_MOST = 50  # results a search gives (ServiceSearch.search's limit)
WIDER = " Try {}: a national helpline can find a local service."


class SearchBox(QLineEdit):
    """A search box as wide as what its placeholder says, at every text size: 30 characters
    wide, it read "Search services: name, kind, a" (officer walk, 2026-12-03)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
        # QLineEdit keeps 2 px each side inside its frame; a character's room for the cursor
        words = metrics.horizontalAdvance(self.placeholderText()) + metrics.averageCharWidth()
        return QSize(max(hint.width(), words + 2 * frame + 4), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    down = Signal()  # Down: to the results, as in a browser's search (officer walk, 12-05)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down.emit()
            return
        super().keyPressEvent(event)


class DirectoryTab(QWidget):
    def __init__(
        self,
        open_search: SearchOpener,
        boroughs: list[tuple[str, str]],
        kinds: dict[str, str],
        debounce_ms: int = 120,
        copy: Callable[[str], None] | None = None,
        copy_number: Callable[..., None] | None = None,
    ) -> None:
        """`copy`: what is copied from the tab, marked as the app's; `copy_number`: a
        service's number copied by its button, and said on the status line (copied
        unsaid, the line still said the number copied before: look on Xvfb, 2026-12-03)."""
        super().__init__()
        # what a directory waiting for the case's end changes of a service, and which new
        # numbers this tab said of it are withdrawn since (TellsOfNewNumbers); `seen`: the
        # tab on screen, so what it says now is read
        self.waiting: Callable[[str, bool], tuple[str, str]] = lambda _sid, _seen: ("", "")
        self.use_search(open_search)
        layout = QVBoxLayout(self)
        self.query = SearchBox()
        self.query.setPlaceholderText("Search services: name, kind, area…")
        self.query.setAccessibleName("Search the service directory")
        if copy is not None:  # what was typed may say something of the case
            self.copy_guard = CopyAsOurs(copy)
            self.copy_guard.guard(self.query)
        self.borough = QComboBox()
        self.borough.setAccessibleName("Filter by area")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Filter by kind of service")
        # on the bus a combo box is named by its choice ("Any area"): what it filters was
        # never heard (accessibility audit, 2026-12-07), so it is said after the choice too
        for combo in (self.borough, self.kind):
            combo.setAccessibleDescription(combo.accessibleName())
        self._fill_filters(boroughs, kinds)
        self.always_open = TickBox("Open 24/7")  # its box drawn in every palette
        use_field_style(self.query, self.borough, self.kind)  # their edges too
        self.always_open.setAccessibleName("Only services open 24/7")
        bar = QWidget()
        filters = wrapping_row(bar)  # the filters wrap at large text sizes
        for combo in (self.borough, self.kind):  # as wide as needed, at most 24 characters
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(
                min(24, max(len(combo.itemText(i)) for i in range(combo.count())))
            )
        for widget in (self.query, self.borough, self.kind, self.always_open):
            filters.addWidget(widget)
        self.model = ServiceTableModel()
        self.table = table_view(self.model, "Services found")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The phone, confidence and check columns as wide as what they show ("01902 …" hid
        # the number); the name takes the rest. Measured on the rows in view only: 10,000
        # results measured whole would hold up every search's answer.
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.details = plain_label(DETAILS_HINT, "Service details")
        # narrower than its longest word if need be: a signed update's name of 190 letters
        # without a space widened the window to 2858 px, Quick exit off the screen (attack
        # round, 2026-12-02); such a word is cut at the edge instead
        self.details.setMinimumWidth(1)
        # read from the top: centred in its view, "7 services found." stood 160 px under
        # the results it counted (officer walk F20, 2026-12-06)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # in a view of its own, at most two fifths of the tab: 150 lines of notes made the
        # window 2982 px tall, and at 24 pt the shipped details were cut with no way to
        # read their notes while the results shrank to 70 px (re-attack round, 2026-12-02)
        self.details_view = QScrollArea()
        self.details_view.setAccessibleName("Details of the service chosen")  # it takes focus
        self.details_view.setWidgetResizable(True)
        self.details_view.setFrameShape(QFrame.Shape.NoFrame)
        self.details_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_view.setWidget(self.details)
        layout.addWidget(bar)
        if copy is not None:  # a name copied from the results (Qt copies the current cell)
            self.table.installEventFilter(self.copy_guard)
        layout.addWidget(self.table, 1)
        # the number of the service chosen, as the plan's cards copy theirs: Ctrl+C copied
        # the name, the current cell's, with no word of it (officer walk, 2026-12-03)
        self.copy_contact = QPushButton("Copy number")
        self.copy_contact.setAutoDefault(True)  # Enter copies, as Space does
        self.contact = ""
        self._offer_copy("", "number")
        # the line the plan's card gives its own button: at six in the evening Dudley's
        # out-of-hours number stood only in the details (housing officer's walk, 2026-12-07)
        self.copy_other = QPushButton()
        self.copy_other.setAutoDefault(True)
        self.copy_number = copy_number
        if copy_number is not None:
            # whose number, and which of its lines, said with it (re-walk, 2026-12-07)
            self.copy_contact.clicked.connect(
                lambda: self.copy_number(self.contact, whose=self.whose, news=self.news)
            )
            self.copy_other.clicked.connect(self._copy_other)
            # Ctrl+C: installed after the name's copy (copy_guard), so asked before it
            self.table.installEventFilter(self)
            buttons = QHBoxLayout()
            buttons.addWidget(self.copy_contact)
            buttons.addWidget(self.copy_other)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        self._offer_other(None)
        layout.addWidget(self.details_view)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.run_search)
        # the count said once the results stop changing, not over the typing's echo (12-07)
        self.say_found = QTimer(self)
        self.say_found.setSingleShot(True)
        self.say_found.setInterval(SAY_FOUND_MS)
        self.say_found.timeout.connect(self._say_found)
        self.query.textChanged.connect(lambda _: self.timer.start())
        for combo in (self.borough, self.kind):
            combo.currentIndexChanged.connect(lambda _: self.timer.start())
        self.always_open.toggled.connect(lambda _: self.timer.start())
        self.table.selectionModel().currentRowChanged.connect(self.show_details)
        self.query.down.connect(self._to_results)
        # back to the search from anywhere in the tab: five Shift+Tabs after a copy (12-07)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._to_search)
        self.query.setToolTip("Ctrl+F comes back here")

    def eventFilter(self, watched, event) -> bool:
        """Ctrl+C on a result copies its number, as Copy number does: it copied the service's
        name, which a worker pasted where they dial (officer's walk, 2026-12-07; H499). On
        one holding none, nothing is copied and that is said: the name was copied, the
        status line still naming another service's number (re-attack, 2026-12-07)."""
        pressed = event.type() == QEvent.Type.KeyPress
        if not (pressed and event.matches(QKeySequence.StandardKey.Copy) and self.whose):
            return super().eventFilter(watched, event)
        if self.contact:
            self.copy_contact.click()
        else:
            self.copy_number("", whose=self.whose)
        return True

    def _to_search(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def _to_results(self) -> None:
        """The first result chosen, or the one chosen before, with the focus: from the search
        box it took four Tabs past the filters (officer walk, 2026-12-05)."""
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus(Qt.FocusReason.TabFocusReason)

    def use_directory(
        self, open_search: SearchOpener, boroughs: list[tuple[str, str]], kinds: dict[str, str]
    ) -> None:
        """A new directory in use: its search, and its areas and kinds to filter by (an
        update's new words for a kind were never offered: attack round, 2026-12-02)."""
        self.use_search(open_search)
        self._fill_filters(boroughs, kinds)

    def _fill_filters(self, boroughs: list[tuple[str, str]], kinds: dict[str, str]) -> None:
        """(A switch waits until nothing is chosen in them: a filter may say of a case.)"""
        by_label = sorted(kinds.items(), key=lambda item: item[1])
        for combo, anything, items in (
            (self.borough, "Any area", boroughs),
            (self.kind, "Any kind", by_label),
        ):
            combo.clear()
            combo.addItem(anything, None)
            for value, label in items:
                combo.addItem(label, value)

    def use_search(self, open_search: SearchOpener) -> None:
        """Search this directory from now on (a new one in use): a new thread opens it."""
        old = getattr(self, "searches", None)
        self.searches = SearchThread(open_search, self)
        self.searches.answered.connect(self.show_hits)
        if old is not None:
            old.retire()

    def run_search(self) -> None:
        self.searches.ask(
            self.query.text(),
            self.borough.currentData(),
            self.kind.currentData(),
            self.always_open.isChecked(),
        )

    def show_hits(self, hits: list | str) -> None:
        self._offer_copy("", "number")  # none chosen among new results
        self._offer_other(None)
        if isinstance(hits, str):  # the search failed: say so, keep what the worker typed
            self.model.set_hits([])
            self.details.setText(hits)
            self.say_found.start()
            return
        self.model.set_hits(hits)
        found = {0: NONE_FOUND + self._wider(), 1: "1 service found."}
        # "50 services found" of 66 listed A to Z at the tab's opening (review of the walk)
        found[AT_MOST] = f"The first {AT_MOST} found: type a name or choose an area to narrow them."
        said = found.get(len(hits), f"{len(hits)} services found.")
        if hits and hits[0].matched_some:  # none held every word (officer's walk F21)
            count = f"the first {AT_MOST}" if len(hits) == AT_MOST else len(hits)
            said = f"No service has every word you typed. Found {count} with some of them."
        self.details.setText(said)
        self.say_found.start()  # heard: found or not was only in the table (audit, 12-07)

    def _say_found(self) -> None:
        if self.isVisible():
            announce(self.details, self.details.text())

    def _wider(self) -> str:
        """What to take off to find more: each filter chosen, or fewer words."""
        wider = [
            f"'{label}'"
            for combo, label in ((self.borough, "Any area"), (self.kind, "Any kind"))
            if combo.currentIndex() > 0
        ]
        if self.always_open.isChecked():
            wider.append("without 'Open 24/7'")
        if len(self.query.text().split()) > 1:
            wider.append("fewer words")
        return WIDER.format(" or ".join(wider)) if wider else ""

    def _offer_copy(self, contact: str, what: str, whose: str = "", sid: str = "") -> None:
        self.contact, self.whose, self.shown_id = contact, whose, sid
        self.withdrawn, self.news = "", ""
        self.copy_contact.setText(f"Copy {what}")
        self.copy_contact.setEnabled(bool(contact))
        # which service's, as the other line's button says (a11y walk, 2026-12-07)
        name = f"Copy the {what} for {whose}: {contact}" if contact else "No service chosen"
        self.copy_contact.setAccessibleName(name)

    def _offer_other(self, shut: tuple | None) -> None:
        """The out-of-hours line (or the one to try if there is no answer), as the card
        reads it from the number's note; hidden where the note holds none."""
        self.other, self.other_said = (shut[1] if shut else ""), ""
        if self.copy_other.parent() is not None:  # never a window of its own
            self.copy_other.setVisible(bool(shut))
        what = line_said(shut[0]) if shut else "other line"
        self.copy_other.setText(f"Copy the {what}")
        self.other_said = what if shut else ""
        # hidden, it still named the service looked up, after a quick exit too (H592)
        said = f"Copy the {what} for {self.whose}: {self.other}" if shut else "No other line"
        self.copy_other.setAccessibleName(said)

    def show_details(self, current, _previous=None) -> None:
        if not current.isValid() or current.row() >= len(self.model.hits):
            return
        hit = self.model.hits[current.row()]
        what = "number" if hit.phone or not hit.email else "e-mail"
        self._offer_copy(hit.phone or hit.email, what, hit.name, hit.id)
        self._offer_other(out_of_hours(hit.phone_note) if hit.phone else None)
        # a directory that reached the laptop mid-case; the news said with a copy too:
        # "paste it" of the replaced number (verifier). What was withdrawn is never the
        # number shown: said with its copy, the right number was read as withdrawn (H629)
        self.withdrawn, self.news = self.waiting(hit.id, self.isVisible())
        self.details.setText(details_text(hit, " ".join(filter(None, (self.withdrawn, self.news)))))

    def _copy_other(self) -> None:
        news = self.news if self.other and of_the_line(self.news, self.other) else ""  # its own
        self.copy_number(self.other, whose=f"{self.whose}, {self.other_said}", news=news)

    def show_again(self) -> None:
        self.show_details(self.table.currentIndex())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # two fifths with the copy button: the results keep at least half the tab
        button = self.copy_contact.sizeHint().height() if self.copy_contact.parent() else 0
        self.details_view.setMaximumHeight(self.height() * 2 // 5 - button)

    def showEvent(self, event) -> None:
        """Every service listed when the tab opens with nothing asked: it opened on an
        empty table (housing officer's walk, 2026-12-01). The service shown is drawn again,
        now read: drawn while another tab was in front, its new numbers were taken as said
        (H629)."""
        super().showEvent(event)
        if self.model.rowCount() == 0 and not self.holds_case():
            self.run_search()
        else:
            self.show_again()

    def holds_case(self) -> bool:
        """Words typed (or typed and deleted) or a filter chosen: the whole list, asked for
        nothing, says nothing of the case."""
        typed = bool(self.query.text()) or self.query.isUndoAvailable()
        return typed or self._filtered()

    def _filtered(self) -> bool:
        chosen = (self.borough.currentIndex(), self.kind.currentIndex())
        return chosen != (0, 0) or self.always_open.isChecked()

    def clear(self) -> None:
        """Forget the search: words, filters (an area can say where someone lives), results."""
        self.timer.stop()
        self.searches.forget()
        for control in (self.query, self.borough, self.kind, self.always_open):
            control.blockSignals(True)
        self.query.setText("")  # unlike clear(), leaves no undo history to bring it back
        self.borough.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        self.always_open.setChecked(False)
        for control in (self.query, self.borough, self.kind, self.always_open):
            control.blockSignals(False)
        self.model.set_hits([])
        self._offer_copy("", "number")
        self._offer_other(None)
        self.details.setText(DETAILS_HINT)
