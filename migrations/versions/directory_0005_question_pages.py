"""Directory database: question pages (issue 13), from flow.toml [[page]]: questions asked
one after another that the window shows together as one "Does any of this apply?" page.

`members` lists each question with its tick-box label (or, for a multiple choice, the
legend over its options) and the answers a tick and no tick give.

Revision ID: directory_0005
Revises: directory_0004
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "directory_0005"
down_revision = "directory_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "question_page",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("prompt", sa.Text, nullable=False),
        sa.Column("help", sa.Text, nullable=False),
        sa.Column("members", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("question_page")
