"""The plan's lines for a referral form: the answers a MARF or MARAC form needs, in the
form's words, in the order the walk asked them (no names: those go only in the form)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from app.pathways.answers import answer_label
from app.pathways.graph import Graph, Settings
from app.pathways.risk import filled_in

if TYPE_CHECKING:
    from app.pathways.engine import Pathway


def referral_details(
    pathway: Pathway,
    path: dict[str, Any],
    settings: Settings,
    scenario: Collection[str] | None = None,
) -> tuple[tuple[str, str], ...]:
    """The answers a MARF or MARAC form needs, in words (no names: those go only there).
    A need the Dash gave counts however its box was left (R40): "Needs: None" stood
    beside a plan acting on a Dash strangulation (review 2026-12-01). `scenario`: the
    questions a headless scenario answered (form_answer)."""
    questions = pathway.graph.questions
    given = pathway.with_ticks_given(path, settings)
    shown = list(path)
    # a page's tick box the walk did not ask, the answers before giving it (R40): the
    # Dash's pregnancy was a red flag and on no line for the form (officer's walk, 12-07)
    not_asked = [
        q
        for q in set(pathway.ticking) - path.keys()
        if questions[q].answer_type == "yes_no" and pathway.ticked_already(q, path, settings)
    ]
    order = pathway.graph.ask_order() if not_asked else {}
    for q in sorted(not_asked, key=order.get):
        given[q] = True
        before = [at for at, p in enumerate(shown) if order[p] < order[q]]
        shown.insert(before[-1] + 1 if before else 0, q)
    return tuple(
        (
            filled_in(questions[q].summary_label, settings),
            form_answer(pathway.graph, q, given[q], path, scenario),
        )
        for q in shown
        if questions[q].summary_label
    )


def form_answer(
    graph: Graph,
    question_id: str,
    answer: Any,
    asked: dict[str, Any],
    scenario: Collection[str] | None = None,
) -> str:
    """An answer in a form's words. A yes/no asked as a page's tick box, left unticked,
    is what the worker did, not a fact: a friend who did not know of children pressed
    "none of these", and the MARAC form read "Other children …: No" (second officer's
    walk, 2026-12-07), as "None" did for a multiple choice (answers.answer_label). A
    page's question asked alone (its others not asked, as the window shows it: Yes
    and No) was answered No, and reads so (re-attack, 2026-12-07). A choice's tick box
    too: "The police already know" unticked read "Not known" for a man who had said they
    did not (officer's walk, 2026-12-07).

    A headless scenario gives each answer as a value, never a tick box: its "not_known" is
    "Not known", and a question an older scenario lacks (taken as its default) says so:
    "Somewhere safe tonight: Yes" stood for an answer nobody gave (policy audit, 12-07)."""
    question = graph.questions[question_id]
    if scenario is not None:
        said = "None" if answer == [] else answer_label(question, answer)  # no boxes here
        default = question.default
        if question_id not in scenario and default is not None and answer == default.value:
            return f"Not in the scenario (taken as {said})"
        return said
    page = graph.page_of(question_id)
    if page and sum(q in asked for q in page.questions) >= 2:
        member = next(m for m in page.members if m.question == question_id)
        if member.label and answer == member.untick != member.tick:
            return "Not ticked"
    return answer_label(question, answer)
