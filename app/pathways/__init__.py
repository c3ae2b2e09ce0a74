"""The decision-graph engine. Pure Python: no Qt, no SQLAlchemy; the graph is handed in."""
