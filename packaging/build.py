"""Build the onedir bundle: `python packaging/build.py [--dist DIR]` (Linux and Windows).

Prints where the bundle is and its size. The MSI is built from it by
packaging/windows/build-msi.sh (wixl, checked on Linux) or the Windows workflow (WiX).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "Navigator"


def folder_size(folder: Path) -> int:
    """Bytes on disk; links (PyInstaller makes some on Linux) are not counted twice."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "packaging" / "app.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    bundle = build(args.dist, args.work)
    print(f"bundle: {bundle}  ({folder_size(bundle) / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
