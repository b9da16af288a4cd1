"""Ingest documents into the database: analyse them and hand the analyses to the one writer thread.

The driver here is the single database writer for every runner: the single-process run below, the local
process pool (`sitrep.run.local`) and a Dask cluster (`sitrep.run.cluster`) differ only in the `Analyse`
function that turns fresh documents into analyses. Documents already stored (same text, by content hash)
are skipped before analysis, so an interrupted ingest rerun picks up where it stopped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import duckdb

from sitrep.config import Settings
from sitrep.errors import StoreError
from sitrep.model import Document, Rejection
from sitrep.pipeline import Analysis, Pipeline
from sitrep.run.batches import batched
from sitrep.run.writer import BackgroundWriter
from sitrep.store import Store

# Fresh documents in, their analyses out, in the same order.
Analyse = Callable[[Iterable[Document]], Iterable[Analysis]]
Progress = Callable[[int], Any]
# Documents looked up in the database with one query: a fraction of a batch, so reading stays lazy.
LOOKUP_CHUNK = 32


def new_counts() -> dict[str, int]:
    return {"documents": 0, "stored": 0, "unchanged": 0, "events": 0, "rejected": 0}


def ingest(
    documents: Iterable[Document],
    rejections: list[Rejection],
    settings: Settings,
    db: str,
    progress: Progress | None = None,
    pipeline: Pipeline | None = None,
) -> dict[str, int]:
    """Store every document with its events, analysed in this process; returns the run's counts.

    `rejections` fills up while `documents` is consumed (the reader appends to it); each is stored with the
    run. Pass `pipeline` to reuse one already loaded (e.g. between polls of a feed).
    """
    loaded = pipeline or Pipeline(settings)
    return drive_ingest(documents, rejections, settings, db, loaded.analyse, progress)


def drive_ingest(
    documents: Iterable[Document],
    rejections: list[Rejection],
    settings: Settings,
    db: str,
    analyse: Analyse,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Skip stored documents, analyse the rest with `analyse`, and write the analyses in input order.

    The writes happen in a writer thread (`sitrep.run.writer`) while `analyse` works on the next
    documents; this thread only reads, looks up stored texts and hands analyses over.
    """
    read_counts, write_counts = new_counts(), new_counts()  # one per thread: no shared `+=`
    in_flight: set[str] = set()
    lock = threading.Lock()

    def advance() -> None:
        if progress:
            with lock:
                progress(1)

    def written(analysis: Analysis, stored: bool) -> None:
        # Only now may the database answer for this text: discarding earlier would let a repeat slip by.
        in_flight.discard(analysis.document.content_hash)
        if stored:
            write_counts["stored"] += 1
            write_counts["events"] += len(analysis.events)
        else:
            write_counts["unchanged"] += 1
        advance()

    def recorded(_: Rejection) -> None:
        write_counts["rejected"] += 1

    with Store.open(db) as store:
        # Each write is a few small statements: DuckDB's own thread pool only adds hand-over cost (about a
        # fifth of the writer's CPU), which the analysis, running at the same time, needs more.
        store.connection.execute("SET threads TO 1")
        store.start_run(settings.to_dict())
        lookup = store.connection.cursor()  # the writer thread owns `store.connection`
        try:
            with BackgroundWriter(store, rejections, written, recorded) as writer:
                for analysis in analyse(_fresh(documents, lookup, read_counts, in_flight, advance)):
                    writer.put(analysis)
        finally:
            lookup.close()
        writer.record_rejections()  # those of input read after the last document
        counts = {key: read_counts[key] + write_counts[key] for key in read_counts}
        store.finish_run(counts=counts)
    return counts


def _fresh(
    documents: Iterable[Document],
    lookup: duckdb.DuckDBPyConnection,
    counts: dict[str, int],
    in_flight: set[str],
    advance: Callable[[], None],
) -> Iterator[Document]:
    """Documents whose text is neither stored nor on its way to the writer.

    `in_flight` holds the hashes of documents handed to `analyse` and not yet written: with batches in
    flight, a repeated text is not stored yet when it comes again. It stays as small as the batches in
    flight, so inputs of any length run in flat memory. The database is asked about a chunk of documents
    at a time (one query instead of one per document, which the writer's transactions slow down).
    """
    for chunk in batched(documents, LOOKUP_CHUNK):
        hashes = [document.content_hash for document in chunk]
        # Taken before the query: a hash leaves `in_flight` only once its document is committed, so each
        # text is either seen pending here or found stored by the query.
        pending = in_flight.intersection(hashes)
        stored = pending | stored_hashes(lookup, [h for h in hashes if h not in pending])
        for document, content_hash in zip(chunk, hashes, strict=True):
            counts["documents"] += 1
            if content_hash in stored or content_hash in in_flight:
                counts["unchanged"] += 1
                advance()
                continue
            in_flight.add(content_hash)
            yield document


def stored_hashes(lookup: duckdb.DuckDBPyConnection, hashes: list[str]) -> set[str]:
    """Those of `hashes` (`Document.content_hash`) whose text is already stored."""
    if not hashes:
        return set()
    placeholders = ", ".join(["?"] * len(hashes))
    try:
        rows = lookup.execute(f"SELECT DISTINCT content_hash FROM documents WHERE content_hash IN ({placeholders})",
                              hashes).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"cannot look up stored documents ({exc})") from exc
    return {row[0] for row in rows}
