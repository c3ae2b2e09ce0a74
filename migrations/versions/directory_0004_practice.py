"""Directory database: practice vignettes (issue 15), built from resources/practice/*.toml
with the rules they are checked against, so a laptop's practice cases always match the
pathway it walks.

`answers` is the expected scenario in the `route` format; `points` the learning points,
each with its sources and what the expected plan must show.

Revision ID: directory_0004
Revises: directory_0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "directory_0004"
down_revision = "directory_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "practice_vignette",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("tier", sa.Integer, nullable=False),
        sa.Column("story", sa.Text, nullable=False),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("points", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("practice_vignette")
