"""Actor resolution on sentences written for these tests, with the real spaCy model and shipped base."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.actors import backers_in_phrase, find_actors
from sitrep.actors.knowledge_base import ActorBase


def resolved(nlp: Language, kb: ActorBase, text: str, focus: str | None = "SY") -> list[tuple[str, str]]:
    doc = nlp(text)
    mentions = find_actors(doc, kb, focus)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    return [(m.text, m.actor.id) for m in mentions]


@pytest.mark.parametrize(
    ("text", "focus", "expected"),
    [
        ("Hezbollah fighters arrived at dawn.", "SY", [("Hezbollah fighters", "hezbollah")]),
        ("Israeli IDF forces crossed the border.", "LB", [("Israeli IDF forces", "il-military")]),
        ("Government forces are repositioning.", "SY", [("Government forces", "sy-military")]),
        ("Thousands of residents have been fleeing.", "SY", [("residents", "civilians-sy")]),
        ("RSF fighters attacked El Fasher.", "SD", [("RSF fighters", "rsf")]),
        ("Russian forces shelled Kherson overnight.", "UA", [("Russian forces", "ru-military")]),
        ("Assad's troops fight off the group.", "SY", [("Assad's troops", "sy-military")]),
        ("Syria's military said it hit targets.", "SY", [("Syria's military", "sy-military")]),
        ("Troops loyal to Assad withdrew.", "SY", [("Troops loyal to Assad", "sy-military")]),
        ("Gunmen shot two villagers.", "IQ", [("Gunmen", "unidentified-armed-group-iq"),
                                              ("villagers", "civilians-iq")]),
        ("Demonstrators and rioters filled the square.", "KE", [("Demonstrators", "protesters-ke"),
                                                               ("rioters", "rioters-ke")]),
        ("The Houthis fired a missile.", "YE", [("Houthis", "houthis")]),
        ("Hayat Tahrir al-Sham (HTS) rebels advanced.", "SY", [("Hayat Tahrir al-Sham (HTS) rebels", "hts")]),
        ("Syrian President Bashar al-Assad left.", "SY", [("Syrian President Bashar al-Assad", "sy-gov")]),
        ("Sudanese civilians crossed into Chad.", None, [("Sudanese civilians", "civilians-sd")]),
    ],
)  # fmt: skip
def test_sentences_resolve_to_expected_actors(
    nlp: Language, kb: ActorBase, text: str, focus: str | None, expected: list[tuple[str, str]]
) -> None:
    assert resolved(nlp, kb, text, focus) == expected


def test_turkish_backed_allies_resolve_to_the_proxy_and_expose_the_backer(
    nlp: Language, kb: ActorBase
) -> None:
    doc = nlp("HTS and their Turkish-backed allies took the city.")
    mentions = find_actors(doc, kb, "SY")
    assert [(m.text, m.actor.id) for m in mentions] == [("HTS", "hts"), ("Turkish-backed allies", "sna")]
    backers = backers_in_phrase(doc, mentions[1], kb, "SY")
    assert [(b.text, b.actor.id) for b in backers] == [("Turkish", "tr-military")]
    assert backers_in_phrase(doc, mentions[0], kb, "SY") == []


def test_backer_named_after_the_phrase(nlp: Language, kb: ActorBase) -> None:
    doc = nlp("Rebels backed by Turkey attacked the town.")
    first = find_actors(doc, kb, "SY")[0]
    assert (first.text, first.actor.id) == ("Rebels", "sna")
    assert [b.actor.id for b in backers_in_phrase(doc, first, kb, "SY")] == ["tr-military"]


def test_capital_metonymy_only_for_agents(nlp: Language, kb: ActorBase) -> None:
    assert resolved(nlp, kb, "Damascus-ally Moscow responded with air strikes.") == [("Moscow", "ru-gov")]
    assert resolved(nlp, kb, "Tehran has only had emergency talks with Turkish officials.") == [
        ("Tehran", "ir-gov"),
        ("Turkish officials", "tr-gov"),
    ]
    assert resolved(nlp, kb, "Damascus is now in the crosshairs.") == []


def test_country_names_are_actors_only_outside_places(nlp: Language, kb: ActorBase) -> None:
    assert resolved(nlp, kb, "Assad called on Turkey and Iran for help.") == [
        ("Assad", "sy-gov"),
        ("Turkey", "tr-gov"),
        ("Iran", "ir-gov"),
    ]
    assert resolved(nlp, kb, "Fighters gathered near the border with Turkey.", None) == []


def test_generic_state_phrases_need_a_focus_country(nlp: Language, kb: ActorBase) -> None:
    assert resolved(nlp, kb, "Government forces are repositioning.", None) == []
    assert resolved(nlp, kb, "Rebels advanced.", None) == [("Rebels", "rebels")]


def test_shared_alias_goes_to_the_focus_country(nlp: Language, kb: ActorBase) -> None:
    assert resolved(nlp, kb, "The SNA attacked the town.", "SO") == [("SNA", "so-military")]
    assert resolved(nlp, kb, "The SNA attacked the town.", "SY") == [("SNA", "sna")]


def test_acronyms_match_only_in_capitals(nlp: Language, kb: ActorBase) -> None:
    assert resolved(nlp, kb, "This is what IS fighters wanted.", None) == [("IS fighters", "islamic-state")]
