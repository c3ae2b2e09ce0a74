"""Pathway engine benchmark: a full walk to a plan, and the exhaustive proof.

Run: .venv/bin/python -m benchmarks.pathway_bench
Prints a table. Ratios are against a baseline measured in the same run (a deep copy of the
scenario's answers), so the figures compare across busy or quiet machines.
Targets (issue "pathway engine"): walk <= 1 ms; proof <= 30 s on a 2-core machine.
"""

from __future__ import annotations

import copy
import json
import statistics
import time
from pathlib import Path

from app.cli.route import answers_for
from app.db.loader import load_valid_graph
from app.pathways.engine import Pathway
from tests.pathways.proof import prove

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 2000


def timed(fn, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def p95(samples: list[float]) -> float:
    return sorted(samples)[int(len(samples) * 0.95) - 1]


def main() -> None:
    started = time.perf_counter()
    graph = load_valid_graph(REPO / "resources" / "directory.sqlite")
    load_seconds = time.perf_counter() - started
    pathway = Pathway(graph)
    cases = json.loads((REPO / "tests" / "data" / "reference.json").read_text(encoding="utf-8"))
    scenarios = [
        answers_for(pathway, c["scenario"]) for c in cases if c["expect"]["exit_code"] == 0
    ]

    def each(fn):
        return lambda: [fn(s) for s in scenarios]

    per = len(scenarios)
    baseline = [t / per for t in timed(each(copy.deepcopy), ROUNDS)]
    warm = [t / per for t in timed(each(pathway.step), ROUNDS)]
    cold = [t / per for t in timed(each(lambda s: Pathway(graph).step(s)), ROUNDS // 10)]
    started = time.perf_counter()
    proof = prove(pathway)
    proof_seconds = time.perf_counter() - started

    base = statistics.median(baseline)
    rows = [
        ("baseline: deep copy of the answers", base, p95(baseline), ""),
        ("full walk to a plan", statistics.median(warm), p95(warm), "<= 1 ms"),
        ("first walk on a new Pathway", statistics.median(cold), p95(cold), "(once a start-up)"),
    ]
    print(f"{'measure':40} {'median':>10} {'p95':>10} {'x base':>8}  target")
    for name, median, high, target in rows:
        print(f"{name:40} {median * 1e6:8.1f}us {high * 1e6:8.1f}us {median / base:8.1f}  {target}")
    print(f"{'load and validate the graph (once)':40} {load_seconds * 1e3:8.1f}ms")
    status = "ok" if not proof.failures else f"{len(proof.failures)} FAILURES"
    print(
        f"{'proof over every path':40} {proof_seconds:8.1f}s  "
        f"{proof.plans} plans, {len(proof.paths)} question paths, "
        f"{proof_seconds / proof.plans * 1e6:.0f}us a plan checked  target <= 30 s  ({status})"
    )


if __name__ == "__main__":
    main()
