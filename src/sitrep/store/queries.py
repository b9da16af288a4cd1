"""Read-only queries over a sitrep database, shared by the CLI, the API and the dashboard.

Every function takes an open DuckDB connection and returns plain Python values: event records are the
JSON objects of the public contract, exactly as `sitrep extract` prints them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from sitrep.errors import StoreError
from sitrep.store.schema import TABLES


def _as_date(value: date | str | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise StoreError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from exc


def _event_filters(country: str | None, since: date | str | None, until: date | str | None,
                   event_type: str | None, document_id: str | None = None) -> tuple[str, list[Any]]:
    """A WHERE clause and its parameters for the filters every event query shares."""
    clauses: list[str] = []
    params: list[Any] = []
    if country:
        clauses.append("upper(country_code) = upper(?)")
        params.append(country)
    start = _as_date(since, "since")
    end = _as_date(until, "until")
    # An event spanning several days matches when its span overlaps the requested window.
    if start is not None:
        clauses.append("coalesce(date_end, date_start) >= ?")
        params.append(start)
    if end is not None:
        clauses.append("date_start <= ?")
        params.append(end)
    if event_type:
        # One filter for every level of the taxonomy: "Battles", "Air/drone strike" or "ASSAULT".
        clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?) "
                       "OR lower(plover_type) = lower(?))")
        params.extend([event_type] * 3)
    if document_id is not None:
        clauses.append("document_id = ?")
        params.append(document_id)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return where, params


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    try:
        return con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"database query failed ({exc})") from exc


def query_events(con: duckdb.DuckDBPyConnection, country: str | None = None, since: date | str | None = None,
                 until: date | str | None = None, event_type: str | None = None, limit: int | None = None,
                 offset: int = 0, document_id: str | None = None,
                 with_ingest_time: bool = False) -> list[dict[str, Any]]:
    """Stored event records matching every given filter, ordered by start date (undated last) then id.

    `country` is the ISO alpha-2 code of the event's location; `since`/`until` keep events whose dates
    overlap that window (undated events are left out when either is given); `event_type` matches the
    ACLED event type, sub-event type or PLOVER type, ignoring case. With `with_ingest_time` each record
    also carries `ingested_at` (ISO 8601, UTC) of its document.
    """
    if limit is not None and limit < 0:
        raise StoreError(f"limit must not be negative, not {limit}")
    where, params = _event_filters(country, since, until, event_type, document_id)
    sql = ("SELECT e.record, d.ingested_at FROM events e LEFT JOIN documents d ON d.id = e.document_id"
           + where
           + " ORDER BY e.date_start ASC NULLS LAST, e.event_id ASC")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    if offset:
        sql += " OFFSET ?"
        params.append(offset)
    records: list[dict[str, Any]] = []
    for record_json, ingested_at in _run(con, sql, params):
        record = json.loads(record_json)
        if with_ingest_time:
            record["ingested_at"] = ingested_at.isoformat() + "Z" if ingested_at else None
        records.append(record)
    return records


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One stored event record by id, or None."""
    rows = _run(con, "SELECT record FROM events WHERE event_id = ?", [event_id])
    return json.loads(rows[0][0]) if rows else None


def count_events(con: duckdb.DuckDBPyConnection, country: str | None = None, since: date | str | None = None,
                 until: date | str | None = None, event_type: str | None = None) -> int:
    """How many events `query_events` would return without a limit."""
    where, params = _event_filters(country, since, until, event_type)
    rows = _run(con, "SELECT count(*) FROM events" + where, params)
    return int(rows[0][0])


