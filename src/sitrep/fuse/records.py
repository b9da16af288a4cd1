"""Shared helpers over event records (the contract's JSON objects): dates, places, actors, sources."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from sitrep.model import Event

Record = Mapping[str, Any]

# Most credible first: which mention speaks for a fused event, and which figures count.
CERTAINTY_RANK: dict[str, int] = {
    "asserted": 0, "reported": 1, "claimed": 2, "unconfirmed": 3, "expected": 4, "denied": 5,
}
# A mention that says the event took place (as opposed to predicting or denying it).
OCCURRED = frozenset({"asserted", "reported", "claimed"})
# Figures and territorial changes are taken from these alone, as ACLED does.
CREDIBLE = frozenset({"asserted", "reported"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})

_EARTH_RADIUS_KM = 6371.0088


def as_records(events: Iterable[Event | Record]) -> list[Record]:
    """Contract records from Events or records alike, so every fuse function takes either."""
    return [event.to_record() if isinstance(event, Event) else event for event in events]


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def date_range(record: Record) -> tuple[date, date] | None:
    return _date_range(record.get("date_start"), record.get("date_end"))


# Clustering compares every mention with its neighbours in time: each pair of ISO strings is parsed once.
@lru_cache(maxsize=65536)
def _date_range(start_text: str | None, end_text: str | None) -> tuple[date, date] | None:
    start = day(start_text)
    if start is None:
        return None
    return start, day(end_text) or start


def actor_id(actor: Mapping[str, Any] | None) -> str | None:
    return actor.get("id") if actor else None


def source_of(record: Record) -> str:
    """The independent source of a mention: its publisher, or its document when the publisher is unknown."""
    publisher = (record.get("document") or {}).get("publisher")
    if isinstance(publisher, str) and publisher.strip():
        return publisher.strip()
    return f"document:{record['document_id']}"


def distance_km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """Great-circle distance between two locations (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def is_country_level(location: Mapping[str, Any]) -> bool:
    code = location.get("feature_code") or ""
    return code.startswith("PCL") or not location.get("admin1")
