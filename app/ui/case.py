"""The conversation in progress: answers and where the worker is. Memory only, no Qt.

Answers are kept when the worker goes back, and the walk reads only those on the current
path, so changing an earlier answer recomputes everything after it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.pathways.engine import Pathway
from app.pathways.graph import Guidance, Question, Settings
from app.pathways.plan import Plan, Step
from app.pathways.referral_details import form_answer
from app.records import record
from app.ui.case_page import PageOnScreen, unticked
from app.ui.case_reminders import red_flags_in_one


@record
class SectionState:
    name: str
    state: str  # completed | in progress | part done | not needed | to do


class CaseSession:
    def __init__(self, pathway: Pathway, settings: Settings, prefill: dict[str, Any]) -> None:
        self.pathway = pathway
        self.settings = settings
        self.prefill = dict(prefill)  # from settings (tier): skipped going forward, editable
        self.clear()

    def clear(self) -> None:
        """Forget the case: every answer goes, back to the first question."""
        self.answers: dict[str, Any] = dict(self.prefill)
        # options the app showed ticked (ticked_when) and the worker kept: withdrawn when
        # what gave them is corrected (a Dash "yes" changed to "no": the need and its
        # medical check stayed in the plan, review 2026-12-01), kept when it only leaves
        # the path (the Dash after an age under 16)
        self.implied: dict[str, set[Any]] = {}
        self.declined: dict[str, set[Any]] = {}  # shown ticked and unticked by the worker
        self.worded: dict[str, str] = {}  # the words each answer was given to
        self.position = 0
        self.editing: str | None = None  # an answer from settings, changed before it is reached
        # one answer being changed (go_to): the others still stand, and the walk goes on to
        # what is still unanswered, then the plan
        self.correcting = False
        self._refresh()
        self._skip_prefilled()

    def holds_case(self) -> bool:
        return self.answers != self.prefill or self.position != self._first_position()

    def _first_position(self) -> int:
        position = 0
        while position < len(self.path) and self.path[position] in self.prefill:
            position += 1
        return position

    def _before(self) -> dict[str, Any]:
        """The answers given to the questions before the one on screen."""
        return {q: self.answers[q] for q in self.path[: self.position] if q in self.answers}

    def _standing(self) -> dict[str, Any]:
        """The answers in force on the page on screen: those before it, and while one answer
        is being changed, every other on the path (the reminders of the later answers went
        while the area was changed from the plan, as if the case was lost: officer walk,
        2026-12-05)."""
        if not self.correcting:
            return self._before()
        return {q: self.answers[q] for q in self.path if q in self.answers}

    def _resume_at(self) -> int:
        """Where the walk goes on: the plan, or the first question still unanswered."""
        return len(self.path) - (0 if self.full.plan else 1)

    def _refresh(self) -> None:
        self.full: Step = self.pathway.step(self.answers, self.settings)
        if self._withdraw_implied(self.full.asked):
            self.full = self.pathway.step(self.answers, self.settings)
        if self._withdraw_reworded():
            self.full = self.pathway.step(self.answers, self.settings)

    def _withdraw_reworded(self) -> bool:
        """An answer given in other words than the question now has, to or from a wording
        marked `asked_again`, is taken back to be asked again in the new words: consent
        when a correction changes who is telling you (a friend's "yes" stood as the
        person's consent), a judgement made beside a Dash count when the tier becomes 1
        (reviews 2026-12-01)."""
        questions, path, withdrawn = self.pathway.graph.questions, self.path, False
        for question_id, words in list(self.worded.items()):
            question = questions[question_id]
            flagged = {w.prompt for w in question.wordings if w.asked_again}
            if not flagged or question_id not in path:
                continue
            before = path[: path.index(question_id)]
            now = {q: self.answers[q] for q in before if q in self.answers}
            prompt = self.pathway.present(question, self.settings, now).prompt
            if prompt != words and {prompt, words} & flagged:  # to or from such words
                del self.answers[question_id], self.worded[question_id]
                withdrawn = True
        return withdrawn

    def _withdraw_implied(self, asked: tuple[str, ...]) -> bool:
        """The app's ticks follow what gave them: one goes when its Dash answer is corrected
        (not when the Dash is left not completed, or leaves the path: review 2026-12-01),
        and one comes when a Dash answer is corrected to give it (a "no" made "yes" after
        the needs page). Only answers on the path as it now is give one: a Dash left by an
        age corrected to under 16 ticked its needs on a page that showed none ticked, and
        "None of these" kept them (route review, 2026-12-04; H389). Whether any changed."""
        on_path = {q: self.answers[q] for q in asked if self.answers.get(q) is not None}
        changed = False
        for question_id in self.pathway.ticking:
            answer = self.answers.get(question_id)
            if not isinstance(answer, list):
                continue
            implied = self.implied.setdefault(question_id, set())
            given = {**on_path, question_id: [v for v in answer if v not in implied]}
            truths = self.pathway.tick_truths(question_id, given, self.settings)
            gone = {v for v in implied if truths.get(v) is False}
            came = {v for v, truth in truths.items() if truth is True and v not in answer}
            came -= self.declined.get(question_id, set())
            if gone or came:
                order = [o.value for o in self.pathway.graph.questions[question_id].options]
                kept = (set(answer) - gone) | came
                self.answers[question_id] = [v for v in order if v in kept]
                changed = True
            implied -= gone
            implied |= came
        return changed

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
        before = self._before()
        return self.pathway.present(question, self.settings, before)  # worded for who tells

    @property
    def page(self) -> PageOnScreen | None:
        """The page on screen when the question is the first of two or more asked together;
        which are asked is known before any is answered (the build checks that their
        conditions do not read each other), so the walk is tried with them unticked."""
        question = self.question
        if question is None or self.editing is not None:
            return None
        page = self.pathway.graph.page_of(question.id)
        if page is None:
            return None
        questions = self.pathway.graph.questions
        before = self._before()
        trial = dict(before)
        for m in page.members:
            trial[m.question] = self.answers.get(m.question, unticked(m, questions[m.question]))
        asked = self.pathway.step(trial, self.settings).asked
        members = [q for q in page.questions if q in asked]
        if len(members) < 2 or members[0] != question.id:
            return None
        shown = tuple(self.pathway.present(questions[q], self.settings, before) for q in members)
        given = {q: self._given(q, before) for q in members}
        given = {q: answer for q, answer in given.items() if answer is not None}
        worded = frozenset(q.id for q in shown if q.prompt != questions[q.id].prompt)
        first_key, at = {}, 0
        for question_id in page.questions:
            first_key[question_id] = at
            multi = questions[question_id].answer_type == "multi"
            at += len(questions[question_id].options) if multi else 1
        given_before = {
            q: frozenset(self.pathway.ticked_already(q, before, self.settings)) for q in members
        }
        elsewhere = frozenset(
            m.question
            for m in page.members
            if m.question not in asked
            and self.pathway.ticked_already(m.question, before, self.settings)
        )
        return PageOnScreen(page, shown, given, worded, first_key, given_before, elsewhere)

    @property
    def plan(self) -> Plan | None:
        return self.full.plan if self.question is None else None

    @property
    def current_answer(self) -> Any:
        question = self.question
        if question is None:
            return None
        before = self._before()
        return self._given(question.id, before)

    def _given(self, question_id: str, before: dict[str, Any]) -> Any:
        """The answer a question shows: the one given, or the options the answers before it
        already give (shown ticked; None when there is neither)."""
        if question_id in self.answers:
            return self.answers[question_id]
        return self.pathway.ticked_already(question_id, before, self.settings) or None

    def answer(self, value: Any) -> None:
        """The answer to the question on screen; on a page, {question id: answer} for each
        of its questions."""
        question, page = self.question, self.page
        if question is None:
            return
        answers = {q.id: value[q.id] for q in page.questions} if page else {question.id: value}
        self.worded.update({q.id: q.prompt for q in (page.questions if page else (question,))})
        self._note_ticks(answers)
        self.answers.update(answers)
        self._refresh()
        if self.editing is not None:
            self.editing = None  # the walk stays where it was
        else:
            self.position += len(answers)
            self._skip_prefilled()
        if self.correcting:
            # on to what is still unanswered, then the plan: a question the change made
            # needed was followed by every later page again (review 2026-12-01)
            self.finish()
            self.correcting = self.question is not None

    def _note_ticks(self, answers: dict[str, Any]) -> None:
        """Of the ticks the app showed (ticked_when), which the worker kept (the app's) and
        which they took off (theirs: never put back)."""
        for question_id, given in answers.items():
            if not isinstance(given, list):
                continue
            offered = self.implied.get(question_id, set())
            if question_id not in self.answers:
                offered = set(
                    self.pathway.ticked_already(question_id, self._before(), self.settings)
                )
            self.implied[question_id] = offered & set(given)
            declined = self.declined.get(question_id, set()) | (offered - set(given))
            self.declined[question_id] = declined - set(given)

    def value_on_screen(self, answer_of: Callable[[Question], Any]) -> Any:
        """The answer for the screen from one answer per question: a page takes
        {question id: answer} for each question on it (self-test and scripted walks)."""
        shown = self.page
        return {q.id: answer_of(q) for q in shown.questions} if shown else answer_of(self.question)

    def back(self) -> bool:
        """One question back (past answers from settings); False at the first question."""
        self.correcting = False  # the worker walks back page by page now
        if self.editing is not None:
            self.editing = None
            return True
        target = self.position - 1
        while target >= 0 and self.path[target] in self.prefill:
            target -= 1
        if target < 0:
            return False
        self.position = self._page_start(target)
        return True

    def go_to(self, question_id: str) -> None:
        """Show a question on the path again (read-back edits it), or one filled in from
        settings that the walk has not reached yet. The others still stand."""
        self.correcting = True
        if question_id in self.path:
            self.position = self._page_start(self.path.index(question_id))
        elif question_id in self.prefill:
            self.editing = question_id

    def finish(self) -> None:
        """On to the plan, or the first question still unanswered (after read-back, or after
        correcting one answer): the answers after it are kept, not asked again."""
        self.position = self._page_start(self._resume_at())

    def _page_start(self, position: int) -> int:
        """The first question of the page a question is shown on (itself if on its own)."""
        while position > 0 and self._same_page(position - 1, position):
            position -= 1
        return position

    def _same_page(self, first: int, second: int) -> bool:
        if second >= len(self.path):
            return False
        page = self.pathway.graph.page_of(self.path[first])
        return page is not None and page is self.pathway.graph.page_of(self.path[second])

    @property
    def number(self) -> int:
        """The question's number as the worker counts them (answers from settings skipped)."""
        return 1 + sum(
            self.path[i] not in self.prefill and not (i and self._same_page(i - 1, i))
            for i in range(self.position)
        )

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
        return self.reminders_holding(None)

    def reminders_holding(self, held: Any) -> tuple[Guidance, ...]:
        """Reminders triggered by the answers given up to the question on screen, after the
        red flags they raise (R41: in view when the worker judges the risk; the plan shows
        its own under its risk heading). `held`: what the page on screen holds so far (the
        Dash items answered, a page's boxes ticked): its red flags came only once the whole
        Dash was done (review 2026-12-01)."""
        if self.plan is not None:
            return self.plan.reminders
        given = self._standing()
        question = self.question
        if held and question is not None and question.answer_type == "checklist":
            given[question.id] = held  # items not held yet are not given (not "no")
        elif isinstance(held, dict) and self.page is not None:
            # a page's boxes as they stand, as Continue would give them: ticking "an
            # interpreter" said nothing until then (officer walk, 2026-12-02)
            given |= held
        step = self.pathway.step(given, self.settings)
        return red_flags_in_one(step.red_flags) + step.reminders

    def answered(self) -> list[tuple[Question, str]]:
        """Each question on the path with its answer, in the words it was asked, for the
        read-back; a box left unticked reads "Not ticked", as on the copy's form lines: the
        read-back said "No" to the person, an answer no one gave (seams audit, 12-07)."""
        graph, shown = self.pathway.graph, {}
        asked = {q: self.answers[q] for q in self.path if q in self.answers}
        rows = []
        for q, answer in asked.items():
            said = form_answer(graph, q, answer, asked)
            rows.append((self.pathway.present(graph.questions[q], self.settings, shown), said))
            shown[q] = answer
        return rows

    def sections(self) -> list[SectionState]:
        """The walk as a task list: completed, in progress (on screen now), part done (asked,
        with questions of it still ahead), not needed (passed, or none of its questions can
        be asked now, or the plan is reached, with none of its questions asked) or to do."""
        graph, shown = self.pathway.graph, self.page
        questions, rank = graph.questions, graph.ask_order()
        on_screen = shown.questions if shown else (self.question,) if self.question else ()
        current = [q.section for q in on_screen]
        # while one answer is changed, the task list stands as the walk will go on: the
        # later sections showed "to do" as if the case was lost (officer walk, 2026-12-05)
        reached = self._resume_at() if self.correcting else self.position
        asked = {questions[q].section for q in self.path[:reached]}
        order = list(dict.fromkeys(q.section for q in questions.values()))
        # passed only once the flow is beyond the last of its questions: Risk asked after
        # the household for a worried friend showed "not needed", then was asked
        last = {section: -1 for section in order}
        for q, place in rank.items():
            last[questions[q].section] = max(last[questions[q].section], place)
        going_on = (
            self.path[reached : reached + 1] if self.correcting else [q.id for q in on_screen]
        )
        now = rank.get(going_on[0], len(rank)) if going_on else len(rank)
        # by the answers before it only: one being changed may take the walk elsewhere
        known = {q: self.answers[q] for q in self.path[:reached] if q in self.answers}
        ahead = self.pathway.still_askable(going_on[0], known, self.settings) if going_on else ()
        possible = {questions[q].section for q in ahead}
        states = []
        for section in order:
            if section in current:
                state = "in progress"
            elif section in asked:
                # with questions of it still ahead in the flow (the Dash, then the needs,
                # then the judgement): "completed" was said too soon, and "in progress"
                # beside the section on screen left three "in progress" (review 2026-12-01)
                state = "completed" if last[section] < now else "part done"
            elif last[section] < now or section not in possible:
                state = "not needed"
            else:
                state = "to do"
            states.append(SectionState(section, state))
        return states
