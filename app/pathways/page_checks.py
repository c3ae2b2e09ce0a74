"""Checks of the question pages (flow.toml [[page]]): questions the window shows together
must each be one tick box or a list of them, be asked one after another, and not depend on
each other's answers, so the page can show every one that will be asked before any is
answered."""

from __future__ import annotations

from itertools import pairwise

from app.pathways.graph import Graph, PageMember, Question, QuestionPage


def page_problems(graph: Graph, reads, reachable, ancestors) -> list[str]:
    """`reads`, `reachable` and `ancestors` are the validator's graph helpers."""
    problems = []
    seen: dict[str, str] = {}
    for page in graph.pages:
        where = f"page {page.id}"
        if len(page.members) < 2:
            problems.append(f"{where}: needs two questions or more (one is a question page)")
        for member in page.members:
            question = graph.questions.get(member.question)
            if question is None:
                problems.append(f"{where}: no question {member.question!r}")
                continue
            if member.question in seen:
                problems.append(f"{where}: {member.question} is already on {seen[member.question]}")
            seen[member.question] = page.id
            problems.extend(_member_problems(where, member, question))
        problems.extend(_order_problems(graph, page, where, reads, reachable, ancestors))
    return problems


def _member_problems(where: str, member: PageMember, question: Question) -> list[str]:
    where = f"{where}, {question.id}"
    kind = question.answer_type
    if kind == "multi":
        if question.min_choices:
            return [f"{where}: needs at least one choice, so 'None of these' could not answer it"]
        return [] if member.legend else [f"{where}: a multiple choice needs a legend"]
    if kind not in ("yes_no", "choice"):
        return [f"{where}: a {kind} question cannot be a tick box"]
    problems = [] if member.label else [f"{where}: a tick box needs a label"]
    allowed = [True, False] if kind == "yes_no" else [o.value for o in question.options]
    for name in ("tick", "untick"):
        value = getattr(member, name)
        if not any(value == a and type(value) is type(a) for a in allowed):
            problems.append(f"{where}: {name} {value!r} is not one of its answers {allowed}")
    if member.tick == member.untick:
        problems.append(f"{where}: a tick and no tick give the same answer")
    return problems


def _order_problems(graph, page: QuestionPage, where: str, reads, reachable, ancestors):
    members = set(page.questions) & set(graph.questions)
    problems = []
    for edges in graph.edges.values():
        for edge in edges:
            if edge.target in members and reads(graph, edge.when) & members:
                problems.append(
                    f"{where}: whether {edge.target} is asked depends on another question "
                    "on the page (which ones are asked must be known before any is answered)"
                )
    listed = [q for q in page.questions if q in members]
    for earlier, later in pairwise(listed):
        if earlier in reachable(graph, later):
            problems.append(f"{where}: {later} is asked before {earlier}: list them in that order")
    for first in members:
        after = reachable(graph, first) - {first}
        for second in members - {first}:
            if second in after:
                between = (after & ancestors(graph, second)) - members
                if between:
                    problems.append(
                        f"{where}: {', '.join(sorted(between))} can be asked between "
                        f"{first} and {second}: a page's questions follow one another"
                    )
    return sorted(set(problems))
