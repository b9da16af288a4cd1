"""The geoparser on the real default gazetteer and the real spaCy model."""

from __future__ import annotations

import time

import pytest
from spacy.language import Language

from sitrep.places import (
    Gazetteer,
    country_place,
    find_places,
    geoparse_records,
    is_metonymic,
    load_gazetteer,
)


def places_in(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, tuple[str | None, str | None, int]]:
    doc = nlp(text)
    found = {}
    for m in find_places(doc, gazetteer):
        assert doc.text[m.start : m.end] == m.text
        found[m.text] = (
            m.place.name if m.place else None,
            m.place.country_code if m.place else None,
            m.geo_precision,
        )
    return found


SYRIAN_CITIES = {
    "Deir ez-Zor": ["Deir al-Zor", "Deir ez-Zor", "Dayr az Zawr"],
    "Daraa": ["Deraa", "Daraa", "Dar'a"],
    "As-Suwayda": ["Suweida", "As-Suwayda", "Sweida"],
    "Raqqa": ["Raqqa", "Ar Raqqah"],
    "Qamishli": ["Qamishli", "Al-Qamishli"],
    "Aleppo": ["Aleppo"],
    "Hama": ["Hama"],
    "Homs": ["Homs"],
    "Idlib": ["Idlib"],
    "Damascus": ["Damascus"],
    "Latakia": ["Latakia"],
    "Tartus": ["Tartus"],
    "Kobani": ["Kobani"],
    "Manbij": ["Manbij"],
    "Afrin": ["Afrin"],
    "Palmyra": ["Palmyra"],
}


@pytest.mark.parametrize("city", sorted(SYRIAN_CITIES))
def test_spelling_variants_resolve_to_one_syrian_city(nlp: Language, gazetteer: Gazetteer, city: str) -> None:
    resolved = set()
    for spelling in SYRIAN_CITIES[city]:
        found = places_in(nlp, gazetteer, f"Syrian government troops shelled {spelling} on Tuesday, residents said.")
        assert spelling in found, (spelling, found)
        name, country, precision = found[spelling]
        assert country == "SY" and precision == 1, (spelling, found)
        resolved.add(name)
    assert len(resolved) == 1


def test_the_fallen_cities_sentence(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "Hama in the centre and Deir al-Zor in the east have also fallen.")
    assert found["Hama"][1] == "SY"
    assert found["Deir al-Zor"][:2] == ("Deir ez-Zor", "SY")


def test_provinces_and_regions_have_precision_three(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "Air strikes hit Idlib province and Homs governorate, while shelling continued in Donetsk oblast, "
        "southern Lebanon, the Gaza Strip, the West Bank, the Golan Heights and the Donbas."
    )
    found = places_in(nlp, gazetteer, text)
    for name in (
        "Idlib province",
        "Homs governorate",
        "Donetsk oblast",
        "southern Lebanon",
        "Gaza Strip",
        "West Bank",
        "Golan Heights",
        "Donbas",
    ):
        assert name in found and found[name][2] == 3, (name, found)
    idlib = [m for m in find_places(nlp(text), gazetteer) if m.text == "Idlib province"][0]
    assert idlib.place is not None and idlib.place.feature_code == "ADM1"


def test_near_and_outskirts_give_precision_two(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "Clashes erupted on the outskirts of Aleppo and 20 km south of Homs.")
    assert found["Aleppo"][2] == 2 and found["Homs"][2] == 2


def test_common_words_demonyms_and_people_are_not_places(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "The Advance of Turkish-backed fighters slowed after Russian air strikes, Syrian President "
        "Bashar al-Assad said. Police and Aid workers were in Idlib."
    )
    found = places_in(nlp, gazetteer, text)
    assert set(found) == {"Idlib"}, found


def test_capital_metonymy_is_not_a_location(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Moscow responded within hours. Damascus said the convoy was hit near Homs."
    doc = nlp(text)
    assert is_metonymic(doc, 0, 6)
    damascus = text.index("Damascus")
    assert is_metonymic(doc, damascus, damascus + 8)
    homs = text.index("Homs")
    assert not is_metonymic(doc, homs, homs + 4)
    assert [m.text for m in find_places(doc, gazetteer)] == ["Homs"]


def test_records_match_the_contract(nlp: Language, gazetteer: Gazetteer) -> None:
    doc = nlp("Fighting spread from Aleppo to Atlantis-on-Sea.")
    records = geoparse_records("d1", find_places(doc, gazetteer))
    assert records and all(doc.text[r["start"] : r["end"]] == r["text"] for r in records)
    assert records[0]["name"] == "Aleppo" and records[0]["country_code"] == "SY"
    assert set(records[0]) == {
        "document_id",
        "text",
        "start",
        "end",
        "name",
        "geonameid",
        "latitude",
        "longitude",
        "country_code",
        "feature_code",
        "score",
    }


def test_gazetteer_api_and_cached_load_time(gazetteer: Gazetteer) -> None:
    assert load_gazetteer() is gazetteer
    syria = country_place("SY")
    assert syria is not None and syria.feature_code == "PCLI" and gazetteer.get(syria.geonameid) == syria
    homs = gazetteer.lookup("Homs")[0]
    assert homs.country_code == "SY" and homs.admin1 == "Homs"
    assert gazetteer.lookup("Donetsk oblast")[0].feature_code == "ADM1"
    from sitrep.places.gazetteer import _load

    _load.cache_clear()
    started = time.perf_counter()
    load_gazetteer()
    assert time.perf_counter() - started < 2.0
