"""Alembic environment, run from code (app/db/migrate.py): never from a shell, never fileConfig.

The caller hands over its own connection in config.attributes["connection"], so migrations
run inside the app (also when frozen) on exactly the database it opened.
"""

from alembic import context
from sqlalchemy import create_engine

config = context.config
version_table = config.attributes.get("version_table", "alembic_version")


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=None,
        render_as_batch=True,  # SQLite alters tables by copying them
        version_table=version_table,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url")).begin() as fresh:
        run(fresh)
