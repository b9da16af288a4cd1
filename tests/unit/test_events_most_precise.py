"""Which of a sentence's places an event keeps: towns over the regions that hold them, not over others."""

from __future__ import annotations

from spacy.lang.en import English

from sitrep.events.placing import most_precise
from sitrep.model import Place, PlaceMention

HAMA = Place(1, "Hama", 35.2, 37.0, "SY", "A", "ADM1", 1_600_000, admin1="Hama")
HOMS = Place(2, "Homs", 34.6, 37.9, "SY", "A", "ADM1", 1_800_000, admin1="Homs")
DAMASCUS = Place(3, "Damascus", 33.51, 36.29, "SY", "P", "PPLC", 2_000_000, admin1="Damascus")
SOUTH_DARFUR = Place(4, "Southern Darfur", 11.5, 24.9, "SD", "A", "ADM1", 3_000_000, admin1="Southern Darfur")
NYALA = Place(5, "Nyala", 12.05, 24.88, "SD", "P", "PPLA", 565_000, admin1="Southern Darfur")
SUDAN = Place(6, "Sudan", 15.0, 30.0, "SD", "A", "PCLI", 45_000_000)


def _mentions(text: str, *named: tuple[str, Place]) -> list[PlaceMention]:
    mentions, start = [], 0
    for name, place in named:
        start = text.index(name, start)
        mentions.append(PlaceMention(start, start + len(name), name, place))
        start += len(name)
    return mentions


def test_a_province_that_holds_none_of_the_towns_keeps_its_event() -> None:
    text = "Clashes broke out in the provinces of Hama and Homs as well as east of Damascus."
    doc = English()(text)
    places = _mentions(text, ("Hama", HAMA), ("Homs", HOMS), ("Damascus", DAMASCUS))
    assert [p.text for p in most_precise(doc, places)] == ["Hama", "Homs", "Damascus"]


def test_a_town_wins_over_its_province_and_country() -> None:
    text = "Shelling hit Nyala, South Darfur, in Sudan."
    doc = English()(text)
    places = _mentions(text, ("Nyala", NYALA), ("South Darfur", SOUTH_DARFUR), ("Sudan", SUDAN))
    assert [p.text for p in most_precise(doc, places)] == ["Nyala"]


def test_a_town_whose_province_is_not_known_is_taken_to_lie_in_the_province() -> None:
    text = "Shelling hit Kutum in North Darfur."
    doc = English()(text)
    kutum = Place(7, "Kutum", 14.2, 24.67, "SD", "P", "PPL", 50_000)  # no province recorded
    north_darfur = Place(8, "Northern Darfur", 15.8, 25.0, "SD", "A", "ADM1", 2_100_000, admin1="Northern Darfur")
    places = _mentions(text, ("Kutum", kutum), ("North Darfur", north_darfur))
    assert [p.text for p in most_precise(doc, places)] == ["Kutum"]
    # The gazetteer's own containment test is strict: an unknown province holds nothing.
    assert not kutum.lies_within(north_darfur) and kutum.lies_within(north_darfur, unknown_inside=True)
