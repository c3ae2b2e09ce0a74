"""Shared fixtures. Qt runs offscreen; the committed directory database is the one tested."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def graph():
    from app.db.loader import load_valid_graph

    return load_valid_graph(REPO / "resources" / "directory.sqlite")


@pytest.fixture(scope="session")
def pathway(graph):
    from app.pathways.engine import Pathway

    return Pathway(graph)
