"""Hand-built event records for the fusion tests (the contract's JSON shape)."""

from __future__ import annotations

from typing import Any

ARMY = {"name": "Military Forces of Xland", "id": "xy-military", "type": "State forces", "country": "XY"}
GOV = {"name": "Government of Xland", "id": "xy-gov", "type": "State forces", "country": "XY"}
FRONT = {"name": "Northern Front", "id": "front-xy", "type": "Rebel group", "country": "XY"}
HILL = {"name": "Hill Militia", "id": "militia-xy", "type": "Identity militia", "country": "XY"}
BACKER = {"name": "Government of Yland", "id": "yy-gov", "type": "State forces", "country": "YY"}
RIVERTON = {"name": "Riverton", "geonameid": 101, "latitude": 12.5, "longitude": 41.25, "country_code": "XY",
            "admin1": "Lakes", "feature_code": "PPLA", "text": "Riverton"}
# About 5 km from Riverton; Hilltown is about 60 km away in the same province.
NEARBY = {**RIVERTON, "name": "Bridgeford", "geonameid": 102, "latitude": 12.545, "text": "Bridgeford"}
HILLTOWN = {**RIVERTON, "name": "Hilltown", "geonameid": 103, "latitude": 13.05, "text": "Hilltown"}


def record(event_id: str, document_id: str = "doc-1", *, sub: str | None = "Armed clash",
           event_type: str | None = "Battles", actor1: dict[str, Any] | None = ARMY,
           actor2: dict[str, Any] | None = FRONT, location: dict[str, Any] | None = RIVERTON, geo: int = 1,
           start: str | None = "2024-03-04", end: str | None = None, precision: int = 1,
           fatalities: int | None = None, certainty: str = "asserted", publisher: str | None = "Wire A",
           plover: str = "ASSAULT", assoc1: list[dict[str, Any]] | None = None,
           sentence: str = "Fighting was reported.") -> dict[str, Any]:
    return {
        "event_id": event_id, "document_id": document_id, "event_type": event_type, "sub_event_type": sub,
        "plover_type": plover, "plover_mode": None, "actor1": actor1, "actor2": actor2,
        "assoc_actor1": assoc1 or [], "assoc_actor2": [], "location": location,
        "geo_precision": geo if location else None, "date_start": start, "date_end": end or start,
        "time_precision": precision if start else None, "fatalities": fatalities, "certainty": certainty,
        "attribution": None, "evidence": {"sentence": sentence, "start": 0, "end": len(sentence)},
        "summary": "", "document": {"title": None, "url": None, "publisher": publisher,
                                    "published": start},
    }
