"""GeoJSON and JSON Lines exports: RFC 7946 structure, [longitude, latitude] order, lossless lines."""

from __future__ import annotations

import io
import json
import math
from typing import Any

import pytest
from store_builders import make_document, make_event

from sitrep.errors import InputError
from sitrep.export import flatten_record, read_jsonl, to_feature_collection, write_jsonl


def located_record() -> dict[str, Any]:
    return make_event(make_document()).to_record()


def unlocated_record() -> dict[str, Any]:
    return make_event(make_document("elsewhere"), place=None).to_record()


def assert_rfc7946_point_collection(collection: dict[str, Any]) -> None:
    """The parts of RFC 7946 a FeatureCollection of points must meet."""
    assert set(collection) == {"type", "features"}  # no "crs" member (RFC 7946 section 4)
    assert collection["type"] == "FeatureCollection"
    assert isinstance(collection["features"], list)
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        assert "id" not in feature or isinstance(feature["id"], str | int | float)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        position = geometry["coordinates"]
        assert isinstance(position, list) and len(position) == 2
        assert all(isinstance(v, float) and math.isfinite(v) for v in position)
        longitude, latitude = position
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert all(not isinstance(v, dict | list) for v in feature["properties"].values())
    json.dumps(collection, allow_nan=False)  # plain JSON, no NaN


def test_coordinates_are_longitude_then_latitude() -> None:
    collection = to_feature_collection([located_record()])
    assert_rfc7946_point_collection(collection)
    (feature,) = collection["features"]
    assert feature["geometry"]["coordinates"] == [41.25, 12.5]  # Riverton: lat 12.5, lon 41.25


def test_events_without_coordinates_are_left_out() -> None:
    collection = to_feature_collection([unlocated_record(), located_record()])
    assert [f["properties"]["document_id"] for f in collection["features"]] == ["doc-1"]


def test_out_of_range_coordinates_are_left_out() -> None:
    record = located_record()
    record["location"] = {**record["location"], "latitude": 123.0}
    assert to_feature_collection([record])["features"] == []


def test_properties_are_the_flat_record() -> None:
    record = located_record()
    (feature,) = to_feature_collection([record])["features"]
    properties = feature["properties"]
    assert feature["id"] == record["event_id"]
    assert properties["actor1_name"] == "Military Forces of Xland"
    assert properties["actor2_type"] == "Rebel group"
    assert properties["assoc_actor1"] == "Hill Militia"
    assert properties["assoc_actor1_ids"] == "militia-xy"
    assert properties["assoc_actor2"] is None
    assert properties["location_geonameid"] == 101
    assert properties["evidence_start"] == 0
    assert properties["document_publisher"] == "Example Wire"
    assert properties["fatalities"] == 3
    assert properties == flatten_record(record)


def test_an_empty_collection_is_valid() -> None:
    collection = to_feature_collection([])
    assert_rfc7946_point_collection(collection)
    assert collection["features"] == []


def test_jsonl_round_trip_keeps_records_and_non_ascii_text() -> None:
    record = located_record()
    record["summary"] = "Clashes near Şehir — 3 killed"
    stream = io.StringIO()
    assert write_jsonl([record, unlocated_record()], stream) == 2
    text = stream.getvalue()
    assert text.count("\n") == 2 and "Şehir" in text
    assert read_jsonl(io.StringIO(text)) == [record, unlocated_record()]


def test_jsonl_reading_names_the_bad_line() -> None:
    with pytest.raises(InputError, match="out.jsonl:2"):
        read_jsonl(io.StringIO('{"a": 1}\n{oops\n'), source="out.jsonl")
