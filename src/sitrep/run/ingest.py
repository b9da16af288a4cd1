"""Ingest documents into the database: analyse them, write each document in its own transaction.

The driver here is the single database writer for every runner: the single-process run below, the local
process pool (`sitrep.run.local`) and a Dask cluster (`sitrep.run.cluster`) differ only in the `Analyse`
function that turns fresh documents into analyses. Documents already stored (same text, by content hash)
are skipped before analysis, so an interrupted ingest rerun picks up where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitrep.config import Settings
from sitrep.model import Document, Rejection
from sitrep.pipeline import Analysis, Pipeline
from sitrep.store import Store, document_stored

# Fresh documents in, their analyses out, in the same order.
Analyse = Callable[[Iterable[Document]], Iterable[Analysis]]
Progress = Callable[[int], Any]


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
    """Skip stored documents, analyse the rest with `analyse`, and write the analyses in input order."""
    counts = new_counts()
    in_flight: set[str] = set()
    with Store.open(db) as store:
        store.start_run(settings.to_dict())
        for analysis in analyse(_fresh(documents, store, counts, in_flight, progress)):
            in_flight.discard(analysis.document.content_hash)  # stored now: the database answers for it
            failed = analysis.rejection()
            if failed is not None:
                rejections.append(failed)  # not stored, so a rerun tries it again
            elif store.write_document(analysis.document, analysis.events, analysis.places):
                counts["stored"] += 1
                counts["events"] += len(analysis.events)
            else:
                counts["unchanged"] += 1
            if progress:
                progress(1)
            _flush(store, rejections, counts)
        _flush(store, rejections, counts)
        store.finish_run(counts=counts)
    return counts


def _fresh(
    documents: Iterable[Document],
    store: Store,
    counts: dict[str, int],
    in_flight: set[str],
    progress: Progress | None,
) -> Iterator[Document]:
    """Documents whose text is neither stored nor on its way to the writer.

    `in_flight` holds the hashes of documents handed to `analyse` and not yet written: with batches in
    flight, a repeated text is not stored yet when it comes again. It stays as small as the batches in
    flight, so inputs of any length run in flat memory.
    """
    for document in documents:
        counts["documents"] += 1
        content_hash = document.content_hash
        if content_hash in in_flight or document_stored(store.connection, content_hash):
            counts["unchanged"] += 1
            if progress:
                progress(1)
            continue
        in_flight.add(content_hash)
        yield document


def _flush(store: Store, rejections: list[Rejection], counts: dict[str, int]) -> None:
    while rejections:
        store.record_rejection(rejections.pop(0))
        counts["rejected"] += 1