def count_events_by(con: duckdb.DuckDBPyConnection, column: str) -> dict[str | None, int]:
    """Event counts grouped by one typed column: event_type, sub_event_type, country_code, ..."""
    allowed = {"event_type", "sub_event_type", "plover_type", "country_code", "certainty", "document_id",
               "geo_precision", "time_precision"}
    if column not in allowed:
        raise StoreError(f"cannot count events by {column!r}; choose one of {', '.join(sorted(allowed))}")
    rows = _run(con, f"SELECT {column}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1", [])
    return {key: int(count) for key, count in rows}


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows in every sitrep table, by table name."""
    return {table: int(_run(con, f"SELECT count(*) FROM {table}", [])[0][0]) for table in TABLES}


def document_stored(con: duckdb.DuckDBPyConnection, content_hash: str) -> bool:
    """Whether a document with this text (its `Document.content_hash`) is already stored."""
    rows = _run(con, "SELECT 1 FROM documents WHERE content_hash = ? LIMIT 1", [content_hash])
    return bool(rows)


def get_document(con: duckdb.DuckDBPyConnection, document_id: str) -> dict[str, Any] | None:
    """A stored document with its text and metadata, or None."""
    rows = _run(con, "SELECT id, title, url, publisher, published, author, origin, text, ingested_at "
                     "FROM documents WHERE id = ?", [document_id])
    if not rows:
        return None
    (id_, title, url, publisher, published, author, origin, text, ingested_at) = rows[0]
    return {"id": id_, "title": title, "url": url, "publisher": publisher,
            "published": published.isoformat() if published else None, "author": author, "origin": origin,
            "text": text, "ingested_at": ingested_at.isoformat() + "Z" if ingested_at else None}


def query_rejections(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> list[dict[str, Any]]:
    """Stored rejections (oldest first), optionally of one run."""
    sql = "SELECT source, line, reason, run_id, \"at\" FROM rejections"
    params: list[Any] = []
    if run_id is not None:
        sql += " WHERE run_id = ?"
        params.append(run_id)
    rows = _run(con, sql + " ORDER BY \"at\", source, line", params)
    return [{"source": s, "line": line, "reason": r, "run_id": run, "at": at.isoformat() + "Z"}
            for s, line, r, run, at in rows]


def query_runs(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every recorded run, newest first, with its configuration and counts."""
    rows = _run(con, "SELECT run_id, started_at, finished_at, config, counts FROM runs "
                     "ORDER BY started_at DESC", [])
    return [{"run_id": run_id, "started_at": started.isoformat() + "Z",
             "finished_at": finished.isoformat() + "Z" if finished else None,
             "config": json.loads(config) if config else None,
             "counts": json.loads(counts) if counts else None}
            for run_id, started, finished, config, counts in rows]


# Queries of the HTTP API and the dashboard ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EventQuery:
    """Every filter of `search_events`; None (or empty) means no filter.

    `bbox` is (west, south, east, north) in degrees; `actor` matches an actor id or name (any role, any
    case); `certainty` keeps events of any of the given certainties; `min_corroboration` keeps events whose
    fused cluster at least that many independent publishers report (see `event_corroboration`).
    """

    country: str | None = None
    since: date | str | None = None
    until: date | str | None = None
    event_type: str | None = None
    actor: str | None = None
    certainty: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = None
    min_corroboration: int | None = None
    document_id: str | None = None


def _actor_filter(con: duckdb.DuckDBPyConnection, actor: str) -> tuple[str, list[Any]]:
    """The actor filter: an id or a name (any case) in any role, by the events row's own columns (actor1,
    actor2, and the associated actors' ids kept on the row) compared in the table scan.

    A semi-join on `event_actors` would probe every event (~100-300 ms at a million events); the actors that
    match the id or name are few, so they are looked up first."""
    ids = [row[0] for row in _run(con, "SELECT id FROM actors WHERE id = ? OR lower(name) = lower(?)",
                                  [actor, actor])]
    clause = ("actor1_id = ? OR actor2_id = ? OR lower(actor1_name) = lower(?) OR lower(actor2_name) = lower(?) "
              "OR list_contains(?, actor1_id) OR list_contains(?, actor2_id) OR list_has_any(assoc_actor_ids, ?)")
    return f"({clause})", [actor, actor, actor, actor, ids, ids, ids]


def _search_filters(con: duckdb.DuckDBPyConnection, query: EventQuery) -> tuple[str, list[Any]]:
    where, params = _event_filters(query.country, query.since, query.until, query.event_type, query.document_id)
    clauses = [where.removeprefix(" WHERE ")] if where else []
    if query.bbox is not None:
        west, south, east, north = query.bbox
        clauses.append("latitude BETWEEN ? AND ?")
        params.extend([south, north])
        if west <= east:
            clauses.append("longitude BETWEEN ? AND ?")
            params.extend([west, east])
        else:  # a box across the antimeridian
            clauses.append("(longitude >= ? OR longitude <= ?)")
            params.extend([west, east])
    if query.actor:
        clause, actor_params = _actor_filter(con, query.actor)
        clauses.append(clause)
        params.extend(actor_params)
    if query.certainty:
        clauses.append("list_contains(?, certainty)")
        params.append(list(query.certainty))
    if query.min_corroboration is not None and query.min_corroboration > 1:
        # The fusion refresh keeps each event's cluster corroboration on its row (1 while in no cluster):
        # a plain column predicate, applied in the table scan.
        clauses.append("corroboration >= ?")
        params.append(query.min_corroboration)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_EVENT_ORDER = " ORDER BY date_start ASC NULLS LAST, event_id ASC"


def _and(where: str, clause: str) -> str:
    return where + (" AND " if where else " WHERE ") + clause


