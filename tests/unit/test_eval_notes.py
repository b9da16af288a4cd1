"""Scoring of short ACLED-style notes, on hand-built events."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.eval.notes import FIELDS, Note, load_notes, same_actor, score_note, score_notes, scored_event
from sitrep.model import Actor, ActorMention, DateRange, Event, Place, PlaceMention, Span

NOTE = Note(
    id="n1",
    text="On 2 May 2024, Russian forces shelled Oleshky, Kherson. 1 fatality.",
    published=None,
    event_type="Explosions/Remote violence",
    sub_event_type="Shelling/artillery/missile attack",
    actor1=("Military Forces of Russia (2000-)",),
    place="Oleshky",
    country_code="UA",
    latitude=46.625,
    longitude=32.71,
    date_start=date(2024, 5, 2),
    date_end=date(2024, 5, 2),
    fatalities=1,
)
MAY_2 = DateRange(date(2024, 5, 2), date(2024, 5, 2), 1)
RUSSIA = Actor(id="ru-military", name="Military Forces of Russia (2000-)", type="State forces", country="RU")


def place(name: str, lat: float, lon: float) -> PlaceMention:
    return PlaceMention(38, 45, name, Place(1, name, lat, lon, "UA", "P", "PPL"))


def event(
    event_type: str | None = "Explosions/Remote violence",
    sub: str | None = "Shelling/artillery/missile attack",
    actor: Actor | None = RUSSIA,
    location: PlaceMention | None = None,
    when: DateRange | None = MAY_2,
) -> Event:
    return Event(
        event_id="e", document_id="n1", event_type=event_type, sub_event_type=sub, plover_type="ASSAULT",
        plover_mode=None, actor1=ActorMention(actor, 15, 29, "Russian forces") if actor else None, actor2=None,
        assoc_actor1=(), assoc_actor2=(), location=location or place("Oleshky", 46.63, 32.72), geo_precision=1,
        date=when, fatalities=1, certainty="asserted", attribution=None, evidence=Span(0, 56, NOTE.text[:56]),
        trigger=Span(30, 37, "shelled"), summary="",
    )  # fmt: skip


def test_a_right_event_is_right_in_every_field() -> None:
    score = score_note(NOTE, event())
    assert score.correct == dict.fromkeys(FIELDS, True)
    assert score.reasons == ()


def test_a_place_more_than_25_km_away_is_wrong_and_says_how_far() -> None:
    score = score_note(NOTE, event(location=place("Kherson", 46.64, 32.61)))
    assert score.correct["place"] is True  # about 8 km: the same place for this measure
    far = score_note(NOTE, event(location=place("Mykolaiv", 46.97, 32.0)))
    assert far.correct["place"] is False
    assert any("km off" in reason and "Oleshky" in reason for reason in far.reasons)


def test_wrong_type_date_and_actor_are_each_explained() -> None:
    other = Actor(id="ua-military", name="Military Forces of Ukraine (2019-)", type="State forces", country="UA")
    week = DateRange(date(2024, 5, 1), date(2024, 5, 2), 2)
    score = score_note(NOTE, event("Battles", "Armed clash", other, when=week))
    assert {k for k, ok in score.correct.items() if not ok} == {"event_type", "sub_event_type", "date", "actor1"}
    assert len(score.reasons) == 4


def test_no_event_is_wrong_everywhere() -> None:
    score = score_note(NOTE, None)
    assert not score.event_found and not any(score.correct.values())
    report = score_notes([NOTE], [score])
    assert report["event_type"] == 0.0 and report["misses"][0]["reasons"] == ["no event coded"]


def test_actor_names_match_across_period_labels() -> None:
    assert same_actor("Military Forces of Nigeria", ["Military Forces of Nigeria (2023-)"])
    assert same_actor("Military Forces of Syria (2000-2024)", ["military forces of syria"])
    assert not same_actor("Military Forces of Niger", ["Military Forces of Nigeria (2023-)"])


def test_the_scored_event_is_the_first_with_an_acled_type() -> None:
    untyped, typed = event(event_type=None, sub=None), event()
    assert scored_event([untyped, typed]) is typed
    assert scored_event([untyped]) is untyped
    assert scored_event([]) is None


def test_the_shipped_notes_load_and_cover_every_event_type() -> None:
    notes = load_notes()
    assert len(notes) >= 120
    assert {n.event_type for n in notes} == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }  # fmt: skip
    assert len({n.sub_event_type for n in notes}) >= 20
    assert all(n.date_start <= n.date_end for n in notes)
    assert load_notes(limit=3) == notes[:3]


def test_a_notes_file_in_json_lines_loads_and_a_broken_one_says_why(tmp_path: Path) -> None:
    record = {
        "id": "x1", "text": "On 1 May 2024, gunmen killed 2 civilians in Kankara, Katsina. 2 fatalities.",
        "published": "2024-05-02", "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "actor1": ["Unidentified Armed Group (Nigeria)"], "date_start": "2024-05-01", "date_end": "2024-05-01",
        "place": {"name": "Kankara", "country_code": "NG", "latitude": 11.93, "longitude": 7.41},
    }  # fmt: skip
    good = tmp_path / "notes.jsonl"
    good.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert load_notes(good)[0].published == date(2024, 5, 2)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps([{**record, "date_start": "May 1"}]), encoding="utf-8")
    with pytest.raises(ConfigError, match="x1"):
        load_notes(broken)
