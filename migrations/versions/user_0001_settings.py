"""Per-user database: the worker's settings and the app's own state (never case data).

Revision ID: user_0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "user_0001"
down_revision = None
branch_labels = ("user",)
depends_on = None


def upgrade() -> None:
    # Values are JSON text so a new setting needs no migration; app/settings.py checks each.
    op.create_table(
        "setting",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "app_state",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("app_state")
    op.drop_table("setting")
