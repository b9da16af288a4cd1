"""Latency of /api/events on a database of synthetic events (default 1 million): prints p50/p99 per query."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.config import Settings
from sitrep.store.writer import Store

QUERIES = {
    "first page": "/api/events?limit=100",
    "country + type": "/api/events?country=SY&type=Battles&limit=100",
    "date window": "/api/events?since=2024-06-01&until=2024-06-30&limit=100",
    "bbox": "/api/events?bbox=35,33,38,37&limit=100",
    "certainty, deep page": "/api/events?certainty=claimed&offset=5000&limit=100",
    "one event": None,
}


def generate(db: Path, count: int) -> None:
    """Synthetic events written with one INSERT ... SELECT (the schema is the real one)."""
    with Store.open(db) as store:
        store.connection.execute(f"""
            INSERT INTO events SELECT
              printf('%016x', i), 'doc-' || (i // 5),
              ['Battles', 'Explosions/Remote violence', 'Protests', 'Riots'][1 + i % 4], NULL, 'ASSAULT', NULL,
              'a1', 'Actor One', 'State forces', NULL, NULL, NULL,
              'Town ' || (i % 5000), i % 5000, 30 + (i % 1000) / 100.0, 30 + (i % 997) / 100.0,
              ['SY', 'SD', 'UA', 'ML'][1 + (i // 7) % 4], NULL, 'PPL', 1,
              DATE '2020-01-01' + CAST(i % 1800 AS INTEGER), DATE '2020-01-01' + CAST(i % 1800 AS INTEGER), 1,
              i % 9, ['asserted', 'reported', 'claimed'][1 + i % 3], NULL, 0, 50, 'synthetic',
              json_object('event_id', printf('%016x', i), 'document_id', 'doc-' || (i // 5),
                          'summary', 'synthetic event ' || i,
                          'evidence', json_object('sentence', 'synthetic', 'start', 0, 'end', 50))
            FROM range({count}) t(i)""")


def measure(db: Path, repeats: int) -> dict[str, list[float]]:
    client = TestClient(create_app(Settings(), db))
    timings: dict[str, list[float]] = {}
    for name, url in QUERIES.items():
        path = url or f"/api/events/{123_457:016x}"
        client.get(path)  # warm
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.text
        timings[name] = samples
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        started = time.perf_counter()
        generate(db, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - started:.1f} s")
        for name, samples in measure(db, args.repeats).items():
            samples.sort()
            p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
            print(f"{name:24s} p50 {statistics.median(samples):7.1f} ms   p99 {p99:7.1f} ms")


if __name__ == "__main__":
    main()
