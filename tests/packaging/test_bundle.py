"""The onedir bundle builds from packaging/app.spec, is small enough, and passes its own
--self-test as IT would run it after installing."""

import json

import pytest

from tests.conftest import DATA, run_app

# one worker builds the bundle once for both files (scripts/test runs the suite on every core)
pytestmark = [pytest.mark.packaging, pytest.mark.xdist_group("bundle")]

LIMIT_BYTES = 130 * 1000 * 1000  # 130 MB


def executable(bundle):
    return bundle / ("Navigator.exe" if (bundle / "Navigator.exe").exists() else "Navigator")


def test_the_bundle_is_onedir_with_its_data_and_within_size(bundle):
    from build import folder_size

    internal = bundle / "_internal"
    assert executable(bundle).is_file()
    assert (internal / "resources" / "directory.sqlite").is_file()
    assert (internal / "resources" / "directory.sqlite.sha256").is_file()
    assert sorted(p.name for p in (internal / "migrations" / "versions").glob("*.py"))
    qt = internal / "PySide6" / "Qt"
    assert not (qt / "translations").exists() and not (qt / "qml").exists()
    plugins = {p.parent.name for p in (qt / "plugins").rglob("*") if p.is_file()}
    assert plugins <= {"platforms", "styles"}
    assert folder_size(bundle) <= LIMIT_BYTES, f"{folder_size(bundle) / 1e6:.1f} MB"


def test_the_frozen_self_test_passes(bundle, app_home):
    exe = executable(bundle)
    result = run_app("--self-test", env=app_home.env, command=(str(exe),))
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout
    assert (app_home.root / "xdg_data_home" / "Navigator" / "user.sqlite").is_file()  # migrated


def test_the_frozen_route_command_matches_the_source(bundle, tmp_path):
    case = json.loads((DATA / "reference.json").read_text())[0]
    scenario = tmp_path / "case.json"
    scenario.write_text(json.dumps(case["scenario"]))
    exe = executable(bundle)
    frozen = run_app("route", "--scenario", str(scenario), "--json", command=(str(exe),))
    source = run_app("route", "--scenario", str(scenario), "--json")
    assert frozen.returncode == source.returncode == 0, frozen.stderr + source.stderr
    assert json.loads(frozen.stdout) == json.loads(source.stdout)


def test_the_installed_app_takes_no_machine_folder_from_the_environment(bundle, app_home, tmp_path):
    """A worker can set variables for their own session: the frozen app must ignore them,
    or a key and a bundle they made would be trusted (a planted 999)."""
    from app.db import signing
    from tests.security.attacks import FAKE, forged_database, signed_bundle

    planted = tmp_path / "planted"
    pair = signing.generate(tmp_path / "attacker")
    (planted / "keys").mkdir(parents=True)
    (planted / "keys" / pair.public_path.name).write_bytes(pair.public_path.read_bytes())
    forged = forged_database(tmp_path / "forged.sqlite", version="9999.1.1")
    signed_bundle(forged, pair, planted / "directory-updates" / "x.navdir", "9999.1.1")
    env = {**app_home.env, "NAVIGATOR_MACHINE_FOLDER": str(planted)}
    env |= {"XDG_CONFIG_DIRS": str(planted), "XDG_DATA_DIRS": str(planted)}
    exe = executable(bundle)
    result = run_app("directory", "search", "emergency", env=env, command=(str(exe),))
    assert result.returncode == 0 and FAKE not in result.stdout
    assert "9999" not in run_app("--self-test", env=env, command=(str(exe),)).stdout


def test_the_installed_app_signs_checks_and_uses_an_update(bundle, app_home, tmp_path):
    """As installed, PyNaCl could not load cffi's backend: a signed update in IT's folder
    stopped Navigator at every start (review 2026-12-01). The lead's keygen and publish and
    IT's verify, each by the frozen app; then IT's folders as installed (a private mount
    namespace puts them where the frozen app reads them: it takes no folder from the
    environment)."""
    import shutil
    import subprocess

    frozen = (str(executable(bundle)),)
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("a long passphrase for the test\n", encoding="utf-8")
    lead, share = tmp_path / "lead", tmp_path / "share"
    keygen = ("directory", "keygen", "--out", str(lead), "--passphrase-file", str(passphrase))
    made = run_app(*keygen, env=app_home.env, command=frozen)
    assert made.returncode == 0, made.stdout + made.stderr
    private = next(lead.glob("*.private-key"))
    publish = ("directory", "publish", "--key", str(private), "--version", "2026.12.9")
    publish += ("--out", str(share), "--passphrase-file", str(passphrase))
    published = run_app(*publish, env=app_home.env, command=frozen)
    assert published.returncode == 0, published.stdout + published.stderr
    update = next(share.glob("*.navdir"))
    verified = run_app("directory", "verify", str(update), env=app_home.env, command=frozen)
    said = verified.stdout + verified.stderr
    assert "signed with unknown key" in said and "unexpected" not in said, said

    etc, data = tmp_path / "etc-xdg", tmp_path / "usr-local-share"
    (etc / "Navigator" / "keys").mkdir(parents=True)
    shutil.copy(next(lead.glob("*.pub")), etc / "Navigator" / "keys")
    (data / "Navigator" / "directory-updates").mkdir(parents=True)
    shutil.copy(update, data / "Navigator" / "directory-updates")
    mounts = 'mount --bind "$1" /etc/xdg && mount --bind "$2" /usr/local/share && exec "$3" "$4"'
    namespace = ("unshare", "-m", "--propagation", "private", "sh", "-c", mounts, "sh")
    probe = subprocess.run([*namespace, str(etc), str(data), "true", ""], capture_output=True)
    if shutil.which("unshare") is None or probe.returncode != 0:
        pytest.skip("no private mount namespace here (needs root or user namespaces)")
    test = run_app(str(etc), str(data), *frozen, "--self-test", env=app_home.env, command=namespace)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "directory 2026.12.9 (IT's update folder" in test.stdout
