"""Reads the reviewable source files under resources/ into rows for the directory tables."""

from __future__ import annotations

import csv
import json
import tomllib
from pathlib import Path
from typing import Any

from app.db.field_rules import rows_problems
from app.db.practice_source import read_vignettes
from app.db.release_record import record_rows
from app.db.service_rows import SERVICE_COLUMNS, Rows, age_of, rows_for_service, taxonomy_rows

PATHWAY_FILES = (
    "pathway.toml",
    "questions.toml",
    "flow.toml",
    "facts.toml",
    "actions.toml",
    "guidance.toml",
)


class SourceError(ValueError):
    """The source files cannot be compiled; carries every problem found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_sources(root: Path) -> Rows:
    """All rows for the directory database, or SourceError naming each file and entry."""
    problems: list[str] = []
    docs = {}
    for name in PATHWAY_FILES:
        docs[name] = _load_toml(root / "pathway" / name, problems)
    directory = _load_toml(root / "services" / "directory.toml", problems)
    if problems:
        raise SourceError(problems)
    rows: Rows = {}
    try:
        rows.update(_pathway_rows(docs, directory))
    except (KeyError, TypeError, ValueError) as error:
        problems.append(f"pathway source: missing or malformed field {error}")
    rows["practice_vignette"] = read_vignettes(root / "practice", problems)
    rows.update(_service_rows(root / "services" / "services.csv", directory, problems))
    version = str(directory.get("version", ""))  # what the release stopped giving
    rows.setdefault("content_meta", []).extend(record_rows(root / "services", version, problems))
    if problems:
        raise SourceError(problems)
    return rows


def _load_toml(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        problems.append(f"{path}: missing")
    except tomllib.TOMLDecodeError as error:
        problems.append(f"{path}: {error}")
    return {}


def _pathway_rows(docs: dict[str, dict[str, Any]], directory: dict[str, Any]) -> Rows:
    meta, flow, facts = docs["pathway.toml"], docs["flow.toml"], docs["facts.toml"]
    questions = docs["questions.toml"]["question"]
    rows: Rows = {
        "content_meta": [
            {"key": "pathway_version", "value": str(meta["version"])},
            {"key": "directory_version", "value": str(directory["version"])},
            {"key": "risk", "value": json.dumps(facts["risk"], sort_keys=True)},
        ],
        "setting": [
            {"key": s["key"], "value": s["value"], "label": s["label"], "sources": s["sources"]}
            for s in meta["setting"]
        ],
        "question": [_question_row(i, q) for i, q in enumerate(questions)],
        "flow_node": [
            {"id": q["id"], "question_id": q["id"], "is_start": q["id"] == flow["start"]}
            for q in questions
        ]
        + [{"id": "plan", "question_id": None, "is_start": False}],
        "flow_edge": flow_edges(flow["ask"]),
        "question_page": [_page_row(i, p) for i, p in enumerate(flow.get("page", []))],
        "taxonomy_term": taxonomy_rows(directory["kinds"]),
        "named_condition": [
            {"id": c["id"], "ordinal": i, "condition": c["when"]}
            for i, c in enumerate(facts.get("condition", []))
        ],
        "derived_fact": [
            {
                "id": f["id"],
                "ordinal": i,
                "kind": f["kind"],
                "question": f.get("question", ""),
                "counted": f.get("values", []),
                "cases": f.get("case", []),
            }
            for i, f in enumerate(facts.get("fact", []))
        ],
    }
    actions = docs["actions.toml"]["action"]
    rows["action_template"] = [_action_row(a) for a in actions]
    rows["outcome_rule"] = [
        {
            "action_kind": action["kind"],
            "id": rule["id"],
            "ordinal": i,
            "condition": rule["when"],
            "title": rule.get("title"),
            "why": rule["why"],
            "sources": rule.get("sources", []),
            "service_kinds": rule.get("service_kinds", []),
            "group_name": rule.get("group"),
            "service_ages": rule.get("service_ages"),
        }
        for action in actions
        for i, rule in enumerate(action.get("rule", []))
    ]
    guidance = docs["guidance.toml"]
    rows["guidance"] = [
        {
            "category": category,
            "id": g["id"],
            "ordinal": i,
            "text": g["text"],
            "condition": g["when"],
            "sources": g.get("sources", []),
            "general": bool(g.get("general", False)),
        }
        for category in ("reminder", "red_flag", "notice")
        for i, g in enumerate(guidance.get(category, []))
    ]
    rows["audience_rule"] = [
        {"id": a["id"], "ordinal": i, "condition": a["when"]}
        for i, a in enumerate(guidance.get("audience", []))
    ]
    return rows


def flow_edges(asks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The graph's edges from the order of asking: from each question, an edge to each later
    question in turn (with its condition), up to the first asked always, or to the plan."""
    edges = []
    for i, ask in enumerate(asks):
        for ordinal, later in enumerate([*asks[i + 1 :], {"question": "plan"}]):
            edges.append(
                {
                    "source": ask["question"],
                    "target": later["question"],
                    "ordinal": ordinal,
                    "condition": later.get("when"),
                    "why": later.get("why", ""),
                }
            )
            if later.get("when") is None:
                break
    return edges


MEMBER_FIELDS = ("question", "label", "legend", "tick", "untick", "given_when")


