"""Document context in resolution: "Town, State" qualifiers, provinces named, foreign namesakes,
abbreviations; on hand-built places."""

from __future__ import annotations

from sitrep.model import Place
from sitrep.places import context
from sitrep.places.finder import Toponym, _link_qualifiers
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.resolve import province_focus, resolve
from sitrep.places.sources import Entry


def town(gid: int, name: str, lat: float, lon: float, cc: str, pop: int, admin1: str) -> Place:
    return Place(gid, name, lat, lon, cc, "P", "PPL", pop, admin1=admin1)


FRANKLIN_TN = town(1, "Franklin", 35.92, -86.87, "US", 72_000, "Tennessee")
FRANKLIN_WI = town(2, "Franklin", 42.89, -88.04, "US", 36_000, "Wisconsin")
FRANKLIN_OH = town(3, "Franklin", 39.55, -84.30, "US", 150_000, "Ohio")  # made bigger on purpose
TENNESSEE = Place(-4, "Tennessee", 35.8, -86.4, "US", "A", "ADM1", 6_000_000, admin1="Tennessee")
JERICHO = town(5, "Jericho", 31.87, 35.45, "PS", 19_000, "West Bank")
IDLIB = Place(6, "Idlib", 35.93, 36.63, "SY", "P", "PPLA", 128_000, admin1="Idlib")
SYRIA = Place(7, "Syria", 35.0, 38.0, "SY", "A", "PCLI", 20_000_000)


def gazetteer() -> Gazetteer:
    return Gazetteer(
        [
            Entry(FRANKLIN_TN, ("Franklin",)),
            Entry(FRANKLIN_WI, ("Franklin",)),
            Entry(FRANKLIN_OH, ("Franklin",)),
            Entry(TENNESSEE, ("Tennessee",)),
            Entry(JERICHO, ("Jericho", "Ariha")),
            Entry(IDLIB, ("Idlib",)),
            Entry(SYRIA, ("Syria",)),
        ]
    )


def toponym(g: Gazetteer, text: str, name: str, **flags: object) -> Toponym:
    start = text.index(name)
    t = Toponym(start, start + len(name), name, g.candidates(name), ner_label="GPE")
    for key, value in flags.items():
        setattr(t, key, value)
    return t


def test_town_comma_state_picks_the_town_inside_that_state() -> None:
    g = gazetteer()
    text = "A storm hit Franklin, Tennessee on Monday."
    toponyms = [toponym(g, text, "Franklin"), toponym(g, text, "Tennessee")]
    _link_qualifiers(text, toponyms)
    assert toponyms[0].within == [TENNESSEE] and toponyms[1].qualifier
    franklin, state = resolve(toponyms)
    assert franklin.place == FRANKLIN_TN
    assert state.place == TENNESSEE


def test_without_a_qualifier_the_bigger_namesake_wins_and_a_named_province_tips_it() -> None:
    g = gazetteer()
    text = "Franklin council met."
    (alone,) = resolve([toponym(g, text, "Franklin")])
    assert alone.place == FRANKLIN_OH
    text = "Franklin council met. Tennessee officials agreed."
    toponyms = [toponym(g, text, "Franklin"), toponym(g, text, "Tennessee")]
    assert province_focus(toponyms) == {("US", "Tennessee"): 1.0}
    assert resolve(toponyms)[0].place == FRANKLIN_TN


def test_an_alias_namesake_abroad_is_left_unresolved_in_a_focused_document() -> None:
    g = gazetteer()
    text = "Strikes hit Idlib and Ariha in Syria; Idlib again."
    toponyms = [
        toponym(g, text, "Idlib"),
        toponym(g, text, "Ariha"),
        toponym(g, text, "Syria"),
    ]
    by_text = {m.text: m for m in resolve(toponyms)}
    assert by_text["Ariha"].place is None
    assert by_text["Idlib"].place == IDLIB
    # Without a focus elsewhere, the alias still resolves.
    (ariha,) = resolve([toponym(g, "Ariha", "Ariha")])
    assert ariha.place == JERICHO


def test_abbreviations_of_countries_anywhere_and_states_after_a_town() -> None:
    text = "The U.S. sent aid to Nashville, Tenn. and to the U.K. Miss. Smith stayed."
    found = [(text[s:e], name, code) for s, e, name, code in context.abbreviations(text)]
    assert found == [
        ("U.S.", "United States", "PCLI"),
        ("Tenn.", "Tennessee", "ADM1"),
        ("U.K.", "United Kingdom", "PCLI"),
    ]
