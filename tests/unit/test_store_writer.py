"""The store writer on hand-built documents: idempotence, replacement, rejections, runs, bad files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest
from store_builders import ARMY, TOWN, make_document, make_event, mentions_of

from sitrep.errors import StoreError
from sitrep.model import PlaceMention, Rejection, Span
from sitrep.store import Store, document_stored, open_for_reading, query_events, table_counts


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "test.duckdb")
    yield opened
    opened.close()


def test_open_creates_every_table_with_a_schema_version(store: Store) -> None:
    counts = table_counts(store.connection)
    assert counts["schema_version"] == 1
    assert all(counts[table] == 0 for table in counts if table != "schema_version")


def test_write_document_stores_document_events_actors_places(store: Store) -> None:
    document = make_document()
    events = [make_event(document, 0), make_event(document, 1, day=date(2024, 3, 3))]
    assert store.write_document(document, events, mentions_of(document)) is True
    counts = table_counts(store.connection)
    assert counts["documents"] == 1
    assert counts["events"] == 2
    assert counts["actors"] == 3
    assert counts["event_actors"] == 6  # actor1, actor2, one associate, for each event
    assert counts["places"] == 1
    assert counts["place_mentions"] == 2
    row = store.connection.execute(
        "SELECT actor1_name, country_code, latitude, date_start, fatalities, evidence_end, record "
        "FROM events ORDER BY date_start LIMIT 1").fetchone()
    assert row[:6] == ("Military Forces of Xland", "SY", 12.5, date(2024, 3, 3), 3, len(document.text))
    assert json.loads(row[6]) == events[1].to_record()


def test_rewriting_the_same_document_changes_nothing(store: Store) -> None:
    document = make_document()
    events = [make_event(document, 0), make_event(document, 1)]
    store.write_document(document, events, mentions_of(document))
    before = table_counts(store.connection)
    stamp = store.connection.execute("SELECT ingested_at FROM documents").fetchone()
    assert store.write_document(document, list(reversed(events)), mentions_of(document)) is False
    assert table_counts(store.connection) == before
    assert store.connection.execute("SELECT ingested_at FROM documents").fetchone() == stamp


def test_same_id_with_new_content_replaces_the_documents_rows(store: Store) -> None:
    old = make_document()
    store.write_document(old, [make_event(old, 0), make_event(old, 1)], mentions_of(old))
    new = make_document(text="Army troops clashed with the Northern Front near Riverton again on Friday.")
    new_event = make_event(new, 7)
    assert store.write_document(new, [new_event], mentions_of(new)) is True
    con = store.connection
    assert con.execute("SELECT text FROM documents").fetchall() == [(new.text,)]
    assert [r["event_id"] for r in query_events(con)] == [new_event.event_id]
    assert con.execute("SELECT count(*) FROM event_actors").fetchone()[0] == 3
    assert con.execute("SELECT count(*) FROM place_mentions").fetchone()[0] == 2
    assert document_stored(con, new.content_hash)
    assert not document_stored(con, old.content_hash)


def test_a_document_without_events_is_still_stored(store: Store) -> None:
    document = make_document("quiet")
    assert store.write_document(document, [], [])
    assert document_stored(store.connection, document.content_hash)
    assert table_counts(store.connection)["events"] == 0


def test_a_failed_write_leaves_nothing_of_the_document(store: Store) -> None:
    document = make_document()
    broken = replace(make_event(document), evidence=Span(0, 10**12, "x"))  # overflows INTEGER
    with pytest.raises(StoreError, match="doc-1"):
        store.write_document(document, [broken], mentions_of(document))
    counts = table_counts(store.connection)
    assert counts["documents"] == counts["events"] == counts["place_mentions"] == 0
    # and the store still works afterwards
    assert store.write_document(document, [make_event(document)], mentions_of(document))
    assert table_counts(store.connection)["events"] == 1


def test_an_event_id_already_stored_under_another_document_is_kept_once(store: Store) -> None:
    first = make_document("first")
    event = make_event(first)
    store.write_document(first, [event], [])
    second = make_document("second", "Another copy of the same wire report.")
    assert store.write_document(second, [replace(event, document_id="second")], [])
    assert store.connection.execute("SELECT event_id, document_id FROM events").fetchall() == [
        (event.event_id, "first")]
    assert table_counts(store.connection)["documents"] == 2


def test_events_of_another_document_are_refused(store: Store) -> None:
    first, second = make_document("first"), make_document("second")
    with pytest.raises(StoreError, match="second"):
        store.write_document(first, [make_event(second)], [])
    assert table_counts(store.connection)["documents"] == 0


def test_rejections_and_runs_are_recorded(store: Store) -> None:
    run_id = store.start_run({"nlp": {"model": "tiny"}})
    rejection = Rejection(source="feed.jsonl", line=4, reason="invalid JSON")
    store.record_rejection(rejection)
    store.record_rejection(rejection)  # the same rejection twice in one run is kept once
    store.write_document(make_document(), [], [])
    store.finish_run(counts={"documents": 1, "rejections": 1})
    con = store.connection
    assert con.execute("SELECT source, line, reason, run_id FROM rejections").fetchall() == [
        ("feed.jsonl", 4, "invalid JSON", run_id)]
    assert con.execute("SELECT run_id FROM documents").fetchone() == (run_id,)
    config, counts, finished = con.execute("SELECT config, counts, finished_at FROM runs").fetchone()
    assert json.loads(config) == {"nlp": {"model": "tiny"}}
    assert json.loads(counts) == {"documents": 1, "rejections": 1}
    assert finished is not None


def test_finish_run_without_a_run_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="start_run"):
        store.finish_run()


def test_opening_a_file_that_is_not_duckdb_raises_store_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are plain notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store.open(bogus)


def test_opening_a_missing_folder_or_a_directory_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "missing" / "db.duckdb")
    with pytest.raises(StoreError, match="directory"):
        Store.open(tmp_path)


def test_reading_a_database_that_does_not_exist_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="sitrep ingest"):
        open_for_reading(tmp_path / "absent.duckdb")


def test_a_duckdb_file_not_made_by_sitrep_is_refused_for_reading(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a sitrep database"):
        open_for_reading(path)


def test_a_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE schema_version SET version = 99")
    con.close()
    with pytest.raises(StoreError, match="upgrade sitrep"):
        Store.open(path)


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "keep.duckdb"
    with Store.open(path) as first:
        document = make_document()
        first.write_document(document, [make_event(document)], mentions_of(document))
    con = open_for_reading(path)
    try:
        assert [r["document_id"] for r in query_events(con)] == ["doc-1"]
    finally:
        con.close()


@pytest.mark.parametrize("smaller_first", [True, False])
def test_a_shared_actor_and_place_keep_their_smallest_row_whatever_the_order(store: Store,
                                                                            smaller_first: bool) -> None:
    small = (replace(ARMY, name="A Army"), replace(TOWN, name="Aardvark Town"))
    rows = [small, (ARMY, TOWN), small] if smaller_first else [(ARMY, TOWN), small, (ARMY, TOWN)]
    for index, (army, place) in enumerate(rows):
        document = make_document(f"doc-{index}", f"Report number {index} of the clashes near Riverton.")
        event = make_event(document, index, place=place)
        store.write_document(document, [replace(event, actor1=replace(event.actor1, actor=army))], [])
    con = store.connection
    assert con.execute("SELECT name FROM places").fetchall() == [("Aardvark Town",)]
    assert con.execute("SELECT name FROM actors WHERE id = ?", [ARMY.id]).fetchall() == [("A Army",)]


def test_a_place_of_a_failed_write_is_written_by_the_next(store: Store) -> None:
    document = make_document()
    broken = [PlaceMention(10**12, 10**12 + 8, "Riverton", TOWN)]  # the place goes in, then its mention fails
    with pytest.raises(StoreError):
        store.write_document(document, [], broken)
    assert store.write_document(document, [], mentions_of(document))
    assert store.connection.execute("SELECT geonameid FROM places").fetchall() == [(TOWN.geonameid,)]
