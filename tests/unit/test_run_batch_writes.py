"""Writing documents in batches (one transaction, one statement per table) leaves what one-by-one writes leave."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest
from store_builders import make_document, make_event, mentions_of

from sitrep.errors import StoreError
from sitrep.model import Document, Event, PlaceMention
from sitrep.run.ingest import stored_hashes
from sitrep.store import Store
from sitrep.store.schema import TABLES

Item = tuple[Document, list[Event], list[PlaceMention]]
# Columns stamped with the time of writing: they differ between any two stores.
STAMPS = {"ingested_at", "started_at", "finished_at", "at"}


def _items() -> list[Item]:
    first = make_document("first", "Army troops clashed with the Northern Front near Riverton on Monday.")
    second = make_document("second", "The Northern Front shelled Riverton on Tuesday, residents said.")
    changed = make_document("first", "Army troops clashed with the Northern Front near Riverton again.")
    without_events = make_document("quiet", "Nothing happened in Riverton today.")
    copy = make_document("copy", "A wire copy of the first report.")
    return [
        (first, [make_event(first, 0), make_event(first, 1)], mentions_of(first)),
        (second, [make_event(second, 0), make_event(second, 0)], mentions_of(second)),  # a repeated event
        (first, [make_event(first, 0), make_event(first, 1)], mentions_of(first)),  # unchanged: not stored
        (without_events, [], []),
        (changed, [make_event(changed, 2)], mentions_of(changed)),  # same id, new text: replaces "first"
        (copy, [replace(make_event(second, 0), document_id="copy")], []),  # an event id of another document
    ]


def _content(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    content: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        columns = [row[0] for row in store.connection.execute(f"DESCRIBE {table}").fetchall()]
        kept = ", ".join(f'"{column}"' for column in columns if column not in STAMPS)
        content[table] = sorted(store.connection.execute(f"SELECT {kept} FROM {table}").fetchall(), key=repr)
    return content


def test_one_batch_stores_exactly_what_one_document_at_a_time_stores(tmp_path: Path) -> None:
    items = _items()
    with Store.open(tmp_path / "one-by-one.duckdb") as single, Store.open(tmp_path / "batch.duckdb") as batch:
        single.start_run({}, "run")
        batch.start_run({}, "run")
        one_by_one = [single.write_document(*item) for item in items]
        batched = batch.write_documents(items)
        assert batched == one_by_one == [True, True, False, True, True, True]
        assert _content(batch) == _content(single)
        stored = dict(batch.connection.execute("SELECT id, text FROM documents").fetchall())
        assert stored["first"].endswith("again.")  # the later version of "first" won
        owners = batch.connection.execute("SELECT document_id, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
        assert owners == [("first", 1), ("second", 1)]  # "copy" kept none: its event belongs to "second"
        assert batch.write_documents([items[1], items[4]]) == [False, False]  # again: nothing changes


def test_a_failed_batch_leaves_none_of_its_documents(tmp_path: Path) -> None:
    good, bad = make_document("good"), make_document("bad", "Another report.")
    broken = replace(make_event(bad), evidence=replace(make_event(bad).evidence, end=10**12))  # overflows INTEGER
    with Store.open(tmp_path / "failed.duckdb") as store:
        with pytest.raises(StoreError, match="good to bad"):
            store.write_documents([(good, [make_event(good)], []), (bad, [broken], [])])
        assert store.connection.execute("SELECT count(*) FROM documents").fetchone() == (0,)


def test_stored_hashes_finds_the_texts_already_stored(tmp_path: Path) -> None:
    first, other = make_document("first"), make_document("other", "A text never stored.")
    with Store.open(tmp_path / "lookup.duckdb") as store:
        store.write_document(first, [], [])
        lookup: duckdb.DuckDBPyConnection = store.connection.cursor()
        try:
            assert stored_hashes(lookup, [first.content_hash, other.content_hash]) == {first.content_hash}
            assert stored_hashes(lookup, []) == set()
        finally:
            lookup.close()
