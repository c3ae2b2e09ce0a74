"""Directory database: pathway policy version 2. Named conditions and derived facts as data
(the MARAC criteria, the Dash threshold, the SARC windows), question wordings by who is
telling you, defaults for older scenarios, and each action's group, words and variants.

Revision ID: directory_0002
Revises: directory_0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "directory_0002"
down_revision = "directory_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "named_condition",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("condition", sa.JSON, nullable=False),
    )
    op.create_table(
        "derived_fact",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("question", sa.String, nullable=False),
        sa.Column("counted", sa.JSON, nullable=False),
        sa.Column("cases", sa.JSON, nullable=False),
    )
    with op.batch_alter_table("question") as table:
        table.add_column(sa.Column("default_answer", sa.JSON, nullable=True))
        table.add_column(sa.Column("wordings", sa.JSON, nullable=False, server_default="[]"))
        table.add_column(sa.Column("summary_label", sa.Text, nullable=False, server_default=""))
        table.add_column(
            sa.Column("interrupt_action", sa.String, nullable=False, server_default="")
        )
    with op.batch_alter_table("action_template") as table:
        table.add_column(sa.Column("group_name", sa.String, nullable=False, server_default="offer"))
        table.add_column(sa.Column("say", sa.Text, nullable=False, server_default=""))
        table.add_column(sa.Column("wordings", sa.JSON, nullable=False, server_default="[]"))
        table.add_column(sa.Column("fallback_kinds", sa.JSON, nullable=False, server_default="[]"))
    with op.batch_alter_table("guidance") as table:
        table.add_column(
            sa.Column("general", sa.Boolean, nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("outcome_rule") as table:
        table.add_column(sa.Column("group_name", sa.String, nullable=True))
        table.add_column(sa.Column("service_ages", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("guidance") as table:
        table.drop_column("general")
    with op.batch_alter_table("outcome_rule") as table:
        table.drop_column("service_ages")
        table.drop_column("group_name")
    with op.batch_alter_table("action_template") as table:
        for column in ("fallback_kinds", "wordings", "say", "group_name"):
            table.drop_column(column)
    with op.batch_alter_table("question") as table:
        for column in ("interrupt_action", "summary_label", "wordings", "default_answer"):
            table.drop_column(column)
    op.drop_table("derived_fact")
    op.drop_table("named_condition")
