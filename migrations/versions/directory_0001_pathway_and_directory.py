"""Directory database: pathway content and the Open Referral UK 3.0 service directory.

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
        "organization",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("website", sa.Text, nullable=False),
    )
    # Open Referral UK 3.0 service, with our provenance fields (source, source_date, confidence)
    # and the audience a service is for.
    text = [
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "eligibility_description",
        "assured_date",
        "alert",
        "audience",
        "self_referral",
        "source",
        "source_date",
        "confidence",
        "notes",
    ]
    op.create_table(
        "service",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("organization_id", sa.String, sa.ForeignKey("organization.id"), nullable=True),
        sa.Column("minimum_age", sa.Integer, nullable=False),
        sa.Column("maximum_age", sa.Integer, nullable=False),
        *(sa.Column(name, sa.Text, nullable=False) for name in text),
    )
    op.create_table(
        "phone",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("service_id", sa.String, sa.ForeignKey("service.id"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("number", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
    )
    op.create_index("phone_by_service", "phone", ["service_id", "ordinal"])
    op.create_table(
        "schedule",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("service_id", sa.String, sa.ForeignKey("service.id"), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("byday", sa.Text, nullable=False),
        sa.Column("opens_at", sa.Text, nullable=False),
        sa.Column("closes_at", sa.Text, nullable=False),
    )
    op.create_index("schedule_by_service", "schedule", ["service_id"])
    op.create_table(
        "service_area",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("service_id", sa.String, sa.ForeignKey("service.id"), nullable=False),
        sa.Column("name", sa.String, nullable=False),  # a borough id, west_midlands or national
        sa.Column("description", sa.Text, nullable=False),
    )
    op.create_index("service_area_by_service", "service_area", ["service_id", "name"])
    op.create_table(
        "taxonomy_term",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("code", sa.String, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("taxonomy", sa.String, nullable=False),
    )
    op.create_table(
        "attribute",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("link_id", sa.String, nullable=False),
        sa.Column("link_type", sa.String, nullable=False),
        sa.Column("link_entity", sa.String, nullable=False),
        sa.Column("taxonomy_term_id", sa.String, sa.ForeignKey("taxonomy_term.id"), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_index("attribute_by_link", "attribute", ["link_id", "taxonomy_term_id"])
    # Locations carry a name only: no address table exists, so a refuge address can never be
    # stored or exported.
    op.create_table(
        "location",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("organization_id", sa.String, sa.ForeignKey("organization.id"), nullable=True),
        sa.Column("location_type", sa.String, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
    )
    op.create_table(
        "service_at_location",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("service_id", sa.String, sa.ForeignKey("service.id"), nullable=False),
        sa.Column("location_id", sa.String, sa.ForeignKey("location.id"), nullable=False),
    )
    op.execute(
        "CREATE VIRTUAL TABLE service_fts USING fts5("
        "name, organization, kinds, areas, details, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE service_fts")
    for table in (
        "service_at_location",
        "location",
        "attribute",
        "taxonomy_term",
        "service_area",
        "schedule",
        "phone",
        "service",
        "organization",
        "setting",
        "audience_rule",
        "guidance",
        "outcome_rule",
        "action_template",
        "flow_edge",
        "flow_node",
        "question",
        "content_meta",
    ):
        op.drop_table(table)
