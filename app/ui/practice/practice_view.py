"""The Practice tab: choose a vignette, read it, walk it on the real question pages, see the
real plan for the answers given, then feedback computed by the engine. Never a real case: a
banner on every page, nothing counted, no plan exported; quick exit clears it like a case."""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFrame, QStackedWidget, QVBoxLayout, QWidget

from app.pathways import practice
from app.pathways.engine import Pathway
from app.pathways.graph import Graph, Vignette
from app.pathways.practice_text import feedback_sections, headline, summary_lines
from app.ui.case import CaseSession
from app.ui.conversation import Conversation
from app.ui.expander import Expander
from app.ui.file_dialog import ask_save_path
from app.ui.plan.plan_view import EXPORTS_OFF
from app.ui.practice.pages import ChooserPage, FeedbackPage, StoryPage, heading, rescale
from app.ui.walk.driver import WalkDriver

BANNER = "\u25a3 Practice \u2014 not a real case. Nothing here is kept except which cases you did."


class PracticeView(QWidget):
    def __init__(
        self,
        graph: Graph,
        today: Callable[[], date],
        user_data=None,  # UserData: which vignettes were done (None: nothing kept)
        allow_exports: bool = True,
        organisation: str = "",
    ) -> None:
        super().__init__()
        # Its own walk of the same rules: nothing a practice case leaves in memory (services
        # chosen by area) is shared with a real conversation.
        self.pathway, self.today, self.user_data = Pathway(graph), today, user_data
        self.allow_exports, self.organisation = allow_exports, organisation
        self.vignette: Vignette | None = None
        self.choose = random.choice  # "Surprise me" (a test gives its own)
        self.summary_path_provider = self._ask_summary_path
        column = QVBoxLayout(self)
        self.banner = heading(BANNER, "Practice banner", 1.1)
        self.banner.setFrameShape(QFrame.Shape.Box)  # set apart by a border and words
        self.banner.setLineWidth(2)
        column.addWidget(self.banner)
        self.screens = QStackedWidget()
        column.addWidget(self.screens, 1)
        self.chooser, self.story, self.feedback = ChooserPage(), StoryPage(), FeedbackPage()
        self.conversation = Conversation(allow_exports=False, copy=lambda _text: None)
        c = self.conversation
        self.pages, self.question_page, self.plan_view = c.pages, c.question_page, c.plan_view
        self.emergency = c.emergency
        for key in ("read_back", "copy", "pdf"):  # a practice plan is never exported
            c.plan_view.buttons[key].hide()
        finish = c.plan_view.buttons["new"]
        finish.setText("&Finish: see the feedback")
        finish.setAccessibleName("Finish this practice case and see the feedback")
        finish.setAutoDefault(True)  # Enter, as on every practice button
        self.walk_page = QWidget()
        walk_column = QVBoxLayout(self.walk_page)
        walk_column.setContentsMargins(0, 0, 0, 0)
        self.story_again = Expander("The case (read it again)", "", "Vignette again")
        walk_column.addWidget(self.story_again)
        walk_column.addWidget(c, 1)
        for page in (self.chooser, self.story, self.walk_page, self.feedback):
            self.screens.addWidget(page)
        self.driver = WalkDriver(c, today)
        c.plan_view.new_requested.connect(self.finish)
        self.chooser.start_requested.connect(self.open_vignette)
        self.chooser.surprise_requested.connect(self.surprise)
        self.chooser.summary_requested.connect(self.save_summary)
        self.story.walk_requested.connect(self.walk)
        self.story.list_requested.connect(self.show_list)
        self.feedback.again_requested.connect(self.walk)
        self.feedback.list_requested.connect(self.show_list)
        if not allow_exports:
            self.chooser.summary.setEnabled(False)
            self.chooser.summary.setToolTip(EXPORTS_OFF)
        self.listed = False  # the list and its progress are made when the tab is first shown

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.listed:  # not at start-up, nor during a quick exit: only when looked at
            self.show_list()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size setting changed
            rescale(self)

    @property
    def session(self) -> CaseSession | None:
        return self.driver.session

    def done(self) -> dict[str, dict]:
        return self.user_data.practice_done() if self.user_data is not None else {}

    def show_list(self) -> None:
        self.listed = True
        self.driver.forget()  # nothing of the last walk stays once the worker moves on
        self.feedback.clear()
        vignettes = self.pathway.graph.vignettes
        done = self.done()
        finished = tuple(v for v in vignettes if v.id in done)
        cover = practice.coverage(self.pathway, finished)
        progress = (
            f"Done on this computer: {len(finished)} of {len(vignettes)} cases, "
            f"{len(cover.rules)} of {len(cover.all_rules)} pathway rules practised."
            if vignettes
            else "This directory has no practice cases."
        )
        self.chooser.show_vignettes(vignettes, done, progress)
        self.pathway.forget_case()  # after the coverage: its walks remember services too
        self.screens.setCurrentWidget(self.chooser)
        self.chooser.list.setFocus()

    def open_vignette(self, vignette_id: str) -> None:
        self.vignette = next(v for v in self.pathway.graph.vignettes if v.id == vignette_id)
        self.story.show_vignette(self.vignette)
        self.story_again.body.setText(self.vignette.story)
        self.story_again.set_open(False)
        self.screens.setCurrentWidget(self.story)
        self.story.walk.setFocus()

    def surprise(self) -> None:
        vignettes, done = self.pathway.graph.vignettes, self.done()
        fresh = [v for v in vignettes if v.id not in done] or list(vignettes)
        self.open_vignette(self.choose(fresh).id)

    def walk(self) -> None:
        """The real walk from its first question: nothing filled in from settings, since the
        tier and the area are part of what is practised."""
        self.feedback.clear()
        self.screens.setCurrentWidget(self.walk_page)
        self.driver.start(CaseSession(self.pathway, self.pathway.graph.settings, {}))

    def finish(self) -> None:
        given = self.session.full.answers
        result = practice.compare(self.pathway, self.vignette, given)
        if self.user_data is not None:
            self.user_data.practice_finished(self.vignette.id, result.all_matched)
        sections = feedback_sections(self.pathway, self.vignette, result)
        self.driver.forget()  # the answers go: only "done" and "matched" are kept
        self.feedback.show_feedback(headline(result), sections)
        self.screens.setCurrentWidget(self.feedback)
        self.feedback.again.setFocus()

    def use_graph(self, graph: Graph) -> None:
        """A newer directory came into use (only between conversations)."""
        self.pathway = Pathway(graph)
        self.clear()

    # Quick exit and inactivity clear practice like a case
    def holds_case(self) -> bool:
        held = self.session is not None or bool(self.feedback.headline.text())
        return held or self.pathway.holds_case()

    def clear(self) -> None:
        self.vignette = None
        self.driver.forget()
        self.feedback.clear()
        self.pathway.forget_case()
        self.story.show_vignette(None)
        self.story_again.body.setText("")
        self.screens.setCurrentWidget(self.chooser)
        self.listed = False
        if self.isVisible():
            self.show_list()

    def save_summary(self) -> None:
        if not self.allow_exports:
            return
        path = self.summary_path_provider()
        if path:
            write_summary_pdf(
                summary_lines(self.pathway, self.done()), path, self.today(), self.organisation
            )
            self.chooser.progress.setText(self.chooser.progress.text() + " Summary saved.")

    def _ask_summary_path(self) -> str | None:
        return ask_save_path(
            self, "Save the practice summary", "practice-summary.pdf", "PDF (*.pdf)"
        )


def summary_html(lines: list[str], today: date, organisation: str) -> str:
    """The practice summary a champion can show their manager: cases done, rules covered."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    who = f"<p>{html.escape(organisation)}</p>" if organisation else ""
    return (
        f"<h1>Practice summary</h1>{who}<p>{today:%d %B %Y}. Practice cases only: "
        f"no real case, no names.</p>{body}"
    )


def write_summary_pdf(lines: list[str], path: str, today: date, organisation: str) -> None:
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle("Practice summary")
    document = QTextDocument()
    document.setHtml(summary_html(lines, today, organisation))
    document.print_(writer)
