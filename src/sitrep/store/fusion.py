"""Brings the fused tables (clusters, cluster_members) in step with the events, in one writer transaction.

Incremental and exact: the mentions not yet in a cluster (a new document's, or every event of a database
written before fusion existed) are the new vertices; only the stored components they touch, found among the
stored mentions in their date window, are reclustered. The result equals clustering every stored mention
at once (sitrep.fuse.cluster explains why), so ingest order does not matter. The writer runs it at the end
of each ingest (`Store.finish_run`): an interrupted ingest leaves some events not yet clustered, never a
half-written cluster, and the next run clusters them. Every member of a rewritten cluster gets the
cluster's corroboration on its events row, which the corroboration filter of the read side scans.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import duckdb

from sitrep.fuse.cluster import Cluster, cluster_mentions, touched_components
from sitrep.fuse.compatible import MAX_WINDOW_DAYS, ActorRelations
from sitrep.fuse.merge import fuse_cluster
from sitrep.fuse.records import Record, date_range
from sitrep.store.rows import insert_rows


def _records(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[Record]:
    return [json.loads(row[0]) for row in con.execute(sql, params).fetchall()]


def _candidates(con: duckdb.DuckDBPyConnection, fresh: list[Record]) -> list[Record]:
    """Clustered mentions that could be compatible with a fresh one: same document, or dates in the window."""
    ranges = [found for found in map(date_range, fresh) if found is not None]
    documents = sorted({r["document_id"] for r in fresh})
    sql = ("SELECT e.record FROM events e JOIN cluster_members m ON m.event_id = e.event_id "
           "WHERE list_contains(?, e.document_id)")
    params: list[Any] = [documents]
    if ranges:
        reach = timedelta(days=2 * MAX_WINDOW_DAYS)
        sql += " OR (e.date_start <= ? AND coalesce(e.date_end, e.date_start) >= ?)"
        params += [max(end for _, end in ranges) + reach, min(start for start, _ in ranges) - reach]
    return _records(con, sql, params)


def refresh_clusters(con: duckdb.DuckDBPyConnection, relations: ActorRelations) -> int:
    """Bring the fused tables up to date with the events table; returns how many clusters were rewritten."""
    fresh = _records(con, "SELECT record FROM events WHERE event_id NOT IN (SELECT event_id FROM cluster_members)",
                     [])
    gone = [row[0] for row in con.execute(
        "SELECT component_id FROM cluster_members WHERE event_id NOT IN (SELECT event_id FROM events)").fetchall()]
    # A document stored again under the same event ids gets new events rows, with the column's default
    # corroboration of 1, still listed as members: their components are clustered again, from the new records.
    rewritten = [row[0] for row in con.execute(
        "SELECT DISTINCT m.component_id FROM cluster_members m JOIN clusters c USING (cluster_id) "
        "JOIN events e USING (event_id) WHERE c.corroboration > 1 AND e.corroboration = 1").fetchall()]
    if not fresh and not gone and not rewritten:
        return 0
    candidates = _candidates(con, fresh) if fresh else []
    component_of = {event_id: component for event_id, component in con.execute(
        "SELECT event_id, component_id FROM cluster_members WHERE list_contains(?, event_id)",
        [[r["event_id"] for r in candidates]]).fetchall()} if candidates else {}
    touched = sorted(touched_components(fresh, candidates, component_of, relations) | set(gone)
                     | set(rewritten))
    members = _records(con, "SELECT e.record FROM events e JOIN cluster_members m ON m.event_id = e.event_id "
                            "WHERE list_contains(?, m.component_id)", [touched]) if touched else []
    clusters = cluster_mentions([*members, *fresh], relations)
    records = {r["event_id"]: r for r in [*members, *fresh]}
    if touched:
        con.execute("DELETE FROM clusters WHERE list_contains(?, component_id)", [touched])
        con.execute("DELETE FROM cluster_members WHERE list_contains(?, component_id)", [touched])
    _insert(con, clusters, records)
    return len(clusters)


def _insert(con: duckdb.DuckDBPyConnection, clusters: Iterable[Cluster], records: dict[str, Record]) -> None:
    cluster_rows: list[tuple[Any, ...]] = []
    member_rows: list[tuple[Any, ...]] = []
    for cluster in clusters:
        fused = fuse_cluster(cluster, records)
        location = fused.get("location") or {}
        cluster_rows.append((cluster.cluster_id, cluster.component_id, fused.get("event_type"),
                             fused.get("sub_event_type"), location.get("country_code"), fused.get("date_start"),
                             fused.get("date_end"), len(cluster.member_ids), fused["corroboration"],
                             json.dumps(fused, ensure_ascii=False, default=str)))
        member_rows.extend((member, cluster.cluster_id, cluster.component_id) for member in cluster.member_ids)
    insert_rows(con, "clusters", cluster_rows)
    insert_rows(con, "cluster_members", member_rows)
    _copy_corroboration(con, [cluster_id for cluster_id, *_ in cluster_rows])


def _copy_corroboration(con: duckdb.DuckDBPyConnection, cluster_ids: list[str]) -> None:
    """Write these clusters' corroboration on their members' events rows (only the rows that change)."""
    if not cluster_ids:
        return
    # A join on the unnested ids, not list_contains: a first fusion of a large database rewrites every cluster.
    con.execute("UPDATE events SET corroboration = c.corroboration FROM (SELECT unnest(?::VARCHAR[]) AS cluster_id) "
                "JOIN clusters c USING (cluster_id) JOIN cluster_members m USING (cluster_id) "
                "WHERE m.event_id = events.event_id AND events.corroboration <> c.corroboration", [cluster_ids])
