"""The event coder on short event descriptions in the style of ACLED's notes (written for these tests)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitrep.config import load_settings
from sitrep.model import Document
from sitrep.pipeline import Pipeline

CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("On 1 December 2023, Russian military forces shelled Antonivka, Kherson. Casualties unknown.", "2023-12-02",
     {"sub_event_type": "Shelling/artillery/missile attack", "actor1": "ru-military", "place": "Antonivka",
      "date": "2023-12-01", "fatalities": None}),
    ("On 3 March 2024, RSF fighters attacked the village of Wad al-Noura in Gezira state, killing at least 100 "
     "civilians.", "2024-03-05",
     {"sub_event_type": "Attack", "actor1": "rsf", "actor2_type": "Civilians", "date": "2024-03-03",
      "fatalities": 100, "country": "SD"}),
    ("On 12 May 2024, Israeli forces carried out an air strike on a house in Rafah, killing 5 people.", "2024-05-13",
     {"sub_event_type": "Air/drone strike", "actor1": "il-military", "place": "Rafah", "fatalities": 5}),
    ("On 5 June 2024, al-Shabaab militants clashed with Somali National Army soldiers near Beledweyne. "
     "4 fatalities.", "2024-06-06",
     {"sub_event_type": "Armed clash", "actor1": "al-shabaab", "actor2": "so-military", "geo_precision": 2,
      "fatalities": 4}),
    ("On 10 January 2024, around 300 people demonstrated in Khartoum against the war.", "2024-01-11",
     {"sub_event_type": "Peaceful protest", "actor1_type": "Protesters", "place": "Khartoum"}),
    ("On 20 April 2024, an IED planted by unidentified armed men exploded near a military vehicle in Daraa, "
     "wounding two soldiers.", "2024-04-21",
     {"sub_event_type": "Remote explosive/landmine/IED", "actor1_type": "Political militia", "place": "Daraa"}),
    ("On 8 August 2024, police arrested 12 protesters in Nairobi.", "2024-08-09",
     {"sub_event_type": "Arrests", "place": "Nairobi", "actor1_type": "State forces"}),
    ("On 14 October 2024, the Houthis launched a ballistic missile at Eilat.", "2024-10-15",
     {"sub_event_type": "Shelling/artillery/missile attack", "actor1": "houthis", "place": "Eilat"}),
    ("On 30 November 2024, unidentified gunmen abducted three aid workers in Maiduguri, Borno.", "2024-12-01",
     {"sub_event_type": "Abduction/forced disappearance", "place": "Maiduguri", "date": "2024-11-30"}),
    ("Residents said the army denied shelling the market in Kadugli on Tuesday.", "2024-07-04",
     {"certainty": "denied", "place": "Kadugli"}),
    ("There were unconfirmed reports of clashes between the army and RSF in Omdurman.", "2024-07-04",
     {"sub_event_type": "Armed clash", "certainty": "unconfirmed", "place": "Omdurman"}),
]


@pytest.fixture(scope="module")
def coded() -> list[list[dict[str, Any]]]:
    documents = [Document(f"case-{i}", text, published=date.fromisoformat(published))
                 for i, (text, published, _) in enumerate(CASES)]
    return [[e.to_record() for e in a.events] for a in Pipeline(load_settings()).analyse(documents)]


@pytest.mark.parametrize("index", range(len(CASES)))
def test_note_is_coded(coded: list[list[dict[str, Any]]], index: int) -> None:
    text, _, expected = CASES[index]
    events = coded[index]
    assert events, f"no event from: {text}"
    event = events[0]
    checks = {
        "sub_event_type": lambda: event["sub_event_type"],
        "actor1": lambda: event["actor1"] and event["actor1"]["id"],
        "actor2": lambda: event["actor2"] and event["actor2"]["id"],
        "actor1_type": lambda: event["actor1"] and event["actor1"]["type"],
        "actor2_type": lambda: event["actor2"] and event["actor2"]["type"],
        "place": lambda: event["location"] and event["location"]["text"],
        "country": lambda: event["location"] and event["location"]["country_code"],
        "date": lambda: event["date_start"],
        "fatalities": lambda: event["fatalities"],
        "geo_precision": lambda: event["geo_precision"],
        "certainty": lambda: event["certainty"],
    }
    for key, value in expected.items():
        assert checks[key]() == value, f"{key} of: {text}"


def test_one_event_per_note_place(coded: list[list[dict[str, Any]]]) -> None:
    # "Antonivka, Kherson": the province-level qualifier is not a second event
    assert len(coded[0]) == 1


def test_a_bare_count_completes_the_summary_too(coded: list[list[dict[str, Any]]]) -> None:
    # "... clashed ... near Beledweyne. 4 fatalities.": the count belongs to the event, and so does its summary
    event = coded[3][0]
    assert event["fatalities"] == 4
    assert "4 reported killed" in event["summary"]
