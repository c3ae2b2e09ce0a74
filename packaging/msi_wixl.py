"""Build the MSI on Linux with wixl (msitools), from the same WiX source Windows uses.

`python packaging/msi_wixl.py BUNDLE_DIR OUT.msi` - the check that the WiX source is
valid and complete; the MSI that ships is built on Windows (packaging/windows/build-msi.ps1).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
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
            str(WXS),
            str(payload),
        ],
        cwd=bundle.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return out


if __name__ == "__main__":
    print(build_msi(Path(sys.argv[1]), Path(sys.argv[2])))
