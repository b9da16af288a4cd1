"""Choosing the place each toponym means: name match, size, kind, the document's countries and provinces."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from sitrep.model import Place, PlaceMention
from sitrep.places import context
from sitrep.places.finder import NER_PLACE_LABELS, Toponym
from sitrep.places.gazetteer import prior_score
from sitrep.places.names import fold
from sitrep.places.namesakes import (
    BIG_CITY,
    FAMOUS_CODES,
    SMALL_TOWN,
    big_city_named,
    country_named,
    famous_feature,
    lesser_namesake,
    province_named,
)

FOCUS_WEIGHT = 0.25
ADMIN1_WEIGHT = 0.25  # for a candidate in a province the document names ("Tennessee", "Franklin, Tenn.")
NEAR_BONUS = 0.15  # for a candidate within NEAR_KM of another place of the document
NEAR_KM = 250.0
CLOSE_KM = 50.0  # a neighbour this close says which of a country's namesakes is meant
ABSTAIN_BELOW = 0.4
# Entity labels of the model that say a name is not a place here (an organisation often bears a town's name).
NOT_PLACE_LABELS = frozenset({"PERSON", "NORP", "PRODUCT"})
# A settlement this small is no reading for a name the model files as a non-settlement location (LOC).
HAMLET = 2_000
# Candidates kept per toponym, by prior: the long tail of namesakes never wins and costs distance checks.
MAX_CANDIDATES = 12
MAX_ANCHORS = 40
# A town known by another spelling, in a country the document never speaks of while it clearly speaks
# of another, is a namesake: "Ariha" in a report on Syria is not Jericho.
FOREIGN_ALIAS_POPULATION = 100_000
DOMINANT_FOCUS = 0.3
FOREIGN_FOCUS = 0.1

# A town of the same name this close to a county whose towns are not all known is taken as its seat.
SEAT_KM = 50.0
# A city this big that shares its province's name is what the bare name means ("New York").
SEAT_POPULATION = 1_000_000
_NAME_PREFIX = re.compile(r"^(?:the |(?:city|town|village|county|state|province) of )+")
# A province outweighs a namesake village this many times smaller, unless the text places the village.
PROVINCE_TO_VILLAGE = 100
# Names a list needs before its kind (countries, provinces, settlements) says what an odd item is.
LIST_MIN = 3
# Rounds of reading each name again in the light of the others' readings.
ROUNDS = 4  # at most: most documents settle after one or two

Province = tuple[str, str]  # (country code, admin1 name)
Name = str  # a toponym's core name, folded (see `name_of`)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _likeliest(topo: Toponym) -> tuple[Place, float]:
    return max(topo.candidates, key=lambda c: prior_score(*c))


def _country_weights(toponyms: Sequence[Toponym]) -> dict[str, Counter[str]]:
    """Per name as written, the weight it gives each country (its likeliest reading). A country's own name
    counts once, like a town's: reports name countries as actors again and again ("the U.S. urged"), while
    the towns they name say where they are. A country adjective ("Syrian troops") and a qualifier
    ("Franklin, Tennessee") count twice."""
    weights: dict[str, Counter[str]] = {}
    for topo in toponyms:
        if not topo.candidates:
            continue
        place, _ = _likeliest(topo)
        if place.country_code:
            weight = 2 if topo.hint or topo.qualifier or topo.within else 1
            weights.setdefault(topo.text, Counter())[place.country_code] += weight
    return weights


def _shares(counts: Counter[str]) -> dict[str, float]:
    total = sum(counts.values())
    return {cc: n / total for cc, n in counts.items() if n > 0} if total else {}


def country_focus(toponyms: Sequence[Toponym]) -> dict[str, float]:
    """Share of the document's toponyms whose likeliest reading lies in each country (see `_country_weights`)."""
    return _shares(sum(_country_weights(toponyms).values(), Counter()))


