"""Hand-built events, place mentions, analyses and small data files for the evaluation tests."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.eval.data import CASE_FILE, CASE_LABELS_FILE, LOCATION_FILE, PLOVER_FILE
from sitrep.model import Actor, ActorMention, Document, Event, PlaceMention, Span

ARMY = Actor(id="xy-military", name="Military Forces of Xland", type="State forces", country="XY")
FRONT = Actor(id="northern-front", name="Northern Front", type="Rebel group", country=None)


def mention(actor: Actor, start: int, text: str) -> ActorMention:
    return ActorMention(actor, start, start + len(text), text)


def place(start: int, end: int, text: str = "Riverton") -> PlaceMention:
    return PlaceMention(start, end, text, None)


def make_event(
    sub_event_type: str | None = "Armed clash",
    event_type: str | None = "Battles",
    plover_type: str = "ASSAULT",
    trigger: tuple[int, int] = (10, 17),
    evidence: tuple[int, int] = (0, 80),
    location: PlaceMention | None = None,
    actor1: ActorMention | None = None,
    actor2: ActorMention | None = None,
    trigger_text: str = "clashed",
) -> Event:
    return Event(
        event_id=f"e-{trigger[0]}",
        document_id="d",
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover_type=plover_type,
        plover_mode=None,
        actor1=actor1,
        actor2=actor2,
        assoc_actor1=(),
        assoc_actor2=(),
        location=location,
        geo_precision=None,
        date=None,
        fatalities=None,
        certainty="asserted",
        attribution=None,
        evidence=Span(evidence[0], evidence[1], ""),
        trigger=Span(trigger[0], trigger[1], trigger_text),
        summary="",
    )


@dataclass(frozen=True)
class FakeAnalysis:
    document: Document
    events: tuple[Event, ...]
    places: tuple[PlaceMention, ...]


class FakeAnalyser:
    """Stands in for `Pipeline.analyse`: returns the events and places prepared for each document id."""

    def __init__(
        self,
        events: dict[str, tuple[Event, ...]] | None = None,
        places: dict[str, tuple[PlaceMention, ...]] | None = None,
    ) -> None:
        self.events = events or {}
        self.places = places or {}
        self.seen: list[str] = []

    def __call__(self, documents: Iterable[Document]) -> Iterator[FakeAnalysis]:
        for document in documents:
            self.seen.append(document.id)
            yield FakeAnalysis(document, self.events.get(document.id, ()), self.places.get(document.id, ()))


CASE_TSV = (
    "id\tEventSnippet\tSubType\n"
    "1\tMilitia fighters clashed with police near the old bridge.\tARMED_CLASH\n"
    '2\t"Envoys met in the capital to discuss ""the plan"" again"\tDIPLO\n'
)
LABELS_TXT = (
    "EVENT TYPES\n\n1. SUBTASK 1-3: seen\n\nARMED_CLASH\nAIR_STRIKE\n\n3. SUBTASK 3\n\nDIPLO\nARMED_CLASH\n"
)
SENTENCE = "Gunmen attacked a market in Riverton on Friday."


def write_data(root: Path) -> Path:
    (root / "events").mkdir(parents=True)
    (root / CASE_FILE).write_text(CASE_TSV, encoding="utf-8")
    (root / CASE_LABELS_FILE).write_text(LABELS_TXT, encoding="utf-8")
    location_records = [
        {
            "text": SENTENCE,
            "spans": [
                {"start": 7, "end": 15, "label": "VERB"},
                {"start": 28, "end": 36, "label": "LOCATION"},
            ],
        },
        # offsets given as token indices: "Riverton" is token 5
        {
            "text": SENTENCE,
            "spans": [
                {"start": 7, "end": 15, "label": "VERB", "text": "attacked"},
                {"start": 5, "end": 5, "token_start": 5, "label": "LOCATION", "text": "Riverton"},
            ],
        },
        {"text": "Nothing happened.", "spans": [{"start": 8, "end": 16, "label": "VERB"}]},
        {
            "text": SENTENCE,
            "spans": [{"start": 7, "end": 15, "label": "VERB"}, {"start": 0, "end": 6, "label": "VERB"}],
        },
    ]
    (root / LOCATION_FILE).write_text(
        "\n".join(json.dumps(r) for r in location_records) + "\n", encoding="utf-8"
    )
    plover = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "notes"},
        {
            "id": "P1",
            "date": "2001-02-03",
            "event": "AGREE",
            "eventText": "agreed",
            "source": [{"actorText": "Xland", "code": "XLD"}],
            "target": "",
            "text": "Xland agreed to a truce.",
        },
    ]
    (root / PLOVER_FILE).write_text(json.dumps(plover), encoding="utf-8")
    return root
