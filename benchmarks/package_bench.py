"""Frozen bundle against source: size, and launch measured side by side.

Run: .venv/bin/python -m benchmarks.package_bench [--bundle dist/Navigator]
(builds the bundle first when none is given). Launch is the wall time of `--self-test`
(start, open the directory and user database, show the window, walk a case, exit), the same
work both ways, alternated 7 times; medians. Targets (issue "signed installer"): bundle
<= 130 MB; frozen launch <= 1.2x the launch from source.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "packaging"))
RUNS = 7

from build import build, folder_size  # noqa: E402


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=REPO, capture_output=True, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path)
    args = parser.parse_args()
    profile = tempfile.mkdtemp(prefix="navigator-bench-")
    bundle = args.bundle or build(Path(profile) / "dist", Path(profile) / "work")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": profile}
    env["XDG_STATE_HOME"] = profile
    frozen = [str(bundle / "Navigator"), "--self-test"]
    source = [sys.executable, "-m", "app", "--self-test"]
    timed(source, env)  # the first run makes the user database; later runs are measured
    frozen_s, source_s = [], []
    for _ in range(RUNS):
        source_s.append(timed(source, env))
        frozen_s.append(timed(frozen, env))
    base, packed = statistics.median(source_s), statistics.median(frozen_s)
    print(f"{'measure':40} {'value':>10} {'ratio':>7}  target")
    print(f"{'bundle size':40} {folder_size(bundle) / 1e6:8.1f}MB {'':7}  <= 130 MB")
    print(f"{'launch from source (--self-test)':40} {base * 1e3:8.0f}ms {1:7.2f}")
    print(f"{'frozen launch (--self-test)':40} {packed * 1e3:8.0f}ms {packed / base:7.2f}  <= 1.2x")


if __name__ == "__main__":
    main()
