"""Reading a document's names together, on hand-built places: no name vouches for itself, countries keep
their names, neighbours pick namesakes, big cities against their provinces, regions against hamlets."""

from __future__ import annotations

from sitrep.model import Place, PlaceMention
from sitrep.places.finder import Toponym, _gazetteer_matches
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.resolve import name_of, resolve
from sitrep.places.sources import Entry


def town(gid: int, name: str, lat: float, lon: float, cc: str, pop: int, admin1: str, code: str = "PPL") -> Place:
    return Place(gid, name, lat, lon, cc, "P", code, pop, admin1=admin1)


def state(gid: int, name: str, lat: float, lon: float, pop: int, cc: str = "US") -> Place:
    return Place(gid, name, lat, lon, cc, "A", "ADM1", pop, admin1=name)


WASHINGTON_DC = town(1, "Washington", 38.90, -77.04, "US", 690_000, "District of Columbia", "PPLC")
WASHINGTON_STATE = state(2, "Washington", 47.5, -120.5, 7_600_000)
CHINA = Place(3, "China", 35.0, 105.0, "CN", "A", "PCLI", 1_400_000_000)
CHINA_TX = town(4, "China", 30.05, -94.34, "US", 1_100, "Texas")
HOUSTON = town(5, "Houston", 29.76, -95.37, "US", 2_300_000, "Texas")
TEXAS = state(6, "Texas", 31.0, -100.0, 29_000_000)
LEBANON = Place(7, "Lebanon", 33.83, 35.83, "LB", "A", "PCLI", 6_800_000)
LEBANON_IN = town(8, "Lebanon", 40.05, -86.47, "US", 15_900, "Indiana")
ZIONSVILLE = town(9, "Zionsville", 39.95, -86.26, "US", 14_000, "Indiana")
NEW_YORK_CITY = town(10, "New York City", 40.71, -74.01, "US", 8_800_000, "New York")
NEW_YORK_STATE = state(11, "New York", 43.0, -75.5, 19_500_000)
IOWA = state(12, "Iowa", 42.0, -93.5, 3_100_000)
ATLANTIC_HAMLET = town(13, "Atlantic", 37.9, -75.5, "US", 900, "Virginia")
MIDDLE_EAST_HAMLET = town(14, "Middle East", 39.3, -76.6, "US", 1_900, "Maryland")


def gazetteer() -> Gazetteer:
    return Gazetteer(
        [
            Entry(WASHINGTON_DC, ("Washington",)),
            Entry(WASHINGTON_STATE, ("Washington",)),
            Entry(CHINA, ("China",)),
            Entry(CHINA_TX, ("China",)),
            Entry(HOUSTON, ("Houston",)),
            Entry(TEXAS, ("Texas",)),
            Entry(LEBANON, ("Lebanon",)),
            Entry(LEBANON_IN, ("Lebanon",)),
            Entry(ZIONSVILLE, ("Zionsville",)),
            Entry(NEW_YORK_CITY, ("New York City", "New York")),
            Entry(NEW_YORK_STATE, ("New York",)),
            Entry(IOWA, ("Iowa",)),
            Entry(ATLANTIC_HAMLET, ("Atlantic",)),
            Entry(MIDDLE_EAST_HAMLET, ("Middle East",)),
        ]
    )


def toponyms(g: Gazetteer, text: str, *names: str, label: str = "GPE") -> list[Toponym]:
    """One toponym per name, at its first occurrence after the previous one."""
    found: list[Toponym] = []
    position = 0
    for name in names:
        start = text.index(name, position)
        position = start + len(name)
        found.append(Toponym(start, position, name, g.candidates(name), ner_label=label))
    return found


def places(mentions: list[PlaceMention]) -> list[int | None]:
    return [m.place.geonameid if m.place else None for m in mentions]


def test_a_name_that_is_also_a_province_does_not_vouch_for_that_province() -> None:
    g = gazetteer()
    text = "Talks in Washington went on. Washington officials agreed."
    assert places(resolve(toponyms(g, text, "Washington", "Washington"))) == [1, 1]


def test_a_country_keeps_its_name_against_a_namesake_in_the_documents_province() -> None:
    g = gazetteer()
    text = "Exporters in Houston, Texas, fear tariffs from China."
    assert places(resolve(toponyms(g, text, "Houston", "Texas", "China"))) == [5, 6, 3]


def test_a_close_neighbour_says_which_namesake_of_a_country_is_meant() -> None:
    g = gazetteer()
    text = "Lebanon schedules a clean-up; a drop-off opens in Zionsville."
    assert places(resolve(toponyms(g, text, "Lebanon", "Zionsville"))) == [8, 9]
    (alone,) = resolve(toponyms(g, "Lebanon schedules a clean-up.", "Lebanon"))
    assert alone.place == LEBANON


def test_a_big_city_named_like_its_province_is_the_city_unless_other_provinces_are_named() -> None:
    g = gazetteer()
    (city,) = resolve(toponyms(g, "Chefs in New York cook.", "New York"))
    assert city.place == NEW_YORK_CITY
    text = "Voters in New York and Iowa went to the polls."
    assert places(resolve(toponyms(g, text, "New York", "Iowa"))) == [11, 12]


def test_a_location_read_as_a_hamlet_is_left_unresolved() -> None:
    g = gazetteer()
    text = "Storms over the Atlantic and talks on the Middle East."
    mentions = resolve(toponyms(g, text, "Atlantic", "Middle East", label="LOC"))
    assert [m.text for m in mentions] == ["Atlantic", "Middle East"]
    assert places(mentions) == [None, None]
    # The same hamlets named as towns (GPE) are believed.
    assert places(resolve(toponyms(g, text, "Atlantic", label="GPE"))) == [13]


def test_the_same_name_in_other_words_or_case_is_one_name() -> None:
    g = gazetteer()
    text = "HOUSTON and the City of Houston"
    upper, longer = toponyms(g, text, "HOUSTON", "City of Houston")
    assert name_of(upper) == name_of(longer) == "houston"


def test_an_english_word_at_a_sentence_start_is_no_arabic_article() -> None:
    g = Gazetteer([Entry(HOUSTON, ("Houston",)), Entry(TEXAS, ("Texas",))])
    text = "An Houston man was held in Texas. An-Houston keeps its article."
    spans = [text[start:end] for start, end, _ in _gazetteer_matches(text, g)]
    assert spans[0] == "Houston"
    assert "An-Houston" in spans


def test_the_dot_of_saint_or_fort_belongs_to_the_name() -> None:
    st_louis = town(20, "St. Louis", 38.63, -90.20, "US", 300_000, "Missouri")
    g = Gazetteer([Entry(st_louis, ("St. Louis",)), Entry(HOUSTON, ("Houston",))])
    text = "Fans in St. Louis and Houston cheered. St. Smith did not."
    spans = [text[start:end] for start, end, _ in _gazetteer_matches(text, g)]
    assert spans == ["St. Louis", "Houston"]
