"""The actor filter of `search_events`: ids and names in every role, allies included, with or without allies stored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from store_builders import ARMY, FRONT, MILITIA, make_document, make_event

from sitrep.model import Actor, ActorMention
from sitrep.store import Store
from sitrep.store.queries import EventQuery, count_search_events, search_events
from sitrep.store.schema import SCHEMA_VERSION, create_schema

# The same id as ARMY under another name: the actors table keeps one of the two, the events rows their own.
ARMY_RENAMED = replace(ARMY, name="Armed Forces of Xland")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "actors.duckdb")
    allied = make_document("allied")
    # make_event: ARMY acts with MILITIA as an ally against FRONT.
    store.write_document(allied, [make_event(allied, 0)], [])
    alone = make_document("alone", "Army troops clashed with the Northern Front near Riverton on Monday, it said.")
    event = make_event(alone, 1)
    text = alone.text
    store.write_document(alone, [replace(event, actor1=ActorMention(ARMY_RENAMED, 0, 4, text[0:4]),
                                         assoc_actor1=())], [])
    yield store
    store.close()


def _documents(store: Store, actor: str) -> list[str]:
    return sorted(record["document_id"] for record in search_events(store.connection, EventQuery(actor=actor)))


def test_main_actors_match_by_id_or_name_in_any_case(store: Store) -> None:
    assert _documents(store, ARMY.id) == ["allied", "alone"]
    assert _documents(store, FRONT.id) == ["allied", "alone"]
    assert _documents(store, FRONT.name.upper()) == ["allied", "alone"]


def test_a_name_matches_the_events_row_or_the_stored_actor(store: Store) -> None:
    # The actors table keeps the smaller of the two names for the id: "Armed Forces of Xland".
    stored_name = store.connection.execute("SELECT name FROM actors WHERE id = ?", [ARMY.id]).fetchone()
    assert stored_name == (ARMY_RENAMED.name,)
    # The stored actor's name reaches every event of its id; another name only the events that carry it.
    assert _documents(store, ARMY_RENAMED.name.lower()) == ["allied", "alone"]
    assert _documents(store, ARMY.name) == ["allied"]


def test_allies_are_found_through_their_links(store: Store) -> None:
    assert _documents(store, MILITIA.id) == ["allied"]
    assert _documents(store, MILITIA.name.lower()) == ["allied"]
    assert count_search_events(store.connection, EventQuery(actor=MILITIA.id)) == 1


def test_an_unknown_actor_or_a_database_without_allies_matches_only_its_own(store: Store) -> None:
    assert _documents(store, "nobody") == []
    store.connection.execute("DELETE FROM event_actors WHERE role LIKE 'assoc%'")
    store.connection.execute("UPDATE events SET assoc_actor_ids = NULL")
    assert _documents(store, MILITIA.id) == []
    assert _documents(store, ARMY.id) == ["allied", "alone"]
    unstored = Actor(id="ghost", name="Ghost Brigade", type="Rebel group", country=None)
    assert _documents(store, unstored.name) == []


def test_a_version_2_database_gains_the_associated_actor_ids(store: Store) -> None:
    # A version 2 events table: no assoc_actor_ids (DuckDB alters a table only without its index).
    store.connection.execute("DROP INDEX events_document")
    store.connection.execute("ALTER TABLE events DROP COLUMN assoc_actor_ids")
    store.connection.execute("CREATE INDEX events_document ON events (document_id)")
    store.connection.execute("UPDATE schema_version SET version = 2")
    create_schema(store.connection)
    assert _documents(store, MILITIA.id) == ["allied"]
    assert store.connection.execute("SELECT version FROM schema_version").fetchone() == (SCHEMA_VERSION,)