def named_provinces(toponyms: Sequence[Toponym]) -> dict[Name, Counter[Province]]:
    """Per name, the provinces it names outright ("Tennessee", "Idlib province", the "Tenn." of "X, Tenn.")."""
    named: dict[Name, Counter[Province]] = {}
    for topo in toponyms:
        if topo.hint or not topo.candidates:
            continue
        regions = topo.within or [p for p, match in topo.candidates if match >= 0.75]
        place = max(regions, key=lambda p: p.population, default=None) if not topo.within else regions[0]
        if place is not None and place.feature_code == "ADM1" and place.country_code and place.admin1:
            named.setdefault(name_of(topo), Counter())[(place.country_code, place.admin1)] += 1
    return named


def province_focus(toponyms: Sequence[Toponym]) -> dict[Province, float]:
    """Share of the provinces the document names outright ("Tennessee", "Idlib province", "X, Tenn.")."""
    return _normalised(sum(named_provinces(toponyms).values(), Counter()))


class _Anchors:
    """Places the document surely speaks of, by the name that says so, for the nearness bonus
    (coordinates kept in radians). A name is never its own neighbour."""

    def __init__(self, named_places: Sequence[tuple[Name, Place]]) -> None:
        unique = {p.geonameid: (name, p) for name, p in named_places}
        self.places = [p for _, p in unique.values()]
        # A division holding a place the document speaks of is as close to it as a town can be.
        self.countries = {(name, p.country_code) for name, p in unique.values() if p.country_code}
        self.provinces = {(name, p.country_code, p.admin1) for name, p in unique.values() if p.admin1}
        self.counties = {
            (name, p.country_code, p.admin1, p.name) for name, p in unique.values() if p.feature_code == "ADM2"
        }
        self.points = [
            (
                gid,
                name,
                math.radians(p.latitude),
                math.radians(p.longitude),
                math.cos(math.radians(p.latitude)),
                p.admin1,
            )
            for gid, (name, p) in list(unique.items())[:MAX_ANCHORS]
        ]

    def in_county(self, place: Place, name: Name) -> bool:
        """Whether the place lies in a county or district another name of the document names."""
        if place.feature_class != "P" or not place.admin2:
            return False
        return any(
            (cc, admin1, county) == (place.country_code, place.admin1, place.admin2) and other != name
            for other, cc, admin1, county in self.counties
        )

    def near(self, place: Place, name: Name, within_km: float = NEAR_KM, same_province: bool = False) -> bool:
        if place.feature_code == "PCLI":
            return any(cc == place.country_code and other != name for other, cc in self.countries)
        if place.feature_code == "ADM1":
            return any(
                (cc, admin1) == (place.country_code, place.admin1) and other != name
                for other, cc, admin1 in self.provinces
            )
        lat, lon = math.radians(place.latitude), math.radians(place.longitude)
        cos_lat = math.cos(lat)
        limit = within_km / 6371.0
        for gid, other, a_lat, a_lon, a_cos, admin1 in self.points:
            if gid == place.geonameid or other == name or abs(lat - a_lat) > limit:
                continue
            if same_province and admin1 != place.admin1:
                continue
            h = math.sin((a_lat - lat) / 2) ** 2 + cos_lat * a_cos * math.sin((a_lon - lon) / 2) ** 2
            if 2 * math.asin(min(1.0, math.sqrt(h))) <= limit:
                return True
        return False


def _score(
    place: Place,
    prior: float,
    focus: dict[str, float],
    provinces: dict[Province, float],
    anchors: _Anchors | None,
    name: Name = "",
) -> float:
    """The prior (`prior_score`) plus the document's support: its countries, its provinces, and neighbours it names."""
    score = prior + FOCUS_WEIGHT * focus.get(place.country_code or "", 0.0)
    if provinces and place.admin1:
        score += ADMIN1_WEIGHT * provinces.get((place.country_code or "", place.admin1), 0.0)
    if anchors is not None and anchors.near(place, name):
        score += NEAR_BONUS
    if anchors is not None and anchors.counties and anchors.in_county(place, name):
        # "Riverdale" in a report that names Morris County is the Riverdale of that county.
        score += NEAR_BONUS
    return score


