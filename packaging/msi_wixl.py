"""Build the MSI on Linux with wixl (msitools), from the same WiX source Windows uses.

`python packaging/msi_wixl.py BUNDLE_DIR OUT.msi` - the check that the WiX source is
valid and complete; the MSI that ships is built on Windows (packaging/windows/build-msi.ps1).

wixl does not know <PermissionEx>: its folders' access rules are taken out of the source
it is given and written into the MsiLockPermissionsEx table afterwards with msibuild, the
table WiX writes for them on Windows (Windows Installer 5.0).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WXS = ROOT / "packaging" / "windows" / "navigator.wxs"


def product_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def build_msi(bundle: Path, out: Path) -> Path:
    """wixl-heat lists the bundle's files as components; wixl builds the MSI from both."""
    bundle, out = bundle.resolve(), out.resolve()
    files = sorted(
        str(p.relative_to(bundle.parent)) for p in bundle.rglob("*") if p.is_file()
    )  # links (Linux only) are left out: Windows bundles have none
    payload = out.with_name(out.stem + "-payload.wxs")
    heat = subprocess.run(
        [
            "wixl-heat",
            "-p",
            f"{bundle.name}/",
            "--component-group",
            "Payload",
            "--var",
            "var.SourceDir",
            "--directory-ref",
            "INSTALLDIR",
        ],
        input="\n".join(files) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    payload.write_text(heat.stdout, encoding="utf-8")
    source = out.with_name(out.stem + "-main.wxs")
    source.write_text(PERMISSION.sub("", WXS.read_text("utf-8")), encoding="utf-8")
    exe = "Navigator.exe" if (bundle / "Navigator.exe").exists() else "Navigator"
    subprocess.run(
        [
            "wixl",
            "-a",
            "x64",
            "-D",
            f"Version={product_version()}",
            "-D",
            f"SourceDir={bundle.name}",  # wixl wants sources relative to its folder
            "-D",
            f"ExeName={exe}",
            "-o",
            str(out),
            str(source),
            str(payload),
        ],
        cwd=bundle.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    add_folder_permissions(out, folder_permissions(WXS))
    return out


PERMISSION = re.compile(r"\s*<PermissionEx\b[^>]*/>")
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"


def folder_permissions(wxs: Path) -> list[tuple[str, str]]:
    """(directory id, SDDL) for each <CreateFolder><PermissionEx Sddl=…/> in the source."""
    found = []
    for ref in ET.parse(wxs).getroot().iter(f"{WIX}DirectoryRef"):
        for folder in ref.iter(f"{WIX}CreateFolder"):
            directory = folder.get("Directory") or ref.get("Id")
            found += [(directory, p.get("Sddl")) for p in folder.iter(f"{WIX}PermissionEx")]
    return found


def add_folder_permissions(msi: Path, permissions: list[tuple[str, str]]) -> None:
    rows = [
        "MsiLockPermissionsEx\tLockObject\tTable\tSDDLText\tCondition",
        "s72\ts72\ts32\tl0\tS255",
        "MsiLockPermissionsEx\tMsiLockPermissionsEx",
        *(
            f"Lock{directory}\t{directory}\tCreateFolder\t{sddl}\t"
            for directory, sddl in permissions
        ),
    ]
    table = msi.with_name("MsiLockPermissionsEx.idt")
    table.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    subprocess.run(["msibuild", str(msi), "-i", str(table)], check=True, capture_output=True)


if __name__ == "__main__":
    print(build_msi(Path(sys.argv[1]), Path(sys.argv[2])))
