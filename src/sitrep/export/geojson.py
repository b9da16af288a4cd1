"""Event records as an RFC 7946 GeoJSON FeatureCollection of points, one Feature per located event.

Events without coordinates are left out rather than given a null geometry: RFC 7946 allows null
geometries, but many GIS tools reject or misplace them, and an event that cannot be mapped adds
nothing to a map. The JSON Lines and CSV exports keep every event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Properties = dict[str, Any]


def _flatten_actor(prefix: str, actor: dict[str, Any] | None, properties: Properties) -> None:
    for key in ("name", "id", "type", "country", "text"):
        properties[f"{prefix}_{key}"] = (actor or {}).get(key)


def _join(actors: Iterable[dict[str, Any]] | None, key: str) -> str | None:
    values = [str(actor[key]) for actor in actors or () if actor.get(key)]
    return "; ".join(values) if values else None


def flatten_record(record: dict[str, Any]) -> Properties:
    """A contract record with nested objects spread into scalar fields (`actor1_name`, `location_name`,
    `evidence_start`, `document_title`, ...), as GIS tools expect of feature properties."""
    properties: Properties = {}
    for key, value in record.items():
        if key in ("actor1", "actor2"):
            _flatten_actor(key, value, properties)
        elif key in ("assoc_actor1", "assoc_actor2"):
            properties[key] = _join(value, "name")
            properties[f"{key}_ids"] = _join(value, "id")
        elif isinstance(value, dict):
            for inner, inner_value in value.items():
                properties[f"{key}_{inner}"] = inner_value
        elif isinstance(value, list):
            properties[key] = "; ".join(str(item) for item in value) or None
        else:
            properties[key] = value
    return properties


def _position(record: dict[str, Any]) -> list[float] | None:
    location = record.get("location") or {}
    longitude, latitude = location.get("longitude"), location.get("latitude")
    if not isinstance(longitude, int | float) or not isinstance(latitude, int | float):
        return None
    if not (-180.0 <= longitude <= 180.0 and -90.0 <= latitude <= 90.0):
        return None
    return [float(longitude), float(latitude)]


def to_feature(record: dict[str, Any]) -> dict[str, Any] | None:
    """One Point Feature ([longitude, latitude]) for a located event, or None without coordinates."""
    position = _position(record)
    if position is None:
        return None
    return {
        "type": "Feature",
        "id": record.get("event_id"),
        "geometry": {"type": "Point", "coordinates": position},
        "properties": flatten_record(record),
    }


def to_feature_collection(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection (WGS 84, no `crs` member) of the located events, in the order given."""
    features = [feature for feature in map(to_feature, records) if feature is not None]
    return {"type": "FeatureCollection", "features": features}
