"""Ingest on an existing Dask distributed cluster; this process stays the single database writer.

Batches of documents go to the cluster with `client.submit`; each Dask worker keeps one loaded pipeline
in a module global (`sitrep.run.worker`), warmed on every worker when the run starts. Results come back
and are written in input order, so the database ends up as a single-process run leaves it. Dask is an
optional dependency: `pip install 'sitrep[dask]'`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.model import Document, Rejection
from sitrep.pipeline import Analysis
from sitrep.run.batches import batched, in_order
from sitrep.run.ingest import Progress, drive_ingest
from sitrep.run.worker import analyse_batch, load_worker

if TYPE_CHECKING:
    from distributed import Client

DEFAULT_BATCH_SIZE = 16
BATCHES_PER_THREAD = 2
CONNECT_TIMEOUT_SECONDS = 30


def connect(scheduler: str) -> Client:
    """A client of the Dask scheduler at `scheduler` (e.g. "tcp://10.0.0.5:8786")."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError("--scheduler needs Dask: pip install 'sitrep[dask]'") from exc
    try:
        client: Client = Client(scheduler, timeout=CONNECT_TIMEOUT_SECONDS)  # type: ignore[no-untyped-call]
        return client
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot connect to the Dask scheduler at {scheduler} ({exc})") from exc


def ingest_on_cluster(
    documents: Iterable[Document],
    rejections: list[Rejection],
    settings: Settings,
    db: str,
    scheduler: str | Client,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> dict[str, int]:
    """Like `sitrep.run.ingest.ingest`, with the analysis done by the cluster's workers.

    `scheduler` is an address or a connected `distributed.Client` (which is left open).
    """
    client = connect(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        client.run(load_worker, settings)  # every current worker loads the model now, in parallel
        threads = max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]

        def analyse(fresh: Iterable[Document]) -> Iterator[Analysis]:
            def submit(batch: list[Document]) -> Any:
                # pure=False: the same batch submitted twice (a rerun) is computed, not served from cache
                return client.submit(analyse_batch, settings, batch, pure=False)

            return in_order(submit, batched(fresh, batch_size), threads * BATCHES_PER_THREAD)

        return drive_ingest(documents, rejections, settings, db, analyse, progress)
    finally:
        if isinstance(scheduler, str):
            client.close()  # type: ignore[no-untyped-call]