def _supported(topo: Toponym, place: Place, match: float, focus: dict[str, float]) -> bool:
    if place.feature_class != "P" or place.population >= SMALL_TOWN or topo.within:
        return True
    in_focus = focus.get(place.country_code or "", 0.0)
    if topo.ner_label in NOT_PLACE_LABELS and not in_focus:
        # A small town of a country the document never names, in a name the model files as a person, a
        # people or a product: "in Bains and Grants Town" (the Bahamas) is no French village.
        return False
    if topo.ner_label == "NORP" and match < 1.0 and not topo.locative:
        # A people's name that is only another name of a small town: "a South Side man" (Chicago) is no
        # man of Eltingville, which some call South Side. Written where a place is expected, it stands
        # ("the town of Qardaha", whatever the model made of it).
        return False
    return topo.ner_label in NER_PLACE_LABELS or topo.locative or in_focus >= 0.3


def _village_for_a_region(topo: Toponym, place: Place) -> bool:
    """A name the model files as a location that is not a settlement (a sea, a region, a mountain:
    "the Atlantic", "the Middle East") read as a hamlet of that name: the feature itself is meant,
    and the gazetteer does not hold it."""
    if topo.ner_label != "LOC" or topo.within:
        return False
    # A county is a division of the state, never a location of its own kind.
    # GeoNames gives 0 for a population it does not know: that is no hamlet.
    return (place.feature_class == "P" and 0 < place.population < HAMLET) or place.feature_code == "ADM2"


def _foreign_namesake(place: Place, match: float, focus: dict[str, float], others: int) -> bool:
    """A town only known by another spelling, or a small town, in a country foreign to a document focused
    elsewhere ("Glenrock" in a report from New South Wales is no town of Wyoming).

    `focus` leaves out the name itself, which would otherwise vouch for its own reading; `others` is the
    number of other names it comes from. A town of 20,000 or more needs two of them against it: "Damboa"
    stays in Nigeria when the one other name is a misread "Boko" (of Boko Haram)."""
    size_limit = BIG_CITY if match >= 1.0 else FOREIGN_ALIAS_POPULATION
    if place.population >= SMALL_TOWN and others < 2:
        return False
    county = place.feature_code == "ADM2" and match < 1.0  # "Craven" for Craven County
    if (place.feature_class != "P" and not county) or place.population >= size_limit:
        return False
    if place.feature_code == "PPLC" or focus.get(place.country_code or "", 0.0) >= FOREIGN_FOCUS:
        return False
    return max(focus.values(), default=0.0) >= DOMINANT_FOCUS


class _Readings:
    """A toponym's readings by prior alone, computed once per document: each round weighs them anew."""

    __slots__ = ("likeliest", "shortlist", "pairs")

    def __init__(self, topo: Toponym) -> None:
        priced = [(place, match, prior_score(place, match)) for place, match in topo.candidates]
        best = max(priced, key=lambda c: c[2])
        self.likeliest: tuple[Place, float] = (best[0], best[1])
        # A name written as a division ("Madison County", "Barrow and Madison counties") keeps all its
        # divisions: the small one of the document's province would otherwise fall off the list.
        if len(priced) <= MAX_CANDIDATES or topo.province or context.ends_with_division_word(topo.text):
            shortlist = priced
        else:
            ranked = sorted(priced, key=lambda c: -c[2])
            shortlist = ranked[:MAX_CANDIDATES]
            # A sea or region has no population to rank by, yet outweighs the namesakes (see `famous_feature`).
            shortlist.extend(c for c in priced if c[0].feature_code in FAMOUS_CODES and c not in shortlist)
            # Each country's likeliest namesake stays too: the document's country may be one whose town of
            # the name is smaller than a dozen abroad ("Middletown" in a report from Yorkshire).
            kept = {c[0].country_code for c in shortlist}
            for c in ranked[MAX_CANDIDATES:]:
                if c[1] >= 0.75 and c[0].country_code not in kept:
                    kept.add(c[0].country_code)
                    shortlist.append(c)
        self.shortlist = shortlist
        self.pairs: list[tuple[Place, float]] = [(place, match) for place, match, _ in self.shortlist]


