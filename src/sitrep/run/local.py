"""Ingest with a pool of local worker processes; this process stays the single database writer.

Workers are started with the "spawn" method (safe with threads and on every platform), each loads the
pipeline once in its initializer, and they receive batches of documents and return plain picklable
analyses. Results are written in input order, so the database ends up exactly as a single-process run
leaves it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.model import Document, Rejection
from sitrep.pipeline import Analysis
from sitrep.run.batches import batched, in_order
from sitrep.run.ingest import Progress, drive_ingest
from sitrep.run.worker import analyse_batch, load_worker

# Documents per batch: large enough that pickling and queueing cost little next to the analysis.
DEFAULT_BATCH_SIZE = 64
# One math thread per worker: N workers on N cores must not each start a thread pool of N threads.
SINGLE_THREADED = {name: "1" for name in (
    "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")}  # fmt: skip
# Batches queued per worker: enough that no worker waits for the writer, few enough to keep memory flat.
BATCHES_PER_WORKER = 2


def ingest_with_workers(
    documents: Iterable[Document],
    rejections: list[Rejection],
    settings: Settings,
    db: str,
    workers: int,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> dict[str, int]:
    """Like `sitrep.run.ingest.ingest`, with the analysis spread over `workers` processes."""
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    context = multiprocessing.get_context("spawn")
    # Workers start while the pool runs (on demand), so the variables stay set until it is shut down.
    with (
        _environment(SINGLE_THREADED),
        ProcessPoolExecutor(workers, mp_context=context, initializer=load_worker, initargs=(settings,)) as pool,
    ):

        def analyse(fresh: Iterable[Document]) -> Iterator[Analysis]:
            def submit(batch: list[Document]) -> Future[list[Analysis]]:
                return pool.submit(analyse_batch, settings, batch)

            return in_order(submit, batched(fresh, batch_size), workers * BATCHES_PER_WORKER)

        return drive_ingest(documents, rejections, settings, db, analyse, progress)


@contextmanager
def _environment(defaults: dict[str, str]) -> Iterator[None]:
    """Set environment variables the user has not set (spawned workers inherit them), then restore."""
    added = [name for name in defaults if name not in os.environ]
    os.environ.update({name: defaults[name] for name in added})
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)
