"""Database access for the API: a read-only connection per request, a time limit, and one writer at a time."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb

from sitrep.api.errors import ApiError
from sitrep.errors import StoreError
from sitrep.store.schema import open_for_reading

T = TypeVar("T")
REMEMBERED_ANSWERS = 512


class ReadWriteLock:
    """Many readers or one writer. DuckDB refuses a read-write open of a file this process reads, and a
    read-only open of a file it writes, so requests that read wait for an ingest and the other way round."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                self._condition.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()


class Database:
    """The database file the API serves; `read()` gives a fresh read-only connection for one request.

    The file is opened read-only once and each request gets its own cursor (a connection of its own to
    that instance): opening a large file costs hundreds of milliseconds, a cursor almost nothing.
    `writing()` closes the instance so the one writer can open the file, and the next read reopens it.
    Answers kept by `remember()` (match counts) live as long as the instance: only the writer changes the file.
    """

    def __init__(self, path: str | Path, query_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.query_timeout = query_timeout
        self.lock = ReadWriteLock()
        self._shared: duckdb.DuckDBPyConnection | None = None
        self._opening = threading.Lock()
        self._remembered: OrderedDict[Hashable, object] = OrderedDict()
        self._remembering = threading.Lock()

    def _instance(self) -> duckdb.DuckDBPyConnection:
        with self._opening:
            if self._shared is None:
                if not self.path.exists():
                    raise ApiError(503, "no_database",
                                   f"no database at {self.path.name} yet; ingest documents first")
                try:
                    self._shared = open_for_reading(self.path)
                except StoreError as exc:
                    raise ApiError(503, "database_unavailable", str(exc)) from exc
            return self._shared

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Exclusive use of the file for the one writer: readers wait, the read-only instance is closed."""
        with self.lock.writing():
            self.close()
            yield

    def close(self) -> None:
        with self._opening:
            if self._shared is not None:
                self._shared.close()
                self._shared = None
        self.forget()

    def forget(self) -> None:
        """Drop every answer `remember()` kept."""
        with self._remembering:
            self._remembered.clear()

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`'s answer, computed once per opening of the file (call inside `read()`)."""
        with self._remembering:
            if key in self._remembered:
                self._remembered.move_to_end(key)
                return self._remembered[key]  # type: ignore[return-value]
        answer = compute()
        with self._remembering:
            self._remembered[key] = answer
            while len(self._remembered) > REMEMBERED_ANSWERS:
                self._remembered.popitem(last=False)
        return answer

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection, interrupted after `query_timeout` seconds (answered 503)."""
        with self.lock.reading():
            con = self._instance().cursor()
            timer = threading.Timer(self.query_timeout, con.interrupt)
            timer.daemon = True
            timer.start()
            try:
                yield con
            except StoreError as exc:
                if isinstance(exc.__cause__, duckdb.InterruptException):
                    raise ApiError(503, "query_timeout",
                                   f"the query took longer than {self.query_timeout:g} s; narrow the filters"
                                   ) from exc
                raise
            finally:
                timer.cancel()
                con.close()
