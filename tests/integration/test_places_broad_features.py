"""Seas, regions, landmarks and county lists on the real default gazetteer and the real spaCy model."""

from __future__ import annotations

from spacy.language import Language

from sitrep.places import Gazetteer, find_places


def places_in(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    found = {}
    for m in find_places(nlp(text), gazetteer):
        place = m.place
        found[m.text] = (
            place.name if place else None,
            place.feature_code if place else None,
            place.admin1 if place else None,
        )
    return found


def test_seas_and_gulfs_are_the_water_bodies(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(
        nlp,
        gazetteer,
        "Rebels fired two missiles at a cargo ship in the Red Sea, and a tanker was hit in the Gulf of Aden.",
    )
    assert found["Red Sea"][:2] == ("Red Sea", "SEA")
    assert found["Gulf of Aden"][:2] == ("Gulf of Aden", "GULF")


def test_the_gulf_is_the_persian_gulf_not_a_province_of_papua(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "Tankers were seized in the Gulf near the Strait of Hormuz.")
    assert found["Gulf"][:2] == ("Persian Gulf", "GULF")
    assert found["Strait of Hormuz"][1] == "STRT"


def test_seats_of_power_and_airports_are_placed_where_they_stand(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(
        nlp,
        gazetteer,
        "Protesters gathered outside the White House on Sunday. Later, a plane was searched at Heathrow airport.",
    )
    assert found["White House"][:2] == ("White House", "BLDG")
    heathrow = next(value for key, value in found.items() if key.startswith("Heathrow"))
    assert heathrow[:2] == ("Heathrow Airport", "AIRP")


def test_the_holy_see_is_the_vatican(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "The minister presented his credentials to the Holy See on Monday.")
    assert found["Holy See"][:2] == ("Vatican", "PCLI")


def test_world_scale_regions_get_no_place(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "Leaders discussed security in the Middle East and trade across the Pacific.")
    assert all(place[0] not in ("Middle East", "Pacific") for place in found.values())


def test_a_list_of_counties_names_counties(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "Schools in Barrow, Jackson and Madison counties closed on Monday in Georgia.")
    assert found["Jackson"] == ("Jackson County", "ADM2", "Georgia")
    assert found["Barrow"][1] == "ADM2"


def test_a_big_city_keeps_its_name_against_a_small_namesake(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "The team from Ohio lost to Louisville in overtime on Saturday.")
    assert found["Louisville"][2] == "Kentucky"


def test_a_persons_surname_is_not_read_as_a_town(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Foreign Minister Chrystia Freeland arrived on Monday. Freeland later left for Washington."
    found = places_in(nlp, gazetteer, text)
    assert "Freeland" not in found
    assert found["Washington"][:2] == ("Washington", "PPLC")


def test_the_tail_of_a_world_region_is_not_the_continent(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "Migrants crossed from North Africa, and prices rose in Northern Europe.")
    assert all(place[0] not in ("Africa", "Europe") for place in found.values())


def test_legislatures_are_no_towns(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "Congress passed the bill after the House voted on Tuesday in Washington.")
    assert "Congress" not in found and "House" not in found
    assert found["Washington"][:2] == ("Washington", "PPLC")


def test_ordinary_words_that_only_look_like_another_spelling_are_no_places(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    found = places_in(nlp, gazetteer, "Head of research Ann Lee said the Nikkei fell in Tokyo.")
    assert set(found) <= {"Tokyo"}


def test_a_county_written_out_keeps_every_namesake_in_the_running(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Candidates met in Red Oak, Iowa, on Saturday. The Montgomery County Democrats hosted the forum in Iowa."
    found = places_in(nlp, gazetteer, text)
    assert found["Montgomery County"] == ("Montgomery County", "ADM2", "Iowa")


def test_a_two_letter_abbreviation_is_a_state_never_a_town(nlp: Language, gazetteer: Gazetteer) -> None:
    mentions = find_places(nlp("Protests spread across WA and the capital on Friday."), gazetteer)
    assert all(m.place is None or m.place.feature_class != "P" for m in mentions if m.text == "WA")


def test_a_small_foreign_namesake_is_no_reading_in_a_report_about_elsewhere(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "Rangers walked the shore at Glenrock near Newcastle, in New South Wales, Australia, on Sunday."
    found = places_in(nlp, gazetteer, text)
    assert found.get("Glenrock", (None,))[0] is None
    assert found["Newcastle"][2] == "New South Wales"


def test_a_word_of_a_facilitys_name_is_not_the_hamlet_of_that_name(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "The parade left Jackson Square in New Orleans and ended at Washington Square, near the old market."
    found = places_in(nlp, gazetteer, text)
    assert found.get("Washington Square", (None, None, None))[2] != "Pennsylvania"
    assert found["New Orleans"][2] == "Louisiana"


def test_a_three_letter_town_keeps_its_town_reading(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places_in(nlp, gazetteer, "French troops handed over their base in Gao to the Malian army on Monday.")
    assert found["Gao"][:2] == ("Gao", "PPLA")
