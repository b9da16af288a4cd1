"""Queries over a store filled with hand-built events: filters, order, limits, counts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_builders import TOWN, make_document, make_event, mentions_of

from sitrep.errors import StoreError
from sitrep.model import Place
from sitrep.store import (
    Store,
    count_events,
    count_events_by,
    get_document,
    get_event,
    query_events,
    query_rejections,
    table_counts,
)

KYIV_LIKE = Place(geonameid=202, name="Eastbridge", latitude=50.4, longitude=30.5, country_code="UA",
                  feature_class="P", feature_code="PPLC")


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "q.duckdb")
    syria = make_document("syria")
    ukraine = make_document("ukraine", "Drones struck Eastbridge overnight and protesters gathered later.")
    store.write_document(syria, [
        make_event(syria, 0, day=date(2024, 3, 4)),
        make_event(syria, 1, day=date(2024, 2, 20), event_type="Protests"),
    ], mentions_of(syria))
    store.write_document(ukraine, [
        make_event(ukraine, 0, place=KYIV_LIKE, day=date(2024, 3, 1)),
        replace(make_event(ukraine, 1, place=None), date=None),
    ], [])
    yield store
    store.close()


def test_events_come_ordered_by_date_then_id_with_undated_last(filled: Store) -> None:
    records = query_events(filled.connection)
    assert [r["date_start"] for r in records] == ["2024-02-20", "2024-03-01", "2024-03-04", None]


def test_country_filter_ignores_case(filled: Store) -> None:
    records = query_events(filled.connection, country="ua")
    assert [r["location"]["name"] for r in records] == ["Eastbridge"]
    assert count_events(filled.connection, country="SY") == 2


def test_since_and_until_keep_events_overlapping_the_window(filled: Store) -> None:
    con = filled.connection
    assert [r["date_start"] for r in query_events(con, since="2024-03-01")] == ["2024-03-01", "2024-03-04"]
    until_march = query_events(con, until=date(2024, 3, 1))
    assert [r["date_start"] for r in until_march] == ["2024-02-20", "2024-03-01"]
    assert query_events(con, since="2024-03-02", until="2024-03-03") == []


def test_type_filter_matches_event_type_sub_event_type_or_plover_type(filled: Store) -> None:
    con = filled.connection
    assert {r["event_type"] for r in query_events(con, event_type="protests")} == {"Protests"}
    assert len(query_events(con, event_type="Armed clash")) == 3
    assert len(query_events(con, event_type="ASSAULT")) == 4


def test_filters_combine_and_limit_and_offset_page(filled: Store) -> None:
    con = filled.connection
    assert len(query_events(con, country="SY", event_type="Battles", since="2024-03-01")) == 1
    everything = query_events(con)
    assert query_events(con, limit=2) == everything[:2]
    assert query_events(con, limit=2, offset=2) == everything[2:]


def test_records_are_the_contract_records_and_can_carry_ingest_time(filled: Store) -> None:
    syria = make_document("syria")
    expected = make_event(syria, 0, day=date(2024, 3, 4)).to_record()
    assert get_event(filled.connection, expected["event_id"]) == expected
    assert get_event(filled.connection, "no-such-event") is None
    stamped = query_events(filled.connection, document_id="syria", with_ingest_time=True)
    assert all(r["ingested_at"].endswith("Z") for r in stamped)


def test_bad_dates_and_limits_raise_store_error(filled: Store) -> None:
    with pytest.raises(StoreError, match="YYYY-MM-DD"):
        query_events(filled.connection, since="March 2024")
    with pytest.raises(StoreError, match="negative"):
        query_events(filled.connection, limit=-1)
    with pytest.raises(StoreError, match="cannot count events by"):
        count_events_by(filled.connection, "text; DROP TABLE events")


def test_counts_by_column_and_documents(filled: Store) -> None:
    assert count_events_by(filled.connection, "country_code") == {"SY": 2, None: 1, "UA": 1}
    document = get_document(filled.connection, "syria")
    assert document is not None and document["published"] == "2024-03-05"
    assert query_rejections(filled.connection) == []


# Writing the same documents in any order must give the same table contents.

_DOCUMENTS = [make_document(f"d{i}", f"Report number {i}: fighting near Riverton.") for i in range(4)]
_SHARED_PLACE_VARIANT = replace(TOWN, admin1="Lakes Province")  # the same place spelled two ways


def _writes(index: int) -> tuple:
    document = _DOCUMENTS[index]
    place = _SHARED_PLACE_VARIANT if index % 2 else TOWN
    events = [make_event(document, k, place=place, day=date(2024, 1, 1 + index + k))
              for k in range(index % 3)]
    mentions = [replace(mention, place=place if mention.place else None) for mention in mentions_of(document)]
    return document, events, mentions


def _table_contents(store: Store) -> dict[str, list[tuple]]:
    con = store.connection
    queries = {
        "documents": "SELECT id, content_hash, revision, title, text FROM documents",
        "events": "SELECT * EXCLUDE (record), CAST(record AS VARCHAR) FROM events",
        "actors": "SELECT * FROM actors",
        "event_actors": "SELECT * FROM event_actors",
        "places": "SELECT * FROM places",
        "place_mentions": "SELECT * FROM place_mentions",
    }
    return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(len(_DOCUMENTS))), repeat=st.lists(st.integers(0, 3), max_size=3))
def test_any_write_order_gives_the_same_tables(tmp_path: Path, order: list[int], repeat: list[int]) -> None:
    contents = []
    for sequence in (list(range(len(_DOCUMENTS))), [*order, *repeat]):
        path = tmp_path / f"p{len(contents)}.duckdb"
        path.unlink(missing_ok=True)
        with Store.open(path) as store:
            for index in sequence:
                store.write_document(*_writes(index))
            contents.append(_table_contents(store))
            assert table_counts(store.connection)["documents"] == len(_DOCUMENTS)
    assert contents[0] == contents[1]
