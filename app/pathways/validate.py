"""Structural checks of a graph. Lists every problem it finds, not just the first."""

from __future__ import annotations

from dataclasses import fields

from app.pathways.conditions import NUMBER_OPS, QUESTION_OPS, Env, atoms, compile_condition, same
from app.pathways.graph import Condition, Graph, Settings
from app.pathways.page_checks import page_problems
from app.pathways.services import NATIONAL
from app.pathways.setting_limits import setting_problems

CONFIDENCE = ("high", "medium", "low")
GROUPS = ("now", "today", "offer")
FACT_KINDS = ("count", "holds", "first")


def validate(graph: Graph) -> list[str]:
    """Every problem with the graph, in words a content editor can act on."""
    return [
        *_fact_problems(graph),
        *_flow_problems(graph),
        *page_problems(graph, _questions_read, _reachable, _ancestors),
        *_outcome_problems(graph),
        *_service_problems(graph),
        *setting_problems(graph.settings),
    ]


def _fact_problems(graph: Graph) -> list[str]:
    problems = []
    for name, cond in graph.named.items():
        problems.extend(_condition_problems(graph, cond, f"named condition {name}"))
        if name in _reached_names(graph, cond):
            problems.append(f"named condition {name}: refers to itself (a cycle)")
    seen: set[str] = set()
    for fact in graph.facts:
        where = f"fact {fact.id}"
        if fact.kind not in FACT_KINDS:
            problems.append(f"{where}: kind {fact.kind!r} not one of {FACT_KINDS}")
        if fact.kind == "count":
            question = graph.questions.get(fact.question)
            if question is None or question.answer_type != "checklist":
                problems.append(f"{where}: counts {fact.question!r}, which is not a checklist")
        for case in fact.cases:
            problems.extend(_condition_problems(graph, case.when, where, before=seen))
        seen.add(fact.id)
    if graph.risk is not None:
        for role in ("level", "criteria", "count"):
            if getattr(graph.risk, role) not in seen:
                problems.append(f"risk {role}: no fact {getattr(graph.risk, role)!r}")
    return problems


def _reached_names(graph: Graph, cond: Condition | None) -> set[str]:
    """Every named condition a condition uses, directly or through other names."""
    found: set[str] = set()
    todo = [cond]
    while todo:
        current = todo.pop()
        for atom in atoms(current):
            name = atom.get("is")
            if name is not None and name not in found:
                found.add(name)
                todo.append(graph.named.get(name))
    return found


def _flow_problems(graph: Graph) -> list[str]:
    problems = []
    nodes = graph.nodes()
    if graph.start not in graph.questions:
        problems.append(f"start node {graph.start!r} is not a question")
    for source, edges in graph.edges.items():
        if source not in graph.questions:
            problems.append(f"edges leave {source!r}, which is not a question")
        for edge in edges:
            if edge.target not in nodes:
                problems.append(f"edge {source} -> {edge.target}: no such node")
    for qid in graph.questions:
        edges = graph.edges.get(qid, [])
        if not edges:
            problems.append(f"node {qid!r} has no edge out: its paths never reach a plan")
        elif edges[-1].when is not None:
            problems.append(f"node {qid!r}: the last edge must have no condition")
    reachable = _reachable(graph)
    for node in sorted(nodes - reachable):
        problems.append(f"node {node!r} is unreachable from the start {graph.start!r}")
    problems.extend(_cycles(graph))
    for source, edges in graph.edges.items():
        earlier = _ancestors(graph, source) | {source}
        for edge in edges:
            where = f"edge {source} -> {edge.target}"
            problems.extend(_condition_problems(graph, edge.when, where))
            for atom in atoms(edge.when, graph.named):
                if "q" in atom and atom["q"] not in earlier:
                    problems.append(f"{where}: reads {atom['q']!r}, asked later or never")
            later = _reachable(graph, edge.target)
            for question in sorted(_questions_read(graph, edge.when) & later):
                problems.append(f"{where}: reads the plan or a fact that {question!r} changes")
    return problems


