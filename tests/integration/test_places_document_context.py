"""Whole Arabic names, foreign namesakes, abbreviations and "Town, State" on the real model and gazetteer."""

from __future__ import annotations

from spacy.language import Language

from sitrep.places import Gazetteer, find_places

SYRIA_REPORT = (
    "Syrian government forces shelled Idlib and Saraqib overnight. Families fled Ariha for camps near "
    "the Turkish border. A drone struck a car near Maarat al-Numan, the Syrian Observatory for Human "
    "Rights said, and Hayat Tahrir al-Sham fighters moved into Idlib province."
)


def test_a_syria_report_keeps_whole_names_and_no_foreign_namesakes(nlp: Language, gazetteer: Gazetteer) -> None:
    mentions = {m.text: m for m in find_places(nlp(SYRIA_REPORT), gazetteer)}
    assert "Numan" not in mentions and "Sham" not in mentions
    # Words of an organisation's name are never given a place.
    assert all(m.place is None for m in mentions.values() if m.text in ("Human", "Observatory"))
    assert "Maarat al-Numan" in mentions
    ariha = mentions["Ariha"].place
    assert ariha is None or ariha.country_code == "SY"
    assert mentions["Saraqib"].place is not None and mentions["Saraqib"].place.country_code == "SY"


def test_town_and_state_and_country_abbreviations(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Flooding closed roads in Franklin, Tennessee, while U.S. officials met in Richmond, Va. on Monday."
    mentions = {m.text: m for m in find_places(nlp(text), gazetteer)}
    franklin, richmond, us = mentions["Franklin"].place, mentions["Richmond"].place, mentions["U.S."].place
    assert franklin is not None and franklin.admin1 == "Tennessee"
    assert richmond is not None and richmond.admin1 == "Virginia"
    assert us is not None and us.feature_code == "PCLI" and us.country_code == "US"
    assert mentions["Va."].place is not None and mentions["Va."].place.feature_code == "ADM1"


def test_names_that_swing_between_two_countries_settle_on_the_better_supported_readings(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    # Read in turn, each name pulled the other abroad: Cambridge to America while Washington was read in
    # England, and back; the rounds now stop when nothing changes, or keep each name's better reading.
    text = (
        "The regulator opened an inquiry after the data firm Cambridge Analytica obtained the profiles. "
        "Cambridge Analytica denied wrongdoing, and a Washington-based privacy group asked for a hearing. "
        "The company's Cambridge Analytica unit was closed, and its staff in Kuala Lumpur, Malaysia, left."
    )
    found = {(m.text, m.place.country_code, m.place.feature_code) for m in find_places(nlp(text), gazetteer) if m.place}
    assert ("Washington", "US", "PPLC") in found
    assert ("Cambridge", "GB", "PPL") in found


def test_a_state_abbreviation_is_never_a_district_of_that_name(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Protests spread to WA and Victoria on Sunday, officials in Perth said."
    mentions = {m.text: m for m in find_places(nlp(text), gazetteer)}
    wa = mentions["WA"].place if "WA" in mentions else None
    # "WA" is Western Australia or nothing: never the district of Wa in Ghana.
    assert wa is None or (wa.country_code == "AU" and wa.feature_code == "ADM1")
    assert mentions["Perth"].place is not None and mentions["Perth"].place.country_code == "AU"


def test_a_dateline_in_brackets_names_the_city(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "(NEW YORK) — State troopers and police officers across New York responded on Wednesday to reports "
        "of a gunman near Albany and Buffalo."
    )
    mentions = find_places(nlp(text), gazetteer)
    dateline, state = mentions[0], mentions[1]
    assert dateline.text == "NEW YORK" and dateline.place is not None and dateline.place.feature_class == "P"
    assert state.text == "New York" and state.place is not None and state.place.feature_code == "ADM1"


def test_a_small_foreign_town_is_not_read_in_a_name_the_model_files_as_a_people(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = (
        "The MP said 54 per cent of the 15,000 constituents in Bains and Grants Town are unemployed. He "
        "promised scholarships for residents of Bains and Grants Town, Fox Hill and Nassau Village."
    )
    mentions = find_places(nlp(text), gazetteer)
    assert all(m.place is None or m.place.country_code == "BS" for m in mentions)
    assert any(m.text == "Nassau" and m.place is not None for m in mentions)
