"""The page of questions on screen, asked together (flow.toml [[page]]). Memory only, no Qt."""

from __future__ import annotations

from dataclasses import field
from typing import Any

from app.pathways.graph import PageMember, Question, QuestionPage
from app.records import record


@record
class PageOnScreen:
    """Questions shown together (flow.toml [[page]]): those of the page this walk asks."""

    page: QuestionPage
    questions: tuple[Question, ...]  # worded for who is telling, in the order asked
    answers: dict[str, Any]  # answers already given to them (after going back)
    worded: frozenset[str] = frozenset()  # asked in other words for who is telling
    # each question's first tick-box key on the whole page, asked or not: a box keeps its
    # key from case to case ("8" was strangulation for an adult, stalking for a child)
    first_key: dict[str, int] = field(default_factory=dict)
    # options the answers before already give (a Dash "yes": ticked_when), which count
    # however their box is ticked
    given_before: dict[str, frozenset] = field(default_factory=dict)
    # tick boxes not asked, the answers before giving them (given_when): shown ticked
    given_elsewhere: frozenset[str] = frozenset()

    def member(self, question_id: str) -> PageMember:
        return next(m for m in self.page.members if m.question == question_id)


def unticked(member: PageMember, question: Question) -> Any:
    """The answer a member gets when nothing of it is ticked."""
    return [] if question.answer_type == "multi" else member.untick
