"""ACLED CSV export: the 31 columns in order, codebook coding, and a lossless round trip."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_builders import make_document, make_event

from sitrep.errors import InputError
from sitrep.export import ACLED_COLUMNS, read_acled_csv, to_acled_rows, write_acled_csv
from sitrep.export.acled import interaction_code
from sitrep.model import Actor, ActorMention

EXPECTED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

VILLAGERS = Actor(id="civ-xy", name="Civilians (Xland)", type="Civilians", country="XY")


def battle_record() -> dict[str, Any]:
    return make_event(make_document()).to_record()


def attack_on_civilians_record() -> dict[str, Any]:
    document = make_document("attack")
    event = make_event(document, event_type="Violence against civilians")
    event = replace(event, actor2=ActorMention(VILLAGERS, 0, 5, document.text[0:5]), assoc_actor1=(),
                    fatalities=None, date=None, location=None, geo_precision=None)
    return event.to_record()


def test_header_is_acleds_31_columns_in_order() -> None:
    stream = io.StringIO()
    write_acled_csv([battle_record()], stream)
    header = next(csv.reader(io.StringIO(stream.getvalue())))
    assert header == EXPECTED_COLUMNS == list(ACLED_COLUMNS)
    assert len(header) == 31


def test_a_battle_is_coded_as_the_codebook_says() -> None:
    (row,) = to_acled_rows([battle_record()])
    assert list(row) == EXPECTED_COLUMNS
    assert row["event_id_cnty"].startswith("SYR")
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-03-04", 2024, 1)
    assert row["disorder_type"] == "Political violence"
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")
    assert row["actor1"] == "Military Forces of Xland"
    assert (row["assoc_actor_1"], row["inter1"]) == ("Hill Militia", 1)
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Northern Front", 2, 12)
    assert row["civilian_targeting"] == ""
    assert (row["iso"], row["region"], row["country"]) == (760, "Middle East", "Syria")
    assert (row["admin1"], row["location"]) == ("Lakes", "Riverton")
    assert (row["latitude"], row["longitude"]) == (12.5, 41.25)
    assert (row["geo_precision"], row["source"], row["fatalities"]) == (2, "Example Wire", 3)
    assert row["notes"] == "Military forces clashed with the Northern Front near Riverton."
    # without an ingest time the timestamp is midnight UTC of the event date
    assert row["timestamp"] == 1709510400


def test_civilian_targeting_null_fatalities_and_missing_place() -> None:
    (row,) = to_acled_rows([attack_on_civilians_record()], timestamp=1700000000)
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 7, 17)
    assert row["fatalities"] == 0
    assert row["disorder_type"] == "Political violence"
    assert (row["iso"], row["country"], row["region"], row["latitude"]) == (None, "", "", None)
    assert (row["event_date"], row["year"]) == ("", None)
    assert row["timestamp"] == 1700000000


def test_ingest_time_becomes_the_timestamp_and_assoc_actors_are_joined() -> None:
    record = battle_record()
    record["ingested_at"] = "2024-03-06T00:00:00Z"
    record["assoc_actor1"] = [{"name": "Hill Militia"}, {"name": "Valley Guard"}]
    (row,) = to_acled_rows([record])
    assert row["timestamp"] == 1709683200
    assert row["assoc_actor_1"] == "Hill Militia; Valley Guard"


@pytest.mark.parametrize(("inter1", "inter2", "expected"), [
    (1, 2, 12), (2, 1, 12), (7, 1, 17), (6, 0, 60), (1, 1, 11), (0, 0, None), (None, 2, None),
])
def test_interaction_puts_the_smaller_code_first(inter1: int | None, inter2: int | None,
                                                expected: int | None) -> None:
    assert interaction_code(inter1, inter2) == expected


def test_region_and_names_follow_acled_spelling() -> None:
    record = battle_record()
    for code, country, region, iso in [
        ("CD", "Democratic Republic of Congo", "Middle Africa", 180),
        ("UA", "Ukraine", "Europe", 804),
        ("SD", "Sudan", "Northern Africa", 729),
        ("MX", "Mexico", "Central America", 484),
    ]:
        record["location"] = {**record["location"], "country_code": code}
        (row,) = to_acled_rows([record])
        assert (row["country"], row["region"], row["iso"]) == (country, region, iso)


def test_csv_round_trip_is_lossless() -> None:
    rows = list(to_acled_rows([battle_record(), attack_on_civilians_record()]))
    stream = io.StringIO()
    assert write_acled_csv([battle_record(), attack_on_civilians_record()], stream) == 2
    assert read_acled_csv(io.StringIO(stream.getvalue())) == rows


def test_a_carriage_return_in_the_notes_survives() -> None:
    record = battle_record()
    record["summary"] = "line one\rline two"
    stream = io.StringIO(newline="")
    write_acled_csv([record], stream)
    (back,) = read_acled_csv(io.StringIO(stream.getvalue(), newline=""))
    assert back["notes"] == "line one\rline two"


@given(notes=st.text(), latitude=st.floats(-90, 90), longitude=st.floats(-180, 180),
       fatalities=st.none() | st.integers(0, 10**6), day=st.dates(date(1990, 1, 1), date(2100, 1, 1)))
def test_round_trip_holds_for_any_text_and_numbers(notes: str, latitude: float, longitude: float,
                                                   fatalities: int | None, day: date) -> None:
    record = battle_record()
    record.update(summary=notes, fatalities=fatalities, date_start=day.isoformat())
    record["location"] = {**record["location"], "latitude": latitude, "longitude": longitude}
    stream = io.StringIO(newline="")
    write_acled_csv([record], stream)
    (back,) = read_acled_csv(io.StringIO(stream.getvalue(), newline=""))
    assert back == next(iter(to_acled_rows([record])))


def test_reading_a_csv_without_acled_columns_names_the_source() -> None:
    with pytest.raises(InputError, match="events.csv:1: not an ACLED CSV"):
        read_acled_csv(io.StringIO("a,b\n1,2\n"), source="events.csv")
