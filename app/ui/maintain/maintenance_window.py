"""The domestic abuse lead's window (issue 14 §1): coverage at a glance, every service of
the working copy to search, edit, add, retire and mark checked, the difference against the
directory in use, and publishing a signed bundle. It never touches the installed directory.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.ui.expander import Expander
from app.ui.field_style import edge_fields_within
from app.ui.labels import plain_label
from app.ui.maintain.dialogs import (
    CheckDialog,
    PublishDialog,
    ask_close,
    ask_confirm,
    ask_returns,
)
from app.ui.maintain.edits import EDIT_FAILED, LeadsEdits
from app.ui.maintain.menus import add_actions
from app.ui.maintain.models import CoverageModel, ServiceListModel, called
from app.ui.maintain.service_form import ServiceForm
from app.ui.models import IdRole, table_view
from app.ui.viewport import scrolling

TITLE = "Navigator: directory maintenance"
GRID_HEADING = (
    "Coverage, borough by kind of service: how many services, the best confidence, when a "
    "person last checked one (✔ checked, ⚠ never checked, ✖ none held)"
)
KEPT_UNLISTED = ": what is typed is kept, though the search does not find it: apply or revert it."


class MaintenanceWindow(QMainWindow, LeadsEdits):
    def __init__(self, maintenance, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.maintenance, self.today = maintenance, today
        self.setWindowTitle(f"{TITLE} ({maintenance.copy.folder})")
        self.check_dialog: CheckDialog | None = None
        self.publish_dialog: PublishDialog | None = None
        self.returns_provider = lambda: ask_returns(self)  # tests answer these without a dialog
        self.confirm = lambda question: ask_confirm(self, TITLE, question)
        self.close_choice = lambda: ask_close(self, TITLE)
        self.undo_action, self.redo_action, self.close_action = add_actions(self)
        top = QWidget()
        heading = QVBoxLayout(top)
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(plain_label(GRID_HEADING, "Coverage heading"))
        self.coverage = CoverageModel(maintenance.boroughs, maintenance.columns)
        self.grid = table_view(self.coverage, "Coverage by borough and kind of service", None)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        heading.addWidget(self.grid, 1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a service: name, id, area, number…")
        self.search.setAccessibleName("Find a service")
        self.search.textChanged.connect(lambda _: self.show_services())
        column.addWidget(self.search)
        self.services = ServiceListModel()
        self.table = table_view(self.services, "Services in the working copy")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # by what is selected, never by Qt's current row: the list taking the focus by Tab
        # made its first row current, and that service was chosen for the lead, what was
        # typed to another applied (re-attack, 2026-12-06)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.table.activated.connect(lambda index: self.table.selectRow(index.row()))  # Enter
        column.addWidget(self.table, 1)
        adding = QHBoxLayout()
        self.new_id = QLineEdit()
        self.new_id.setPlaceholderText("id of a new service, e.g. coventry-new-idva")
        self.new_id.setAccessibleName("Id of a new service")
        self.add_button = QPushButton("Add a &new service")  # Alt+D is the Directory menu
        self.add_button.clicked.connect(self.add)
        self.new_id.returnPressed.connect(self.add)
        adding.addWidget(self.new_id, 1)
        adding.addWidget(self.add_button)
        column.addLayout(adding)
        self.form = ServiceForm(maintenance.problems, maintenance.tidy_phone)
        self.form.apply_requested.connect(self.apply)
        self.form.revert_button.clicked.connect(lambda: self.show_services())  # after its own
        self.form.typed_changed.connect(lambda typed: typed or self.show_services())
        self.form.retire_requested.connect(self.retire)
        self.form.check_requested.connect(self.ask_check)
        form_page = scrolling(self.form)  # Shift+Tab from below lands in view (H331)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(form_page)
        # the form half the width: with two fifths, at 24 pt it scrolled sideways
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        stack = QSplitter(Qt.Orientation.Vertical)  # the grid across the whole width
        stack.addWidget(top)
        stack.addWidget(split)
        stack.setStretchFactor(0, 2)
        stack.setStretchFactor(1, 3)
        # the grid's two fifths from the start, not what each part asked for: at 24 pt that
        # left the grid a header's height alone (the lead's walk, 2026-12-06)
        stack.setSizes([2, 3])
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(stack, 1)
        # the count in words that wrap, the lines under a button: as the button's title it
        # widened the window past the screen as changes built up, 1869 px at 24 pt, and the
        # form's buttons went off it (the lead's walk, 2026-12-06)
        self.changes_summary = plain_label("", "Changes against the directory in use")
        outer.addWidget(self.changes_summary)
        self.changes = Expander("Each change, line by line", "", "Changes")
        outer.addWidget(self.changes)
        self.status = plain_label("", "Maintenance status")
        outer.addWidget(self.status)
        self.setCentralWidget(page)
        edge_fields_within(self)
        copy = maintenance.copy
        copy.mark_open()  # another window opened on it never takes this one's edits
        self.still_open = QTimer(self, interval=3_600_000)  # a marker 12 hours old is a crash's
        self.still_open.timeout.connect(copy.mark_open)
        self.still_open.start()
        self.status.setText(maintenance.opening_note())
        self.changes_due = QTimer(self, singleShot=True, interval=0)
        self.changes_due.timeout.connect(self.show_changes)
        self.refresh()
        self.show_changes()

    # What is shown
    def refresh(self, keep: str | None = None, redraw: bool = True) -> None:
        """Grid, list and form at once from the working copy (`keep`: the service to show,
        else the form's; `redraw`: the form shown again as the copy holds it, even typed
        into); the changes a moment later, once the grid is drawn (at 10,000 services the
        difference takes longest)."""
        self.coverage.set_cells(self.maintenance.coverage(self.today()))
        self.problems = self.maintenance.all_problems()
        self.show_services(keep, redraw=redraw)
        copy = self.maintenance.copy
        self.undo_action.setEnabled(bool(copy.undo_stack))
        self.redo_action.setEnabled(bool(copy.redo_stack))
        self.changes_due.start()

    def show_changes(self) -> None:
        diff = self.maintenance.diff()
        self.changes_summary.setText(f"Changes against the directory in use: {diff.summary()}")
        self.changes.body.setText("\n".join(diff.lines()) or "No change.")

    def show_services(self, keep: str | None = None, redraw: bool = False) -> None:
        words = self.search.text().casefold().split()
        rows = self.maintenance.copy.rows
        if words:
            rows = [r for r in rows if all(w in " ".join(r.values()).casefold() for w in words)]
        keep = keep or (self.form.row.get("id") if self.form.row else None)
        self.services.show(rows, self.problems, filtered=bool(words))
        ids = [row["id"] for row in rows]
        if keep not in ids and self.form.row:
            # never a service the list does not show: the form stayed on one the search had
            # left out, and the lead tabbed on into it (the lead's walk, 2026-12-06); one
            # chosen for them was reinstated by a second key (review): the lead chooses
            if not self.form.typed():
                self.form.show_service({})
                self.table.selectionModel().clear()  # a row shown chosen chose nothing
                return
            self.status.setText(f"{self.form.title}{KEPT_UNLISTED}")
        elif self.status.text().endswith(KEPT_UNLISTED):
            self.status.setText("")  # found again: it no longer stands
        if keep in ids:
            self.table.selectRow(ids.index(keep))
            if self.form.typed() and self.form.row.get("id") != keep:
                return  # its apply was refused (a full disk): what is typed stays (re-attack)
            if redraw or not self._typed(keep):  # a search keeps what the form holds typed
                self.form.show_service(self.maintenance.copy.service(keep))

    def _typed(self, service_id: str) -> bool:
        """The form holds changes to this service, typed and not applied yet."""
        return self.form.row.get("id") == service_id and self.form.typed()

    def _chosen(self, *_) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return
        sid = self.services.index(rows[0].row(), 0).data(IdRole)
        if self._typed(sid):
            return  # the same service again: what is typed stays
        if self.form.typed() and not self.apply_typed():  # leaving it: applied first, or
            # (refused: a full disk) the form stays on it with what was typed (re-attack)
            held = self.form.row["id"]
            QTimer.singleShot(0, self, lambda: self.show_services(held))
            return
        self.form.show_service(self.maintenance.copy.service(sid))

    def apply_typed(self) -> bool:
        """What the form holds, typed and not applied, applied (one step Undo takes back):
        Save, Publish, a search or another service dropped a typed number, and Save said
        "Saved" (lead review 2026-12-01). The list and grid follow once this event is done,
        on whatever service the form shows then: they went back to the one applied, after
        Add had chosen the new one, and the new service's details were typed over the
        children's front door (lead's attack, 2026-12-02)."""
        form = self.form
        if not form.typed():
            return True
        service_id, changes = form.row["id"], form.changes()
        copy = self.maintenance.copy
        lost = self.maintenance.left_without_words(service_id, copy.service(service_id) | changes)
        try:
            copy.update(service_id, changes)
        except EDIT_FAILED as error:
            self.status.setText(f"Not changed: {error}")
            return False
        form.show_service(copy.service(service_id))
        self.status.setText(f"{called(copy.service(service_id))}: changes applied.{lost}")
        QTimer.singleShot(0, self, lambda: self.refresh(redraw=False))
        return True

    def select(self, service_id: str) -> None:
        self.search.clear()
        self.show_services(service_id)

    def save(self) -> None:
        if not self.apply_typed():  # its reason stays on the status line, nothing saved
            return
        copy = self.maintenance.copy
        try:
            merged = copy.changed_on_disk()  # another window or check-service saved meanwhile
            both = copy.rebase() if merged else copy.save()
        except EDIT_FAILED as error:  # saved by Excel as plain CSV meanwhile; a full disk
            self.status.setText(f"Not saved: {error}")
            return
        said = f" Both changed {'; '.join(both)}: yours stands, check it." if both else ""
        self.status.setText(
            "The working copy was saved elsewhere meanwhile (another window or check-service): "
            f"your changes are now on top of those changes.{said} Check them below, then save "
            "again."
            if merged
            else f"Saved in {copy.folder}."
        )
        self.refresh()

    # Returns
    def read_returns(self) -> None:
        from app.ui.maintain.returns_view import ReturnsView

        if chosen := self.returns_provider():
            names = self.maintenance.names()
            self.returns_view = ReturnsView.read(self, chosen, self.today(), names)

    def closeEvent(self, event) -> None:
        """Unsaved edits, or typed ones not applied: save them, discard them, or stay (they
        are never lost silently; staying applies nothing)."""
        if self.maintenance.copy.unsaved or self.form.typed():
            choice = self.close_choice()
            if choice == "cancel":
                event.ignore()
                return
            if choice == "save":
                self.save()
                if self.maintenance.copy.unsaved or self.form.typed():  # refused: stay
                    event.ignore()
                    return
            if choice == "discard":
                self.maintenance.copy.discard()
        self.maintenance.copy.close()  # its journal is no longer this window's to keep
        super().closeEvent(event)

    # Publishing
    def ask_publish(self) -> None:
        if not self.apply_typed():  # what is typed is what is published, shown before it;
            return  # refused (a full disk): said, and the dialog would leave it out (re-attack)
        m, was = self.maintenance, self.publish_dialog
        self.publish_dialog = PublishDialog(
            self,
            m.publish_summary(),
            m.suggested_version(self.today()),
            m.copy.folder / "published",
            self._publish,
            was.key.text() if was else "",  # the key chosen before: the lead's own, each time
            lambda version: m.version_note(version, self.today()),
        )
        self.publish_dialog.open()

    def _publish(self, key: Path, passphrase: str, out_dir: Path, version: str) -> str:
        """'' when published; otherwise the reason (the working copy is kept as it is)."""
        m = self.maintenance
        try:
            bundle, signed = m.publish(key, passphrase or None, out_dir, version)
        except EDIT_FAILED as error:
            return str(error)
        notes = (m.published().not_trusted_here(bundle), m.keeping_note(bundle))
        self.status.setText(
            f"Published directory {version}: {bundle}. What it changes: {signed.summary()}. "
            "Give it to IT for the update folder (or install it: Settings, About this "
            f"directory). {' '.join(note for note in notes if note)}".rstrip()
        )
        self.changes.body.setText("\n".join(signed.lines()) or "No change.")
        self.refresh()
        return ""
