"""Choosing the place each toponym means: name match, size, kind, the document's countries, nearness."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from sitrep.model import Place, PlaceMention
from sitrep.places.finder import NER_PLACE_LABELS, Toponym
from sitrep.places.gazetteer import prior_score

FOCUS_WEIGHT = 0.35
NEAR_BONUS = 0.15  # for a candidate within NEAR_KM of another place of the document
NEAR_KM = 250.0
ABSTAIN_BELOW = 0.4
# A small town is only believed with some support: an NER place label, a preposition, or the document's focus.
SMALL_TOWN = 20_000


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def country_focus(toponyms: Sequence[Toponym]) -> dict[str, float]:
    """Share of the document's toponyms whose likeliest reading lies in each country (countries count 2)."""
    counts: Counter[str] = Counter()
    for topo in toponyms:
        if not topo.candidates:
            continue
        place, exact = max(topo.candidates, key=lambda c: prior_score(*c))
        if place.country_code:
            counts[place.country_code] += 2 if place.feature_code == "PCLI" or topo.hint else 1
    total = sum(counts.values())
    return {cc: n / total for cc, n in counts.items()} if total else {}


def _score(place: Place, exact: float, focus: dict[str, float], anchors: Sequence[Place]) -> float:
    score = prior_score(place, exact) + FOCUS_WEIGHT * focus.get(place.country_code or "", 0.0)
    if any(
        distance_km(place, anchor) <= NEAR_KM for anchor in anchors if anchor.geonameid != place.geonameid
    ):
        score += NEAR_BONUS
    return score


def _supported(topo: Toponym, place: Place, focus: dict[str, float]) -> bool:
    if place.feature_class != "P" or place.population >= SMALL_TOWN:
        return True
    return (
        topo.ner_label in NER_PLACE_LABELS or topo.locative or focus.get(place.country_code or "", 0) >= 0.3
    )


def _seat_instead(topo: Toponym, best: Place, ranked: Sequence[Place]) -> Place:
    """A bare province name that is also its seat's name means the town ("fighting in Idlib")."""
    if topo.province or best.feature_code != "ADM1":
        return best
    for place in ranked:
        same_province = place.country_code == best.country_code and place.admin1 == best.name
        if same_province and place.feature_code in ("PPLA", "PPLC"):
            return place
    return best


def precision(topo: Toponym, place: Place | None) -> int:
    """ACLED geo-precision: 3 region or country, 2 near a town, 1 the town itself."""
    if place is not None and place.feature_class in ("A", "L"):
        return 3
    return 2 if topo.near else 1


def resolve(toponyms: Sequence[Toponym]) -> list[PlaceMention]:
    """Resolved mentions in text order; metonymic toponyms are left out; doubtful ones get no place."""
    focus = country_focus(toponyms)
    first_pass: list[Place] = []
    for topo in toponyms:
        if topo.candidates and not topo.metonymic and not topo.hint:
            place, exact = max(topo.candidates, key=lambda c: _score(c[0], c[1], focus, ()))
            if place.feature_class == "P":
                first_pass.append(place)
    mentions: list[PlaceMention] = []
    for topo in toponyms:
        if topo.metonymic or topo.hint:
            continue
        chosen: Place | None = None
        score = 0.0
        if topo.candidates:
            scored = sorted(
                ((_score(p, e, focus, first_pass), p) for p, e in topo.candidates),
                key=lambda pair: -pair[0],
            )
            score, best = scored[0]
            best = _seat_instead(topo, best, [p for _, p in scored])
            if not _supported(topo, best, focus):
                continue
            # A transliteration variant is only trusted inside the document's countries:
            # "Ghouta" is not Guatemala.
            if dict(topo.candidates)[best] < 0.5 and focus.get(best.country_code or "", 0.0) < 0.2:
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