def _page_row(ordinal: int, page: dict[str, Any]) -> dict[str, Any]:
    for member in page["members"]:
        for key in member:
            if key not in MEMBER_FIELDS:
                raise ValueError(
                    f"flow.toml page {page['id']}: member field {key!r} is not one of "
                    f"{', '.join(MEMBER_FIELDS)}"
                )
    return {
        "id": page["id"],
        "ordinal": ordinal,
        "prompt": page["prompt"],
        "help": page.get("help", ""),
        "members": page["members"],
    }


def _question_row(ordinal: int, q: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": q["id"],
        "ordinal": ordinal,
        "section": q["section"],
        "prompt": q["prompt"],
        "help": q.get("help", ""),
        "answer_type": q["answer_type"],
        "options": q.get("options", []),
        "items": q.get("items", []),
        "item_options": q.get("item_options", []),
        "skippable": bool(q.get("skippable", False)),
        "min_choices": int(q.get("min_choices", 0)),
        "sources": q.get("sources", []),
        "default_answer": [q["default"]] if "default" in q else None,
        "wordings": _wordings(q, ("prompt", "help"), ("asked_again",)),
        "summary_label": q.get("summary", ""),
        "interrupt_action": q.get("interrupt", ""),
    }


def _action_row(a: dict[str, Any]) -> dict[str, Any]:
    ages = a.get("service_ages") or [None, None]
    return {
        "kind": a["kind"],
        "priority": int(a["priority"]),
        "title": a["title"],
        "service_kinds": a.get("service_kinds", []),
        "service_age_from": ages[0],
        "service_age_to": ages[1],
        "fallback_service_ids": a.get("fallback", []),
        "fallback_from_actions": a.get("fallback_from_actions", []),
        "fallback_note": a.get("fallback_note", ""),
        "group_name": a.get("group", "offer"),
        "say": a.get("say", ""),
        "wordings": _wordings(a, ("title", "say", "group")),
        "fallback_kinds": a.get("fallback_kinds", []),
    }


def _wordings(
    item: dict[str, Any], words: tuple[str, str], flags: tuple[str, ...] = ()
) -> list[dict]:
    """Its other wordings, each key one the app reads: a card's "prompt" (a question's
    word) was built and silently never shown (review 2026-12-01)."""
    wordings = item.get("wording", [])
    where = item.get("id") or item.get("kind")
    for wording in wordings:
        unknown = set(wording) - {"when", *words, *flags}
        if unknown:
            allowed = ", ".join(("when", *words, *flags))
            raise ValueError(f"{where}: wording {', '.join(sorted(unknown))}: allowed {allowed}")
        for flag in flags:
            if not isinstance(wording.get(flag, False), bool):
                raise ValueError(f"{where}: wording {flag}: allowed true or false")
    return wordings


def _service_rows(path: Path, directory: dict[str, Any], problems: list[str]) -> Rows:
    rows: Rows = {}
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:  # Excel's BOM too
            reader = csv.DictReader(handle)
            records = list(reader)
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{path}: {error}")
        return rows
    except csv.Error as error:  # e.g. a field of megabytes: far past every field's limit
        problems.append(f"{path.name} line {reader.line_num + 1}: {error}")
        return rows
    return service_rows(records, problems, path.name)


def service_rows(
    records: list[dict[str, str]], problems: list[str], file_name: str, check: bool = True
) -> Rows:
    """Directory table rows for services.csv records (read, or a working copy's).
    `check=False`: the caller has checked every field already (service_checks)."""
    rows: Rows = {}
    seen: dict[str, int] = {}  # id -> its line
    known: dict[str, set[str]] = {}  # ids already added, per table (an organisation repeats)
    names: dict[str, str] = {}  # organisation id -> the name that made it
    for line, record in enumerate(records, start=2):
        where = f"{file_name} line {line}"
        missing = [c for c in SERVICE_COLUMNS if record.get(c) is None]
        if missing:
            problems.append(f"{where}: missing columns {', '.join(missing)}")
            continue
        sid = record["id"].strip()
        # each said as what it is, with the row it clashes with: "id 'x' is empty or used
        # twice" named neither (the lead's walk, 2026-12-07)
        if not sid:
            named = f" ({record['name'].strip()!r})" if record["name"].strip() else ""
            problems.append(f"{where}{named}: no id: give the service one (as other rows do)")
            continue
        if sid in seen:
            problems.append(
                f"{where}: id {sid!r} is used twice (line {seen[sid]} has it too): give each "
                "service its own id"
            )
            continue
        seen[sid] = line
        try:
            ages = age_of(record["min_age"]), age_of(record["max_age"])
        except ValueError:
            problems.append(f"{where} ({sid}): min_age and max_age must be whole numbers")
            continue
        service_rows = rows_for_service(record, ages)
        for organisation in service_rows["organization"]:
            # one id a name: "Coventry City Council ☎ ０２４ …" added first gave its name, and
            # its number, to every Coventry council service (review 2026-12-01)
            first = names.setdefault(organisation["id"], organisation["name"])
            if first != organisation["name"]:
                problems.append(
                    f"{where} ({sid}): organisation {organisation['name']!r} would be the same "
                    f"organisation as {first!r}: write its name the same way in each service"
                )
        if check:
            problems.extend(f"{where}: {problem}" for problem in rows_problems(service_rows))
        for table, new in service_rows.items():
            ids = known.setdefault(table, set())
            fresh = [r for r in new if r["id"] not in ids]
            ids.update(r["id"] for r in fresh)
            rows.setdefault(table, []).extend(fresh)
    return rows