def _seat_instead(
    topo: Toponym, best: Place, ranked: Sequence[Place], anchors: _Anchors, provinces_named: frozenset[str]
) -> Place:
    """A bare division name that is also the name of a town in it means the town ("fighting in Idlib",
    "Toronto" rather than its county). A big city of its province's name ("New York") is meant unless
    the document names other provinces of the country or places of that province away from the city: then it speaks
    of the province ("New York, Iowa and Montana")."""
    if topo.province or best.feature_code not in ("ADM1", "ADM2"):
        return best
    for place in ranked:
        if place.feature_class != "P" or place.country_code != best.country_code:
            continue
        if best.feature_code == "ADM1" and place.admin1 == best.name and place.feature_code in ("PPLA", "PPLC"):
            return place
        if (
            best.feature_code == "ADM1"
            and place.admin1 == best.name
            and place.population >= SEAT_POPULATION
            and place.country_code not in provinces_named
            and not _province_beyond(anchors, place)
        ):
            return place
        if best.feature_code == "ADM2" and (
            place.admin2 == best.name
            or (place.admin2 is None and place.admin1 == best.admin1 and distance_km(place, best) <= SEAT_KM)
        ):
            return place
    return best


def _province_beyond(anchors: _Anchors, city: Place) -> bool:
    """Whether the document names a place of the city's province that lies away from the city."""
    return any(
        other.admin1 == city.admin1
        and other.country_code == city.country_code
        and other.geonameid != city.geonameid
        and distance_km(other, city) > CLOSE_KM
        for other in anchors.places
    )


def precision(topo: Toponym, place: Place | None) -> int:
    """ACLED geo-precision: 3 region or country, 2 near a town, 1 the town itself."""
    if place is not None and place.feature_class in ("A", "L", "H"):
        return 3
    return 2 if topo.near else 1


class _Picks:
    """What the document's other names were read as in the previous round: their countries, provinces
    and places. Each toponym is scored against the others only, so that no name vouches for itself."""

    def __init__(
        self, toponyms: Sequence[Toponym], picks: dict[int, tuple[Place, float]], readings: dict[int, _Readings]
    ) -> None:
        self.countries: dict[Name, Counter[str]] = {}
        self.provinces: dict[Name, Counter[Province]] = {}
        places: list[tuple[Name, Place]] = []
        for index, topo in enumerate(toponyms):
            if topo.candidates and (topo.hint or topo.metonymic):
                place, match = readings[index].likeliest
            elif index in picks:
                place, match = picks[index]
            else:
                continue
            if not _trusted(topo, place, match):
                continue
            if place.country_code:
                weight = 2 if topo.hint or topo.qualifier or topo.within else 1
                self.countries.setdefault(name_of(topo), Counter())[place.country_code] += weight
            if topo.hint or topo.metonymic:
                continue
            if place.admin1 and place.country_code and place.feature_code != "PCLI":
                self.provinces.setdefault(name_of(topo), Counter())[(place.country_code, place.admin1)] += 1
            if place.feature_class == "P" or place.feature_code == "ADM2":
                places.append((name_of(topo), place))
        self.country_totals: Counter[str] = sum(self.countries.values(), Counter())
        self.province_totals: Counter[Province] = sum(self.provinces.values(), Counter())
        self.anchors = _Anchors(places)
        self.names = {name_of(topo) for topo in toponyms if topo.candidates}

    def focus_without(self, name: Name) -> dict[str, float]:
        return _shares(self.country_totals - self.countries.get(name, Counter()))

    def provinces_without(self, name: Name) -> dict[Province, float]:
        counts = self.province_totals - self.provinces.get(name, Counter())
        total = sum(counts.values())
        return {key: n / total for key, n in counts.items()} if total else {}