def _questions_read(graph: Graph, cond: Condition | None) -> set[str]:
    """Every question a condition depends on, through named conditions, the facts it
    reads and the rules of the actions it asks about: an edge may read a fact or the plan
    so far only if nothing asked from its target on can change it."""
    read: set[str] = set()
    seen: set[tuple[str, str]] = set()
    todo = [cond]
    while todo:
        for atom in atoms(todo.pop(), graph.named):
            if "q" in atom:
                read.add(atom["q"])
            for fact in graph.facts:
                if fact.id == atom.get("fact") and ("fact", fact.id) not in seen:
                    seen.add(("fact", fact.id))
                    read.update([fact.question] if fact.question else [])
                    todo.extend(case.when for case in fact.cases)
            for kind in atom.get("plan_has_any", ()):
                if ("plan", kind) not in seen:
                    seen.add(("plan", kind))
                    todo.extend(r.when for r in graph.rules if r.action_kind == kind)
    return read


def _reachable(graph: Graph, start: str | None = None) -> set[str]:
    seen, todo = set(), [start or graph.start]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(edge.target for edge in graph.edges.get(node, []))
    return seen


def _ancestors(graph: Graph, target: str) -> set[str]:
    parents: dict[str, set[str]] = {}
    for source, edges in graph.edges.items():
        for edge in edges:
            parents.setdefault(edge.target, set()).add(source)
    seen, todo = set(), list(parents.get(target, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(parents.get(node, ()))
    return seen


def _cycles(graph: Graph) -> list[str]:
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    problems = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for edge in graph.edges.get(node, []):
            if state.get(edge.target) == 1:
                loop = [*trail[trail.index(edge.target) :], node, edge.target]
                problems.append("cycle: " + " -> ".join(dict.fromkeys(loop)) + " -> ...")
            elif edge.target not in state:
                visit(edge.target, [*trail, node])
        state[node] = 2

    for node in sorted(graph.nodes()):
        if node not in state:
            visit(node, [])
    return problems


def _outcome_problems(graph: Graph) -> list[str]:
    problems = []
    rule_kinds = {rule.action_kind for rule in graph.rules}
    for rule in graph.rules:
        where = f"rule {rule.id} ({rule.action_kind})"
        if rule.action_kind not in graph.actions:
            problems.append(f"{where}: no such action kind")
        if not rule.sources:
            problems.append(f"{where}: has no source")
        problems.extend(_condition_problems(graph, rule.when, where))
        problems.extend(_kind_problems(graph, rule.service_kinds, where))
    for rule in graph.rules:
        if rule.group is not None and rule.group not in GROUPS:
            problems.append(f"rule {rule.id} ({rule.action_kind}): group not one of {GROUPS}")
    for question in graph.questions.values():
        if question.interrupt and question.interrupt not in graph.actions:
            problems.append(f"question {question.id}: interrupts with no such action kind")
        for wording in question.wordings:
            where = f"question {question.id} wording"
            problems.extend(_condition_problems(graph, wording.when, where))
        for option in (o for o in question.options if "ticked_when" in o.attrs):
            where = f"question {question.id} option {option.value} ticked_when"
            if question.answer_type != "multi":
                problems.append(f"{where}: only a multiple choice's options are shown ticked")
            problems.extend(_condition_problems(graph, option.attrs["ticked_when"], where))
    for page in graph.pages:
        for member in (m for m in page.members if m.given_when is not None):
            where = f"page {page.id}, {member.question} given_when"
            if getattr(graph.questions.get(member.question), "answer_type", "") == "multi":
                problems.append(f"{where}: a multiple choice's options use ticked_when")
            problems.extend(_condition_problems(graph, member.given_when, where))
    for kind, action in graph.actions.items():
        where = f"action {kind}"
        if kind not in rule_kinds:
            problems.append(f"{where}: no rule raises it")
        if action.group not in GROUPS:
            problems.append(f"{where}: group {action.group!r} not one of {GROUPS}")
        if not action.say:
            problems.append(f"{where}: has nothing to say to the person (say)")
        for wording in action.wordings:
            problems.extend(_condition_problems(graph, wording.when, f"{where} wording"))
            if wording.group and wording.group not in GROUPS:
                problems.append(f"{where} wording: group {wording.group!r} not one of {GROUPS}")
        problems.extend(_kind_problems(graph, action.fallback_kinds, where))
        problems.extend(_kind_problems(graph, action.service_kinds, where))
        for service_id in action.fallback_service_ids:
            if service_id not in graph.services:
                problems.append(f"{where}: fallback service {service_id!r} is not in the directory")
            elif graph.services[service_id].status != "active":  # never offered, silently
                problems.append(f"{where}: fallback service {service_id!r} is not active")
            elif not _everywhere_for_all(graph, graph.services[service_id]):
                # NDAH narrowed to Coventry left a Dudley plan's helpline card with no number
                # (re-attack, 2026-12-04; H359)
                problems.append(
                    f"{where}: fallback service {service_id!r} must serve the whole region "
                    "or the country"
                )
        for other in action.fallback_from_actions:
            peer = graph.actions.get(other)
            if peer is None or peer.priority >= action.priority:
                problems.append(f"{where}: fallback from {other!r} needs an earlier action")
    seen = set()
    for item in graph.guidance:
        where = f"{item.category} {item.id}"
        if (item.category, item.id) in seen:
            problems.append(f"{where}: id used twice")
        seen.add((item.category, item.id))
        if not item.sources:
            problems.append(f"{where}: has no source")
        problems.extend(_condition_problems(graph, item.when, where))
    for audience in graph.audiences:
        problems.extend(_condition_problems(graph, audience.when, f"audience {audience.id}"))
    return problems


def _kind_problems(graph: Graph, kinds: tuple[str, ...], where: str) -> list[str]:
    return [f"{where}: unknown service kind {k!r}" for k in kinds if k not in graph.kind_labels]


def _condition_problems(
    graph: Graph, cond: Condition | None, where: str, before: set[str] | None = None
) -> list[str]:
    """`before`: the facts a fact's own cases may read (those derived before it)."""
    try:
        compile_condition(cond, Env(named=graph.named))
    except (ValueError, TypeError, KeyError, StopIteration) as error:
        return [f"{where}: {error}"]
    known_facts = {f.id: f for f in graph.facts}
    readable = known_facts if before is None else {k: known_facts[k] for k in before}
    problems = []
    for atom in atoms(cond):
        problems.extend(_setting_problems(atom, where))
        if "is" in atom:
            if atom["is"] not in graph.named:
                problems.append(f"{where}: no named condition {atom['is']!r}")
        elif "plan_has_any" in atom:
            unknown = [k for k in atom["plan_has_any"] if k not in graph.actions]
            problems.extend(f"{where}: no action kind {k!r}" for k in unknown)
        elif "fact" in atom:
            fact = readable.get(atom["fact"])
            if fact is None:
                problems.append(f"{where}: no fact {atom['fact']!r} it may read")
            elif fact.kind != "count":
                problems.extend(_value_problems(atom, list(fact.possible_values), where, fact.id))
        else:
            problems.extend(_question_atom_problems(graph, atom, where))
    return problems


SETTINGS = {f.name for f in fields(Settings)}


def _setting_problems(atom: Condition, where: str) -> list[str]:
    return [
        f"{where}: no setting {atom[op]['setting']!r}"
        for op in NUMBER_OPS
        if isinstance(atom.get(op), dict) and atom[op].get("setting") not in SETTINGS
    ]


def _question_atom_problems(graph: Graph, atom: Condition, where: str) -> list[str]:
    question = graph.questions.get(atom["q"])
    if question is None:
        return [f"{where}: no question {atom['q']!r}"]
    if "item" in atom:
        if atom["item"] not in {item.id for item in question.items}:
            return [f"{where}: {question.id} has no item {atom['item']!r}"]
        allowed = [opt.value for opt in question.item_options]
        return _value_problems(atom, allowed, where, f"{question.id}.{atom['item']}")
    op = next(k for k in QUESTION_OPS if k in atom)
    if "attr" in atom:
        if not any(atom["attr"] in opt.attrs for opt in question.options):
            return [f"{where}: no answer of {question.id} carries {atom['attr']!r}"]
        return [] if op in NUMBER_OPS else [f"{where}: compare {atom['attr']!r} as a number"]
    if question.answer_type == "count":
        value = atom[op]
        number = isinstance(value, int) and not isinstance(value, bool)
        if op not in ("eq", *NUMBER_OPS) or not (number or isinstance(value, dict)):
            return [f"{where}: {question.id} is a count: compare a whole number"]
        return []
    if op in NUMBER_OPS:
        return [f"{where}: {question.id} is not a count: {op} does not apply"]
    return _value_problems(atom, question.allowed_values, where, question.id)


def _value_problems(atom: Condition, allowed: list, where: str, name: str) -> list[str]:
    values = []
    for op in ("eq", "has"):
        if op in atom:
            values.append(atom[op])
    for op in ("in", "has_any"):
        if op in atom:
            values.extend(atom[op])
    return [
        f"{where}: {name} never has the value {v!r} (allowed: {allowed})"
        for v in values
        if not any(same(v, a) for a in allowed)
    ]


def _service_problems(graph: Graph) -> list[str]:
    problems = []
    areas = {NATIONAL} | {
        value
        for q in graph.questions.values()
        for opt in q.options
        for value in (opt.value, opt.attrs.get("region"))
        if q.id == "borough" and value
    }
    for service in graph.services.values():
        where = f"service {service.id}"
        problems.extend(_kind_problems(graph, service.kinds, where))
        problems.extend(f"{where}: unknown area {a!r}" for a in service.areas if a not in areas)
        if service.min_age > service.max_age:
            problems.append(f"{where}: minimum age above maximum age")
        if service.confidence not in CONFIDENCE:
            problems.append(f"{where}: confidence {service.confidence!r} not in {CONFIDENCE}")
        if not service.source:
            problems.append(f"{where}: has no source")
    return problems


def _everywhere_for_all(graph: Graph, service) -> bool:
    """A fallback serves every area the plans are made for: nationally, or a whole region
    the boroughs are in. (Its audience is the field rules': an unknown one is named there.)"""
    borough = graph.questions.get("borough")
    regions = {o.attrs.get("region") for o in borough.options} if borough else set()
    return bool(set(service.areas) & ({NATIONAL} | regions))


# Actions whose fallback may be the MARAC team, reached by secure e-mail (the MARAC form
# allocates an IDVA). Both the action and the service's kind count: a helpline tagged
# "marac" kept only an address (attack review 2026-12-01), and the IDVA referral names the
# helpline too.
EMAIL_ROUTES = frozenset({"idva_referral", "marac_referral"})


def fallback_contact_problems(graph: Graph) -> list[str]:
    """The lead's side (build, publish): each service a pathway fallback names has a number
    to ring. Its number emptied, or swapped for an e-mail address, the plan said "Here is a
    free number" over "no number held" (attack reviews 2026-12-01). Not a laptop's check:
    an update signed before this rule is kept, as every start reads it."""
    named: dict[str, set[str]] = {}
    for action in graph.actions.values():
        for service_id in action.fallback_service_ids:
            named.setdefault(service_id, set()).add(action.kind)
    problems = []
    for service_id, kinds in sorted(named.items()):
        service = graph.services.get(service_id)
        if service is None or service.phone.strip():
            continue
        # the MARAC team itself, named only where an e-mail referral will do
        if kinds <= EMAIL_ROUTES and "marac" in service.kinds and service.email.strip():
            continue
        for kind in sorted(kinds - EMAIL_ROUTES) or sorted(kinds):
            problems.append(f"action {kind}: fallback service {service_id!r} has no phone number")
    return problems
