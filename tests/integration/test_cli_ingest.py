"""`sitrep ingest` into a real DuckDB file, twice, and `sitrep events` reading it back in every format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from conftest import Completed, Pending, RunSitrep, run_sitrep_in, start_sitrep_in
from sitrep.events.ontology import EVENT_TYPES

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
# `runs` logs every invocation by design; every other table holds what was ingested.
RUN_LOG_TABLES = frozenset({"runs"})
DB_NAME = "events.duckdb"


@dataclass(frozen=True)
class IngestedTwice:
    """Everything observed around two identical ingests of the examples."""

    run: RunSitrep
    db: Path
    first: Completed
    second: Completed
    events_after_first: Completed
    events_after_second: Completed
    rows_after_first: dict[str, list[str]]
    rows_after_second: dict[str, list[str]]


def table_rows(db: Path) -> dict[str, list[str]]:
    """Every row of every table, as sorted text: enough to tell whether anything at all changed."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [row[0] for row in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    finally:
        con.close()


def _notes_with_a_bad_second_line(directory: Path) -> Path:
    good = [{"id": f"note-{n}", "published": "2024-10-16",
             "text": f"Government forces shelled the town of Saraqib on Tuesday, official number {n} said."}
            for n in (1, 2)]  # fmt: skip
    path = directory / "notes.jsonl"
    path.write_text(json.dumps(good[0]) + "\n[1, 2\n" + json.dumps(good[1]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module", autouse=True)
def started(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Iterator[dict[str, Pending]]:
    """The runs of this module that load the model, started at once so that they load it side by side."""
    workdir = tmp_path_factory.mktemp("ingest")
    notes_dir = tmp_path_factory.mktemp("ingest-bad-line")
    notes = _notes_with_a_bad_second_line(notes_dir)
    runs = {
        "first": start_sitrep_in(workdir)("ingest", examples_dir, "--db", DB_NAME),
        "bad_line": start_sitrep_in(notes_dir)("ingest", notes.name, "--db", "notes.duckdb"),
    }
    yield runs
    for run in runs.values():
        run.close()


@pytest.fixture(scope="module")
def ingested(started: dict[str, Pending], examples_dir: Path) -> IngestedTwice:
    workdir = started["first"].workdir
    run = run_sitrep_in(workdir)
    db = workdir / DB_NAME
    first = started["first"].result()
    events_after_first = run("events", "--db", DB_NAME, "--format", "jsonl", "--mentions")
    rows_after_first = table_rows(db)
    second = run("ingest", examples_dir, "--db", DB_NAME)
    events_after_second = run("events", "--db", DB_NAME, "--format", "jsonl", "--mentions")
    rows_after_second = table_rows(db)
    return IngestedTwice(run, db, first, second, events_after_first, events_after_second, rows_after_first,
                         rows_after_second)  # fmt: skip


@pytest.fixture(scope="module")
def stored(ingested: IngestedTwice) -> list[dict[str, Any]]:
    return ingested.events_after_second.records()


def events(ingested: IngestedTwice, *options: str) -> Completed:
    result = ingested.run("events", "--db", DB_NAME, "--mentions", *options)
    assert result.returncode == 0, result.describe()
    assert "Traceback" not in result.stderr
    return result


def ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["event_id"] for r in records]


# --- ingesting twice ------------------------------------------------------------------------------------


def test_both_ingests_succeed(ingested: IngestedTwice) -> None:
    runs = (ingested.first, ingested.second, ingested.events_after_first, ingested.events_after_second)
    for result in runs:
        assert result.returncode == 0, result.describe()
        assert "Traceback" not in result.stderr
    assert ingested.db.is_file()


def test_the_first_ingest_stores_every_example(ingested: IngestedTwice) -> None:
    counts = {table: len(rows) for table, rows in ingested.rows_after_first.items()}
    assert counts["documents"] == 8, counts
    assert counts["events"] == len(ingested.events_after_first.records()) > 0, counts
    assert counts["places"] > 0 and counts["place_mentions"] > 0, counts


def test_the_second_ingest_stores_nothing_new(ingested: IngestedTwice) -> None:
    assert ingested.events_after_second.stdout == ingested.events_after_first.stdout
    before = {t: rows for t, rows in ingested.rows_after_first.items() if t not in RUN_LOG_TABLES}
    after = {t: rows for t, rows in ingested.rows_after_second.items() if t not in RUN_LOG_TABLES}
    assert {t: len(rows) for t, rows in after.items()} == {t: len(rows) for t, rows in before.items()}
    changed = [table for table in before if after[table] != before[table]]
    assert not changed, f"rows rewritten in {changed}"


def test_stored_events_are_the_records_extract_prints(ingested: IngestedTwice, extracted_examples: Completed,
                                                      stored: list[dict[str, Any]]) -> None:  # fmt: skip
    assert extracted_examples.returncode == 0, extracted_examples.describe()
    extracted = {r["event_id"]: r for r in extracted_examples.records()}
    assert len(stored) == len(extracted)
    for record in stored:
        assert record == extracted[record["event_id"]], record["event_id"]


def test_events_come_oldest_first(stored: list[dict[str, Any]]) -> None:
    starts = [r["date_start"] for r in stored]
    dated = [s for s in starts if s is not None]
    assert dated == sorted(dated)
    assert starts[: len(dated)] == dated, "undated events come last"


# --- formats --------------------------------------------------------------------------------------------


def test_csv_has_acleds_31_columns_in_order_and_a_row_per_event(
    ingested: IngestedTwice, stored: list[dict[str, Any]]
) -> None:
    text = events(ingested, "--format", "csv").stdout
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    assert header == ACLED_COLUMNS
    rows = list(reader)
    assert len(rows) == len(stored)
    assert all(len(row) == 31 for row in rows)
    by_column = [dict(zip(ACLED_COLUMNS, row, strict=True)) for row in rows]
    for row in by_column:
        assert row["event_type"] in (*EVENT_TYPES, ""), row
        event_date = date.fromisoformat(row["event_date"])
        assert row["year"] == str(event_date.year)
        assert row["time_precision"] in ("1", "2", "3"), row
        if row["latitude"]:
            assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
            assert row["geo_precision"] in ("1", "2", "3"), row
    expected = sorted((r["date_start"], r["event_type"] or "", r["sub_event_type"] or "") for r in stored
                      if r["date_start"])  # fmt: skip
    assert sorted((r["event_date"], r["event_type"], r["sub_event_type"]) for r in by_column) == expected


def test_geojson_is_a_feature_collection_of_lon_lat_points(
    ingested: IngestedTwice, stored: list[dict[str, Any]]
) -> None:
    collection = json.loads(events(ingested, "--format", "geojson").stdout)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    located = {r["event_id"]: r["location"] for r in stored
               if r["location"] and r["location"]["latitude"] is not None}  # fmt: skip
    assert located and len(features) == len(located)
    seen: set[str] = set()
    for feature in features:
        assert feature["type"] == "Feature"
        event_id = feature.get("id") or feature["properties"]["event_id"]
        location = located[event_id]
        seen.add(event_id)
        assert feature["geometry"]["type"] == "Point"
        # RFC 7946: longitude first.
        assert feature["geometry"]["coordinates"] == [location["longitude"], location["latitude"]]
    assert seen == set(located)


# --- filters --------------------------------------------------------------------------------------------


def _assert_proper_subset(selected: list[dict[str, Any]], everything: list[dict[str, Any]]) -> None:
    assert selected, "the filter should keep some of the example events"
    assert len(selected) < len(everything), "the filter should drop some of the example events"


def test_since_keeps_events_ending_on_or_after_the_date(
    ingested: IngestedTwice, stored: list[dict[str, Any]]
) -> None:
    since = "2025-01-01"
    expected = [r for r in stored if r["date_end"] is not None and r["date_end"] >= since]
    _assert_proper_subset(expected, stored)
    assert ids(events(ingested, "--since", since).records()) == ids(expected)


def test_until_keeps_events_starting_on_or_before_the_date(
    ingested: IngestedTwice, stored: list[dict[str, Any]]
) -> None:
    until = "2024-10-14"
    expected = [r for r in stored if r["date_start"] is not None and r["date_start"] <= until]
    _assert_proper_subset(expected, stored)
    assert ids(events(ingested, "--until", until).records()) == ids(expected)


def test_country_keeps_events_located_in_that_country(
    ingested: IngestedTwice, stored: list[dict[str, Any]]
) -> None:
    expected = [r for r in stored if r["location"] and r["location"]["country_code"] == "SD"]
    _assert_proper_subset(expected, stored)
    assert ids(events(ingested, "--country", "SD").records()) == ids(expected)


def test_filters_combine(
    ingested: IngestedTwice, stored: list[dict[str, Any]]
) -> None:
    expected = [
        r for r in stored
        if r["location"] and r["location"]["country_code"] == "SY"
        and r["date_end"] is not None and r["date_end"] >= "2024-10-14" and r["date_start"] <= "2024-10-15"
        and r["event_type"] == "Explosions/Remote violence"
    ]  # fmt: skip
    _assert_proper_subset(expected, stored)
    result = events(ingested, "--country", "SY", "--since", "2024-10-14", "--until", "2024-10-15",
                    "--type", "Explosions/Remote violence", "--format", "jsonl")  # fmt: skip
    assert ids(result.records()) == ids(expected)


def test_a_filter_matching_nothing_prints_nothing(ingested: IngestedTwice) -> None:
    assert events(ingested, "--country", "NO").stdout == ""
    assert events(ingested, "--since", "2030-01-01", "--format", "csv").stdout.splitlines() == [
        ",".join(ACLED_COLUMNS)
    ]
    assert json.loads(events(ingested, "--until", "1999-01-01", "--format", "geojson").stdout) == {
        "type": "FeatureCollection", "features": []
    }  # fmt: skip


# --- bad input during ingest ----------------------------------------------------------------------------


def test_ingest_skips_a_bad_line_stores_the_rest_and_exits_1(started: dict[str, Pending]) -> None:
    result = started["bad_line"].result()
    assert result.returncode == 1, result.describe()
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr_lines() if "notes.jsonl:2" in line], result.stderr
    con = duckdb.connect(str(started["bad_line"].workdir / "notes.duckdb"), read_only=True)
    try:
        stored_ids = sorted(row[0] for row in con.execute("SELECT id FROM documents").fetchall())
    finally:
        con.close()
    assert stored_ids == ["note-1", "note-2"]


def test_events_are_fused_across_reports_by_default(ingested: IngestedTwice, stored: list[dict[str, Any]]) -> None:
    fused = ingested.run("events", "--db", DB_NAME, "--format", "jsonl").records()
    assert 0 < len(fused) < len(stored)  # the bundled reports tell some events more than once
    members = [m for event in fused for m in event["mentions"]]
    member_ids = [m if isinstance(m, str) else m["event_id"] for m in members]
    assert sorted(member_ids) == sorted(ids(stored))  # every mention in exactly one event
    assert any(event["corroboration"] > 1 for event in fused)