def _focus_for(picks: _Picks, name: Name, topo: Toponym) -> dict[str, float]:
    """The countries the other names point to; in a report that names one place only ("Clashes broke out
    in Deir Ezzor"), the name's own likeliest reading is all there is to go by."""
    if picks.names - {name}:
        return picks.focus_without(name)
    return country_focus([topo])


def name_of(topo: Toponym) -> Name:
    """What makes two toponyms the same name, whatever the case or the words around it: "Richmond",
    "RICHMOND", "the City of Richmond"."""
    return _NAME_PREFIX.sub("", fold(topo.text))


def _trusted(topo: Toponym, place: Place, match: float) -> bool:
    """Whether a name is sure enough to be a place to speak for the others: a person's name read as a
    town ("Jones") or a word read as a spelling variant ("Dinner") must not move the whole document, but
    a city's own spelling variant, written where a place is expected, does ("fighting in Deir Ezzor")."""
    if topo.hint or topo.within or topo.qualifier or topo.province:
        return True
    if match >= 0.75 and place.population >= BIG_CITY:
        return True  # a big city's own name ("Aleppo"), whatever the model made of it
    if not (topo.ner_label in NER_PLACE_LABELS or topo.locative):
        return False
    return match >= 0.75 or place.population >= BIG_CITY


def _placed_by_neighbours(
    picks: _Picks, anchors: bool, place: Place, name: Name, county: bool = False, same_province: bool = False
) -> bool:
    """Whether the document names a place within CLOSE_KM of this reading (or, with `county`, its county;
    with `same_province`, only a place of the reading's own province counts)."""
    if not anchors:
        return False
    return picks.anchors.near(place, name, CLOSE_KM, same_province) or (county and picks.anchors.in_county(place, name))


def _settled(
    toponyms: Sequence[Toponym],
    named: dict[Name, Counter[Province]],
    picks: _Picks,
    anchors: bool,
    readings: dict[int, _Readings],
) -> dict[int, tuple[float, Place, float, list[tuple[float, Place, float]]]]:
    """One round: each toponym's best reading given what the other names were read as."""
    cache: dict[Name, tuple[dict[str, float], dict[Province, float]]] = {}
    # A name the document repeats with the same readings is scored once per round.
    ranked: dict[tuple[Name, tuple[tuple[int, float], ...]], list[tuple[float, Place, float]]] = {}
    settled: dict[int, tuple[float, Place, float, list[tuple[float, Place, float]]]] = {}
    for index, topo in enumerate(toponyms):
        if not topo.candidates or topo.metonymic or topo.hint:
            continue
        name = name_of(topo)
        if name not in cache:
            inferred = picks.provinces_without(name)
            # Provinces named outright weigh as much as all the places read into provinces; a name
            # never counts for itself ("Washington" does not make the state of Washington likelier).
            outright = _normalised(sum((n for key, n in named.items() if key != name), Counter()))
            combined = {key: inferred.get(key, 0.0) + outright.get(key, 0.0) for key in inferred.keys() | outright}
            total = sum(combined.values())
            shares = {key: weight / total for key, weight in combined.items()} if total else {}
            cache[name] = (_focus_for(picks, name, topo), shares)
        focus, provinces = cache[name]
        shortlist = readings[index].pairs
        near = picks.anchors if anchors else None
        key = (name, tuple((id(p), e) for p, e, _ in readings[index].shortlist))
        if key not in ranked:
            ranked[key] = sorted(
                ((_score(p, prior, focus, provinces, near, name), p, e) for p, e, prior in readings[index].shortlist),
                key=lambda triple: -triple[0],
            )
        scored = ranked[key]
        score, best, match = scored[0]
        country = country_named(shortlist)
        if (
            country is not None
            and best.feature_class == "P"
            and not topo.within
            and not _placed_by_neighbours(picks, anchors, best, name)
        ):
            # A country's name means the country unless the text says which town it is ("China, Texas")
            # or names its neighbours ("Lebanon" with Zionsville and Boone County).
            score, best, match = next(t for t in scored if t[1] is country)
        province = province_named(shortlist)
        if (
            province is not None
            and best.feature_class == "P"
            and best.country_code == province.country_code
            and best.feature_code not in ("PPLC", "PPLA")
            and best.population * PROVINCE_TO_VILLAGE < province.population
            and not topo.within
            and not _placed_by_neighbours(picks, anchors, best, name, same_province=True)
        ):
            # Likewise a big province keeps its name against a village of the same country in another
            # province that the document's context lifts ("a man in Florida" in a report from New York),
            # unless the document names the village's neighbours in its own province: a town across a
            # provincial border (Riverdale, New Jersey) does not make Florida a village of New York.
            score, best, match = next(t for t in scored if t[1] is province)
        city = big_city_named(shortlist, best, focus)
        if (
            city is not None
            and not topo.within
            and not _placed_by_neighbours(picks, anchors, best, name, county=True)
        ):
            # A small town is lifted over a big city of the same name only by its neighbours or its
            # county, not by a province or country the document also names: "Louisville" in a report
            # that names Ohio is still the city in Kentucky.
            score, best, match = next(t for t in scored if t[1] is city)
        famous = famous_feature(shortlist)
        if (
            famous is not None
            and best is not famous
            and topo.text[:1].isupper()
            and lesser_namesake(topo, best)
            and not _placed_by_neighbours(picks, anchors, best, name)
        ):
            # "the Red Sea", "the Gulf", "the White House": the sea, region or building, not the province or
            # town named after it, unless the document names the town's neighbours.
            score, best, match = next(t for t in scored if t[1] is famous)
            score = max(score, ABSTAIN_BELOW)
        settled[index] = (score, best, match, scored)
    return settled


