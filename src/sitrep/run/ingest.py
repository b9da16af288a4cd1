"""Ingest documents into the database: analyse in batches, write each document in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitrep.config import Settings
from sitrep.model import Document, Rejection
from sitrep.pipeline import Pipeline
from sitrep.store import Store, document_stored


def ingest(
    documents: Iterable[Document],
    rejections: list[Rejection],
    settings: Settings,
    db: str,
    progress: Callable[[int], Any] | None = None,
) -> dict[str, int]:
    """Store every document with its events; already stored documents are skipped before analysis.

    `rejections` fills up while `documents` is consumed (the reader appends to it); each is stored with the
    run. Returns the run's counts.
    """
    counts = {"documents": 0, "stored": 0, "unchanged": 0, "events": 0, "rejected": 0}
    pipeline = Pipeline(settings)
    with Store.open(db) as store:
        store.start_run(settings.to_dict())

        def fresh() -> Iterator[Document]:
            for document in documents:
                counts["documents"] += 1
                if document_stored(store.connection, document.content_hash):
                    counts["unchanged"] += 1
                    if progress:
                        progress(1)
                    continue
                yield document

        for analysis in pipeline.analyse(fresh()):
            if store.write_document(analysis.document, analysis.events, analysis.places):
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


def _flush(store: Store, rejections: list[Rejection], counts: dict[str, int]) -> None:
    while rejections:
        store.record_rejection(rejections.pop(0))
        counts["rejected"] += 1
