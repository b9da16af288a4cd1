"""The read routes of the API: events, documents, places, actors, control; each calls one query function."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from sitrep.api.database import Database
from sitrep.api.errors import ApiError
from sitrep.export.files import FILE_SUFFIXES, MEDIA_TYPES, canonical_format, export_bytes
from sitrep.model import CERTAINTIES
from sitrep.store import queries

MAX_PAGE = 1000
DEFAULT_PAGE = 100

# Functions of sitrep.store.queries that the fusion stage provides, by the route they serve: the first
# name present is used, and the route answers 501 while none is.
FUSE_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "control": ("query_control", "control_as_of"),
    "control_timeline": ("query_control",),
    "actor_graph": ("query_actor_network", "query_actor_graph"),
    "clusters": ("query_clusters",),
}

router = APIRouter(prefix="/api")
Certainty = Literal["asserted", "reported", "claimed", "unconfirmed", "expected", "denied"]
EventFormat = Literal["json", "jsonl", "csv", "acled", "geojson", "parquet", "plover"]


def fuse_function(feature: str) -> Callable[..., Any] | None:
    """The query function serving a fusion feature, or None while sitrep.fuse provides none."""
    for name in FUSE_FUNCTIONS[feature]:
        function = getattr(queries, name, None)
        if callable(function):
            return function  # type: ignore[no-any-return]
    return None


def _require(feature: str) -> Callable[..., Any]:
    function = fuse_function(feature)
    if function is None:
        raise ApiError(501, "not_implemented", f"{feature.replace('_', ' ')} needs the fusion stage "
                                               "(sitrep.fuse), which this installation does not provide")
    return function


def _database(request: Request) -> Database:
    return request.app.state.database  # type: ignore[no-any-return]


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """'west,south,east,north' in degrees, as a tuple; ApiError 422 if malformed."""
    if text is None or not text.strip():
        return None
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        raise ApiError(422, "invalid_request", "bbox must be four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, "invalid_request",
                       "bbox out of range: longitudes within ±180, latitudes within ±90, south <= north")
    return (west, south, east, north)


# The JSON page of /api/events, for the OpenAPI description (the route writes the body itself).
EVENT_PAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["total", "limit", "offset", "next_offset", "events"],
    "properties": {
        "total": {"type": ["integer", "null"], "description": "every match; null when asked with total=false"},
        "limit": {"type": "integer"},
        "offset": {"type": "integer"},
        "next_offset": {"type": ["integer", "null"], "description": "offset of the next page; null at the end"},
        "events": {"type": "array", "items": {"type": "object"}},
    },
}


@router.get("/events", summary="Events matching filters, a page at a time, in any export format",
            responses={200: {"description": "a page of events (format=json) or an export file",
                             "content": {"application/json": {"schema": EVENT_PAGE_SCHEMA}}}})
def list_events(
    request: Request,
    since: Annotated[date | None, Query(description="events ending on or after this day")] = None,
    until: Annotated[date | None, Query(description="events starting on or before this day")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code", max_length=2)] = None,
    event_type: Annotated[str | None, Query(alias="type", max_length=100,
                                            description="ACLED event or sub-event type, or PLOVER type")] = None,
    actor: Annotated[str | None, Query(description="actor id or name, any role", max_length=200)] = None,
    certainty: Annotated[list[Certainty] | None, Query(description="any of these certainties")] = None,
    min_corroboration: Annotated[int | None, Query(ge=1, le=1000,
                                                   description="reported by at least this many independent "
                                                               "publishers (the fused event's corroboration)")] = None,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    fmt: Annotated[EventFormat, Query(alias="format")] = "json",
    count: Annotated[bool, Query(alias="total", description="count every match (json only); false answers "
                                 "total null, which is faster with the actor filter")] = True,
) -> Response:
    query = queries.EventQuery(country=country, since=since, until=until, event_type=event_type, actor=actor,
                               certainty=tuple(certainty or ()), bbox=parse_bbox(bbox),
                               min_corroboration=min_corroboration)
    database = _database(request)
    if fmt != "json":
        with database.read() as con:
            records = queries.search_events(con, query, limit=limit, offset=offset)
        kind = canonical_format(fmt)
        return Response(export_bytes(records, kind), media_type=MEDIA_TYPES[kind],
                        headers={"Content-Disposition": f'attachment; filename="events{FILE_SUFFIXES[kind]}"'})
    with database.read() as con:
        # One more than the page tells whether another page follows without counting every match.
        texts = queries.search_event_texts(con, query, limit=limit + 1, offset=offset)
        total = database.remember(("events", query),
                                  lambda: queries.count_search_events(con, query)) if count else None
    page = texts[:limit]
    following = offset + len(page)
    more = following < total if total is not None else len(texts) > limit
    return event_page_response({"total": total, "limit": limit, "offset": offset,
                                "next_offset": following if more else None}, page)


def event_page_response(fields: dict[str, Any], record_texts: list[str]) -> Response:
    """`fields` with the stored records as "events", copied as stored text: no parsing and encoding again."""
    head = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    body = head[:-1] + ',"events":[' + ",".join(record_texts) + "]}"
    return Response(body.encode("utf-8"), media_type="application/json")


@router.get("/events/{event_id}", summary="One event with every mention of it, its sources and evidence")
def event_detail(request: Request, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    with _database(request).read() as con:
        mentions = queries.corroborating_events(con, event_id)
        if not mentions:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        sources = queries.documents_info(con, list(dict.fromkeys(m["document_id"] for m in mentions)))
        corroboration = queries.event_corroboration(con, event_id)
    evidence = [{"event_id": m["event_id"], "document_id": m["document_id"], **m["evidence"]} for m in mentions]
    return {"event": mentions[0], "mentions": mentions, "sources": sources, "evidence": evidence,
            "corroboration": corroboration}


@router.get("/documents/{document_id:path}", summary="A stored document's text with its events' evidence spans")
def document_detail(request: Request, document_id: str) -> dict[str, Any]:
    with _database(request).read() as con:
        document = queries.get_document(con, document_id)
        if document is None:
            raise ApiError(404, "not_found", f"no document {document_id!r}")
        records = queries.search_events(con, queries.EventQuery(document_id=document_id))
    spans = [{"event_id": r["event_id"], "start": r["evidence"]["start"], "end": r["evidence"]["end"],
              "event_type": r["event_type"], "sub_event_type": r["sub_event_type"], "summary": r["summary"],
              "certainty": r["certainty"]} for r in records]
    return {"document": document, "spans": spans}


@router.get("/places", summary="Places the stored events happened at, busiest first")
def places(request: Request, country: Annotated[str | None, Query(max_length=2)] = None,
           limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = DEFAULT_PAGE,
           offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
    with _database(request).read() as con:
        return {"places": queries.list_places(con, country=country, limit=limit, offset=offset)}


@router.get("/actors", summary="Actors of the stored events, busiest first")
def actors(request: Request, q: Annotated[str | None, Query(max_length=200, description="part of a name")] = None,
           limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = DEFAULT_PAGE,
           offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
    with _database(request).read() as con:
        return {"actors": queries.list_actors(con, search=q, limit=limit, offset=offset)}


@router.get("/actors/graph", summary="The actor network: actors as nodes, shared events and alliances as edges")
def actor_graph(request: Request) -> Any:
    function = _require("actor_graph")
    with _database(request).read() as con:
        return function(con)


@router.get("/control", summary="Who controls each place as of a day (held, contested or claimed)")
def control(request: Request, as_of: Annotated[date, Query(description="the day, YYYY-MM-DD")]) -> Any:
    function = _require("control")
    with _database(request).read() as con:
        return function(con, as_of)


@router.get("/control/timeline", summary="How control of one place changed over time")
def control_timeline(request: Request, place: Annotated[str, Query(max_length=200,
                                                                   description="geonameid or place name")],
                     as_of: Annotated[date | None, Query(description="up to this day (default: all)")] = None
                     ) -> Any:
    function = _require("control_timeline")
    with _database(request).read() as con:
        return function(con, as_of or date.max, place=place)


@router.get("/meta", summary="What the database holds and what this server offers (for the dashboard)")
def meta(request: Request) -> dict[str, Any]:
    with _database(request).read() as con:
        first, last = queries.event_date_range(con)
        by_type = queries.count_events_by(con, "event_type")
        total = queries.count_events(con)
    return {"events": total, "date_min": first, "date_max": last,
            "event_types": [{"event_type": key, "events": count} for key, count in by_type.items()],
            "certainties": list(CERTAINTIES), "tiles": request.app.state.tiles,
            "ingest": bool(request.app.state.api_key),
            "features": {feature: fuse_function(feature) is not None for feature in FUSE_FUNCTIONS}}
