"""Ingest throughput of synthetic short reports: one process, then 1 and 2 local workers; peak memory;
extrapolation to GDELT's daily volume.

    .venv/bin/python benchmarks/bench_scaling.py [--documents N] [--workers 1 2]

Each run ingests N generated reports (`sitrep.run.synthetic`) into a fresh temporary database. The steady
rate leaves out start-up (loading the model in every worker) and the first round of batches: it counts the
documents written after the first `workers * batch` ones, over the time they took. Both worker counts go
through the same pool runner, so they carry the same overheads. The load average is printed with the figures.

On a machine shared with other jobs the rates say how much of it each run got; the CPU seconds per
document do not: the driver's (reading, the writer thread, the final fusion) and the workers' (analysis,
model loading left out as far as possible by the warm-up) give the speed-up two workers can reach on two
otherwise idle cores, 2 / (1 + driver / worker), next to the measured one.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import GDELT_EVENTS_PER_DAY, peak_memory_mb  # noqa: E402

from sitrep.config import load_settings  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402
from sitrep.run.ingest import ingest  # noqa: E402
from sitrep.run.local import DEFAULT_BATCH_SIZE, ingest_with_workers  # noqa: E402
from sitrep.run.synthetic import synthetic_documents  # noqa: E402
from sitrep.run.worker import pipeline_for  # noqa: E402


def children_cpu() -> float:
    """CPU seconds of the worker processes that have ended (the pool's workers, once it is shut down)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Clock:
    """A progress callback that notes when each document was written."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.times: list[float] = []

    def __call__(self, done: int) -> None:
        self.times.extend([time.perf_counter()] * done)

    def steady_rate(self, skip: int) -> float:
        """Documents per second after the first `skip` were written (start-up and the first round excluded)."""
        skip = min(skip, len(self.times) // 2)
        return (
            (len(self.times) - skip) / (self.times[-1] - self.times[skip - 1])
            if skip
            else len(self.times) / (self.times[-1] - self.start)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000, help="synthetic reports per run (default 2000)")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2], help="worker counts to measure")
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH_SIZE, help="documents per worker batch")
    args = parser.parse_args()
    settings = load_settings()
    n = args.documents
    print(f"{n} synthetic reports per run, batches of {args.batch}; load average before: {os.getloadavg()[0]:.2f}")

    pipeline: Pipeline = pipeline_for(settings)
    list(pipeline.analyse(synthetic_documents(20, start=10**7)))  # warm up
    with tempfile.TemporaryDirectory() as tmp:
        clock = Clock()
        counts = ingest(synthetic_documents(n), [], settings, f"{tmp}/single.duckdb", clock, pipeline=pipeline)
        single = time.perf_counter() - clock.start
    rate_single = clock.steady_rate(args.batch)
    print(
        f"single process: {single:7.1f} s  {rate_single:7.1f} docs/s  {counts['events']} events  "
        f"peak {peak_memory_mb():.0f} MB"
    )

    rates: dict[int, float] = {}
    cpu_per_document: dict[int, tuple[float, float]] = {}
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as tmp:
            driver_before, children_before = time.process_time(), children_cpu()
            clock = Clock()
            ingest_with_workers(synthetic_documents(n), [], settings, f"{tmp}/pool.duckdb", workers, clock,
                                args.batch)  # fmt: skip
            spent = time.perf_counter() - clock.start
            driver, analysis = time.process_time() - driver_before, children_cpu() - children_before
        rates[workers] = clock.steady_rate(workers * args.batch)
        cpu_per_document[workers] = (driver / n * 1000, analysis / n * 1000)
        print(
            f"{workers} worker(s):   {spent:7.1f} s in all (start-up included)  {rates[workers]:7.1f} docs/s "
            f"steady; load average {os.getloadavg()[0]:.2f}; CPU per document: driver {driver / n * 1000:.2f} ms, "
            f"workers {analysis / n * 1000:.2f} ms (model loading included)"
        )
    if 1 in rates and 2 in rates:
        print(f"speed-up 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (target >= 1.8x)")
        driver_ms, worker_ms = cpu_per_document[1]
        print(f"reachable on 2 idle cores from the CPU per document: {2 / (1 + driver_ms / worker_ms):.2f}x")
    print(
        f"peak memory: driver {peak_memory_mb():.0f} MB, largest worker "
        f"{peak_memory_mb(resource.RUSAGE_CHILDREN):.0f} MB (target < 1500 MB)"
    )
    best = max([rate_single, *rates.values()])
    events_per_doc = counts["events"] / n
    print(f"events per synthetic report: {events_per_doc:.2f}")
    hours = GDELT_EVENTS_PER_DAY / best / 3600
    print(
        f"extrapolated: 100,000 reports in {100_000 / best / 60:.0f} min; GDELT's ~{GDELT_EVENTS_PER_DAY:,} "
        f"reports/day in {hours:.1f} h at {best:.1f} docs/s on this machine"
    )


if __name__ == "__main__":
    main()
