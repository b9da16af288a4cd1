"""Event records as rows of ACLED's data export: its 31 columns, in its order, coded as its codebook says."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any, TextIO

from sitrep.errors import InputError
from sitrep.events.ontology import disorder_type_of
from sitrep.export.countries import country_of

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "tags", "timestamp",
)
INTEGER_COLUMNS = frozenset(
    {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
     "timestamp"}
)
FLOAT_COLUMNS = frozenset({"latitude", "longitude"})

# ACLED's numeric actor codes (inter1/inter2) by actor type label.
INTER_CODES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}
# Singular and plural spellings both occur ("Rebel groups", "Protester").
_INTER_ALIASES = {"rebel groups": 2, "political militias": 3, "identity militias": 4, "rioter": 5,
                  "protester": 6, "civilian": 7, "external/other force": 8, "state force": 1}

Row = dict[str, Any]


def inter_code(actor: dict[str, Any] | None) -> int | None:
    """ACLED's inter code of an actor object: 0 for no actor, None for an unknown actor type."""
    if not actor:
        return 0
    label = str(actor.get("type") or "").strip().lower()
    return INTER_CODES.get(label, _INTER_ALIASES.get(label))


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """The two inter codes combined, smaller first (12, 27, ...); a sole actor gives 10, 60, ..."""
    if inter1 is None or inter2 is None:
        return None
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def _names(actors: Iterable[dict[str, Any]] | None) -> str:
    return "; ".join(str(actor["name"]) for actor in actors or () if actor.get("name"))


def _unix_time(record: dict[str, Any], timestamp: int | None) -> int | None:
    if timestamp is not None:
        return timestamp
    ingested = record.get("ingested_at")
    if ingested:
        moment = datetime.fromisoformat(str(ingested).replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return int(moment.timestamp())
    if record.get("date_start"):
        day = date.fromisoformat(record["date_start"])
        return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
    return None


def to_acled_row(record: dict[str, Any], timestamp: int | None = None) -> Row:
    """One event record as an ACLED row: text columns are strings ("" when unknown), numbers int/float/None.

    `timestamp` is ACLED's last-modified unix time; without it the record's `ingested_at` is used if
    present, else midnight UTC of the event's start date.
    """
    location = record.get("location") or {}
    actor1 = record.get("actor1")
    actor2 = record.get("actor2")
    country = country_of(location.get("country_code"))
    inter1 = inter_code(actor1)
    inter2 = inter_code(actor2)
    event_date = record.get("date_start")
    civilians = bool(actor2) and inter_code(actor2) == INTER_CODES["civilians"]
    document = record.get("document") or {}
    return {
        "event_id_cnty": f"{country.iso3}{record['event_id']}" if country else str(record["event_id"]),
        "event_date": event_date or "",
        "year": int(event_date[:4]) if event_date else None,
        "time_precision": record.get("time_precision"),
        "disorder_type": disorder_type_of(record.get("event_type")) or "",
        "event_type": record.get("event_type") or "",
        "sub_event_type": record.get("sub_event_type") or "",
        "actor1": (actor1 or {}).get("name") or "",
        "assoc_actor_1": _names(record.get("assoc_actor1")),
        "inter1": inter1,
        "actor2": (actor2 or {}).get("name") or "",
        "assoc_actor_2": _names(record.get("assoc_actor2")),
        "inter2": inter2,
        "interaction": interaction_code(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": country.numeric if country else None,
        "region": (country.region or "") if country else "",
        "country": country.name if country else "",
        "admin1": location.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": location.get("name") or "",
        "latitude": location.get("latitude"),
        "longitude": location.get("longitude"),
        "geo_precision": record.get("geo_precision"),
        "source": document.get("publisher") or "",
        "source_scale": "",
        "notes": record.get("summary") or "",
        "fatalities": record.get("fatalities") or 0,
        "tags": "",
        "timestamp": _unix_time(record, timestamp),
    }


def to_acled_rows(records: Iterable[dict[str, Any]], timestamp: int | None = None) -> Iterator[Row]:
    """ACLED rows for event records, in the order given."""
    for record in records:
        yield to_acled_row(record, timestamp)


def write_acled_csv(records: Iterable[dict[str, Any]], stream: TextIO, timestamp: int | None = None) -> int:
    """Write a header and one ACLED row per record as CSV (RFC 4180: CRLF line ends; open files with
    newline=""); return the number of rows."""
    # CRLF line ends also make the csv module quote a lone "\r" in a field, which "\n" would not.
    writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for row in to_acled_rows(records, timestamp):
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
        count += 1
    return count


def _parse_cell(column: str, text: str) -> Any:
    if column not in INTEGER_COLUMNS and column not in FLOAT_COLUMNS:
        return text
    if text == "":
        return None
    try:
        return int(text) if column in INTEGER_COLUMNS else float(text)
    except ValueError:
        return text  # newer ACLED files spell inter codes out ("State forces"): keep what is written


def read_acled_csv(stream: TextIO, source: str = "<acled csv>") -> list[Row]:
    """Rows of an ACLED CSV (ours or ACLED's own) with numbers parsed back; the inverse of write_acled_csv."""
    reader = csv.DictReader(stream)
    missing = [column for column in ACLED_COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise InputError(source, f"not an ACLED CSV: missing column(s) {', '.join(missing)}", line=1)
    rows: list[Row] = []
    assert reader.fieldnames is not None  # checked above: every ACLED column is present
    for row in reader:
        rows.append({column: _parse_cell(column, row.get(column) or "") for column in reader.fieldnames})
    return rows
