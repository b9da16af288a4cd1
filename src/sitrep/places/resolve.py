"""Choosing the place each toponym means: name match, size, kind, the document's countries and provinces."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from sitrep.model import Place, PlaceMention
from sitrep.places.finder import NER_PLACE_LABELS, Toponym
from sitrep.places.gazetteer import prior_score

FOCUS_WEIGHT = 0.35
ADMIN1_WEIGHT = 0.25  # for a candidate in a province the document names ("Tennessee", "Franklin, Tenn.")
NEAR_BONUS = 0.15  # for a candidate within NEAR_KM of another place of the document
NEAR_KM = 250.0
ABSTAIN_BELOW = 0.4
# A small town is only believed with some support: an NER place label, a preposition, or the document's focus.
SMALL_TOWN = 20_000
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

Province = tuple[str, str]  # (country code, admin1 name)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _likeliest(topo: Toponym) -> tuple[Place, float]:
    return max(topo.candidates, key=lambda c: prior_score(*c))


def _country_weights(toponyms: Sequence[Toponym]) -> dict[str, Counter[str]]:
    """Per name as written, the weight it gives each country (its likeliest reading; countries count 2)."""
    weights: dict[str, Counter[str]] = {}
    for topo in toponyms:
        if not topo.candidates:
            continue
        place, _ = _likeliest(topo)
        if place.country_code:
            weight = 2 if place.feature_code == "PCLI" or topo.hint or topo.qualifier or topo.within else 1
            weights.setdefault(topo.text, Counter())[place.country_code] += weight
    return weights


def _shares(counts: Counter[str]) -> dict[str, float]:
    total = sum(counts.values())
    return {cc: n / total for cc, n in counts.items() if n > 0} if total else {}


def country_focus(toponyms: Sequence[Toponym]) -> dict[str, float]:
    """Share of the document's toponyms whose likeliest reading lies in each country (countries count 2)."""
    return _shares(sum(_country_weights(toponyms).values(), Counter()))


def province_focus(toponyms: Sequence[Toponym]) -> dict[Province, float]:
    """Share of the provinces the document names outright ("Tennessee", "Idlib province", "X, Tenn.")."""
    counts: Counter[Province] = Counter()
    for topo in toponyms:
        if topo.hint or not topo.candidates:
            continue
        regions = topo.within or [p for p, match in topo.candidates if match >= 0.75]
        place = max(regions, key=lambda p: p.population, default=None) if not topo.within else regions[0]
        if place is not None and place.feature_code == "ADM1" and place.country_code and place.admin1:
            counts[(place.country_code, place.admin1)] += 1
    total = sum(counts.values())
    return {key: n / total for key, n in counts.items()} if total else {}


class _Anchors:
    """Places the document surely speaks of, for the nearness bonus (coordinates kept in radians)."""

    def __init__(self, places: Sequence[Place]) -> None:
        unique = {p.geonameid: p for p in places}
        self.points = [
            (gid, math.radians(p.latitude), math.radians(p.longitude), math.cos(math.radians(p.latitude)))
            for gid, p in list(unique.items())[:MAX_ANCHORS]
        ]

    def near(self, place: Place) -> bool:
        lat, lon = math.radians(place.latitude), math.radians(place.longitude)
        cos_lat = math.cos(lat)
        limit = NEAR_KM / 6371.0
        for gid, a_lat, a_lon, a_cos in self.points:
            if gid == place.geonameid or abs(lat - a_lat) > limit:
                continue
            h = math.sin((a_lat - lat) / 2) ** 2 + cos_lat * a_cos * math.sin((a_lon - lon) / 2) ** 2
            if 2 * math.asin(min(1.0, math.sqrt(h))) <= limit:
                return True
        return False


def _score(
    place: Place,
    exact: float,
    focus: dict[str, float],
    provinces: dict[Province, float],
    anchors: _Anchors | None,
) -> float:
    score = prior_score(place, exact) + FOCUS_WEIGHT * focus.get(place.country_code or "", 0.0)
    if provinces and place.admin1 and place.feature_code != "ADM1":
        score += ADMIN1_WEIGHT * provinces.get((place.country_code or "", place.admin1), 0.0)
    if anchors is not None and anchors.near(place):
        score += NEAR_BONUS
    return score


