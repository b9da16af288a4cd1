"""Runner plumbing with hand-built objects: batching, in-order collection, and the writer-side driver."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest
from store_builders import make_document, make_event, mentions_of

from sitrep.config import Settings
from sitrep.model import Document, Rejection
from sitrep.pipeline import Analysis
from sitrep.run.batches import batched, in_order
from sitrep.run.ingest import drive_ingest
from sitrep.run.synthetic import synthetic_document
from sitrep.store import open_for_reading


def test_batched_takes_consecutive_lists_lazily() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []
    consumed: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(100):
            consumed.append(n)
            yield n

    assert next(batched(numbers(), 4)) == [0, 1, 2, 3] and len(consumed) == 4
    with pytest.raises(ValueError):
        list(batched([1], 0))


def test_in_order_keeps_input_order_and_bounds_the_work_in_flight() -> None:
    outstanding: list[Future[list[int]]] = []
    most = 0

    def submit(batch: list[int]) -> Future[list[int]]:
        nonlocal most
        future: Future[list[int]] = Future()
        future.set_result([n * 10 for n in batch])
        outstanding.append(future)
        most = max(most, len(outstanding))
        return future

    results = []
    for value in in_order(submit, batched(range(20), 3), max_in_flight=2):
        results.append(value)
        outstanding[:] = outstanding[-1:]  # the oldest has been collected
    assert results == [n * 10 for n in range(20)]
    assert most <= 2


def _fake_analyse(seen: list[str]) -> object:
    def analyse(documents: Iterable[Document]) -> Iterator[Analysis]:
        for document in documents:
            seen.append(document.id)
            yield Analysis(document, (make_event(document),), tuple(mentions_of(document)))

    return analyse


def test_the_driver_skips_stored_and_repeated_texts_and_stores_rejections(tmp_path: Path) -> None:
    db = str(tmp_path / "driver.duckdb")
    first = [make_document(f"doc-{i}", f"Report {i}: army and front clashed near Riverton.") for i in range(3)]
    analysed: list[str] = []
    counts = drive_ingest(first, [Rejection("bad.jsonl", 2, "invalid JSON")], Settings(), db,
                          _fake_analyse(analysed))  # type: ignore[arg-type]
    assert counts["stored"] == 3 and counts["rejected"] == 1 and analysed == ["doc-0", "doc-1", "doc-2"]

    repeated = make_document("doc-copy", first[1].text)  # same text, other id: already stored
    new = make_document("doc-new", "A new report: the front withdrew from Riverton.")
    again = make_document("doc-new-again", new.text)  # the same new text twice in one run
    ticks: list[int] = []
    analysed.clear()
    counts = drive_ingest([*first, repeated, new, again], [], Settings(), db, _fake_analyse(analysed),  # type: ignore[arg-type]
                          progress=ticks.append)  # fmt: skip
    assert analysed == ["doc-new"]
    assert counts == {"documents": 6, "stored": 1, "unchanged": 5, "events": 1, "rejected": 0}
    assert sum(ticks) == 6  # every document moves the progress bar once
    con = open_for_reading(db)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
        assert con.execute("SELECT count(*) FROM rejections").fetchone()[0] == 1
    finally:
        con.close()


def test_synthetic_reports_are_stable_and_varied() -> None:
    assert synthetic_document(7) == synthetic_document(7)
    texts = {synthetic_document(i).text for i in range(50)}
    assert len(texts) == 50
    assert all(synthetic_document(i).published is not None for i in range(5))


def test_document_estimates_count_json_lines_and_files(tmp_path: Path) -> None:
    from sitrep.run.progress import estimate_documents, progress_bar

    (tmp_path / "a.jsonl").write_text('{"id": "1", "text": "x"}\n' * 5, encoding="utf-8")
    (tmp_path / "b.txt").write_text("A report.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert estimate_documents([str(tmp_path)]) == 6
    assert estimate_documents([str(tmp_path / "a.jsonl"), "-"]) is None
    with progress_bar(total=6, enabled=False) as bar:
        bar.update(6)
        assert bar.disable
