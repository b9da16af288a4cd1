"""Short-note rules on hand-built places: a town qualified by its namesake province, a province's short
name as qualifier, peoples before group nouns, and curated rows with their province."""

from __future__ import annotations

from sitrep.model import Place
from sitrep.places import context
from sitrep.places.finder import Toponym, _link_province_words, _link_qualifiers
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.resolve import resolve
from sitrep.places.sources import Entry, curated_places

CITY = Place(1, "Mykolayiv", 46.98, 31.99, "UA", "P", "PPL", 470_000, admin1="Mykolaivska oblast")
OBLAST = Place(2, "Mykolaivska oblast", 47.37, 31.76, "UA", "A", "ADM1", 1_000_000, admin1="Mykolaivska oblast")
TRIPOLI_LY = Place(3, "Tripoli", 32.89, 13.19, "LY", "P", "PPLC", 1_300_000, admin1="Tripoli")
TRIPOLI_LB = Place(4, "Tripoli", 34.43, 35.84, "LB", "P", "PPL", 229_000, admin1="North Lebanon")
NORTH_LEBANON = Place(5, "North Lebanon", 34.4, 36.0, "LB", "A", "ADM1", 800_000, admin1="North Lebanon")
LEBANON = Place(6, "Lebanon", 33.9, 35.8, "LB", "A", "PCLI", 6_000_000)


def gazetteer() -> Gazetteer:
    return Gazetteer(
        [
            Entry(TRIPOLI_LY, ("Tripoli",)),
            Entry(TRIPOLI_LB, ("Tripoli",)),
            Entry(NORTH_LEBANON, ("North Lebanon",)),
            Entry(LEBANON, ("Lebanon",)),
        ]
    )


def test_a_town_qualified_by_its_namesake_province_is_the_town() -> None:
    text = "drones over Mykolaiv, Mykolaiv."
    first = Toponym(12, 20, "Mykolaiv", [(CITY, 0.75), (OBLAST, 0.75)])
    second = Toponym(22, 30, "Mykolaiv", [(CITY, 0.75), (OBLAST, 0.75)])
    _link_qualifiers(text, [first, second])
    assert [p for p, _ in first.candidates] == [CITY]
    assert second.qualifier and [p for p, _ in second.candidates] == [OBLAST]


def test_a_province_short_name_picks_the_namesake_in_that_province() -> None:
    text = "a bank in Tripoli, North, demanding"
    tripoli = Toponym(10, 17, "Tripoli", [(TRIPOLI_LY, 1.0), (TRIPOLI_LB, 1.0)])
    _link_province_words(text, [tripoli], gazetteer())
    assert [p for p, _ in tripoli.candidates] == [TRIPOLI_LB]
    assert tripoli.within == [NORTH_LEBANON]


def test_a_word_after_the_comma_that_names_no_province_changes_nothing() -> None:
    text = "a bank in Tripoli, Tuesday"
    tripoli = Toponym(10, 17, "Tripoli", [(TRIPOLI_LY, 1.0), (TRIPOLI_LB, 1.0)])
    _link_province_words(text, [tripoli], gazetteer())
    assert len(tripoli.candidates) == 2 and not tripoli.within


def test_group_nouns_after_a_name() -> None:
    text = "Kuki and Meitei militias exchanged fire"
    assert context.group_noun_after(text, len("Kuki"))
    assert context.group_noun_after(text, len("Kuki and Meitei"))
    assert not context.group_noun_after("Aleppo was shelled", len("Aleppo"))


def test_qualifier_words() -> None:
    assert context.qualifier_words("Tripoli, North, demanding", len("Tripoli")) == "North"
    assert context.qualifier_words("Tripoli and Beirut", len("Tripoli")) is None


def test_curated_front_line_places_carry_ids_and_provinces() -> None:
    by_name = {entry.place.name: entry for entry in curated_places()}
    neskuchne, khiam = by_name["Neskuchne"].place, by_name["Khiam"].place
    assert (neskuchne.geonameid, neskuchne.admin1) == (700285, "Donetska oblast")
    assert (khiam.geonameid, khiam.country_code, khiam.admin1) == (279727, "LB", "Nabatieh")
    assert "El Khiyam" in by_name["Khiam"].names
    assert all(entry.place.geonameid > 0 for entry in by_name.values() if entry.place.feature_class == "P")


