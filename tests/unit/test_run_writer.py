"""The writer thread: input order, rejections, and errors raised in the caller."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.errors import StoreError
from sitrep.model import Document, Rejection
from sitrep.pipeline import Analysis
from sitrep.run.writer import BATCH_DOCUMENTS, QUEUE_LENGTH, BackgroundWriter


class FakeStore:
    def __init__(self, fail_on: str | None = None) -> None:
        self.written: list[str] = []
        self.rejections: list[Rejection] = []
        self.fail_on = fail_on
        self.batches: list[list[str]] = []

    def write_documents(self, items: list[tuple[Document, Any, Any]]) -> list[bool]:
        # All or nothing, like one transaction.
        if any(document.id == self.fail_on for document, _, _ in items):
            raise StoreError("cannot store documents")
        self.batches.append([document.id for document, _, _ in items])
        return [self.write_document(*item) for item in items]

    def write_document(self, document: Document, events: Any, places: Any) -> bool:
        if document.id == self.fail_on:
            raise StoreError(f"cannot store document {document.id}")
        first_time = document.id not in self.written
        self.written.append(document.id)
        return first_time

    def record_rejection(self, rejection: Rejection) -> None:
        self.rejections.append(rejection)


def analysis(name: str) -> Analysis:
    return Analysis(Document(id=name, text=f"Text of {name}."), (), ())


def test_writes_in_input_order_and_reports_each_document() -> None:
    store = FakeStore()
    reported: list[tuple[str, bool]] = []
    with BackgroundWriter(store, [], lambda a, stored: reported.append((a.document.id, stored)),  # type: ignore[arg-type]
                          lambda r: None) as writer:  # fmt: skip
        for name in ["b", "a", "c", "a"]:
            writer.put(analysis(name))
    assert store.written == ["b", "a", "c", "a"]
    assert reported == [("b", True), ("a", True), ("c", True), ("a", False)]


def test_records_rejections_reported_while_running() -> None:
    store, rejections, recorded = FakeStore(), [Rejection("x.txt", None, "empty")], []
    with BackgroundWriter(store, rejections, lambda a, s: None, recorded.append) as writer:  # type: ignore[arg-type]
        writer.put(analysis("a"))
    rejections.append(Rejection("y.txt", 3, "not JSON"))
    writer.record_rejections()
    assert [r.source for r in store.rejections] == ["x.txt", "y.txt"]
    assert len(recorded) == 2 and rejections == []


def test_a_write_error_is_raised_in_the_caller_without_blocking() -> None:
    store = FakeStore(fail_on="bad")
    writer = BackgroundWriter(store, [], lambda a, s: None, lambda r: None)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="bad"), writer:
        for index in range(QUEUE_LENGTH * 3):  # more than the queue holds: put must not hang
            writer.put(analysis("bad" if index == 1 else f"doc-{index}"))
    assert store.written[0] == "doc-0" and "bad" not in store.written


def test_documents_waiting_are_written_as_one_batch_of_bounded_size() -> None:
    store = FakeStore()
    writer = BackgroundWriter(store, [], lambda a, s: None, lambda r: None)  # type: ignore[arg-type]
    names = [f"doc-{index}" for index in range(BATCH_DOCUMENTS + 10)]
    for name in names[:QUEUE_LENGTH]:  # queued before the thread starts: it finds them all waiting
        writer.put(analysis(name))
    with writer:
        for name in names[QUEUE_LENGTH:]:
            writer.put(analysis(name))
    assert store.written == names
    assert len(store.batches) < len(names) // 4
    assert max(len(batch) for batch in store.batches) <= BATCH_DOCUMENTS


def test_a_failed_batch_stores_the_documents_before_the_bad_one_and_names_it() -> None:
    store = FakeStore(fail_on="bad")
    writer = BackgroundWriter(store, [], lambda a, s: None, lambda r: None)  # type: ignore[arg-type]
    for name in ["a", "b", "bad", "c"]:
        writer.put(analysis(name))
    with pytest.raises(StoreError, match="bad"), writer:
        pass
    assert store.written == ["a", "b"]
