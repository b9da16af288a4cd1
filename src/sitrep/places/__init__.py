"""Geoparsing: the default gazetteer, toponym finding in spaCy Docs, and resolution to places."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc

from sitrep.model import PlaceMention
from sitrep.places.context import is_metonymic
from sitrep.places.finder import find_toponyms
from sitrep.places.gazetteer import Gazetteer, country_place, load_gazetteer
from sitrep.places.resolve import resolve

__all__ = [
    "Gazetteer",
    "country_place",
    "find_places",
    "geoparse_records",
    "is_metonymic",
    "load_gazetteer",
]


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The place mentions of a document, resolved (or `place=None` when unsure), in text order."""
    return resolve(find_toponyms(doc, gazetteer))


def geoparse_records(document_id: str, mentions: Iterable[PlaceMention]) -> list[dict[str, Any]]:
    """The objects `sitrep geoparse` prints, one per mention; unresolved mentions have null coordinates."""
    records: list[dict[str, Any]] = []
    for mention in mentions:
        place = mention.place
        records.append(
            {
                "document_id": document_id,
                "text": mention.text,
                "start": mention.start,
                "end": mention.end,
                "name": place.name if place else None,
                "geonameid": place.geonameid if place else None,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
                "country_code": place.country_code if place else None,
                "feature_code": place.feature_code if place else None,
                "score": mention.score,
            }
        )
    return records
