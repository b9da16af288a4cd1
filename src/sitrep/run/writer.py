"""The database writer thread: stores analyses in input order while the caller analyses the next documents.

DuckDB releases the GIL while it executes a statement, so on a machine with two cores or more the writes
of one batch overlap the analysis of the next documents instead of adding to it. The thread writes the
analyses waiting for it as one batch (`Store.write_documents`: one transaction, one statement per table),
in input order: the database ends up exactly as a plain loop of `write_document` leaves it, an interrupted
run leaves whole documents or none, and the writer's CPU per document is a fraction of one transaction
per document (on two cores that CPU competes with the workers' analysis).
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from sitrep.errors import StoreError
from sitrep.model import Rejection
from sitrep.pipeline import Analysis
from sitrep.store import Store

# Analyses waiting for the writer: enough to absorb a slow commit, few enough to keep memory flat.
QUEUE_LENGTH = 64
# Documents per transaction, and how long the writer waits for a batch to fill once it has one document:
# large batches cut the writer's CPU per document tenfold; the wait bounds how stale the database and
# the progress bar get when analysis is slow.
BATCH_DOCUMENTS = 64
BATCH_WAIT_SECONDS = 1.0
_DONE = None


class BackgroundWriter:
    """Writes every analysis `put` into `store` from a thread of its own; use as a context manager.

    `written(stored, events)` is called by the writer thread after each document (stored is False when the
    document was already there unchanged); `rejections` are drained and recorded between batches. An
    error of the writer is raised again in the caller by the next `put` or on leaving the block.
    """

    def __init__(
        self,
        store: Store,
        rejections: list[Rejection],
        written: Callable[[Analysis, bool], Any],
        recorded: Callable[[Rejection], Any],
    ) -> None:
        self._store = store
        self._rejections = rejections
        self._written = written
        self._recorded = recorded
        self._queue: queue.Queue[Analysis | None] = queue.Queue(QUEUE_LENGTH)
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sitrep-writer", daemon=True)

    def __enter__(self) -> BackgroundWriter:
        self._thread.start()
        return self

    def put(self, analysis: Analysis) -> None:
        """Queue one analysis for writing (blocks while the queue is full)."""
        self._raise_error()
        self._queue.put(analysis)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is not None:
            # The caller failed or was interrupted: finish the document being written, drop the rest.
            self._stop.set()
        self._queue.put(_DONE)
        self._thread.join()
        if error is None:
            self._raise_error()

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        finished = False
        while not finished:
            batch, finished = self._next_batch()
            if not batch or self._error is not None or self._stop.is_set():
                continue  # keep draining so that `put` never blocks for ever
            try:
                self._write(batch)
                self.record_rejections()
            except BaseException as exc:  # handed to the caller's thread, raised there
                self._error = exc

    def _next_batch(self) -> tuple[list[Analysis], bool]:
        """The analyses waiting (at least one, at most BATCH_DOCUMENTS), and whether the input is done."""
        first = self._queue.get()
        if first is _DONE:
            return [], True
        batch = [first]
        deadline = time.monotonic() + BATCH_WAIT_SECONDS
        while len(batch) < BATCH_DOCUMENTS and not self._stop.is_set():
            try:
                item = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if item is _DONE:
                return batch, True
            batch.append(item)
        return batch, False

    def _write(self, batch: list[Analysis]) -> None:
        try:
            stored = self._store.write_documents([(a.document, a.events, a.places) for a in batch])
        except StoreError:
            if len(batch) == 1:
                raise
            # Store the documents before the one that failed, and name it: one transaction each.
            stored = [self._store.write_document(a.document, a.events, a.places) for a in batch]
        for analysis, was_stored in zip(batch, stored, strict=True):
            self._written(analysis, was_stored)

    def record_rejections(self) -> None:
        """Store the rejections the reader has reported so far (list.pop is atomic between threads)."""
        while self._rejections:
            rejection = self._rejections.pop(0)
            self._store.record_rejection(rejection)
            self._recorded(rejection)
