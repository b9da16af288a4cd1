"""Entity mentions on re3d: sitrep's places, actors, demonyms and dates scored per type against re3d.

re3d types sitrep produces, and where they come from:

| re3d type | sitrep's mentions |
|---|---|
| Location | place mentions (`find_places`, resolved or not) that are not part of an actor mention |
| Organisation | actor mentions (`find_actors`), including countries used as a state ("Turkey said") |
| Nationality | demonyms found by the actor dictionary ("Syrian", "Kurdish"), on their own or inside an actor phrase |
| Temporal | date expressions (`find_dates`) |

Person, Weapon, MilitaryPlatform, Quantity and the other re3d types have no sitrep counterpart and are not
scored. re3d marks groups, forces, governments, "civilians" and countries acting as states all as
organisations, as sitrep's actor resolver does. Gold annotations below re3d's confidence threshold
(`RE3D_MIN_CONFIDENCE`) are dropped when loading.

Two matchings: exact (same type, same start and end) and overlap (same type, at least one shared
character). In both, each gold and each predicted mention is used at most once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sitrep.eval.data import EntityDocument
from sitrep.eval.metrics import f1_score, ratio, spans_overlap
from sitrep.model import ActorMention, DateRange, Document, PlaceMention

if TYPE_CHECKING:
    from sitrep.pipeline import Pipeline

# re3d documents carry no publication date; any date lets relative expressions resolve to a span.
REFERENCE_DATE = date(2017, 1, 1)
ENTITY_TYPES: tuple[str, ...] = ("Location", "Organisation", "Nationality", "Temporal")


@dataclass(frozen=True, slots=True)
class Entity:
    """A typed mention: re3d's type name and character offsets."""

    type: str
    start: int
    end: int


Recognise = Callable[[Iterable[Document]], Iterator[tuple[Document, Sequence[Entity]]]]


def entities_of(
    places: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
    demonyms: Sequence[tuple[int, int]],
    dates: Sequence[DateRange],
) -> list[Entity]:
    """sitrep's mentions as re3d entities, in text order (see the module's table)."""
    actor_spans = [(a.start, a.end) for a in actors]
    found = [
        Entity("Location", p.start, p.end)
        for p in places
        if p.end > p.start and not any(spans_overlap((p.start, p.end), span) for span in actor_spans)
    ]
    found += [Entity("Organisation", start, end) for start, end in actor_spans]
    found += [Entity("Nationality", start, end) for start, end in demonyms]
    found += [Entity("Temporal", d.span.start, d.span.end) for d in dates if d.span is not None]
    return sorted(set(found), key=lambda e: (e.start, e.end, e.type))


def pipeline_recogniser(pipeline: Pipeline, reference_date: date = REFERENCE_DATE) -> Recognise:
    """A `Recognise` running the pipeline's parser, place finder, actor resolver and date finder.

    The date finder returns only expressions it can resolve, and relative ones ("yesterday") need a
    publication date; documents without one get `reference_date`, since only the spans are scored."""
    from sitrep.actors import find_actors
    from sitrep.actors.atoms import find_atoms
    from sitrep.dates import find_dates
    from sitrep.events.coder import focus_countries
    from sitrep.places import find_places

    def recognise(documents: Iterable[Document]) -> Iterator[tuple[Document, Sequence[Entity]]]:
        for document, doc in pipeline.parsed(documents):
            places = find_places(doc, pipeline.gazetteer)
            focus = focus_countries(places)
            actors = find_actors(doc, pipeline.actors, focus[0] if focus else None)
            demonyms = [
                (doc[a.start].idx, doc[a.end - 1].idx + len(doc[a.end - 1].text))
                for a in find_atoms(doc, pipeline.actors)
                if a.kind == "demonym"
            ]
            dates = find_dates(doc, document.published or reference_date)
            yield document, entities_of(places, actors, demonyms, dates)

    return recognise


def _matches(gold: Sequence[Entity], predicted: Sequence[Entity], exact: bool) -> int:
    """How many gold mentions a distinct predicted mention of the same type matches."""
    used: set[int] = set()
    matched = 0
    for entity in gold:
        for index, guess in enumerate(predicted):
            if index in used or guess.type != entity.type:
                continue
            hit = (
                (guess.start, guess.end) == (entity.start, entity.end)
                if exact
                else spans_overlap((guess.start, guess.end), (entity.start, entity.end))
            )
            if hit:
                used.add(index)
                matched += 1
                break
    return matched


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision, recall = ratio(correct, predicted), ratio(correct, gold)
    return {"precision": precision, "recall": recall, "f1": f1_score(precision, recall)}


def score_entities(
    documents: Sequence[EntityDocument], predicted: Mapping[str, Sequence[Entity]]
) -> dict[str, Any]:
    """Per-type and micro-averaged P/R/F1, exact and overlap, over the types in `ENTITY_TYPES`."""
    counts = {t: {"gold": 0, "predicted": 0, "exact": 0, "overlap": 0} for t in ENTITY_TYPES}
    for document in documents:
        gold = [Entity(e.type, e.start, e.end) for e in document.entities if e.type in counts]
        guesses = [e for e in predicted.get(document.id, ()) if e.type in counts]
        for entity_type, tally in counts.items():
            gold_of_type = [e for e in gold if e.type == entity_type]
            guesses_of_type = [e for e in guesses if e.type == entity_type]
            tally["gold"] += len(gold_of_type)
            tally["predicted"] += len(guesses_of_type)
            tally["exact"] += _matches(gold_of_type, guesses_of_type, exact=True)
            tally["overlap"] += _matches(gold_of_type, guesses_of_type, exact=False)
    per_type = {
        entity_type: {
            "gold": tally["gold"],
            "predicted": tally["predicted"],
            "exact": _prf(tally["exact"], tally["predicted"], tally["gold"]),
            "overlap": _prf(tally["overlap"], tally["predicted"], tally["gold"]),
        }
        for entity_type, tally in counts.items()
    }
    total = {key: sum(tally[key] for tally in counts.values()) for key in ("gold", "predicted", "exact", "overlap")}
    return {
        "documents": len(documents),
        "per_type": per_type,
        "micro": {
            "gold": total["gold"],
            "predicted": total["predicted"],
            "exact": _prf(total["exact"], total["predicted"], total["gold"]),
            "overlap": _prf(total["overlap"], total["predicted"], total["gold"]),
        },
    }


def run_entities(recognise: Recognise, documents: Sequence[EntityDocument]) -> dict[str, Any]:
    """Runs the recogniser on the re3d documents and scores its mentions per type."""
    started = time.perf_counter()
    predicted = {
        document.id: list(entities)
        for document, entities in recognise(Document(id=d.id, text=d.text) for d in documents)
    }
    seconds = time.perf_counter() - started
    report = score_entities(documents, predicted)
    report.update(seconds=seconds, docs_per_second=ratio(len(documents), seconds))
    return report
