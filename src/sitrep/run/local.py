"""Ingest with a pool of local worker processes; this process stays the single database writer.

Workers are started with the "spawn" method (safe with threads and on every platform), each loads the
pipeline once in its initializer, and they receive batches of documents and return plain picklable
analyses. Results are written in input order, so the database ends up exactly as a single-process run
leaves it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.model import Document, Rejection
from sitrep.pipeline import Analysis
from sitrep.run.batches import batched, in_order
from sitrep.run.ingest import Progress, drive_ingest
from sitrep.run.worker import analyse_batch, load_worker

DEFAULT_BATCH_SIZE = 16
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
    with ProcessPoolExecutor(workers, mp_context=context, initializer=load_worker,
                             initargs=(settings,)) as pool:  # fmt: skip

        def analyse(fresh: Iterable[Document]) -> Iterator[Analysis]:
            def submit(batch: list[Document]) -> Future[list[Analysis]]:
                return pool.submit(analyse_batch, settings, batch)

            return in_order(submit, batched(fresh, batch_size), workers * BATCHES_PER_WORKER)

        return drive_ingest(documents, rejections, settings, db, analyse, progress)
