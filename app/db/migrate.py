"""Alembic from code, on the caller's own connection (works frozen; never a subprocess)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from app.paths import migrations_dir

DIRECTORY_BRANCH = "directory"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, branch: str = DIRECTORY_BRANCH) -> None:
    command.upgrade(alembic_config(connection), f"{branch}@head")


def head_revision(branch: str = DIRECTORY_BRANCH) -> str:
    return ScriptDirectory.from_config(alembic_config()).get_revision(f"{branch}@head").revision
