"""What leaves the window from a plan: a number or the summary on the clipboard, the plan as
a PDF, each said on the status line.

`SharesThePlan` is a part of the main window (as `ForgetsTheCase` is): it uses the window's
session, clipboard guard, status line and settings."""

from __future__ import annotations

from app.pathways.summary import plan_to_text


class SharesThePlan:
    def copy_contact(
        self, contact: str, from_plan: bool = False, whose: str = "", news: str = ""
    ) -> None:
        """A number or address copied, and said (the status line still said "Summary
        copied" from before: review 2026-12-01); from the plan, taken back if it changes.
        `whose`: the service (and which of its lines), where the number stands apart from it;
        `news`: what the Directory tab says of it (a directory waiting: H594). None
        held (Ctrl+C on a Directory result): nothing copied, and said."""
        if not contact:  # and the number copied before off the clipboard: pasted in a hurry,
            # it was another service's (re-walk, 2026-12-07)
            gone = (
                " What was copied before is off the clipboard."
                if self.clipboard.take_ours_off()
                else ""
            )
            self.status.setText(f"Nothing copied: no number or e-mail is held for {whose}.{gone}")
            return
        shown = self.other_tabs.directory  # the tab copies the service it shows
        tab_service = shown.shown_id if shown is not None and not from_plan else ""
        self.clipboard.put(contact, "number" if from_plan else "", whose, tab_service)
        waiting = self.switch.pending if self.switch is not None else None
        if waiting is not None and tab_service:  # told what it says of it, with the copy
            self.clipboard.tab_told = waiting.version
        said = f"{contact} ({whose})" if whose else contact
        # a number the "New numbers" banner replaces (or closes) copied from the plan's card
        # went on to be rung with nothing said (attack, 2026-12-07; H589): said, of the
        # service copied, never of another whose words hold its number (verifier)
        if news := (self.said_of(whose, contact) if from_plan else news or self.caution):
            self.status.setText(f"Copied {said}. {news}")
            return
        self.status.setText(f"Copied {said}: paste it where you dial or write.")

    def _summary_now(self) -> str | None:
        plan = self.session.plan
        if plan is None:
            return None
        summary = plan_to_text(plan, self.today())
        # the plan's numbers went into the referral form after the banner had replaced them
        # (attack, 2026-12-07; H589): what replaces them heads the summary
        above = self.said_above()
        return f"{above}\n\n{summary}" if above else summary

    def withdraw_stale_copies(self) -> None:
        """What was copied from the plan and no longer matches it comes off the clipboard,
        and is said: "Summary copied: paste it into the form" stood after a correction
        changed the plan (review 2026-12-01)."""
        if withdrawn := self.clipboard.withdraw_unless_said(self._summary_now):
            again = "it again (Alt+C)" if withdrawn == "summary" else "the one you need"
            self.status.setText(
                f"The plan changed, so the {withdrawn} copied before is off the clipboard: "
                f"copy {again} from the new plan."
            )

    def withdraw_copies_the_banner_changes(self) -> None:
        """A copy the banner's new words concern comes off the clipboard, and is said: one
        made before new numbers came, or before the directory in use was withdrawn, stood
        with "paste it" (verifiers, 2026-12-07; H599): the summary (its heading changes), a
        number the words name, or of a service they speak of, from the plan or the
        Directory tab; never one they leave alone ("111" came off for the MASH's)."""
        said, whose = self.new_numbers_said, self.clipboard.whose_copied

        def concerned(copied: str, what: str) -> bool:
            of_it = bool(whose) and bool(self.said_of(whose, copied))
            return what == "summary" or bool(self.caution) or copied in said or of_it

        if withdrawn := self.clipboard.withdraw_if(concerned):
            again = "it again (Alt+C)" if withdrawn == "summary" else "the number you need"
            self.status.setText(
                f"What the banner says changed, so the {withdrawn} copied before is off the "
                f"clipboard: read it, then copy {again}."
            )
        else:
            # it quoted the banner's words at the copy: "New numbers: … now 024 7600 0000"
            # stood under "Withdrawn, do not give: 024 7600 0000" (verifier, 2026-12-07)
            self.copy_said_again("What the banner says changed")

    def copy_said_again(self, what: str) -> None:
        """A copy's status line that quoted what has changed since, said to be read again."""
        if self.status.text().startswith("Copied ") and ". " in self.status.text():
            copied = self.status.text().split(". ")[0]
            self.status.setText(f"{copied}. {what}: read it again.")

    def withdraw_tab_copy_gone(self, loaded) -> None:
        """A number copied from the Directory tab that a newer directory (waiting for the
        conversation's end) closes, no longer gives, or gives with a new alert comes off the
        clipboard, and is said: the banner names only the plan's services, and one looked up
        in the tab stayed with "paste it" (H605, H610)."""
        from app.waiting_numbers import tab_copy_changed

        held, sid = self.clipboard.from_tab, self.clipboard.tab_service
        if loaded is None or held is None or not sid or self.switch is None:
            return
        if loaded.version == self.clipboard.tab_told:
            return  # copied while it waited: told then, and taken off at every check (H613)
        before = self.switch.updates.current.graph.services.get(sid)
        why = tab_copy_changed(before, loaded.graph.services.get(sid), held[0])
        if why and self.clipboard.withdraw_if(lambda copied, what: (copied, what) == held):
            whose, version = self.clipboard.whose_copied, loaded.version
            said = {
                "closes": f"closes {whose}, so {held[0]} is",
                "no longer gives": f"no longer gives {held[0]} for {whose}, so it is",
                "alert": f"has a new alert for {whose}, so {held[0]} is",
            }[why]
            self.status.setText(
                f"Directory {version} {said} off the clipboard: look the service up again "
                "in the Directory tab."
            )

    def copy_summary(self) -> None:
        if self.session.plan is None or not self.allow_exports:
            return
        self.clipboard.put(self._summary_now(), "summary")
        self.status.setText(
            f"Summary copied{', headed by the note above the plan' if self.said_above() else ''}: "
            "paste it into the form, and add names only there."
        )

    def save_pdf(self) -> None:
        if not self.allow_exports:
            return
        path = self.session.plan and self.pdf_path_provider()
        if path:
            from app.ui.plan.pdf import write_plan_pdf  # only when the worker saves one

            try:
                write_plan_pdf(self.session.plan, path, self.today(), self.settings.organisation)
            except (OSError, ValueError) as error:  # said in words, the plan still on screen
                reason = getattr(error, "strerror", None) or "not a file name that can be used"
                self.status.setText(
                    f"The PDF was not saved ({reason}): choose another folder, such as Documents."
                )
                return
            replaced = (
                " It holds the plan's numbers: read the note above the plan."
                if self.said_above()
                else ""
            )
            self.status.setText(
                "PDF saved. Never give a printed plan to someone whose abuser may find it."
                + replaced
            )

    def _ask_pdf_path(self) -> str | None:
        # imported when first asked for: the file dialog's Qt types and the plan's HTML
        # writer are made off the launch path
        from app.ui.file_dialog import ask_save_path
        from app.ui.plan.plan_text import PRINT_WARNING

        return ask_save_path(self, "Save the plan", "plan.pdf", "PDF (*.pdf)", PRINT_WARNING)
