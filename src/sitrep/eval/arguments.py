"""Event arguments on WikiEvents and RAMS: do sitrep's actor1, actor2 and location match the gold roles?

Role mapping (event family = the first two parts of the gold type, lower-cased; roles lower-cased). Only the
families below are scored: they are the violent and contentious events sitrep codes; every other gold event
(contact, transactions, justice other than arrests, ...) is outside sitrep's scope and left out.

| family | actor1 | actor2 | location |
|---|---|---|---|
| conflict.attack | Attacker | Target | Place |
| life.die | Killer | Victim | Place |
| life.injure | Injurer | Victim | Place |
| conflict.demonstrate | Demonstrator | Regulator (police) | Place |
| conflict.defeat | Victor | Defeated | Place |
| conflict.yield | Yielder, Surrenderer, Retreater | Recipient | Place |
| justice.arrestjaildetain | Jailer | Detainee | Place |
| genericcrime.genericcrime | Perpetrator | Victim | Place |
| artifactexistence.damagedestroy* | Damager, Destroyer, Disabler, Dismantler | - | Place |
| contact.threatencoerce | Communicator | Recipient | Place |

Roles sitrep has no field for (Instrument, ExplosiveDevice, Artifact, Crime, Topic ...) are not scored.
sitrep's associated actors (allies acting with actor1 / actor2) are predicted in the role of their actor.

Matching: a sitrep event is matched to a gold event when its trigger's characters overlap the gold trigger
(the first such event in text order). A predicted argument is right when its character span overlaps the
span of a gold argument of the same event ("span overlap"): gold arguments are mostly head words ("the
general" is marked "general"), so this reads as "the predicted phrase contains the gold head". Each gold
argument is credited once. A location that is not a span of the text (the document's country used as a
fall-back) is no argument.

Scores: trigger recall (gold events of the scored families that sitrep finds); argument identification
(span right, any role) and classification (span and role right) over the matched events; and end to end
(classification over every scored gold event, so a missed event costs all of its arguments). sitrep events
matched to no gold event are not counted against it: both data sets annotate only some event types (RAMS
one event per window), so an unmatched sitrep event is not known to be wrong.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sitrep.eval.data import ArgumentDocument, GoldEvent, Offsets
from sitrep.eval.metrics import f1_score, ratio, spans_overlap
from sitrep.model import ActorMention, Document, Event

Analyse = Callable[[Iterable[Document]], Iterator[Any]]
SitrepRole = Literal["actor1", "actor2", "location"]
SITREP_ROLES: tuple[SitrepRole, ...] = ("actor1", "actor2", "location")

_DAMAGERS: dict[str, SitrepRole] = {
    "damager": "actor1",
    "destroyer": "actor1",
    "damagerdestroyer": "actor1",
    "disabler": "actor1",
    "dismantler": "actor1",
    "place": "location",
}
ROLE_MAP: dict[str, dict[str, SitrepRole]] = {
    "conflict.attack": {"attacker": "actor1", "target": "actor2", "place": "location"},
    "life.die": {"killer": "actor1", "victim": "actor2", "place": "location"},
    "life.injure": {"injurer": "actor1", "victim": "actor2", "place": "location"},
    "conflict.demonstrate": {"demonstrator": "actor1", "regulator": "actor2", "place": "location"},
    "conflict.defeat": {"victor": "actor1", "defeated": "actor2", "place": "location"},
    "conflict.yield": {
        "yielder": "actor1",
        "surrenderer": "actor1",
        "retreater": "actor1",
        "recipient": "actor2",
        "place": "location",
    },
    "justice.arrestjaildetain": {"jailer": "actor1", "detainee": "actor2", "place": "location"},
    "genericcrime.genericcrime": {"perpetrator": "actor1", "victim": "actor2", "place": "location"},
    "artifactexistence.damagedestroy": _DAMAGERS,
    "artifactexistence.damagedestroydisabledismantle": _DAMAGERS,
    "contact.threatencoerce": {"communicator": "actor1", "recipient": "actor2", "place": "location"},
}


@dataclass(frozen=True, slots=True)
class Argument:
    """An argument in sitrep's terms: which field of the event, and the characters it spans."""

    role: SitrepRole
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventScore:
    """The counts of one gold event: was it found, and how its arguments compare."""

    family: str
    found: bool
    gold: int  # gold arguments with a mapped role
    predicted: int  # arguments of the matched sitrep event (0 when none matched)
    identified: int  # gold arguments whose span a predicted argument overlaps
    classified: int  # ... with the same role


def family_of(event_type: str) -> str:
    """ "Conflict.Attack.DetonateExplode" -> "conflict.attack"."""
    return ".".join(event_type.lower().split(".")[:2])


