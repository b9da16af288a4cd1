"""Exports from the API match the CLI's and round-trip: ACLED CSV, GeoJSON, PLOVER, Parquet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from api_database import build_database
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.config import Settings
from sitrep.export.acled import read_acled_csv, to_acled_rows
from sitrep.export.files import export_events
from sitrep.export.parquet import read_parquet
from sitrep.store import open_for_reading
from sitrep.store.queries import EventQuery, search_events


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_database(tmp_path_factory)


@pytest.fixture(scope="module")
def client(database: Path) -> TestClient:
    return TestClient(create_app(Settings(), database))


@pytest.fixture(scope="module")
def records(database: Path) -> list[dict[str, object]]:
    con = open_for_reading(database)
    try:
        return search_events(con, EventQuery())
    finally:
        con.close()


def _get(client: TestClient, fmt: str) -> bytes:
    response = client.get("/api/events", params={"format": fmt, "limit": 1000})
    assert response.status_code == 200, response.text
    return response.content


def test_acled_csv_round_trips_to_the_same_events(client: TestClient, records: list[dict[str, object]]) -> None:
    rows = read_acled_csv(io.StringIO(_get(client, "csv").decode("utf-8"), newline=""))
    expected = list(to_acled_rows(records))
    assert [row["event_id_cnty"] for row in rows] == [row["event_id_cnty"] for row in expected]
    for got, want in zip(rows, expected, strict=True):
        assert got["latitude"] == want["latitude"] and got["fatalities"] == want["fatalities"]
        assert got["notes"] == want["notes"] and got["event_type"] == want["event_type"]


def test_api_export_equals_the_file_export(client: TestClient, records: list[dict[str, object]],
                                           tmp_path: Path) -> None:
    for fmt in ("csv", "geojson", "plover", "jsonl"):
        target = tmp_path / f"events.{fmt}"
        export_events(records, fmt, target)
        assert _get(client, fmt) == target.read_bytes(), fmt


def test_geojson_is_a_feature_collection_of_points(client: TestClient) -> None:
    collection = json.loads(_get(client, "geojson"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        longitude, latitude = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= longitude <= 180 and -90 <= latitude <= 90


def test_plover_records_name_type_mode_actors_and_evidence(client: TestClient,
                                                           records: list[dict[str, object]]) -> None:
    lines = [json.loads(line) for line in _get(client, "plover").decode("utf-8").splitlines()]
    assert len(lines) == len(records)
    with_actor = next(line for line in lines if line["source_actor"])
    assert with_actor["source_country"] is None or len(with_actor["source_country"]) == 3
    assert all(line["event_type"] and line["text"] for line in lines)


def test_parquet_reads_back_as_the_same_records(client: TestClient, records: list[dict[str, object]],
                                                tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    target.write_bytes(_get(client, "parquet"))
    assert read_parquet(target) == records


def test_an_empty_export_still_has_its_header(tmp_path: Path) -> None:
    target = tmp_path / "empty.csv"
    export_events([], "acled", target)
    with target.open(newline="") as stream:
        assert next(csv.reader(stream))[0] == "event_id_cnty"
    export_events([], "parquet", tmp_path / "empty.parquet")
    assert read_parquet(tmp_path / "empty.parquet") == []
