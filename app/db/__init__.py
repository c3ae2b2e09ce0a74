"""Storage: SQLAlchemy models, migrations from code, the content build and the graph loader."""
