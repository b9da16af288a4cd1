"""Event records as PLOVER-style JSON Lines: one record per event, actors with ISO alpha-3 country codes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from sitrep.export.countries import country_of


def _alpha3(iso2: str | None) -> str | None:
    country = country_of(iso2)
    return country.iso3 if country else None


def _actor_fields(role: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    return {
        f"{role}_actor": actor.get("name"),
        f"{role}_actor_id": actor.get("id"),
        # PLOVER's agent is the actor's sector; ACLED's actor type is the nearest thing sitrep records.
        f"{role}_agent": actor.get("type"),
        f"{role}_country": _alpha3(actor.get("country")),
        f"{role}_text": actor.get("text"),
    }


def to_plover_record(record: dict[str, Any]) -> dict[str, Any]:
    """One contract event record as a PLOVER-style record (source = actor1, target = actor2)."""
    location = record.get("location") or None
    evidence = record.get("evidence") or {}
    document = record.get("document") or {}
    return {
        "id": record.get("event_id"),
        "date": record.get("date_start"),
        "date_end": record.get("date_end"),
        "event_type": record.get("plover_type"),
        "mode": record.get("plover_mode"),
        "context": [value for value in (record.get("event_type"), record.get("sub_event_type")) if value],
        **_actor_fields("source", record.get("actor1")),
        **_actor_fields("target", record.get("actor2")),
        "location": None if location is None else {
            "name": location.get("name"),
            "geonameid": location.get("geonameid"),
            "lat": location.get("latitude"),
            "lon": location.get("longitude"),
            "country": _alpha3(location.get("country_code")),
            "admin1": location.get("admin1"),
            "text": location.get("text"),
        },
        "fatalities": record.get("fatalities"),
        "certainty": record.get("certainty"),
        "attribution": record.get("attribution"),
        "text": evidence.get("sentence"),
        "text_start": evidence.get("start"),
        "text_end": evidence.get("end"),
        "summary": record.get("summary"),
        "document_id": record.get("document_id"),
        "source": document.get("publisher"),
        "url": document.get("url"),
        "publication_date": document.get("published"),
    }


def to_plover_records(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """PLOVER-style records for event records, in the order given."""
    return map(to_plover_record, records)


def write_plover_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """Write one PLOVER-style JSON object per line; return how many were written."""
    count = 0
    for plover in to_plover_records(records):
        stream.write(json.dumps(plover, ensure_ascii=False) + "\n")
        count += 1
    return count
