"""Directory database: how and by whom a service was last checked (issue 14 §1).

`assured_method` is `phoned`, `provider` (confirmed in writing by the provider) or empty;
only those two, within the review window, clear "check before use". A public web page is
recorded as the service's source and date, not here: it is not a person confirming.
`assured_by` is a role ("DA co-ordinator, Coventry"), never needed as a name.

Revision ID: directory_0003
Revises: directory_0002
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "directory_0003"
down_revision = "directory_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service") as table:
        table.add_column(sa.Column("assured_method", sa.Text, nullable=False, server_default=""))
        table.add_column(sa.Column("assured_by", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("service") as table:
        table.drop_column("assured_by")
        table.drop_column("assured_method")
