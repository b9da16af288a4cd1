"""Each event's corroboration on its row: written by the fusion refresh, filtered on, and upgraded into old files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from store_builders import make_document, make_event, mentions_of

from sitrep.errors import StoreError
from sitrep.model import Document
from sitrep.store import SCHEMA_VERSION, Store, open_for_reading
from sitrep.store.queries import EventQuery, count_search_events, event_corroboration, search_events


def _report(doc_id: str, publisher: str) -> Document:
    return replace(make_document(doc_id, f"Army troops clashed with the Northern Front near Riverton ({doc_id})."),
                   publisher=publisher)


def _row_and_cluster(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Each event's corroboration column beside its cluster's (1 when it is in no cluster)."""
    rows = con.execute("SELECT e.event_id, e.corroboration, coalesce(c.corroboration, 1) FROM events e "
                       "LEFT JOIN cluster_members m USING (event_id) LEFT JOIN clusters c USING (cluster_id)"
                       ).fetchall()
    return {event_id: (row, cluster) for event_id, row, cluster in rows}


@pytest.fixture
def fused(tmp_path: Path) -> Iterator[Store]:
    """Three publishers tell one clash; one of them also reports a protest no one else does."""
    store = Store.open(tmp_path / "fused.duckdb")
    for doc_id, publisher in (("wire", "Example Wire"), ("post", "Example Post"), ("herald", "Example Herald")):
        document = _report(doc_id, publisher)
        events = [make_event(document, 0)]
        if doc_id == "wire":
            events.append(make_event(document, 1, event_type="Protests"))
        store.write_document(document, events, mentions_of(document))
    store.fuse()
    yield store
    store.close()


def test_a_new_database_has_the_column_and_the_current_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.duckdb") as store:
        columns = [row[0] for row in store.connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()]
        version = store.connection.execute("SELECT max(version) FROM schema_version").fetchone()
    assert "corroboration" in columns
    assert version == (SCHEMA_VERSION,) and SCHEMA_VERSION >= 2


def test_events_not_yet_fused_count_as_one(tmp_path: Path) -> None:
    with Store.open(tmp_path / "unfused.duckdb") as store:
        document = _report("wire", "Example Wire")
        store.write_document(document, [make_event(document, 0)], [])
        event_id = make_event(document, 0).event_id
        assert event_corroboration(store.connection, event_id) == 1
        assert event_corroboration(store.connection, "no-such-event") == 1


def test_fusion_writes_each_clusters_corroboration_on_its_members_rows(fused: Store) -> None:
    pairs = _row_and_cluster(fused.connection)
    assert all(row == cluster for row, cluster in pairs.values()), pairs
    assert sorted(row for row, _ in pairs.values()) == [1, 3, 3, 3]
    for event_id, (row, _) in pairs.items():
        assert event_corroboration(fused.connection, event_id) == row


def test_min_corroboration_filters_on_the_column(fused: Store) -> None:
    corroborated = search_events(fused.connection, EventQuery(min_corroboration=2))
    assert len(corroborated) == 3 and {r["event_type"] for r in corroborated} == {"Battles"}
    assert count_search_events(fused.connection, EventQuery(min_corroboration=3)) == 3
    assert count_search_events(fused.connection, EventQuery(min_corroboration=4)) == 0
    assert count_search_events(fused.connection, EventQuery(min_corroboration=1)) == 4


def test_a_report_withdrawn_lowers_the_others_corroboration(fused: Store) -> None:
    fused.connection.execute("DELETE FROM events WHERE document_id = 'herald'")
    fused.fuse()
    pairs = _row_and_cluster(fused.connection)
    assert all(row == cluster for row, cluster in pairs.values()), pairs
    assert sorted(row for row, _ in pairs.values()) == [1, 2, 2]


def test_a_document_stored_again_under_the_same_event_ids_is_fused_again(fused: Store) -> None:
    document = _report("post", "Example Post")
    event = make_event(document, 0)
    # Same ids, new content: the writer replaces the rows, and the next fusion restores their corroboration.
    assert fused.write_document(document, [replace(event, fatalities=4)], mentions_of(document))
    assert fused.connection.execute("SELECT corroboration FROM events WHERE event_id = ?",
                                    [event.event_id]).fetchone() == (1,)
    fused.fuse()
    pairs = _row_and_cluster(fused.connection)
    assert pairs[event.event_id] == (3, 3)
    assert all(row == cluster for row, cluster in pairs.values()), pairs


def _downgrade_to_version_1(path: Path) -> None:
    """Make the file look as a version 1 sitrep left it: no corroboration column."""
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX events_document")
    con.execute("ALTER TABLE events DROP COLUMN corroboration")
    con.execute("CREATE INDEX events_document ON events (document_id)")
    con.execute("UPDATE schema_version SET version = 1")
    con.close()


def test_the_writer_upgrades_an_older_database_and_fills_the_column(fused: Store) -> None:
    path = fused.path
    expected = {event_id: row for event_id, (row, _) in _row_and_cluster(fused.connection).items()}
    fused.close()
    _downgrade_to_version_1(path)
    with pytest.raises(StoreError, match="older sitrep.*sitrep ingest --db"):
        open_for_reading(path)
    with Store.open(path) as store:
        upgraded = {event_id: row for event_id, (row, _) in _row_and_cluster(store.connection).items()}
    assert upgraded == expected
    reader = open_for_reading(path)
    try:
        assert reader.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
        assert count_search_events(reader, EventQuery(min_corroboration=2)) == 3
    finally:
        reader.close()
