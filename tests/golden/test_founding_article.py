"""The founding article (7 December 2024): what a careful analyst codes from it, with evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.config import load_settings
from sitrep.pipeline import Pipeline
from sitrep.read import read_documents

ARTICLE = Path(__file__).resolve().parents[2].parent / "shared" / "articles" / "bne-2024-12-07-assad-told-to-flee.txt"


@pytest.fixture(scope="module")
def article() -> tuple[str, list[dict[str, Any]]]:
    if not ARTICLE.is_file():
        pytest.skip(f"the founding article is not beside the project ({ARTICLE.name})")
    documents = [d for d in read_documents([str(ARTICLE)]) if not hasattr(d, "reason")]
    assert len(documents) == 1
    analysis = next(Pipeline(load_settings()).analyse(documents))
    return documents[0].text, [e.to_record() for e in analysis.events]  # type: ignore[union-attr]


def _find(events: list[dict[str, Any]], sub_event_type: str, place: str) -> list[dict[str, Any]]:
    return [e for e in events if e["sub_event_type"] == sub_event_type and e["location"]
            and e["location"]["text"] == place]


def test_publication_date_comes_from_the_byline(article: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = article
    assert {e["document"]["published"] for e in events} == {"2024-12-07"}


def test_hts_led_rebels_took_aleppo_late_in_november(article: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = article
    takeovers = _find(events, "Non-state actor overtakes territory", "Aleppo")
    assert takeovers, "no takeover of Aleppo"
    dated = [e for e in takeovers if e["date_start"] and "2024-11-20" <= e["date_start"] <= "2024-11-30"]
    assert dated and dated[0]["actor1"]["id"] == "hts"
    assert dated[0]["event_type"] == "Battles"
    assert dated[0]["certainty"] == "asserted"


def test_russian_air_strikes_on_aleppo(article: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = article
    strikes = _find(events, "Air/drone strike", "Aleppo")
    assert [e["actor1"]["country"] for e in strikes] == ["RU"]
    assert strikes[0]["event_type"] == "Explosions/Remote violence"
    assert strikes[0]["plover_type"] == "ASSAULT" and strikes[0]["plover_mode"] == "aerial"


@pytest.mark.parametrize("place", ["Hama", "Deir al-Zor"])
def test_the_fall_of_hama_and_deir_al_zor(article: tuple[str, list[dict[str, Any]]], place: str) -> None:
    _, events = article
    falls = _find(events, "Non-state actor overtakes territory", place)
    assert falls and falls[0]["certainty"] == "asserted"
    assert falls[0]["location"]["country_code"] == "SY"
    assert falls[0]["actor1"]["type"] == "Rebel group"


@pytest.mark.parametrize("place", ["Hama", "Homs"])
def test_syrian_air_strikes_on_december_6_reported_by_reuters(
    article: tuple[str, list[dict[str, Any]]], place: str
) -> None:
    _, events = article
    strikes = [e for e in _find(events, "Air/drone strike", place) if e["date_start"] == "2024-12-06"]
    assert strikes, f"no air strike around {place} on 6 December"
    strike = strikes[0]
    assert strike["date_end"] == "2024-12-06" and strike["time_precision"] == 1
    assert strike["attribution"] == "Reuters"
    assert strike["certainty"] in ("reported", "claimed")
    assert strike["actor1"]["id"] == "sy-military"
    assert strike["geo_precision"] == 2  # "around Hama and Homs"


def test_the_fall_of_homs_is_expected_not_a_fact(article: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = article
    homs = _find(events, "Non-state actor overtakes territory", "Homs")
    assert homs, "the expected fall of Homs is not coded"
    assert {e["certainty"] for e in homs} == {"expected"}
    assert all(e["actor1"]["type"] == "Rebel group" for e in homs)
    # nothing in the article has the government regaining a town
    assert not [e for e in events if e["sub_event_type"] == "Government regains territory"]


def test_evidence_offsets_point_at_the_sentence(article: tuple[str, list[dict[str, Any]]]) -> None:
    text, events = article
    assert len(events) >= 10
    for event in events:
        evidence = event["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        assert evidence["start"] <= trigger["start"] < trigger["end"] <= evidence["end"]
        if event["location"] and event["location"]["text"]:
            assert event["location"]["text"] in text


def test_rebellions_in_the_south_and_fighting_near_damascus(article: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = article
    south = {e["location"]["text"] for e in events if e["location"] and e["event_type"] == "Battles"}
    assert {"Deraa", "Suweida"} <= south
    damascus = [e for e in events if e["location"] and e["location"]["text"] == "Damascus"]
    assert any(e["certainty"] == "unconfirmed" for e in damascus)
    assert all(e["geo_precision"] == 2 for e in damascus)


def test_civilians_flee_and_diplomacy_is_coded(article: tuple[str, list[dict[str, Any]]]) -> None:
    _, events = article
    fleeing = [e for e in events if e["sub_event_type"] == "Displacement"]
    assert any(e["actor1"] and e["actor1"]["type"] == "Civilians" for e in fleeing)
    talks = [e for e in events if e["plover_type"] == "CONSULT"]
    assert talks and talks[0]["event_type"] is None
    assert {talks[0]["actor1"]["country"], talks[0]["actor2"]["country"]} == {"IR", "TR"}
    assert date.fromisoformat(talks[0]["date_start"]) <= date(2024, 12, 7)