def gold_arguments(event: GoldEvent) -> list[Argument]:
    """The event's arguments whose role sitrep has a field for, in sitrep's roles."""
    roles = ROLE_MAP.get(family_of(event.event_type), {})
    return [
        Argument(roles[a.role.lower()], a.start, a.end) for a in event.arguments if a.role.lower() in roles
    ]


def _with_allies(main: ActorMention | None, allies: Sequence[ActorMention]) -> list[ActorMention]:
    return ([main] if main is not None else []) + list(allies)


def sitrep_arguments(event: Event) -> list[Argument]:
    """actor1, actor2 (with their associated actors) and the location, where they are spans of the text."""
    found = [Argument("actor1", m.start, m.end) for m in _with_allies(event.actor1, event.assoc_actor1)]
    found += [Argument("actor2", m.start, m.end) for m in _with_allies(event.actor2, event.assoc_actor2)]
    place = event.location
    if place is not None and place.end > place.start:
        found.append(Argument("location", place.start, place.end))
    return found


def matched_event(trigger: Offsets, events: Sequence[Event]) -> Event | None:
    """The first sitrep event (in text order) whose trigger overlaps the gold trigger."""
    overlapping = [e for e in events if spans_overlap((e.trigger.start, e.trigger.end), trigger)]
    return min(overlapping, key=lambda e: e.trigger.start) if overlapping else None


def _credited(gold: Sequence[Argument], predicted: Sequence[Argument], same_role: bool) -> int:
    """Gold arguments matched by a distinct predicted argument (each used once, greedily in text order)."""
    used: set[int] = set()
    credited = 0
    for argument in gold:
        for index, guess in enumerate(predicted):
            if index in used or (same_role and guess.role != argument.role):
                continue
            if spans_overlap((guess.start, guess.end), (argument.start, argument.end)):
                used.add(index)
                credited += 1
                break
    return credited


def score_event(gold: GoldEvent, events: Sequence[Event]) -> EventScore:
    """Compares one gold event with the sitrep event coded at its trigger, if any."""
    expected = gold_arguments(gold)
    event = matched_event(gold.trigger, events)
    predicted = sitrep_arguments(event) if event is not None else []
    return EventScore(
        family_of(gold.event_type),
        event is not None,
        len(expected),
        len(predicted),
        _credited(expected, predicted, same_role=False),
        _credited(expected, predicted, same_role=True),
    )


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision, recall = ratio(correct, predicted), ratio(correct, gold)
    return {"precision": precision, "recall": recall, "f1": f1_score(precision, recall)}


def summarise(scores: Sequence[EventScore]) -> dict[str, Any]:
    """Trigger recall, identification / classification P/R/F1 over found events, end-to-end P/R/F1."""
    found = [s for s in scores if s.found]
    gold_found = sum(s.gold for s in found)
    predicted = sum(s.predicted for s in found)
    families = Counter(s.family for s in scores)
    return {
        "events": len(scores),
        "trigger_recall": ratio(len(found), len(scores)),
        "gold_arguments": sum(s.gold for s in scores),
        "predicted_arguments": predicted,
        "identification": _prf(sum(s.identified for s in found), predicted, gold_found),
        "classification": _prf(sum(s.classified for s in found), predicted, gold_found),
        "end_to_end": _prf(sum(s.classified for s in found), predicted, sum(s.gold for s in scores)),
        "families": {
            family: {
                "events": count,
                "trigger_recall": ratio(sum(1 for s in scores if s.family == family and s.found), count),
            }
            for family, count in sorted(families.items(), key=lambda item: (-item[1], item[0]))
        },
    }


def score_arguments(
    documents: Sequence[ArgumentDocument], predicted: Mapping[str, Sequence[Event]]
) -> dict[str, Any]:
    """Scores every gold event of a scored family against the sitrep events of its document."""
    scores = [
        score_event(gold, predicted.get(document.id, ()))
        for document in documents
        for gold in document.events
        if family_of(gold.event_type) in ROLE_MAP
    ]
    report = summarise(scores)
    report["documents"] = len(documents)
    report["gold_events_all_types"] = sum(len(d.events) for d in documents)
    return report


def run_arguments(analyse: Analyse, documents: Sequence[ArgumentDocument]) -> dict[str, Any]:
    """Runs the pipeline on the documents and scores the arguments of the events found at gold triggers."""
    started = time.perf_counter()
    predicted = {
        a.document.id: tuple(a.events)
        for a in analyse(Document(id=d.id, text=d.text) for d in documents)
    }
    seconds = time.perf_counter() - started
    report = score_arguments(documents, predicted)
    report.update(seconds=seconds, docs_per_second=ratio(len(documents), seconds))
    return report
