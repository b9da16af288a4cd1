"""Fusion: many reports, one picture. Cross-source clustering, contradictions, territorial control, actor network."""

from sitrep.fuse.cluster import Cluster, cluster_mentions, components, touched_components, update_clusters
from sitrep.fuse.compatible import ActorRelations, compatible, relations_from_kb
from sitrep.fuse.control import control_as_of, control_timeline
from sitrep.fuse.graph_export import network_graphml, network_json
from sitrep.fuse.merge import conservative_fatalities, fuse_cluster, fuse_events
from sitrep.fuse.network import actor_counts, actor_network
from sitrep.fuse.records import as_records


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
