"""Event location: does the event coded at the gold event word take its place from the gold location span?

The event is the one whose trigger overlaps the gold event word, else the nearest event whose sentence
contains it. Its place is correct when the place mention's offsets overlap any gold LOCATION span linked to
that word. A place inferred from outside the sentence (e.g. the document's country, which has no span)
counts as no place chosen.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.eval.data import LocationSentence, Offsets
from sitrep.eval.metrics import ratio, spans_overlap
from sitrep.model import Document, Event, PlaceMention

Analyse = Callable[[Iterable[Document]], Iterator[Any]]


@dataclass(frozen=True, slots=True)
class LocationPrediction:
    """What sitrep said about one sentence's event word."""

    event_found: bool  # an event was matched to the event word
    at_verb: bool  # ... and its trigger overlaps the word itself
    chosen: Offsets | None  # the place span of that event, if it is a span of the text
    mentions: tuple[Offsets, ...]  # every place mention found in the sentence


def _distance(span: Offsets, other: Offsets) -> int:
    if spans_overlap(span, other):
        return 0
    return other[0] - span[1] if other[0] >= span[1] else span[0] - other[1]


def event_at(verb: Offsets, events: Sequence[Event]) -> tuple[Event | None, bool]:
    """The event coded at `verb`: trigger overlap first, else the nearest event of the verb's sentence."""
    for event in events:
        if spans_overlap((event.trigger.start, event.trigger.end), verb):
            return event, True
    same_sentence = [e for e in events if e.evidence.start <= verb[0] < e.evidence.end]
    if not same_sentence:
        return None, False
    nearest = min(
        same_sentence, key=lambda e: (_distance((e.trigger.start, e.trigger.end), verb), e.trigger.start)
    )
    return nearest, False


def predict_location(
    verb: Offsets, events: Sequence[Event], places: Sequence[PlaceMention]
) -> LocationPrediction:
    event, at_verb = event_at(verb, events)
    place = event.location if event is not None else None
    chosen = (place.start, place.end) if place is not None and place.end > place.start else None
    mentions = tuple((p.start, p.end) for p in places if p.end > p.start)
    return LocationPrediction(event is not None, at_verb, chosen, mentions)


def _hits(span: Offsets | None, gold: Sequence[Offsets]) -> bool:
    return span is not None and any(spans_overlap(span, g) for g in gold)


def score_locations(
    gold: Sequence[LocationSentence], predicted: Mapping[str, LocationPrediction]
) -> dict[str, Any]:
    """Place-choice accuracy and the figures that explain it (event found, mention recall, baseline)."""
    missing = LocationPrediction(False, False, None, ())
    located = [(s, predicted.get(s.id, missing)) for s in gold if s.locations]
    unlocated = [(s, predicted.get(s.id, missing)) for s in gold if not s.locations]
    with_event = [(s, p) for s, p in located if p.event_found]
    correct = sum(1 for s, p in with_event if _hits(p.chosen, s.locations))

    def nearest_mention(sentence: LocationSentence, prediction: LocationPrediction) -> Offsets | None:
        if not prediction.mentions:
            return None
        return min(prediction.mentions, key=lambda m: (_distance(m, sentence.verb), m[0]))

    unlocated_with_event = [p for _, p in unlocated if p.event_found]
    return {
        "sentences": len(gold),
        "with_gold_location": len(located),
        "event_found": ratio(len(with_event), len(located)),
        "event_at_verb": ratio(sum(1 for _, p in located if p.at_verb), len(located)),
        "accuracy": ratio(correct, len(with_event)),
        "end_to_end": ratio(correct, len(located)),
        "no_place_chosen": ratio(sum(1 for _, p in with_event if p.chosen is None), len(with_event)),
        "mention_recall": ratio(
            sum(1 for s, p in located if any(_hits(m, s.locations) for m in p.mentions)), len(located)
        ),
        "nearest_mention_baseline": ratio(
            sum(1 for s, p in located if _hits(nearest_mention(s, p), s.locations)), len(located)
        ),
        "without_gold_location": len(unlocated),
        "abstained_without_gold_location": ratio(
            sum(1 for p in unlocated_with_event if p.chosen is None), len(unlocated_with_event)
        ),
    }


def run_locations(analyse: Analyse, sentences: Sequence[LocationSentence]) -> dict[str, Any]:
    """Runs the pipeline on the sentences and scores the place chosen for each gold event word."""
    by_id = {s.id: s for s in sentences}
    documents = [Document(id=s.id, text=s.text) for s in sentences]
    started = time.perf_counter()
    predicted = {
        a.document.id: predict_location(by_id[a.document.id].verb, a.events, a.places)
        for a in analyse(documents)
    }
    seconds = time.perf_counter() - started
    report = score_locations(sentences, predicted)
    report.update(documents=len(documents), seconds=seconds, docs_per_second=ratio(len(documents), seconds))
    return report
