"""One onedir build per test run, shared by the bundle and installer tests."""

import shutil
import sys

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "packaging"))


def need(*tools):
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: scripts/setup installs them on Debian")


@pytest.fixture(scope="session")
def bundle(tmp_path_factory):
    from build import build

    pytest.importorskip("PyInstaller", reason="install the 'package' extra")
    root = tmp_path_factory.mktemp("pyinstaller")
    return build(root / "dist", root / "work")
