"""The onedir bundle builds from packaging/app.spec, is small enough, and passes its own
--self-test as IT would run it after installing."""

import subprocess

import pytest

pytestmark = pytest.mark.packaging

LIMIT_BYTES = 130 * 1000 * 1000  # 130 MB


def test_the_bundle_is_onedir_with_its_data_and_within_size(bundle):
    from build import folder_size

    internal = bundle / "_internal"
    assert (bundle / "Navigator").exists() or (bundle / "Navigator.exe").exists()
    assert (internal / "resources" / "directory.sqlite").is_file()
    assert (internal / "resources" / "directory.sqlite.sha256").is_file()
    assert sorted(p.name for p in (internal / "migrations" / "versions").glob("*.py"))
    qt = internal / "PySide6" / "Qt"
    assert not (qt / "translations").exists() and not (qt / "qml").exists()
    plugins = {p.parent.name for p in (qt / "plugins").rglob("*") if p.is_file()}
    assert plugins <= {"platforms", "styles"}
    assert folder_size(bundle) <= LIMIT_BYTES, f"{folder_size(bundle) / 1e6:.1f} MB"


def test_the_frozen_self_test_passes(bundle, app_home):
    exe = bundle / ("Navigator.exe" if (bundle / "Navigator.exe").exists() else "Navigator")
    result = subprocess.run(
        [str(exe), "--self-test"],
        env=app_home.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout
    assert (app_home.root / "xdg_data_home" / "Navigator" / "user.sqlite").is_file()  # migrated


def test_the_frozen_route_command_matches_the_source(bundle, tmp_path):
    import json
    import sys

    from tests.conftest import DATA, REPO

    case = json.loads((DATA / "reference.json").read_text())[0]
    scenario = tmp_path / "case.json"
    scenario.write_text(json.dumps(case["scenario"]))
    exe = bundle / ("Navigator.exe" if (bundle / "Navigator.exe").exists() else "Navigator")
    frozen = subprocess.run(
        [str(exe), "route", "--scenario", str(scenario), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    source = subprocess.run(
        [sys.executable, "-m", "app", "route", "--scenario", str(scenario), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(frozen.stdout) == json.loads(source.stdout)