def _days_up_to(con: duckdb.DuckDBPyConnection, where: str, params: list[Any],
                rows: int) -> tuple[date, date] | None:
    """The first and last start date of the first `rows` matching events in page order; None when an
    undated event is among them (they come last, in id order).

    Ordering one DATE column is cheap; ordering every match by (date, id) with its record is not. Every
    event up to the end of the page starts within these two days, so the page query can leave out all other
    events in the table scan, before it reads any record."""
    found = _run(con, "SELECT min(day), max(day), count(day) = count(*) FROM (SELECT date_start AS day FROM events"
                 + where + " ORDER BY date_start ASC NULLS LAST LIMIT ?)", [*params, rows])
    first, last, all_dated = found[0]
    return (first, last) if all_dated and first is not None else None


def search_event_texts(con: duckdb.DuckDBPyConnection, query: EventQuery, limit: int | None = None,
                       offset: int = 0) -> list[str]:
    """The stored JSON text of the records `search_events` returns, unparsed (for answers that embed it)."""
    if limit is not None and limit < 0:
        raise StoreError(f"limit must not be negative, not {limit}")
    if offset < 0:
        raise StoreError(f"offset must not be negative, not {offset}")
    if limit == 0:
        return []
    where, params = _search_filters(con, query)
    if limit is not None:
        days = _days_up_to(con, where, params, offset + limit)
        if days is not None:
            where = _and(where, "date_start BETWEEN ? AND ?")
            params.extend(days)
    return _page(con, where, params, limit, offset)


def _page(con: duckdb.DuckDBPyConnection, where: str, params: list[Any], limit: int | None,
          offset: int) -> list[str]:
    sql = "SELECT record FROM events" + where + _EVENT_ORDER
    params = list(params)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    if offset:
        sql += " OFFSET ?"
        params.append(offset)
    return [row[0] for row in _run(con, sql, params)]


def search_events(con: duckdb.DuckDBPyConnection, query: EventQuery, limit: int | None = None,
                  offset: int = 0) -> list[dict[str, Any]]:
    """Event records matching every filter of `query`, in the order of `query_events`."""
    return [json.loads(text) for text in search_event_texts(con, query, limit=limit, offset=offset)]


def count_search_events(con: duckdb.DuckDBPyConnection, query: EventQuery) -> int:
    """How many events `search_events` would return without a limit."""
    where, params = _search_filters(con, query)
    return int(_run(con, "SELECT count(*) FROM events" + where, params)[0][0])


