"""The lead's edits to the working copy, mixed into the maintenance window: each one
undoable, a refusal said and nothing lost, and what the form holds typed applied first only
when the lead goes on with the edit."""

from __future__ import annotations

from collections.abc import Callable

from app.ui.maintain.dialogs import CheckDialog
from app.ui.maintain.models import called

EDIT_FAILED = (ValueError, OSError)  # WorkingCopyError, SourceError, KeyFileError, Refused
CHECK_CLEARED = (
    "Its contact or its Open 24/7 changed, so the person's check is cleared: check it again."
)


class LeadsEdits:
    """Mixed into MaintenanceWindow, whose maintenance, form, status and list it uses."""

    def _edit(self, change: Callable[[], None], done: str, keep: str | None = None) -> bool:
        try:
            change()
        except EDIT_FAILED as error:
            self.status.setText(f"Not changed: {error}")
            return False
        self.status.setText(done)
        self.refresh(keep)
        return True

    def apply(self, service_id: str, changes: dict) -> None:
        copy = self.maintenance.copy
        name, was = called(copy.service(service_id)), copy.service(service_id)["assured_date"]
        lost = self.maintenance.left_without_words(service_id, copy.service(service_id) | changes)

        def change() -> None:
            copy.update(service_id, changes)
            if self.form.row.get("id") == service_id:  # applied: nothing typed stands
                self.form.show_service(copy.service(service_id))

        if not self._edit(change, ""):
            return
        said = f"{name}: changes applied."
        left = sum(len(p) for p in self.problems.get(service_id, {}).values())
        if left:  # kept, so nothing typed is lost; publishing waits for it
            said = (
                f"{name}: changes applied, with {left} problem(s) shown in the form: correct "
                "them before publishing."
            )
        if was and not copy.service(service_id)["assured_date"]:  # said (attack review)
            said += f" {CHECK_CLEARED}"
        self.status.setText(said + lost)

    def add(self) -> None:
        """A new active service with this id; the form then says what it still needs."""
        sid = self.new_id.text().strip()
        if problem := self.maintenance.copy.new_id_problem(sid):  # before what is typed is
            self.status.setText(f"Not added: {problem}")  # applied: it said "Not changed"
            return  # with a number changed (re-attack, 2026-12-06)
        if not self.apply_typed():
            return
        row = {"id": sid, "name": sid, "confidence": "low", "min_age": "0", "max_age": "120"}
        if self._edit(lambda: self.maintenance.copy.add(row), f"{sid} added.", keep=sid):
            self.new_id.clear()
            self.select(sid)
            self.form.editors["name"].setFocus()

    def retire(self, service_id: str) -> None:
        """Retire (after a question: one click must not take a service off every plan), or
        reinstate a retired one. What is typed is applied once the lead has said yes: a no
        applied it all the same (re-attack, 2026-12-06)."""
        copy = self.maintenance.copy
        row = copy.service(service_id)
        asked = row["status"] != "retired" and service_id not in copy.protected
        question = (
            f"Retire {row['name']}? Once published, workers are no longer offered it. "
            "It stays in the history and can be reinstated."
        ) + self.maintenance.left_without_words(service_id)
        if asked and not self.confirm(question):
            return
        if not self.apply_typed():  # what is typed first, as for every change to the copy
            return
        if row["status"] == "retired":
            self._edit(lambda: copy.reinstate(service_id), f"{row['name']} is in use again.")
            return
        # refused at once where a fallback names it: it was asked first, then refused
        done = f"{row['name']} retired." if asked else ""
        self._edit(lambda: copy.retire(service_id), done)

    def ask_check(self, service_id: str) -> None:
        row = self.maintenance.copy.service(service_id)
        numbers = "; ".join(filter(None, (row.get("phone", ""), row.get("phone_note", ""))))
        self.check_dialog = CheckDialog(self, row["name"], self.today(), numbers)
        self.check_dialog.chosen.connect(
            lambda method, by, day, page: self._record_check(service_id, method, by, day, page)
        )
        self.check_dialog.open()

    def _record_check(self, service_id, method, by, day, page) -> None:
        """What is typed is applied first, once the lead records the check (a Cancel applied
        it: re-attack, 2026-12-06); not applied, a later Save undid the check."""
        copy = self.maintenance.copy
        if not self.apply_typed():
            self.check_dialog.refused(self.status.text().removeprefix("Not changed: "))
            return
        if self._edit(
            lambda: copy.mark_checked(service_id, method, by, day, page),
            f"{service_id}: checked ({method}) on {day.isoformat()} by {by}.",
        ):
            self.check_dialog.accept()
        else:
            self.check_dialog.refused(self.status.text().removeprefix("Not changed: "))

    def undo(self) -> None:
        """What is typed is applied first, so Undo takes it back and Redo brings it back:
        nothing typed is lost, and the form shows the copy as it is after (review)."""
        copy = self.maintenance.copy
        if self.apply_typed() and copy.undo_stack:
            self._edit(copy.undo, "Undone.")  # refused on a full disk, and said (H257)

    def redo(self) -> None:
        """Not with something typed: applying it would empty what Redo brings back, and the
        Redo pressed never happened, unsaid (re-attack, 2026-12-06)."""
        copy = self.maintenance.copy
        if self.form.typed():
            self.status.setText("Not redone: apply or revert what is typed first.")
        elif copy.redo_stack:
            self._edit(copy.redo, "Redone.")
