"""Alembic from code, on the caller's own connection (works frozen; never a subprocess).

Two branches share migrations/: "directory" (the shipped directory database) and "user"
(each worker's own database). Each keeps its revision in its own version table.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from app.db.schema_versions import VERSION_TABLES
from app.paths import migrations_dir

DIRECTORY_BRANCH = "directory"
USER_BRANCH = "user"


def alembic_config(connection: Connection | None = None, branch: str = DIRECTORY_BRANCH) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    config.attributes["version_table"] = VERSION_TABLES[branch]
    return config


def upgrade(connection: Connection, branch: str = DIRECTORY_BRANCH, to: str = "head") -> None:
    """Up to `to`: "head" or one of the branch's revision ids."""
    target = f"{branch}@head" if to == "head" else to
    command.upgrade(alembic_config(connection, branch), target)


def downgrade(connection: Connection, branch: str, to: str = "base") -> None:
    target = f"{branch}@base" if to == "base" else to
    command.downgrade(alembic_config(connection, branch), target)


def head_revision(branch: str = DIRECTORY_BRANCH) -> str:
    return ScriptDirectory.from_config(alembic_config()).get_revision(f"{branch}@head").revision
