"""The conversation in progress: answers and where the worker is. Memory only, no Qt.

Answers are kept when the worker goes back, and the walk reads only those on the current
path, so changing an earlier answer recomputes everything after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.pathways.engine import Pathway
from app.pathways.graph import Guidance, Question, Settings
from app.pathways.plan import Plan, Step


@dataclass(frozen=True)
class SectionState:
    name: str
    state: str  # completed | in progress | not needed | to do


class CaseSession:
    def __init__(self, pathway: Pathway, settings: Settings, prefill: dict[str, Any]) -> None:
        self.pathway = pathway
        self.settings = settings
        self.prefill = dict(prefill)  # from settings (tier): skipped going forward, editable
        self.clear()

    def clear(self) -> None:
        """Forget the case: every answer goes, back to the first question."""
        self.answers: dict[str, Any] = dict(self.prefill)
        self.position = 0
        self.editing: str | None = None  # an answer from settings, changed before it is reached
        self._refresh()
        self._skip_prefilled()

    def holds_case(self) -> bool:
        return self.answers != self.prefill or self.position != self._first_position()

    def _first_position(self) -> int:
        position = 0
        while position < len(self.path) and self.path[position] in self.prefill:
            position += 1
        return position

    def _refresh(self) -> None:
        self.full: Step = self.pathway.step(self.answers, self.settings)

    @property
    def path(self) -> tuple[str, ...]:
        return self.full.asked

    @property
    def question(self) -> Question | None:
        """The question on screen, or None when the plan is."""
        if self.editing is not None:
            question = self.pathway.graph.questions[self.editing]
            return self.pathway.present(question, self.settings, self.full.answers)
        if self.position >= len(self.path):
            return None
        question = self.pathway.graph.questions[self.path[self.position]]
        before = {q: self.answers[q] for q in self.path[: self.position] if q in self.answers}
        return self.pathway.present(question, self.settings, before)  # worded for who tells

    @property
    def plan(self) -> Plan | None:
        return self.full.plan if self.question is None else None

    @property
    def current_answer(self) -> Any:
        question = self.question
        return self.answers.get(question.id) if question else None

    def answer(self, value: Any) -> None:
        question = self.question
        if question is None:
            return
        self.answers[question.id] = value
        self._refresh()
        if self.editing is not None:
            self.editing = None  # the walk stays where it was
            return
        self.position += 1
        self._skip_prefilled()

    def back(self) -> bool:
        """One question back (past answers from settings); False at the first question."""
        if self.editing is not None:
            self.editing = None
            return True
        target = self.position - 1
        while target >= 0 and self.path[target] in self.prefill:
            target -= 1
        if target < 0:
            return False
        self.position = target
        return True

    def go_to(self, question_id: str) -> None:
        """Show a question on the path again (read-back edits it), or one filled in from
        settings that the walk has not reached yet."""
        if question_id in self.path:
            self.position = self.path.index(question_id)
        elif question_id in self.prefill:
            self.editing = question_id

    def finish(self) -> None:
        """On to the plan, or the first question still unanswered (after read-back, or after
        correcting one answer): the answers after it are kept, not asked again."""
        self.position = len(self.path) - (0 if self.full.plan else 1)

    @property
    def number(self) -> int:
        """The question's number as the worker counts them (answers from settings skipped)."""
        return 1 + sum(q not in self.prefill for q in self.path[: self.position])

    def in_view(self, ids: tuple[str, ...]) -> list[tuple[Question, Any, bool]]:
        """(question, answer, from settings) for these questions, answered on the path or
        filled in from settings (shown from the start, so a wrong area is seen early)."""
        questions = self.pathway.graph.questions
        return [
            (questions[q], self.answers[q], self.answers[q] == self.prefill.get(q))
            for q in ids
            if q in self.answers and (q in self.path[: self.position] or q in self.prefill)
        ]

    def _skip_prefilled(self) -> None:
        while self.position < len(self.path) and self.path[self.position] in self.prefill:
            self.position += 1

    @property
    def reminders(self) -> tuple[Guidance, ...]:
        """Reminders triggered by the answers given up to the question on screen."""
        if self.plan is not None:
            return self.plan.reminders
        given = {q: self.answers[q] for q in self.path[: self.position] if q in self.answers}
        return self.pathway.step(given, self.settings).reminders

    def answered(self) -> list[tuple[Question, Any]]:
        """Each question on the path with its answer, in the words it was asked, for the
        read-back."""
        questions, shown = self.pathway.graph.questions, {}
        rows = []
        for q in self.path:
            if q in self.answers:
                rows.append(
                    (self.pathway.present(questions[q], self.settings, shown), self.answers[q])
                )
                shown[q] = self.answers[q]
        return rows

    def sections(self) -> list[SectionState]:
        """The walk as a task list: completed, in progress, not needed (passed, or the plan
        is reached, with none of its questions asked) or to do."""
        questions = self.pathway.graph.questions
        current = self.question.section if self.question else None
        asked = {questions[q].section for q in self.path[: self.position]}
        order = list(dict.fromkeys(q.section for q in questions.values()))
        reached = order.index(current) if current in order else len(order)
        states = []
        for index, section in enumerate(order):
            if section == current:
                state = "in progress"
            elif section in asked:
                state = "completed"
            elif index < reached:
                state = "not needed"
            else:
                state = "to do"
            states.append(SectionState(section, state))
        return states