def _supported(topo: Toponym, place: Place, focus: dict[str, float]) -> bool:
    if place.feature_class != "P" or place.population >= SMALL_TOWN or topo.within:
        return True
    return topo.ner_label in NER_PLACE_LABELS or topo.locative or focus.get(place.country_code or "", 0) >= 0.3


def _foreign_namesake(place: Place, match: float, focus: dict[str, float]) -> bool:
    """A town only known by another spelling, in a country foreign to a document focused elsewhere.

    `focus` leaves out the name itself, which would otherwise vouch for its own reading."""
    if match >= 1.0 or place.feature_class != "P" or place.population >= FOREIGN_ALIAS_POPULATION:
        return False
    if focus.get(place.country_code or "", 0.0) >= FOREIGN_FOCUS:
        return False
    return max(focus.values(), default=0.0) >= DOMINANT_FOCUS


def _shortlist(topo: Toponym) -> list[tuple[Place, float]]:
    if len(topo.candidates) <= MAX_CANDIDATES:
        return topo.candidates
    return sorted(topo.candidates, key=lambda c: -prior_score(*c))[:MAX_CANDIDATES]


def _seat_instead(topo: Toponym, best: Place, ranked: Sequence[Place]) -> Place:
    """A bare division name that is also the name of a town in it means the town ("fighting in Idlib",
    "Toronto" rather than its county)."""
    if topo.province or best.feature_code not in ("ADM1", "ADM2"):
        return best
    for place in ranked:
        if place.feature_class != "P" or place.country_code != best.country_code:
            continue
        if best.feature_code == "ADM1" and place.admin1 == best.name and place.feature_code in ("PPLA", "PPLC"):
            return place
        if best.feature_code == "ADM2" and (
            place.admin2 == best.name
            or (place.admin2 is None and place.admin1 == best.admin1 and distance_km(place, best) <= SEAT_KM)
        ):
            return place
    return best


def precision(topo: Toponym, place: Place | None) -> int:
    """ACLED geo-precision: 3 region or country, 2 near a town, 1 the town itself."""
    if place is not None and place.feature_class in ("A", "L"):
        return 3
    return 2 if topo.near else 1


def resolve(toponyms: Sequence[Toponym]) -> list[PlaceMention]:
    """Resolved mentions in text order; metonymic toponyms are left out; doubtful ones get no place."""
    weights = _country_weights(toponyms)
    totals: Counter[str] = sum(weights.values(), Counter())
    focus = _shares(totals)
    provinces = province_focus(toponyms)
    first_pass: list[Place] = []
    for topo in toponyms:
        if topo.candidates and not topo.metonymic and not topo.hint:
            place, _ = max(_shortlist(topo), key=lambda c: _score(c[0], c[1], focus, provinces, None))
            if place.feature_class == "P":
                first_pass.append(place)
    anchors = _Anchors(first_pass)
    mentions: list[PlaceMention] = []
    for topo in toponyms:
        if topo.metonymic or topo.hint:
            continue
        chosen: Place | None = None
        score = 0.0
        if topo.candidates:
            scored = sorted(
                ((_score(p, e, focus, provinces, anchors), p, e) for p, e in _shortlist(topo)),
                key=lambda triple: -triple[0],
            )
            score, best, match = scored[0]
            seat = _seat_instead(topo, best, [p for _, p, _ in scored])
            if seat is not best:
                best, match = seat, next(e for _, p, e in scored if p is seat)
            if not _supported(topo, best, focus):
                continue
            # A transliteration variant is only trusted inside the document's countries:
            # "Ghouta" is not Guatemala.
            if match < 0.5 and focus.get(best.country_code or "", 0.0) < 0.2:
                score = 0.0
            others = _shares(totals - weights.get(topo.text, Counter()))
            if not topo.within and _foreign_namesake(best, match, others):
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