Settled = dict[int, tuple[float, Place, float, list[tuple[float, Place, float]]]]


def _same_readings(one: Settled, other: Settled) -> bool:
    return one.keys() == other.keys() and all(one[i][1] is other[i][1] for i in one)


def kind_of(place: Place) -> str:
    """The kind of feature a list keeps to: a country, a province, a settlement, or something else."""
    if place.feature_code in ("PCLI", "ADM1"):
        return place.feature_code
    return "P" if place.feature_class == "P" else "other"


def list_groups(toponyms: Sequence[Toponym]) -> list[list[int]]:
    """Indices of the toponyms that form lists ("Utah, Colorado, and Idaho"), two items or more."""
    groups: list[list[int]] = []
    for index, topo in enumerate(toponyms):
        if topo.hint:
            continue
        if topo.listed and groups and groups[-1][-1] == index - 1:
            groups[-1].append(index)
        else:
            groups.append([index])
    return [group for group in groups if len(group) > 1]


def _kind_margin(topo: Toponym, best: Place, match: float) -> float:
    """How much surer a name is of its reading's kind than of any other kind, by prior alone: 1.0 when it
    has no reading of another kind ("Utah"), small for a name read either way ("Washington")."""
    own = prior_score(best, match)
    others = [prior_score(p, m) for p, m in topo.candidates if m >= 0.75 and kind_of(p) != kind_of(best)]
    return own - max(others) if others else 1.0


