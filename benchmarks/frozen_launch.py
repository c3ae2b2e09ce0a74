"""Launch of the app as installed (the PyInstaller bundle) against a bare PySide6 window
frozen the same way, in the same run.

Run: .venv/bin/python -m benchmarks.frozen_launch   (needs the 'package' extra; about a
minute: it builds the launch probe with packaging/app.spec's own options, then launches it)

A worker starts the bundle, not the source tree. Its modules are bytecode in an archive, so
PySide6 finds no source to read for `__feature__`, Python's own sha256 stands in for OpenSSL
(app.spec leaves `_hashlib` out), and the bootloader starts Python. `ui_bench` measures the
source tree; this measures what is installed. Both windows are the one probe
(benchmarks/ui_launch_probe.py) in the one bundle, so both pay the bootloader alike.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.ui_bench import PROFILE, new_profile, run_probe

REPO = Path(__file__).resolve().parent.parent
RUNS = 15
NAME = "LaunchProbe"


def probe_spec(spec: str) -> str:
    """app.spec with the launch probe as its entry point: the same modules, data, exclusions
    and build options as the installed app."""
    entry = 'str(ROOT / "packaging" / "navigator.py")'
    swaps = {
        "ROOT = Path(SPECPATH).parent": f"ROOT = Path({str(REPO)!r})",
        entry: entry.replace('"packaging"', '"benchmarks"').replace("navigator", "ui_launch_probe"),
        'NAME = "Navigator"': f'NAME = "{NAME}"',
    }
    for old, new in swaps.items():
        if spec.count(old) != 1:
            raise SystemExit(f"packaging/app.spec changed: {old!r} is no longer there once")
        spec = spec.replace(old, new)
    return spec


def build(folder: Path) -> Path:
    spec = folder / "probe.spec"
    spec.write_text(probe_spec((REPO / "packaging" / "app.spec").read_text(encoding="utf-8")))
    places = ["--distpath", str(folder / "dist"), "--workpath", str(folder / "work")]
    pyinstaller = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=ERROR"]
    subprocess.run([*pyinstaller, *places, str(spec)], check=True, cwd=REPO)
    return folder / "dist" / NAME / NAME


def launch(probe: Path, mode: str, profile: dict[str, str]) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the bundle's own
    env |= {**profile, "QT_QPA_PLATFORM": "offscreen", "PROBE_T0": repr(time.time())}
    return run_probe([str(probe), mode], env)


def main() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit("PyInstaller is not installed: run scripts/setup package, then again")
    probe = build(Path(tempfile.mkdtemp(prefix="navigator-frozen-")))
    launch(probe, "app", PROFILE)  # the first run ever makes the user database
    bare, app, first = [], [], []
    for _ in range(RUNS):  # alternate, so load on the machine hits all alike
        bare.append(launch(probe, "bare", PROFILE)["first_paint"])
        app.append(launch(probe, "app", PROFILE))
        first.append(launch(probe, "app", new_profile())["question_answerable"])
    base = statistics.median(bare)
    rows = (
        ("bare PySide6 window: launch to first paint", base, ""),
        ("app: launch to first paint", statistics.median(r["first_paint"] for r in app), "1.5"),
        (
            "app: launch to first question answerable",
            statistics.median(r["question_answerable"] for r in app),
            "2.0",
        ),
        ("  the same, first launch on a new profile", statistics.median(first), "2.0"),
    )
    print(f"installed (frozen) app, {RUNS} launches each, medians")
    print(f"{'measure':44} {'value':>10} {'ratio':>7}  target")
    for label, value, target in rows:
        limit = f"<= {target}x" if target else ""
        print(f"{label:44} {value * 1e3:8.0f}ms {value / base:7.2f}  {limit}")


if __name__ == "__main__":
    main()
