"""Namesakes on hand-built places: a namesake in the document's country behind many bigger ones abroad,
towns and counties of a country the document never speaks of, a county as a town's qualifier, a list
opened by its kind ("states such as"), and a people's name read as a town's alternate name."""

from __future__ import annotations

from sitrep.model import Place
from sitrep.places.finder import Toponym, _link_division_lists, _link_qualifiers
from sitrep.places.resolve import MAX_CANDIDATES, resolve


def town(gid: int, name: str, lat: float, lon: float, cc: str, pop: int, admin1: str, code: str = "PPL") -> Place:
    return Place(gid, name, lat, lon, cc, "P", code, pop, admin1=admin1)


def place_of(toponyms: list[Toponym], text: str) -> Place | None:
    """The place the name is read as; None when it is left unresolved or is no place mention at all."""
    return next((m.place for m in resolve(toponyms) if m.text == text), None)


DEWSBURY = town(1, "Dewsbury", 53.69, -1.63, "GB", 62_000, "England")
LEEDS = town(2, "Leeds", 53.80, -1.55, "GB", 455_000, "England")
MIDDLESTOWN = town(3, "Middlestown", 53.65, -1.60, "GB", 2_400, "England")
# Namesakes abroad, each bigger than the one the document means, more than the resolver keeps by size.
AMERICAN_MIDDLETOWNS = [
    town(100 + i, "Middletown", 39.0 + i / 10, -75.0 - i / 10, "US", 20_000 + 3_000 * i, "Ohio")
    for i in range(MAX_CANDIDATES + 2)
]


def test_a_namesake_of_the_document_s_country_is_kept_behind_bigger_ones_abroad() -> None:
    text = "They lived in Dewsbury and Leeds, then on Middletown's New Road."
    candidates = [(p, 1.0) for p in AMERICAN_MIDDLETOWNS] + [(MIDDLESTOWN, 0.75)]
    toponyms = [
        Toponym(14, 22, "Dewsbury", [(DEWSBURY, 1.0)], ner_label="GPE", locative=True),
        Toponym(27, 32, "Leeds", [(LEEDS, 1.0)], ner_label="GPE"),
        Toponym(42, 52, "Middletown", candidates, ner_label="ORG"),
    ]
    assert text[42:52] == "Middletown"
    assert place_of(toponyms, "Middletown") == MIDDLESTOWN


CAPE_TOWN = town(10, "Cape Town", -33.93, 18.42, "ZA", 3_400_000, "Western Cape")
WESTERN_CAPE = Place(11, "Western Cape", -33.5, 20.0, "ZA", "A", "ADM1", 5_800_000, admin1="Western Cape")
DURBAN = town(12, "Durban", -29.86, 31.03, "ZA", 3_100_000, "KwaZulu-Natal")
DELFT_NL = town(13, "Delft", 52.01, 4.36, "NL", 95_000, "Zuid-Holland")
SAIPAN = town(14, "Saipan", 15.21, 145.75, "MP", 48_000, "Saipan", "PPLC")
HONOLULU = town(15, "Honolulu", 21.31, -157.86, "US", 350_000, "Hawaii")
HAWAII = Place(16, "Hawaii", 20.5, -157.0, "US", "A", "ADM1", 1_400_000, admin1="Hawaii")


def test_a_town_of_a_country_the_document_never_names_is_no_reading_below_a_big_city() -> None:
    # A South African report: the Delft it speaks of is a township of Cape Town, which the gazetteer lacks.
    toponyms = [
        Toponym(0, 9, "Cape Town", [(CAPE_TOWN, 1.0)], ner_label="GPE"),
        Toponym(20, 32, "Western Cape", [(WESTERN_CAPE, 1.0)], ner_label="GPE"),
        Toponym(40, 46, "Durban", [(DURBAN, 1.0)], ner_label="GPE"),
        Toponym(60, 65, "Delft", [(DELFT_NL, 1.0)], ner_label="GPE", locative=True),
    ]
    assert place_of(toponyms, "Delft") is None
    # One other name is too little against a town of that size ("Boko" of Boko Haram, misread, beside Damboa).
    assert place_of([toponyms[0], toponyms[3]], "Delft") == DELFT_NL
    # A capital is known by its name wherever the report comes from.
    toponyms = [
        Toponym(0, 8, "Honolulu", [(HONOLULU, 1.0)], ner_label="GPE"),
        Toponym(20, 26, "Hawaii", [(HAWAII, 1.0)], ner_label="GPE"),
        Toponym(30, 36, "Hawaii", [(HAWAII, 1.0)], ner_label="GPE"),
        Toponym(40, 46, "Saipan", [(SAIPAN, 1.0)], ner_label="GPE", locative=True),
    ]
    assert place_of(toponyms, "Saipan") == SAIPAN


