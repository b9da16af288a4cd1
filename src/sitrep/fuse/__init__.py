"""Fusion: many reports, one picture. Cross-source clustering, contradictions, territorial control, actor network."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from sitrep.fuse.cluster import Cluster, cluster_mentions, components, touched_components, update_clusters
from sitrep.fuse.compatible import ActorRelations, compatible, relations_from_kb
from sitrep.fuse.merge import conservative_fatalities, fuse_cluster, fuse_events
from sitrep.fuse.records import as_records

if TYPE_CHECKING:
    from sitrep.fuse.control import control_as_of, control_timeline
    from sitrep.fuse.graph_export import network_graphml, network_json
    from sitrep.fuse.network import actor_counts, actor_network

# Imported on first use: an ingest, which fuses through sitrep.store, needs none of these (the actor
# network compiles its regexes and the graph export imports an XML library).
_ON_FIRST_USE = {
    "control_as_of": "sitrep.fuse.control",
    "control_timeline": "sitrep.fuse.control",
    "network_graphml": "sitrep.fuse.graph_export",
    "network_json": "sitrep.fuse.graph_export",
    "actor_counts": "sitrep.fuse.network",
    "actor_network": "sitrep.fuse.network",
}


def __getattr__(name: str) -> Any:
    if name not in _ON_FIRST_USE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_ON_FIRST_USE[name]), name)


def fuse(events: object, relations: ActorRelations | None = None) -> list[dict[str, object]]:
    """Fused event records of a batch of Events or records: cluster, then merge each cluster."""
    records = {r["event_id"]: r for r in as_records(events)}  # type: ignore[arg-type]
    return fuse_events(cluster_mentions(records.values(), relations), records)


__all__ = [
    "ActorRelations",
    "Cluster",
    "actor_counts",
    "actor_network",
    "as_records",
    "cluster_mentions",
    "compatible",
    "components",
    "conservative_fatalities",
    "control_as_of",
    "control_timeline",
    "fuse",
    "fuse_cluster",
    "fuse_events",
    "network_graphml",
    "network_json",
    "relations_from_kb",
    "touched_components",
    "update_clusters",
]
