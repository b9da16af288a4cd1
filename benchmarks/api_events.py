"""Latency of /api/events on a database of synthetic events (default 1 million): prints p50/p99 per query.

Each round times every query `--repeats` times; with several rounds the medians of their p50s and p99s are
printed, which other load on the machine disturbs less than one round. Match counts (`total`) are kept by the
server until the database changes; `--cold` forgets them before every request, as for a query never seen.
"""

from __future__ import annotations

import argparse
import os
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
    "actor": "/api/events?actor=a1&limit=100",
    "ally (assoc. actor)": "/api/events?actor=Actor%20Two&limit=100",
    "corroborated (>= 2)": "/api/events?min_corroboration=2&limit=100",
    "dashboard page (1000)": "/api/events?since=2023-01-01&limit=1000&offset=1000",
    "one event": None,
}


def generate(db: Path, count: int) -> None:
    """Synthetic events and their fused clusters, written with INSERT ... SELECT (the real schema)."""
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
                          'evidence', json_object('sentence', 'synthetic', 'start', 0, 'end', 50)), 1,
              CASE WHEN i % 500 = 0 THEN ['a2'] END
            FROM range({count}) t(i)""")
        # Actor links as the writer stores them: every event's actor1, and an ally on one event in 500 (also kept
        # on its events row, `assoc_actor_ids`).
        store.connection.execute("""
            INSERT INTO actors VALUES ('a1', 'Actor One', 'State forces', NULL),
                                      ('a2', 'Actor Two', 'Rebel group', NULL)""")
        store.connection.execute(f"""
            INSERT INTO event_actors SELECT printf('%016x', i), 'a1', 'actor1', 'Actor One', 0, 9
            FROM range({count}) t(i)""")
        store.connection.execute(f"""
            INSERT INTO event_actors SELECT printf('%016x', i), 'a2', 'assoc_actor1', 'Actor Two', 10, 19
            FROM range(0, {count}, 500) t(i)""")
        # Fused clusters as `sitrep ingest` leaves them: every event in one, 1-5 members each (a block of 15
        # events in a scrambled order splits into clusters of 1, 2, 3, 4 and 5), corroborated by 1 to
        # `mentions` publishers.
        store.connection.execute(f"""
            CREATE TEMP TABLE synthetic_members AS
            SELECT printf('%016x', i) AS event_id,
                   'c' || (j // 15 * 5 + CASE WHEN j % 15 < 1 THEN 0 WHEN j % 15 < 3 THEN 1
                                              WHEN j % 15 < 6 THEN 2 WHEN j % 15 < 10 THEN 3 ELSE 4 END)
                   AS cluster_id
            FROM (SELECT i, (i * 7919) % {count} AS j FROM range({count}) t(i))""")
        store.connection.execute("""
            INSERT INTO cluster_members SELECT event_id, cluster_id, cluster_id FROM synthetic_members""")
        store.connection.execute("""
            INSERT INTO clusters SELECT
              m.cluster_id, m.cluster_id, any_value(e.event_type), NULL, any_value(e.country_code),
              min(e.date_start), max(e.date_end), count(*),
              1 + hash(m.cluster_id) % count(*), json_object('event_id', m.cluster_id, 'synthetic', true)
            FROM synthetic_members m JOIN events e USING (event_id) GROUP BY m.cluster_id""")
        # As the fusion refresh leaves them: each member carries its cluster's corroboration on its row.
        store.connection.execute("""
            UPDATE events SET corroboration = c.corroboration FROM cluster_members m JOIN clusters c USING (cluster_id)
            WHERE m.event_id = events.event_id""")


def measure(db: Path, repeats: int, cold: bool) -> dict[str, list[float]]:
    app = create_app(Settings(), db)
    client = TestClient(app)
    timings: dict[str, list[float]] = {}
    for name, url in QUERIES.items():
        path = url or f"/api/events/{123_457:016x}"
        client.get(path)  # warm
        samples = []
        for _ in range(repeats):
            if cold:
                app.state.database.forget()
            start = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.text
        timings[name] = samples
    return timings


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(p50, p99) in ms."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--cold", action="store_true", help="forget match counts before every request")
    parser.add_argument("--db", type=Path, help="database file to keep (generated if missing) instead of a "
                                                "temporary one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.duckdb"
        if not db.exists():
            started = time.perf_counter()
            generate(db, args.events)
            print(f"generated {args.events:,} events in {time.perf_counter() - started:.1f} s")
        print("load average (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))
        rounds = [measure(db, args.repeats, args.cold) for _ in range(args.rounds)]
        for name in QUERIES:
            p50s, p99s = zip(*(percentiles(timings[name]) for timings in rounds), strict=True)
            print(f"{name:24s} p50 {statistics.median(p50s):7.1f} ms   p99 {statistics.median(p99s):7.1f} ms")
        print("load average (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))


if __name__ == "__main__":
    main()
