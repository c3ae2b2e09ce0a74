"""Anonymised activity counts (001 §9.4, 000 "Data Collection").

One row per month, borough, measure and value, e.g. (2026-11, walsall, action,
marac_referral, 3). Measures are counted separately, never crossed with each other: a
cross-tab of a month in one borough can single out one person.

Revision ID: user_0002
Revises: user_0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "user_0002"
down_revision = "user_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "activity_count",
        sa.Column("month", sa.String(7), primary_key=True),  # YYYY-MM, never finer
        sa.Column("borough", sa.String, primary_key=True),
        sa.Column("measure", sa.String, primary_key=True),
        sa.Column("value", sa.String, primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
        sa.CheckConstraint("count > 0", name="count_positive"),
    )


def downgrade() -> None:
    op.drop_table("activity_count")
