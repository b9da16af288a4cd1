"""Which of several places of one name is meant, by kind and size: a country, a province, a sea or
landmark, or a big city over the village of the same name."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.model import Place
from sitrep.places.finder import Toponym

# A small town is only believed with some support: an NER place label, a preposition, or the document's focus.
SMALL_TOWN = 20_000
# A place this big is believed under a spelling variant when the text also says it is a place.
BIG_CITY = 100_000
# A province this big keeps its own name against a village the document's context lifts ("Wyoming").
PROVINCE_NAMED_POPULATION = 400_000
# Feature codes of broad areas and water bodies ("the Sahel", "the Red Sea", "the Gulf"): what the news
# means by their names, far more often than the villages, counties or small provinces named after them.
BROAD_CODES = frozenset({"RGN", "OCN", "SEA", "GULF", "BAY", "STRT"})
# Seats of power and landmarks the news names as places and as metonyms ("the White House", "Heathrow"):
# the building, not White House, Tennessee.
LANDMARK_CODES = frozenset({"BLDG", "PAL", "AIRP", "CSTL", "GOVL", "CH", "SQR"})
FAMOUS_CODES = BROAD_CODES | LANDMARK_CODES
FAMOUS_CLASSES = frozenset({"L", "H", "S"})


def country_named(candidates: Sequence[tuple[Place, float]]) -> Place | None:
    """A country whose own name this is."""
    return next((p for p, match in candidates if p.feature_code == "PCLI" and match >= 1.0), None)


def province_named(candidates: Sequence[tuple[Place, float]]) -> Place | None:
    """A province of some size whose own name this is."""
    return next(
        (
            p
            for p, match in candidates
            if p.feature_code == "ADM1" and match >= 1.0 and p.population >= PROVINCE_NAMED_POPULATION
        ),
        None,
    )


def famous_feature(candidates: Sequence[tuple[Place, float]]) -> Place | None:
    """A region, water body or landmark that this is a name of (its own or an alias): "Red Sea", "the Gulf",
    "the White House"."""
    return next(
        (
            p
            for p, match in candidates
            if p.feature_code in FAMOUS_CODES and p.feature_class in FAMOUS_CLASSES and match >= 0.75
        ),
        None,
    )


def lesser_namesake(topo: Toponym, place: Place) -> bool:
    """A settlement smaller than a big city, or a division not written as one ("Red Sea governorate" is),
    which a famous feature of the same name outweighs."""
    if topo.within or topo.province or place.feature_code in FAMOUS_CODES or place.feature_code in ("PCLI", "CONT"):
        return False
    if place.feature_class == "P":
        return place.population < BIG_CITY
    return place.feature_class == "A"


def big_city_named(candidates: Sequence[tuple[Place, float]], small: Place, focus: dict[str, float]) -> Place | None:
    """A big city whose own name this is, in place of a small town of the same name: one of the small
    town's country, or of a country the document speaks of more ("Paris" in a report on Tennessee
    stays the town there)."""
    if small.feature_class != "P" or small.population >= SMALL_TOWN:
        return None
    home = focus.get(small.country_code or "", 0.0)
    return max(
        (
            p
            for p, match in candidates
            if p.feature_class == "P"
            and match >= 1.0
            and p.population >= BIG_CITY
            and (p.country_code == small.country_code or focus.get(p.country_code or "", 0.0) > home)
        ),
        key=lambda p: p.population,
        default=None,
    )
