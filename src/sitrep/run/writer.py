"""The database writer thread: stores analyses in input order while the caller analyses the next documents.

DuckDB releases the GIL while it executes a statement, so on a machine with two cores or more the writes
of one document overlap the analysis of the next ones instead of adding to it. Each document is still
written in its own transaction (`Store.write_document`), in input order, by this one thread: the database
ends up exactly as a plain loop leaves it, and an interrupted run leaves whole documents or none.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from sitrep.model import Rejection
from sitrep.pipeline import Analysis
from sitrep.store import Store

# Analyses waiting for the writer: enough to absorb a slow commit, few enough to keep memory flat.
QUEUE_LENGTH = 64
_DONE = None


class BackgroundWriter:
    """Writes every analysis `put` into `store` from a thread of its own; use as a context manager.

    `written(stored, events)` is called by the writer thread after each document (stored is False when the
    document was already there unchanged); `rejections` are drained and recorded between documents. An
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
        while (analysis := self._queue.get()) is not _DONE:
            if self._error is not None or self._stop.is_set():
                continue  # keep draining so that `put` never blocks for ever
            try:
                stored = self._store.write_document(analysis.document, analysis.events, analysis.places)
                self._written(analysis, stored)
                self.record_rejections()
            except BaseException as exc:  # handed to the caller's thread, raised there
                self._error = exc

    def record_rejections(self) -> None:
        """Store the rejections the reader has reported so far (list.pop is atomic between threads)."""
        while self._rejections:
            rejection = self._rejections.pop(0)
            self._store.record_rejection(rejection)
            self._recorded(rejection)
