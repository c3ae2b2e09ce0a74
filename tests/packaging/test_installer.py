"""The WiX source builds a per-machine MSI with wixl; osslsigncode signs it with a
throwaway certificate made here and verifies the signature."""

import re
import subprocess

import pytest

from tests.packaging.conftest import need

pytestmark = [pytest.mark.packaging, pytest.mark.xdist_group("bundle")]  # one build


def msi_table(msi, table):
    out = subprocess.run(
        ["msiinfo", "export", str(msi), table], capture_output=True, text=True, check=True
    ).stdout
    return [line.split("\t") for line in out.splitlines()[3:]]


@pytest.fixture(scope="module")
def msi(bundle, tmp_path_factory):
    from msi_wixl import build_msi

    need("wixl", "wixl-heat", "msiinfo")
    return build_msi(bundle, tmp_path_factory.mktemp("msi") / "Navigator.msi")


def test_the_msi_is_per_machine_with_a_stable_upgrade_code_and_major_upgrades(msi):
    tables = subprocess.run(
        ["msiinfo", "tables", str(msi)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert {"File", "Component", "Shortcut", "Upgrade", "Property"} <= set(tables)
    properties = dict(row[:2] for row in msi_table(msi, "Property"))
    assert properties["ALLUSERS"] == "1"  # per machine
    assert properties["UpgradeCode"] == "{6F1C2B7E-3D4A-4E59-9B8C-0A1D2E3F4B5C}"
    upgrades = {row[-1] for row in msi_table(msi, "Upgrade")}
    assert upgrades == {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"}
    sequence = {row[0] for row in msi_table(msi, "InstallExecuteSequence")}
    assert {"FindRelatedProducts", "RemoveExistingProducts"} <= sequence
    (shortcut,) = msi_table(msi, "Shortcut")
    assert shortcut[1] == "ProgramMenuFolder" and shortcut[4].startswith("[INSTALLDIR]Navigator")
    files = {row[2].split("|")[-1] for row in msi_table(msi, "File")}
    assert {"directory.sqlite", "user_0001_settings.py", "env.py"} <= files
    directories = {row[2].split("|")[-1].split(":")[-1] for row in msi_table(msi, "Directory")}
    assert "Navigator" in directories


WRITERS = {"BA", "SY"}  # administrators and SYSTEM
READ_EXECUTE = 0x1200A9  # FILE_GENERIC_READ | FILE_GENERIC_EXECUTE


def test_the_machine_folders_are_created_writable_by_administrators_only(msi):
    folders = {
        row[0]: (row[1], row[2].split(":")[-1])
        for row in msi_table(msi, "Directory")
        if row[0].startswith("MACHINE")
    }
    assert folders == {
        "MACHINEDIR": ("CommonAppDataFolder", "Navigator"),
        "MACHINEKEYSDIR": ("MACHINEDIR", "keys"),
        "MACHINEUPDATESDIR": ("MACHINEDIR", "directory-updates"),
    }
    created = {row[0] for row in msi_table(msi, "CreateFolder")}
    assert set(folders) <= created
    locks = {row[1]: (row[2], row[3]) for row in msi_table(msi, "MsiLockPermissionsEx")}
    # the install folder too: INSTALLDIR=D:\Apps\... inherited a drive root's ACL, and any
    # worker could change the shipped directory, its .sha256, the rules and resources\keys
    assert set(locks) == set(folders) | {"INSTALLDIR"}
    for table, sddl in locks.values():
        assert table == "CreateFolder"
        assert sddl.startswith("O:BA") and "D:P" in sddl  # owned by admins; nothing inherited
        for rights, who in re.findall(r"\(A;[^;]*;([^;]+);;;([A-Z]+)\)", sddl):
            if who not in WRITERS:
                assert int(rights, 16) == READ_EXECUTE, f"{who} may {rights}"


def test_osslsigncode_signs_the_msi_and_verifies_it(msi, tmp_path):
    need("openssl", "osslsigncode")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    make_cert = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    make_cert += ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=Navigator test only"]
    make_cert += ["-addext", "extendedKeyUsage=codeSigning"]
    subprocess.run(make_cert, capture_output=True, check=True)
    signed = tmp_path / "Navigator-signed.msi"
    sign = ["osslsigncode", "sign", "-certs", str(cert), "-key", str(key), "-h", "sha256"]
    sign += ["-n", "Navigator", "-in", str(msi), "-out", str(signed)]
    subprocess.run(sign, capture_output=True, check=True)
    verify = ["osslsigncode", "verify", "-CAfile", str(cert)]
    ok = subprocess.run([*verify, str(signed)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and "Signature verification: ok" in ok.stdout
    unsigned = subprocess.run([*verify, str(msi)], capture_output=True, text=True, check=False)
    assert unsigned.returncode != 0  # the check can fail: an unsigned MSI is refused
    tampered = tmp_path / "tampered.msi"
    data = bytearray(signed.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    bad = subprocess.run([*verify, str(tampered)], capture_output=True, text=True, check=False)
    assert bad.returncode != 0