FULHAM = town(20, "Fulham", 51.48, -0.20, "GB", 87_000, "England")
SUNDERLAND = town(21, "Sunderland", 54.90, -1.38, "GB", 170_000, "England")
NORWICH = town(22, "Norwich", 52.63, 1.30, "GB", 213_000, "England")
CRAVEN_COUNTY = Place(
    23, "Craven County", 35.12, -77.08, "US", "A", "ADM2", 72_000, admin1="North Carolina", admin2="Craven County"
)


def test_a_foreign_county_is_no_reading_of_its_short_name() -> None:
    toponyms = [
        Toponym(0, 6, "Fulham", [(FULHAM, 1.0)], ner_label="GPE"),
        Toponym(10, 20, "Sunderland", [(SUNDERLAND, 1.0)], ner_label="GPE"),
        Toponym(30, 37, "Norwich", [(NORWICH, 1.0)], ner_label="GPE"),
        Toponym(50, 56, "Craven", [(CRAVEN_COUNTY, 0.75)], ner_label="ORG", locative=True),
    ]
    assert place_of(toponyms, "Craven") is None
    # Written in full, the county is what the text names.
    toponyms[-1] = Toponym(50, 63, "Craven County", [(CRAVEN_COUNTY, 1.0)], ner_label="GPE", locative=True)
    assert place_of(toponyms, "Craven County") == CRAVEN_COUNTY


CEREDIGION = Place(30, "Ceredigion", 52.25, -4.0, "GB", "A", "ADM2", 72_000, admin1="Wales", admin2="Ceredigion")
NEW_QUAY = Place(31, "New Quay", 52.21, -4.36, "GB", "P", "PPL", 1_100, admin1="Wales", admin2="Ceredigion")
NEW_QUAY_ELSEWHERE = Place(32, "New Quay", 53.40, -3.00, "GB", "P", "PPL", 4_000, admin1="England", admin2="Wirral")
MADISON_COUNTY = Place(
    33, "Madison County", 42.9, -75.7, "US", "A", "ADM2", 70_000, admin1="New York", admin2="Madison County"
)
HAMILTON_NY = Place(34, "Hamilton", 42.83, -75.54, "US", "P", "PPL", 4_000, admin1="New York", admin2="Madison County")
HAMILTON_OH = Place(35, "Hamilton", 39.40, -84.56, "US", "P", "PPL", 62_000, admin1="Ohio", admin2="Butler County")


def test_a_town_is_qualified_by_its_county() -> None:
    text = "a house in New Quay, Ceredigion."
    quay = Toponym(11, 19, "New Quay", [(NEW_QUAY_ELSEWHERE, 1.0), (NEW_QUAY, 1.0)])
    county = Toponym(21, 31, "Ceredigion", [(CEREDIGION, 1.0)])
    _link_qualifiers(text, [quay, county])
    assert quay.candidates == [(NEW_QUAY, 1.0)]
    assert quay.within == [CEREDIGION] and county.qualifier
    # A county known only by its full name ("Madison County") does not qualify a bare "Hamilton, Madison".
    text = "in Hamilton, Madison and Oneida"
    hamilton = Toponym(3, 11, "Hamilton", [(HAMILTON_OH, 1.0), (HAMILTON_NY, 1.0)])
    madison = Toponym(13, 20, "Madison", [(MADISON_COUNTY, 0.75)])
    _link_qualifiers(text, [hamilton, madison])
    assert len(hamilton.candidates) == 2 and not hamilton.within and not madison.qualifier


CALIFORNIA = Place(40, "California", 37.0, -120.0, "US", "A", "ADM1", 39_000_000, admin1="California")
WASHINGTON_STATE = Place(41, "Washington", 47.5, -120.5, "US", "A", "ADM1", 7_600_000, admin1="Washington")
WASHINGTON_DC = town(42, "Washington", 38.90, -77.04, "US", 690_000, "District of Columbia", "PPLC")
IDLIB_PROVINCE = Place(43, "Idlib", 35.8, 36.6, "SY", "A", "ADM1", 1_500_000, admin1="Idlib")
IDLIB_CITY = town(44, "Idlib", 35.93, 36.63, "SY", 128_000, "Idlib", "PPLA")
HAMA_PROVINCE = Place(45, "Hama", 35.2, 37.0, "SY", "A", "ADM1", 1_600_000, admin1="Hama")
HAMA_CITY = town(46, "Hama", 35.13, 36.75, "SY", 700_000, "Hama", "PPLA")


