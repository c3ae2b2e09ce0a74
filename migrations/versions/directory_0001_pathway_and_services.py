"""Directory database: pathway content (questions, flow, rules, guidance) and services.

Revision ID: directory_0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "directory_0001"
down_revision = None
branch_labels = ("directory",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "content_meta",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "question",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("section", sa.String, nullable=False),
        sa.Column("prompt", sa.Text, nullable=False),
        sa.Column("help", sa.Text, nullable=False),
        sa.Column("answer_type", sa.String, nullable=False),
        sa.Column("options", sa.JSON, nullable=False),
        sa.Column("items", sa.JSON, nullable=False),
        sa.Column("item_options", sa.JSON, nullable=False),
        sa.Column("skippable", sa.Boolean, nullable=False),
        sa.Column("min_choices", sa.Integer, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
    )
    op.create_table(
        "flow_node",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("question_id", sa.String, sa.ForeignKey("question.id"), nullable=True),
        sa.Column("is_start", sa.Boolean, nullable=False),
    )
    op.create_table(
        "flow_edge",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String, sa.ForeignKey("flow_node.id"), nullable=False),
        sa.Column("target", sa.String, sa.ForeignKey("flow_node.id"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("condition", sa.JSON, nullable=True),
        sa.Column("why", sa.Text, nullable=False),
    )
    op.create_table(
        "action_template",
        sa.Column("kind", sa.String, primary_key=True),
        sa.Column("priority", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("service_kinds", sa.JSON, nullable=False),
        sa.Column("service_age_from", sa.Integer, nullable=True),
        sa.Column("service_age_to", sa.Integer, nullable=True),
        sa.Column("fallback_service_ids", sa.JSON, nullable=False),
        sa.Column("fallback_from_actions", sa.JSON, nullable=False),
        sa.Column("fallback_note", sa.Text, nullable=False),
    )
    op.create_table(
        "outcome_rule",
        sa.Column(
            "action_kind", sa.String, sa.ForeignKey("action_template.kind"), primary_key=True
        ),
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("condition", sa.JSON, nullable=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("why", sa.Text, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("service_kinds", sa.JSON, nullable=False),
    )
    op.create_table(
        "guidance",
        sa.Column("category", sa.String, primary_key=True),
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("condition", sa.JSON, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
    )
    op.create_table(
        "audience_rule",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("condition", sa.JSON, nullable=False),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
    )
    op.create_table(
        "service_kind",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
    )
    text_columns = [
        "name", "organisation", "audience", "phone", "phone_note", "hours", "self_referral",
        "referral_route", "email", "website", "source", "source_seen", "confidence", "notes",
    ]  # fmt: skip
    op.create_table(
        "service",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("min_age", sa.Integer, nullable=False),
        sa.Column("max_age", sa.Integer, nullable=False),
        sa.Column("open_24_7", sa.Boolean, nullable=False),
        *(sa.Column(name, sa.Text, nullable=False) for name in text_columns),
    )
    op.create_table(
        "service_kind_link",
        sa.Column("service_id", sa.String, sa.ForeignKey("service.id"), primary_key=True),
        sa.Column("kind", sa.String, sa.ForeignKey("service_kind.id"), primary_key=True),
    )
    op.create_table(
        "service_area",
        sa.Column("service_id", sa.String, sa.ForeignKey("service.id"), primary_key=True),
        sa.Column("area", sa.String, primary_key=True),
    )


def downgrade() -> None:
    for table in (
        "service_area", "service_kind_link", "service", "service_kind", "setting",
        "audience_rule", "guidance", "outcome_rule", "action_template", "flow_edge",
        "flow_node", "question", "content_meta",
    ):  # fmt: skip
        op.drop_table(table)