def corroborating_events(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """Every stored mention of the same happening as this event (itself included, first), from any
    document: the members of its fused cluster, or the event alone when it is in no cluster yet. Empty when
    the event is unknown."""
    found = _run(con, "SELECT record FROM events WHERE event_id = ?", [event_id])
    if not found:
        return []
    # Index lookups only: the event id, then its cluster's component (filtering on more columns than the
    # component would make DuckDB scan every member instead).
    cluster = _run(con, "SELECT cluster_id, component_id FROM cluster_members WHERE event_id = ?", [event_id])
    component = _run(con, "SELECT event_id, cluster_id FROM cluster_members WHERE component_id = ?",
                     [cluster[0][1]]) if cluster else []
    others = [other for other, other_cluster in component if other_cluster == cluster[0][0] and other != event_id]
    mentions = [json.loads(found[0][0])]
    if others:
        # A list of placeholders is looked up in the key index (a join would scan the events table).
        rows = _run(con, f"SELECT record FROM events WHERE event_id IN ({', '.join(['?'] * len(others))}) "
                         "ORDER BY document_id, event_id", others)
        mentions.extend(json.loads(row[0]) for row in rows)
    return mentions


def event_corroboration(con: duckdb.DuckDBPyConnection, event_id: str) -> int:
    """How many independent publishers report this event: its fused cluster's corroboration, kept on its
    row by the fusion refresh, 1 when it is in no cluster yet or unknown (the count
    `EventQuery.min_corroboration` filters on)."""
    rows = _run(con, "SELECT corroboration FROM events WHERE event_id = ?", [event_id])
    return int(rows[0][0]) if rows else 1


def documents_info(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> list[dict[str, Any]]:
    """Metadata (no text) of the given stored documents, in the order given; unknown ids are left out."""
    rows = _run(con, "SELECT id, title, url, publisher, published FROM documents WHERE list_contains(?, id)",
                [document_ids])
    found = {id_: {"id": id_, "title": title, "url": url, "publisher": publisher,
                   "published": published.isoformat() if published else None}
             for id_, title, url, publisher, published in rows}
    return [found[id_] for id_ in document_ids if id_ in found]


def list_actors(con: duckdb.DuckDBPyConnection, search: str | None = None, limit: int = 100,
                offset: int = 0) -> list[dict[str, Any]]:
    """Stored actors with how many events each takes part in (any role), busiest first."""
    sql = ("SELECT a.id, a.name, a.type, a.country, count(DISTINCT ea.event_id) AS events FROM actors a "
           "LEFT JOIN event_actors ea ON ea.actor_id = a.id")
    params: list[Any] = []
    if search:
        sql += " WHERE contains(lower(a.name), lower(?)) OR a.id = ?"
        params.extend([search, search])
    sql += " GROUP BY ALL ORDER BY events DESC, a.name, a.id LIMIT ? OFFSET ?"
    params.extend([limit, offset])
    return [{"id": id_, "name": name, "type": type_, "country": country, "events": int(events)}
            for id_, name, type_, country, events in _run(con, sql, params)]


def list_places(con: duckdb.DuckDBPyConnection, country: str | None = None, limit: int = 100,
                offset: int = 0) -> list[dict[str, Any]]:
    """Stored places with how many events happened there, busiest first."""
    sql = ("SELECT p.geonameid, p.name, p.lat, p.lon, p.country_code, p.admin1, p.feature_code, "
           "count(e.event_id) AS events FROM places p LEFT JOIN events e ON e.geonameid = p.geonameid")
    params: list[Any] = []
    if country:
        sql += " WHERE upper(p.country_code) = upper(?)"
        params.append(country)
    sql += " GROUP BY ALL ORDER BY events DESC, p.name, p.geonameid LIMIT ? OFFSET ?"
    params.extend([limit, offset])
    return [{"geonameid": int(gid), "name": name, "latitude": lat, "longitude": lon, "country_code": cc,
             "admin1": admin1, "feature_code": code, "events": int(events)}
            for gid, name, lat, lon, cc, admin1, code, events in _run(con, sql, params)]


def event_date_range(con: duckdb.DuckDBPyConnection) -> tuple[str | None, str | None]:
    """The first start date and last end date of the stored events (ISO), or (None, None)."""
    row = _run(con, "SELECT min(date_start), max(coalesce(date_end, date_start)) FROM events", [])[0]
    return (row[0].isoformat() if row[0] else None, row[1].isoformat() if row[1] else None)


# Fused events, control and the actor network (sitrep.fuse) --------------------------------------------


def query_clusters(con: duckdb.DuckDBPyConnection, country: str | None = None, since: date | str | None = None,
                   until: date | str | None = None, event_type: str | None = None, limit: int | None = None,
                   offset: int = 0, min_corroboration: int | None = None) -> list[dict[str, Any]]:
    """Fused events (one per cluster of mentions) with the filters of `query_events`, ordered the same way.

    Each is a contract record plus `mentions`, `sources`, `corroboration`, `contested_fields` and `claims`.
    Events stored by an ingest that has not finished are fused by the next ingest, and are not listed yet."""
    if limit is not None and limit < 0:
        raise StoreError(f"limit must not be negative, not {limit}")
    where, params = _event_filters(country, since, until, None)
    if event_type:
        where += (" AND " if where else " WHERE ") + (
            "(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
        params.extend([event_type] * 2)
    if min_corroboration is not None:
        where += (" AND " if where else " WHERE ") + "corroboration >= ?"
        params.append(min_corroboration)
    sql = "SELECT record FROM clusters" + where + " ORDER BY date_start ASC NULLS LAST, cluster_id ASC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    if offset:
        sql += " OFFSET ?"
        params.append(offset)
    return [json.loads(row[0]) for row in _run(con, sql, params)]


def get_cluster(con: duckdb.DuckDBPyConnection, cluster_id: str) -> dict[str, Any] | None:
    """One fused event by its id, or None."""
    rows = _run(con, "SELECT record FROM clusters WHERE cluster_id = ?", [cluster_id])
    return json.loads(rows[0][0]) if rows else None


def query_control(con: duckdb.DuckDBPyConnection, as_of: date | str,
                  place: str | None = None) -> list[dict[str, Any]]:
    """Who controls each place as of a date (`sitrep.fuse.control_as_of` over the stored events); with
    `place` (a name or geonameid), that place's timeline of control up to the date instead."""
    from sitrep.fuse import control_as_of, control_timeline

    day = _as_date(as_of, "as_of")
    records = query_events(con, until=day)
    if place is None:
        return control_as_of(records, day)  # type: ignore[arg-type]
    return control_timeline(records, place)


def query_actor_network(con: duckdb.DuckDBPyConnection, kb: Any = None) -> dict[str, Any]:
    """The actor network of the stored events (`sitrep.fuse.actor_network`), with the packaged knowledge
    base's backing affiliations unless another ActorBase is given."""
    from sitrep.actors import load_knowledge_base
    from sitrep.fuse import actor_network

    return actor_network(query_events(con), kb if kb is not None else load_knowledge_base())


def query_actor_counts(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every stored actor with its event counts by role, most frequent first."""
    from sitrep.fuse import actor_counts

    return actor_counts(query_events(con))