def test_a_kind_word_that_opens_a_list_makes_its_items_divisions() -> None:
    text = "western states such as California or Washington"
    california = Toponym(23, 33, "California", [(CALIFORNIA, 1.0)])
    washington = Toponym(37, 47, "Washington", [(WASHINGTON_DC, 1.0), (WASHINGTON_STATE, 1.0)], listed=True)
    _link_division_lists(text, [california, washington])
    assert washington.candidates == [(WASHINGTON_STATE, 1.0)] and washington.province
    text = "shelling in the provinces of Idlib and Hama"
    idlib = Toponym(29, 34, "Idlib", [(IDLIB_CITY, 1.0), (IDLIB_PROVINCE, 1.0)])
    hama = Toponym(39, 43, "Hama", [(HAMA_CITY, 1.0), (HAMA_PROVINCE, 1.0)], listed=True)
    _link_division_lists(text, [idlib, hama])
    assert idlib.candidates == [(IDLIB_PROVINCE, 1.0)] and hama.candidates == [(HAMA_PROVINCE, 1.0)]
    # Countries in the list: the states are countries ("former Soviet states such as Georgia and Ukraine").
    georgia_country = Place(47, "Georgia", 42.0, 43.5, "GE", "A", "PCLI", 3_700_000)
    georgia_state = Place(48, "Georgia", 32.75, -83.5, "US", "A", "ADM1", 10_700_000, admin1="Georgia")
    ukraine = Place(49, "Ukraine", 49.0, 32.0, "UA", "A", "PCLI", 41_000_000)
    text = "former Soviet states such as Georgia and Ukraine"
    georgia = Toponym(29, 36, "Georgia", [(georgia_country, 1.0), (georgia_state, 1.0)])
    _link_division_lists(text, [georgia, Toponym(41, 48, "Ukraine", [(ukraine, 1.0)], listed=True)])
    assert len(georgia.candidates) == 2 and not georgia.province
    # Without the kind word the names keep all their readings.
    text = "shelling in Idlib and Hama"
    idlib = Toponym(12, 17, "Idlib", [(IDLIB_CITY, 1.0), (IDLIB_PROVINCE, 1.0)])
    hama = Toponym(22, 26, "Hama", [(HAMA_CITY, 1.0), (HAMA_PROVINCE, 1.0)], listed=True)
    _link_division_lists(text, [idlib, hama])
    assert len(idlib.candidates) == 2 and len(hama.candidates) == 2


CHICAGO = town(50, "Chicago", 41.88, -87.63, "US", 2_700_000, "Illinois")
PARK_RIDGE = town(51, "Park Ridge", 42.01, -87.84, "US", 37_000, "Illinois")
ELTINGVILLE = town(52, "Eltingville", 40.54, -74.16, "US", 10_600, "New York")


def test_a_people_s_name_is_no_town_known_by_another_name() -> None:
    # "A South Side man": the model reads a people; the only town of that name has it as an alternate name.
    toponyms = [
        Toponym(2, 12, "South Side", [(ELTINGVILLE, 0.75)], ner_label="NORP"),
        Toponym(30, 37, "Chicago", [(CHICAGO, 1.0)], ner_label="GPE", locative=True),
        Toponym(50, 60, "Park Ridge", [(PARK_RIDGE, 1.0)], ner_label="GPE", locative=True),
    ]
    assert place_of(toponyms, "South Side") is None
    # Written where a place is expected, another name of a town stands whatever the model made of it.
    qardaha = town(53, "Al Qardahah", 35.45, 36.06, "SY", 0, "Latakia")
    latakia = town(54, "Latakia", 35.52, 35.79, "SY", 380_000, "Latakia")
    syrian = [
        Toponym(0, 7, "Latakia", [(latakia, 1.0)], ner_label="GPE", locative=True),
        Toponym(30, 37, "Qardaha", [(qardaha, 0.75)], ner_label="NORP", locative=True),
    ]
    assert place_of(syrian, "Qardaha") == qardaha
    # Read by its own name, the same town of the document's country stands.
    toponyms[0] = Toponym(2, 13, "Eltingville", [(ELTINGVILLE, 1.0)], ner_label="NORP")
    assert place_of(toponyms, "Eltingville") == ELTINGVILLE


UNITED_STATES = Place(60, "United States", 39.8, -98.6, "US", "A", "PCLI", 330_000_000)
NEWPORT_WALES = town(61, "Newport", 51.58, -3.0, "GB", 150_000, "Wales")
NEWPORT_RI = town(62, "Newport", 41.49, -71.31, "US", 25_000, "Rhode Island")


def test_a_country_named_again_and_again_weighs_like_any_other_name() -> None:
    # "The U.S. said ... the U.S. urged": a country the report names as an actor, while the places it
    # speaks of are British; the Newport of the document's towns is meant.
    toponyms = [
        Toponym(0, 4, "U.S.", [(UNITED_STATES, 1.0)], ner_label="GPE"),
        Toponym(20, 24, "U.S.", [(UNITED_STATES, 1.0)], ner_label="GPE"),
        Toponym(40, 45, "Leeds", [(LEEDS, 1.0)], ner_label="GPE", locative=True),
        Toponym(60, 68, "Dewsbury", [(DEWSBURY, 1.0)], ner_label="GPE", locative=True),
        Toponym(80, 87, "Newport", [(NEWPORT_RI, 1.0), (NEWPORT_WALES, 1.0)], ner_label="GPE", locative=True),
    ]
    assert place_of(toponyms, "Newport") == NEWPORT_WALES
