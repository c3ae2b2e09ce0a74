"""Fixtures of the update path: a publisher's key the laptop trusts, and where it looks."""

import shutil

import pytest

from app.db import signing
from app.db.directories import Locations
from app.db.trust import KeySources
from tests.conftest import REPO

SHIPPED = REPO / "resources" / "directory.sqlite"


@pytest.fixture
def key(tmp_path):
    pair = signing.generate(tmp_path / "keys")
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    shutil.copy(pair.public_path, trusted)
    return pair


@pytest.fixture
def where(tmp_path):
    shipped = tmp_path / "install" / "directory.sqlite"
    shipped.parent.mkdir()
    shutil.copy(SHIPPED, shipped)
    shutil.copy(SHIPPED.with_name("directory.sqlite.sha256"), shipped.parent)
    return Locations(
        shipped=shipped,
        keys=KeySources(tmp_path / "trusted"),
        machine_updates=tmp_path / "machine",
        user_updates=tmp_path / "user",
    )