def test_lists_keep_to_one_kind() -> None:

    def city(gid: int, name: str, lat: float, lon: float, pop: int, admin1: str) -> Place:
        return Place(gid, name, lat, lon, "US", "P", "PPL", pop, admin1=admin1)

    new_york_state = Place(10, "New York", 42.9, -75.5, "US", "A", "ADM1", 19_000_000, admin1="New York")
    new_york_city = city(11, "New York City", 40.71, -74.01, 900_000, "New York")  # below a seat's size
    miami = city(12, "Miami", 25.77, -80.19, 450_000, "Florida")
    detroit = city(13, "Detroit", 42.33, -83.05, 670_000, "Michigan")
    toponyms = [
        Toponym(0, 5, "Miami", [(miami, 1.0)], ner_label="GPE"),
        Toponym(7, 15, "New York", [(new_york_state, 1.0), (new_york_city, 0.75)], ner_label="GPE", listed=True),
        Toponym(21, 28, "Detroit", [(detroit, 1.0)], ner_label="GPE", listed=True),
    ]
    mentions = {m.text: m.place for m in resolve(toponyms)}
    assert mentions["New York"] == new_york_city
    # The same names, not joined into a list, keep the province reading.
    for topo in toponyms:
        topo.listed = False
    assert {m.text: m.place for m in resolve(toponyms)}["New York"] == new_york_state


def test_a_town_in_a_county_the_document_names() -> None:

    county = Place(
        20, "Morris County", 40.86, -74.54, "US", "A", "ADM2", 500_000, admin1="New Jersey", admin2="Morris County"
    )
    in_county = Place(
        21, "Riverdale", 40.99, -74.30, "US", "P", "PPL", 4_000, admin1="New Jersey", admin2="Morris County"
    )
    elsewhere = Place(22, "Riverdale", 40.90, -73.91, "US", "P", "PPL", 9_000, admin1="New York", admin2="Bronx County")
    toponyms = [
        Toponym(0, 9, "Riverdale", [(in_county, 1.0), (elsewhere, 1.0)], ner_label="GPE", locative=True),
        Toponym(20, 33, "Morris County", [(county, 1.0)], ner_label="GPE"),
    ]
    assert resolve(toponyms)[0].place == in_county


def test_datelines_and_the_city_word() -> None:
    text = "NEW YORK (AP) — Officers responded.\nBy NAIROBI, Kenya, Apr 5 – The court sat."
    assert context.is_dateline(text, 0, 8)
    nairobi = text.index("NAIROBI")
    assert context.is_dateline(text, nairobi, nairobi + 7)
    assert not context.is_dateline("They flew to NEW YORK (on Monday).", 13, 21)
    assert not context.is_dateline("New York (AP) — Officers", 0, 8)
    assert context.CITY_WORD_AFTER.match(" city today")
    assert not context.CITY_WORD_AFTER.match(" citywide")


def test_a_big_province_keeps_its_name_against_a_village_the_context_lifts() -> None:
    florida = Place(30, "Florida", 28.0, -81.7, "US", "A", "ADM1", 21_000_000, admin1="Florida")
    village = Place(31, "Florida", 41.33, -74.36, "US", "P", "PPL", 2_900, admin1="New York")
    new_york = Place(32, "New York", 42.9, -75.5, "US", "A", "ADM1", 19_000_000, admin1="New York")
    goshen = Place(33, "Goshen", 41.40, -74.32, "US", "P", "PPL", 5_400, admin1="New York")
    toponyms = [
        Toponym(0, 8, "New York", [(new_york, 1.0)], ner_label="GPE"),
        Toponym(20, 27, "Florida", [(florida, 1.0), (village, 1.0)], ner_label="GPE", locative=True),
    ]
    assert resolve(toponyms)[1].place == florida
    # A town near the village but across a provincial border (New Jersey) does not make it the village.
    riverdale = Place(34, "Riverdale", 40.99, -74.30, "US", "P", "PPL", 3_600, admin1="New Jersey")
    across = [*toponyms, Toponym(40, 49, "Riverdale", [(riverdale, 1.0)], ner_label="GPE", locative=True)]
    assert resolve(across)[1].place == florida
    # A neighbour of its own province named in the text says it is the village.
    toponyms.append(Toponym(40, 46, "Goshen", [(goshen, 1.0)], ner_label="GPE", locative=True))
    assert resolve(toponyms)[1].place == village


def test_a_text_without_toponyms_passes_the_province_words_rule() -> None:
    toponyms: list[Toponym] = []
    _link_province_words("No place is named in this sentence.", toponyms, gazetteer())
    assert toponyms == []
