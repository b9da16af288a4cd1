"""Hand-built documents, events and place mentions shared by the store and export tests."""

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
    Span,
    stable_id,
)

ARMY = Actor(id="army-xy", name="Military Forces of Xland", type="State forces", country="XY")
FRONT = Actor(id="front-xy", name="Northern Front", type="Rebel group", country="XY")
MILITIA = Actor(id="militia-xy", name="Hill Militia", type="Identity militia", country="XY")
TOWN = Place(geonameid=101, name="Riverton", latitude=12.5, longitude=41.25, country_code="SY",
             feature_class="P", feature_code="PPL", admin1="Lakes")


def make_document(doc_id: str = "doc-1", text: str | None = None) -> Document:
    body = text or "Army troops clashed with the Northern Front near Riverton on Monday, a spokesman said."
    return Document(id=doc_id, text=body, title="Clashes near Riverton", publisher="Example Wire",
                    published=date(2024, 3, 5), origin=f"{doc_id}.txt")


def make_event(document: Document, index: int = 0, *, place: Place | None = TOWN,
               day: date = date(2024, 3, 4), event_type: str | None = "Battles") -> Event:
    text = document.text
    sentence = Span(0, len(text), text)
    return Event(
        event_id=stable_id(document.id, index, event_type, day),
        document_id=document.id,
        event_type=event_type,
        sub_event_type="Armed clash" if event_type == "Battles" else None,
        plover_type="ASSAULT",
        plover_mode="firearms",
        actor1=ActorMention(ARMY, 0, 4, text[0:4]),
        actor2=ActorMention(FRONT, 31, 45, text[31:45]),
        assoc_actor1=(ActorMention(MILITIA, 5, 11, text[5:11]),),
        assoc_actor2=(),
        location=PlaceMention(51, 59, text[51:59], place) if place else None,
        geo_precision=2 if place else None,
        date=DateRange(day, day, 1),
        fatalities=3,
        certainty="reported",
        attribution="a spokesman",
        evidence=sentence,
        trigger=Span(12, 19, text[12:19]),
        summary="Military forces clashed with the Northern Front near Riverton.",
        document=document.info(),
    )


def mentions_of(document: Document) -> list[PlaceMention]:
    start = document.text.find("Riverton")
    return [PlaceMention(start, start + 8, "Riverton", TOWN, score=0.9),
            PlaceMention(0, 4, document.text[0:4], None)]