def _lists_agree(toponyms: Sequence[Toponym], settled: Settled) -> None:
    """The items of a list are of one kind: "California or Washington" are states, "Miami, New York
    and Detroit" cities. The kind the list's names are surest of wins; a name read otherwise takes its
    reading of that kind, in the list's countries, when it has one under its own or an alternate name."""
    for group in list_groups(toponyms):
        items = [i for i in group if i in settled and not toponyms[i].qualifier and not toponyms[i].within]
        # Two names are too few to say what a list holds ("the West Bank and Jerusalem"); a list with a
        # county or other feature in it ("Barrow, Jackson and Madison counties") is no list of one kind.
        if len(items) < LIST_MIN or len(items) < len(group):
            continue
        if any(kind_of(settled[i][1]) == "other" for i in items):
            continue
        weight: dict[str, float] = {}
        for i in items:
            _, best, match, _ = settled[i]
            if match >= 0.75:
                margin = max(0.0, _kind_margin(toponyms[i], best, match))
                weight[kind_of(best)] = weight.get(kind_of(best), 0.0) + margin
        if not weight:
            continue
        kind = max(weight, key=weight.__getitem__)
        countries = {settled[i][1].country_code for i in items if kind_of(settled[i][1]) == kind}
        for i in items:
            score, best, match, scored = settled[i]
            if kind_of(best) == kind:
                continue
            alike = [t for t in scored if kind_of(t[1]) == kind and t[2] >= 0.75 and t[1].country_code in countries]
            if alike:
                new_score, new_best, new_match = alike[0]
                settled[i] = (max(score, new_score), new_best, new_match, scored)


def _normalised(counts: Counter[Province]) -> dict[Province, float]:
    total = sum(counts.values())
    return {key: n / total for key, n in counts.items()} if total else {}


def resolve(toponyms: Sequence[Toponym]) -> list[PlaceMention]:
    """Resolved mentions in text order; metonymic toponyms are left out; doubtful ones get no place.

    The names of a document are read together: a first reading by size and kind, then rounds in which
    each name is read again in the light of the countries, provinces and neighbours of the others."""
    named = named_provinces(toponyms)
    readings = {i: _Readings(t) for i, t in enumerate(toponyms) if t.candidates}
    picks = _Picks(toponyms, {i: r.likeliest for i, r in readings.items()}, readings)
    settled = _settled(toponyms, named, picks, anchors=False, readings=readings)
    _lists_agree(toponyms, settled)
    previous: Settled = {}
    for _ in range(ROUNDS):
        picks = _Picks(toponyms, {i: (best, match) for i, (_, best, match, _) in settled.items()}, readings)
        previous, settled = settled, _settled(toponyms, named, picks, anchors=True, readings=readings)
        _lists_agree(toponyms, settled)
        if _same_readings(previous, settled):
            break
    else:
        # Still swinging between two readings ("Cambridge" in England while "Washington" is read in
        # England, and both in America the round after): each name keeps its better-supported one.
        settled = {i: max(previous.get(i, reading), reading, key=lambda r: r[0]) for i, reading in settled.items()}
    mentions: list[PlaceMention] = []
    for index, topo in enumerate(toponyms):
        if topo.metonymic or topo.hint:
            continue
        chosen: Place | None = None
        score = 0.0
        if index in settled:
            score, best, match, scored = settled[index]
            name = name_of(topo)
            focus = _focus_for(picks, name, topo)
            others_named = frozenset(country for key, counts in named.items() if key != name for country, _ in counts)
            seat = _seat_instead(topo, best, [p for _, p, _ in scored], picks.anchors, others_named)
            if seat is not best:
                best, match = seat, next(e for _, p, e in scored if p is seat)
            if not _supported(topo, best, match, focus):
                continue
            # A transliteration variant is only trusted inside the document's countries:
            # "Ghouta" is not Guatemala.
            if match < 0.5 and focus.get(best.country_code or "", 0.0) < 0.2:
                score = 0.0
            if not topo.within and _foreign_namesake(best, match, focus, len(picks.countries.keys() - {name})):
                score = 0.0
            if _village_for_a_region(topo, best):
                score = 0.0
            chosen = best if score >= ABSTAIN_BELOW else None
        elif topo.ner_label not in NER_PLACE_LABELS:
            continue
        mentions.append(
            PlaceMention(
                start=topo.start,
                end=topo.end,
                text=topo.text,
                place=chosen,
                score=round(min(score, 1.0), 3) if chosen else 0.0,
                geo_precision=precision(topo, chosen),
            )
        )
    return mentions
