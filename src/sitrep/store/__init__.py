"""The DuckDB store: schema, the one writer, and the read-only queries every interface shares."""

from sitrep.store.queries import (
    count_events,
    count_events_by,
    document_stored,
    get_cluster,
    get_document,
    get_event,
    query_actor_counts,
    query_actor_network,
    query_clusters,
    query_control,
    query_events,
    query_rejections,
    query_runs,
    table_counts,
)
from sitrep.store.schema import SCHEMA_VERSION, open_for_reading
from sitrep.store.writer import Store

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "count_events",
    "count_events_by",
    "document_stored",
    "get_cluster",
    "get_document",
    "get_event",
    "open_for_reading",
    "query_actor_counts",
    "query_actor_network",
    "query_clusters",
    "query_control",
    "query_events",
    "query_rejections",
    "query_runs",
    "table_counts",
]
