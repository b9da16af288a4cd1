"""ACLED-style "Town, Province" notes on the real model and the default gazetteer."""

from __future__ import annotations

from spacy.language import Language

from sitrep.model import Place
from sitrep.places import Gazetteer, find_places


def first_place(nlp: Language, gazetteer: Gazetteer, text: str, name: str) -> Place | None:
    return next(m.place for m in find_places(nlp(text), gazetteer) if m.text == name)


def test_a_town_and_its_namesake_province(nlp: Language, gazetteer: Gazetteer) -> None:
    place = first_place(nlp, gazetteer, "Air defence units shot down four drones over Kherson, Kherson.", "Kherson")
    assert place is not None and place.feature_class == "P" and place.country_code == "UA"
    place = first_place(nlp, gazetteer, "Sirens sounded over Mykolaiv, Mykolaiv, overnight.", "Mykolaiv")
    assert place is not None and place.feature_class == "P" and place.geonameid == 700569


def test_a_province_short_name_as_qualifier(nlp: Language, gazetteer: Gazetteer) -> None:
    place = first_place(nlp, gazetteer, "Teachers marched in Tripoli, North, over unpaid wages.", "Tripoli")
    assert place is not None and place.country_code == "LB"


def test_peoples_before_a_group_noun_are_no_places(nlp: Language, gazetteer: Gazetteer) -> None:
    mentions = find_places(nlp("Kuki and Meitei militias traded fire near Moirang, Manipur."), gazetteer)
    assert all(m.place is None or m.place.country_code == "IN" for m in mentions)
    assert any(m.text == "Moirang" and m.place is not None for m in mentions)


def test_front_line_villages_and_a_township_seat(nlp: Language, gazetteer: Gazetteer) -> None:
    place = first_place(nlp, gazetteer, "Troops retook Neskuchne, Donetsk, after days of fighting.", "Neskuchne")
    assert place is not None and place.geonameid == 700285
    place = first_place(nlp, gazetteer, "Artillery hit the edge of Khiam, Nabatieh, at dawn.", "Khiam")
    assert place is not None and place.geonameid == 279727
    place = first_place(nlp, gazetteer, "Rebels took Laukkaing, Shan, after a siege.", "Laukkaing")
    assert place is not None and place.feature_class == "P" and place.admin1 == "Shan"


def test_lists_datelines_and_latin_america(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "NEW YORK (AP) — After stops in Washington, New York and Boston, the envoy praised Latin America."
    mentions = [(m.text, m.place) for m in find_places(nlp(text), gazetteer)]
    places = [place for name, place in mentions if name == "NEW YORK" or name == "New York"]
    assert len(places) == 2 and all(p is not None and p.feature_class == "P" for p in places)
    washington = next(place for name, place in mentions if name == "Washington")
    assert washington is not None and washington.feature_code == "PPLC"
    latin = next(place for name, place in mentions if name == "Latin America")
    assert latin is not None and latin.feature_code == "CONT"
