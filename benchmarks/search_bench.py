"""Directory search benchmark on a generated directory of 10,000 services (~300 areas).

Run: .venv/bin/python -m benchmarks.search_bench
Compares the product's search (DirectorySearch: quoting, filters, joins, objects) with raw
sqlite3 FTS5 on the same index, and with a LIKE scan, in the same run.
Target (issue "service directory"): product median within 2x of raw FTS5.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from app.db.build import write_database
from app.db.search import DirectorySearch, SearchFilters, match_expression
from app.db.transfer import read_directory
from app.paths import shipped_directory

SERVICES = 10_000
AREAS = 300
ROUNDS = 30
QUERIES = [
    "rape",
    "domestic abuse",
    "walsall",
    "child",
    "helpline",
    "mash",
    "counsel",
    "wom",
    "stalking",
    "forced marriage",
    "advice line",
    "sexual violence support",
    "isva",
    "refuge",
]
WORDS = [
    "domestic",
    "abuse",
    "sexual",
    "violence",
    "support",
    "helpline",
    "advice",
    "counselling",
    "women",
    "men",
    "children",
    "young",
    "people",
    "family",
    "refuge",
    "outreach",
    "housing",
    "legal",
    "stalking",
    "harassment",
    "honour",
    "forced",
    "marriage",
    "independent",
    "advocate",
    "community",
    "health",
    "recovery",
    "therapy",
    "crisis",
    "emergency",
    "night",
]


def generated_rows(base: Path) -> dict:
    rows = read_directory(base)
    rng = random.Random(7)
    kinds = [t["id"] for t in rows["taxonomy_term"]]
    boroughs = [
        "birmingham",
        "coventry",
        "dudley",
        "sandwell",
        "solihull",
        "walsall",
        "wolverhampton",
        "west_midlands",
        "national",
    ]
    areas = boroughs + [f"area_{n:03d}" for n in range(AREAS - len(boroughs))]
    for n in range(SERVICES - len(rows["service"])):
        sid = f"gen-{n:05d}"
        name = " ".join(rng.sample(WORDS, 3)).title() + f" {n}"
        rows["service"].append(
            {
                "id": sid,
                "organization_id": None,
                "name": name,
                "description": " ".join(rng.choices(WORDS, k=20)),
                "url": "",
                "email": "",
                "status": "active",
                "application_process": "",
                "eligibility_description": "",
                "minimum_age": rng.choice([0, 16, 18]),
                "maximum_age": rng.choice([17, 120]),
                "assured_date": "",
                "alert": "",
                "audience": rng.choice(["any", "any", "women"]),
                "self_referral": "yes",
                "source": "generated",
                "source_date": "",
                "confidence": rng.choice(["high", "medium", "low"]),
                "notes": "",
            }
        )
        rows["phone"].append(
            {
                "id": f"{sid}/p",
                "service_id": sid,
                "ordinal": 1,
                "number": f"0800 {n:06d}",
                "type": "voice",
                "description": "",
            }
        )
        for area in rng.sample(areas, 2):
            rows["service_area"].append(
                {"id": f"{sid}/{area}", "service_id": sid, "name": area, "description": ""}
            )
        kind = rng.choice(kinds)
        rows["attribute"].append(
            {
                "id": f"{sid}/k",
                "link_id": sid,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": kind,
                "value": "",
            }
        )
    return rows


def timed(fn) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            start = time.perf_counter()
            fn(query)
            samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite"
        write_database(path, generated_rows(shipped_directory()), shipped_directory(), False)
        raw = sqlite3.connect(path)
        began = time.perf_counter()
        product = DirectorySearch(path)  # on the search thread, as the app opens it
        opened = time.perf_counter() - began
        in_walsall = SearchFilters(borough="walsall")

        def raw_fts(query):
            return raw.execute(
                "SELECT rowid FROM service_fts WHERE service_fts MATCH ? ORDER BY rank LIMIT 50",
                (match_expression(query),),
            ).fetchall()

        def like_scan(query):
            pattern = f"%{query}%"
            return raw.execute(
                "SELECT id FROM service WHERE name LIKE ? OR description LIKE ? LIMIT 50",
                (pattern, pattern),
            ).fetchall()

        results = {
            "raw sqlite3 FTS5 (baseline)": timed(raw_fts),
            "product search": timed(lambda q: product.search(q)),
            "product search, borough filter": timed(lambda q: product.search(q, in_walsall)),
            "LIKE scan": timed(like_scan),
        }
        count = raw.execute("SELECT count(*) FROM service").fetchone()[0]
        areas = raw.execute("SELECT count(DISTINCT name) FROM service_area").fetchone()[0]
    base = statistics.median(results["raw sqlite3 FTS5 (baseline)"])
    print(f"{count} services, {areas} areas, {len(QUERIES)} queries x {ROUNDS} rounds")
    print(f"{'measure':34} {'median':>9} {'p95':>9} {'x FTS5':>7}  target")
    for name, samples in results.items():
        median = statistics.median(samples)
        high = sorted(samples)[int(len(samples) * 0.95) - 1]
        target = "<= 2x" if name.startswith("product") else ""
        print(f"{name:34} {median * 1e3:7.2f}ms {high * 1e3:7.2f}ms {median / base:7.2f}  {target}")
    print(f"search opened, its index made from the services: {opened * 1e3:.0f} ms (once)")


if __name__ == "__main__":
    main()
