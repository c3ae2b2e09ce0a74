"""Pathway content tables: questions, flow, rules, guidance, settings.

The schema is made by the Alembic migrations in migrations/; these classes mirror it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dict[str, Any]: JSON, list[Any]: JSON, Any: JSON}


class ContentMeta(Base):
    __tablename__ = "content_meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Question(Base):
    __tablename__ = "question"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String)
    prompt: Mapped[str] = mapped_column(Text)
    help: Mapped[str] = mapped_column(Text)
    answer_type: Mapped[str] = mapped_column(String)
    options: Mapped[list[Any]]
    items: Mapped[list[Any]]
    item_options: Mapped[list[Any]]
    skippable: Mapped[bool]
    min_choices: Mapped[int]
    sources: Mapped[list[Any]]
    default_answer: Mapped[Any | None]  # [value] for `route` when a scenario lacks it
    wordings: Mapped[list[Any]]
    summary_label: Mapped[str] = mapped_column(Text)
    interrupt_action: Mapped[str] = mapped_column(String)  # shown at once when it applies


class FlowNode(Base):
    __tablename__ = "flow_node"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    question_id: Mapped[str | None] = mapped_column(ForeignKey("question.id"))
    is_start: Mapped[bool]


class FlowEdge(Base):
    __tablename__ = "flow_edge"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(ForeignKey("flow_node.id"))
    target: Mapped[str] = mapped_column(ForeignKey("flow_node.id"))
    ordinal: Mapped[int]
    condition: Mapped[Any | None]
    why: Mapped[str] = mapped_column(Text)


class ActionTemplate(Base):
    __tablename__ = "action_template"
    kind: Mapped[str] = mapped_column(String, primary_key=True)
    priority: Mapped[int]
    title: Mapped[str] = mapped_column(Text)
    service_kinds: Mapped[list[Any]]
    service_age_from: Mapped[int | None]
    service_age_to: Mapped[int | None]
    fallback_service_ids: Mapped[list[Any]]
    fallback_from_actions: Mapped[list[Any]]
    fallback_note: Mapped[str] = mapped_column(Text)
    group_name: Mapped[str] = mapped_column(String)
    say: Mapped[str] = mapped_column(Text)
    wordings: Mapped[list[Any]]
    fallback_kinds: Mapped[list[Any]]


class OutcomeRule(Base):
    __tablename__ = "outcome_rule"
    action_kind: Mapped[str] = mapped_column(ForeignKey("action_template.kind"), primary_key=True)
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int]
    condition: Mapped[Any]
    title: Mapped[str | None] = mapped_column(Text)
    why: Mapped[str] = mapped_column(Text)
    sources: Mapped[list[Any]]
    service_kinds: Mapped[list[Any]]
    group_name: Mapped[str | None] = mapped_column(String)
    service_ages: Mapped[Any | None]


class Guidance(Base):
    __tablename__ = "guidance"
    category: Mapped[str] = mapped_column(String, primary_key=True)
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    condition: Mapped[Any]
    sources: Mapped[list[Any]]
    general: Mapped[bool]


class AudienceRule(Base):
    __tablename__ = "audience_rule"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int]
    condition: Mapped[Any]


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[Any]
    label: Mapped[str] = mapped_column(Text)
    sources: Mapped[list[Any]]


class NamedCondition(Base):
    __tablename__ = "named_condition"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int]
    condition: Mapped[Any]


class DerivedFact(Base):
    __tablename__ = "derived_fact"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int]
    kind: Mapped[str] = mapped_column(String)
    question: Mapped[str] = mapped_column(String)
    counted: Mapped[list[Any]]
    cases: Mapped[list[Any]]


class QuestionPageRow(Base):
    __tablename__ = "question_page"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int]
    prompt: Mapped[str] = mapped_column(Text)
    help: Mapped[str] = mapped_column(Text)
    members: Mapped[list[Any]]


class PracticeVignette(Base):
    __tablename__ = "practice_vignette"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int]
    title: Mapped[str] = mapped_column(Text)
    tier: Mapped[int]
    story: Mapped[str] = mapped_column(Text)
    answers: Mapped[dict[str, Any]]
    points: Mapped[list[Any]]
