"""The data model: content ids are stable, records carry every contract field."""

from __future__ import annotations

from datetime import date

from sitrep.model import (
    Actor,
    ActorMention,
    DateRange,
    Document,
    Event,
    Place,
    PlaceMention,
    Rejection,
    Span,
    stable_id,
)

CONTRACT_FIELDS = {
    "event_id", "document_id", "event_type", "sub_event_type", "plover_type", "plover_mode", "actor1", "actor2",
    "assoc_actor1", "assoc_actor2", "location", "geo_precision", "date_start", "date_end", "time_precision",
    "fatalities", "certainty", "attribution", "evidence", "summary", "document",
}


def test_stable_id_depends_on_content_only() -> None:
    assert stable_id("a", 1, None) == stable_id("a", 1, None)
    assert stable_id("a", 1) != stable_id("a", 2)
    assert stable_id("ab", "c") != stable_id("a", "bc")
    assert Document("x", "text").content_hash == Document("y", "text").content_hash


def test_rejection_message_names_file_and_line() -> None:
    assert Rejection("in.jsonl", 2, "invalid JSON").message() == "sitrep: skipped in.jsonl:2: invalid JSON"
    assert Rejection("a.bin", None, "binary").message() == "sitrep: skipped a.bin: binary"


def test_event_record_has_every_contract_field() -> None:
    text = "Russian forces shelled Kherson on Monday."
    actor = ActorMention(Actor("ru-military", "Military Forces of Russia", "State forces", "RU"), 0, 14,
                         "Russian forces")
    place = PlaceMention(23, 30, "Kherson", Place(706448, "Kherson", 46.6, 32.6, "UA", "P", "PPLA", 300000,
                                                  "17", "Kherson"))
    event = Event(
        event_id="e1", document_id="d1", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", plover_type="ASSAULT", plover_mode="heavy-weapons",
        actor1=actor, actor2=None, assoc_actor1=(), assoc_actor2=(), location=place, geo_precision=1,
        date=DateRange(date(2023, 12, 4), date(2023, 12, 4), 1), fatalities=None, certainty="asserted",
        attribution=None, evidence=Span(0, len(text), text), trigger=Span(15, 22, "shelled"), summary="s",
        document=Document("d1", text, published=date(2023, 12, 5)).info(),
    )
    record = event.to_record()
    assert set(record) >= CONTRACT_FIELDS
    assert record["actor1"] == {"name": "Military Forces of Russia", "id": "ru-military", "type": "State forces",
                                "country": "RU", "text": "Russian forces"}
    assert record["location"]["latitude"] == 46.6 and record["location"]["text"] == "Kherson"
    assert record["date_start"] == record["date_end"] == "2023-12-04"
    assert record["document"]["published"] == "2023-12-05"
    assert text[record["evidence"]["start"]:record["evidence"]["end"]] == record["evidence"]["sentence"]
