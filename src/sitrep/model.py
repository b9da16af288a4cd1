"""The typed records every stage reads and writes: documents, mentions, actors, places, events, rejections.

Every annotation is a pair of character offsets into `Document.text`, so every field of every event can
be traced back to the characters that support it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal

Certainty = Literal["asserted", "reported", "claimed", "unconfirmed", "expected", "denied"]
CERTAINTIES: tuple[Certainty, ...] = ("asserted", "reported", "claimed", "unconfirmed", "expected", "denied")


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id derived from content, identical across runs, processes and machines."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


# Each event id and each write hashes its document's whole text again: the last texts' hashes are kept.
@lru_cache(maxsize=128)
def _content_hash(text: str) -> str:
    return stable_id(text, length=32)


@dataclass(frozen=True, slots=True)
class Document:
    """One news report. `text` is the exact text all offsets refer to."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    publisher: str | None = None
    author: str | None = None
    origin: str | None = None  # where it was read from: "path" or "path:line"

    @property
    def content_hash(self) -> str:
        return _content_hash(self.text)

    def info(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """Input that could not be turned into a Document, with the reason a user can act on."""

    source: str
    line: int | None
    reason: str

    def message(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"sitrep: skipped {where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Span:
    """Characters `text == document.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A standing relation from the knowledge base: this actor `relation` the other (e.g. backed_by)."""

    relation: str  # "backed_by", "allied_with", "part_of", "formerly", "hostile_to"
    actor_id: str
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An entry of the actor knowledge base."""

    id: str
    name: str
    type: str  # ACLED actor type label, e.g. "State forces", "Rebel group"
    country: str | None = None  # ISO 3166-1 alpha-2
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as written in a document."""

    actor: Actor
    start: int
    end: int
    text: str

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.actor.name,
            "id": self.actor.id,
            "type": self.actor.type,
            "country": self.actor.country,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (GeoNames)."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str | None
    feature_class: str  # GeoNames class: P populated place, A admin division, ...
    feature_code: str  # GeoNames code: PPLA, PPLC, ADM1, PCLI, ...
    population: int = 0
    admin1_code: str | None = None
    admin1: str | None = None  # admin1 name, when known
    admin2: str | None = None

    def lies_within(self, region: Place, unknown_inside: bool = False) -> bool:
        """Whether this place lies in `region`: its country, or its province (ADM1) or county (ADM2) when the
        region is one. A place whose province or county is not known lies in none of them, or, with
        `unknown_inside`, in any of its country's."""
        if region.country_code != self.country_code or region.geonameid == self.geonameid:
            return False
        if region.feature_code == "ADM1":
            return unknown_inside if self.admin1 is None else self.admin1 == region.admin1
        if region.feature_code == "ADM2":
            return unknown_inside if self.admin2 is None else (self.admin1, self.admin2) == (region.admin1, region.name)
        return True


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym found in a document, resolved to a Place or left unresolved (`place is None`)."""

    start: int
    end: int
    text: str
    place: Place | None
    score: float = 0.0
    geo_precision: int = 1  # ACLED: 1 town, 2 near a town / part of region, 3 region or country

    def to_location(self) -> dict[str, Any] | None:
        if self.place is None:
            return None
        p = self.place
        return {
            "name": p.name,
            "geonameid": p.geonameid,
            "latitude": p.latitude,
            "longitude": p.longitude,
            "country_code": p.country_code,
            "admin1": p.admin1,
            "feature_code": p.feature_code,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class DateRange:
    """When something happened, with ACLED's time precision (1 day, 2 week, 3 month)."""

    start: date
    end: date
    precision: int
    span: Span | None = None  # the expression it was resolved from, if any


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event mention: what, who, to whom, where, when, how sure, and the evidence."""

    event_id: str
    document_id: str
    event_type: str | None
    sub_event_type: str | None
    plover_type: str
    plover_mode: str | None
    actor1: ActorMention | None
    actor2: ActorMention | None
    assoc_actor1: tuple[ActorMention, ...]
    assoc_actor2: tuple[ActorMention, ...]
    location: PlaceMention | None
    geo_precision: int | None
    date: DateRange | None
    fatalities: int | None
    certainty: Certainty
    attribution: str | None
    evidence: Span
    trigger: Span
    summary: str
    document: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        """The JSON object of the public contract (`sitrep extract`)."""
        return {
            "event_id": self.event_id,
            "document_id": self.document_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "plover_type": self.plover_type,
            "plover_mode": self.plover_mode,
            "actor1": self.actor1.to_record() if self.actor1 else None,
            "actor2": self.actor2.to_record() if self.actor2 else None,
            "assoc_actor1": [a.to_record() for a in self.assoc_actor1],
            "assoc_actor2": [a.to_record() for a in self.assoc_actor2],
            "location": self.location.to_location() if self.location else None,
            "geo_precision": self.geo_precision,
            "date_start": self.date.start.isoformat() if self.date else None,
            "date_end": self.date.end.isoformat() if self.date else None,
            "time_precision": self.date.precision if self.date else None,
            "fatalities": self.fatalities,
            "certainty": self.certainty,
            "attribution": self.attribution,
            "evidence": {
                "sentence": self.evidence.text,
                "start": self.evidence.start,
                "end": self.evidence.end,
            },
            "trigger": {"text": self.trigger.text, "start": self.trigger.start, "end": self.trigger.end},
            "summary": self.summary,
            "document": self.document,
        }
