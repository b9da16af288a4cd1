"""Seas, regions and landmarks over their namesake villages; big cities over small namesakes; lists of
counties. Hand-built places, no model and no default gazetteer."""

from __future__ import annotations

from sitrep.model import Place
from sitrep.places import context
from sitrep.places.finder import Toponym
from sitrep.places.resolve import resolve

RED_SEA = Place(-1, "Red Sea", 20.0, 38.5, None, "H", "SEA", 0)
RED_SEA_GOVERNORATE = Place(2, "Red Sea", 26.0, 33.0, "EG", "A", "ADM1", 506_000, admin1="Red Sea")
WHITE_HOUSE = Place(-3, "White House", 38.8977, -77.0365, "US", "S", "BLDG", 0)
WHITE_HOUSE_TOWN = Place(4, "White House", 36.47, -86.65, "US", "P", "PPL", 11_000, admin1="Tennessee")
LOUISVILLE_KY = Place(5, "Louisville", 38.25, -85.76, "US", "P", "PPL", 620_000, admin1="Kentucky")
LOUISVILLE_OH = Place(6, "Louisville", 40.84, -81.26, "US", "P", "PPL", 9_000, admin1="Ohio")
CANTON_OH = Place(7, "Canton", 40.80, -81.38, "US", "P", "PPL", 70_000, admin1="Ohio")
OHIO = Place(8, "Ohio", 40.25, -82.75, "US", "A", "ADM1", 11_600_000, admin1="Ohio")
PARIS_FR = Place(9, "Paris", 48.85, 2.35, "FR", "P", "PPLC", 2_100_000, admin1="Ile-de-France")
PARIS_TN = Place(10, "Paris", 36.30, -88.33, "US", "P", "PPL", 10_000, admin1="Tennessee")
MEMPHIS = Place(11, "Memphis", 35.15, -90.05, "US", "P", "PPL", 650_000, admin1="Tennessee")


def topo(text: str, start: int, candidates: list[tuple[Place, float]], **flags: object) -> Toponym:
    t = Toponym(start, start + len(text), text, candidates, ner_label="GPE")
    for key, value in flags.items():
        setattr(t, key, value)
    return t


def test_a_sea_outweighs_the_province_named_after_it() -> None:
    [mention] = resolve([topo("Red Sea", 0, [(RED_SEA_GOVERNORATE, 1.0), (RED_SEA, 1.0)], ner_label="LOC")])
    assert mention.place == RED_SEA
    assert mention.geo_precision == 3


def test_the_province_is_kept_when_the_text_says_province() -> None:
    [mention] = resolve([topo("Red Sea governorate", 0, [(RED_SEA_GOVERNORATE, 1.0)], province=True)])
    assert mention.place == RED_SEA_GOVERNORATE


def test_a_seat_of_power_outweighs_the_town_of_its_name() -> None:
    [mention] = resolve([topo("White House", 0, [(WHITE_HOUSE_TOWN, 1.0), (WHITE_HOUSE, 1.0)], ner_label="ORG")])
    assert mention.place == WHITE_HOUSE
    assert mention.geo_precision == 1


def test_a_lower_case_word_is_never_read_as_a_sea() -> None:
    mentions = resolve([topo("red sea", 0, [(RED_SEA_GOVERNORATE, 1.0), (RED_SEA, 1.0)])])
    assert all(m.place != RED_SEA for m in mentions)


def test_a_province_named_elsewhere_does_not_lift_a_small_namesake_over_a_big_city() -> None:
    toponyms = [
        topo("Ohio", 0, [(OHIO, 1.0)]),
        topo("Louisville", 10, [(LOUISVILLE_KY, 1.0), (LOUISVILLE_OH, 1.0)]),
    ]
    assert resolve(toponyms)[1].place == LOUISVILLE_KY


def test_a_close_neighbour_still_says_which_namesake_is_meant() -> None:
    toponyms = [
        topo("Canton", 0, [(CANTON_OH, 1.0)]),
        topo("Louisville", 10, [(LOUISVILLE_KY, 1.0), (LOUISVILLE_OH, 1.0)]),
    ]
    assert resolve(toponyms)[1].place == LOUISVILLE_OH


def test_a_foreign_capital_does_not_replace_a_town_of_the_country_the_report_is_about() -> None:
    toponyms = [
        topo("Memphis", 0, [(MEMPHIS, 1.0)]),
        topo("Paris", 10, [(PARIS_FR, 1.0), (PARIS_TN, 1.0)]),
    ]
    assert resolve(toponyms)[1].place == PARIS_TN


def test_plural_division_words_name_the_kind_of_a_whole_list() -> None:
    text = "schools in Barrow and Jackson counties"
    assert context.divisions_after(text, text.index("Jackson") + len("Jackson")) == "ADM2"
    assert context.divisions_after("Idlib and Hama provinces", len("Idlib and Hama")) == "ADM1"
    assert context.divisions_after("Jackson said", len("Jackson")) is None


def test_the_tail_of_a_world_region_is_found_from_the_words_before_it() -> None:
    text = "trade across North Africa and South Africa"
    north = text.index("Africa")
    south = text.rindex("Africa")
    assert context.unplaceable_with_words_before(text, north, north + len("Africa"))
    assert not context.unplaceable_with_words_before(text, south, south + len("Africa"))


BAINS_FR = Place(12, "Bains", 45.01, 3.77, "FR", "P", "PPL", 1_256, admin1="Auvergne-Rhone-Alpes")
CAPITALS = [
    Place(13, "Nassau", 25.06, -77.35, "BS", "P", "PPLC", 227_940),
    Place(14, "Kingston", 17.99, -76.79, "JM", "P", "PPLC", 937_700),
    Place(15, "Havana", 23.13, -82.38, "CU", "P", "PPLC", 2_163_824),
    Place(16, "Bridgetown", 13.10, -59.61, "BB", "P", "PPLC", 98_511),
]


def _bains_among_capitals(label: str) -> Place | None:
    """ "constituents in Bains and Grants Town", with four capitals of the region named, none of them in France
    and none dominant (so no rule about a document focused elsewhere applies)."""
    bains = topo("Bains", 0, [(BAINS_FR, 1.0)], ner_label=label, locative=True)
    others = [topo(p.name, 40 + 20 * i, [(p, 1.0)]) for i, p in enumerate(CAPITALS)]
    return next((m.place for m in resolve([bains, *others]) if m.text == "Bains"), None)


def test_a_small_foreign_town_is_not_read_in_a_name_the_model_files_as_a_people() -> None:
    for label in ("NORP", "PERSON", "PRODUCT"):
        assert _bains_among_capitals(label) is None
    # An organisation often bears its town's name ("Ozark police"), and a place label is a place: both kept.
    assert _bains_among_capitals("ORG") == BAINS_FR
    assert _bains_among_capitals("GPE") == BAINS_FR
