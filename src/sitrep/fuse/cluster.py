"""Cluster event mentions into events: a deterministic function of the SET of mentions, batch or incremental.

Mentions are first split into the connected components of the compatibility graph; inside a component a
greedy complete-linkage pass, over the mentions in a canonical order, forms the clusters (every member of a
cluster is compatible with every other, so chains of near-misses do not snowball into one event). Since
both steps depend only on the set, any order of documents gives the same clusters, and adding mentions
already present changes nothing. The incremental path recomputes only the components a new mention touches:
adding vertices to a graph only merges components, so every other component, and its clusters, is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.fuse.compatible import MAX_WINDOW_DAYS, ActorRelations, blocking_key, compatible, widened_days
from sitrep.fuse.records import CERTAINTY_RANK, Record, date_range
from sitrep.model import stable_id


@dataclass(frozen=True, slots=True)
class Cluster:
    """One fused event: its member mention ids (sorted) and the component of the graph it came from."""

    cluster_id: str
    component_id: str
    member_ids: tuple[str, ...]


def cluster_id_of(member_ids: Iterable[str]) -> str:
    """Derived from the smallest member id, so it survives new members joining and any input order."""
    return stable_id("cluster", min(member_ids))


def component_id_of(member_ids: Iterable[str]) -> str:
    return stable_id("component", min(member_ids))


def _canonical_key(record: Record) -> tuple[object, ...]:
    # Most informative mentions seed clusters: credible, precise in place and time; the id breaks ties.
    return (CERTAINTY_RANK.get(record.get("certainty", ""), 9), record.get("geo_precision") or 4,
            record.get("time_precision") or 4, record["event_id"])


def _unique(records: Iterable[Record]) -> dict[str, Record]:
    by_id: dict[str, Record] = {}
    for record in records:
        by_id.setdefault(record["event_id"], record)
    return by_id


def _bucket_key(record: Record) -> tuple[object, ...]:
    # Only mentions in one country, or (without place or date) of one document, and of one blocking key
    # (type group and forecast or not) can be compatible.
    location = record.get("location")
    if location is None or date_range(record) is None:
        return ("document", str(record["document_id"]), *blocking_key(record))
    return ("country", str(location.get("country_code")), *blocking_key(record))


def _buckets(records: Iterable[Record]) -> dict[tuple[object, ...], list[Record]]:
    buckets: dict[tuple[object, ...], list[Record]] = {}
    for record in records:
        buckets.setdefault(_bucket_key(record), []).append(record)
    return buckets


def _start_key(record: Record) -> tuple[date, str]:
    found = date_range(record)
    return (found[0] if found else date.min), record["event_id"]


def _reach(record: Record) -> date | None:
    """The latest start date a compatible mention can have (windows of both sides included)."""
    found = date_range(record)
    return found[1] + timedelta(days=2 * MAX_WINDOW_DAYS) if found else None


def components(records: Iterable[Record], relations: ActorRelations) -> list[list[Record]]:
    """Connected components of the compatibility graph, each sorted canonically, in order of first member."""
    by_id = _unique(records)
    ordered = sorted(by_id.values(), key=_canonical_key)
    parent = {record["event_id"]: record["event_id"] for record in ordered}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for bucket in _buckets(ordered).values():
        bucket.sort(key=_start_key)
        starts = [_start_key(record)[0] for record in bucket]
        windows = [widened_days(record) for record in bucket]
        for i, first in enumerate(bucket):
            reach = _reach(first)
            window = windows[i]
            for j in range(i + 1, len(bucket)):
                second = bucket[j]
                if reach is not None and starts[j] > reach:
                    break  # sorted by start: no later mention can overlap `first` any more
                other = windows[j]
                if window is not None and other is not None and (window[0] > other[1] or other[0] > window[1]):
                    continue  # their widened dates do not meet: `times_compatible` fails, and so `compatible`
                if root(first["event_id"]) != root(second["event_id"]) and compatible(first, second, relations):
                    parent[root(second["event_id"])] = root(first["event_id"])
    groups: dict[str, list[Record]] = {}
    for record in ordered:
        groups.setdefault(root(record["event_id"]), []).append(record)
    return sorted(groups.values(), key=lambda group: min(r["event_id"] for r in group))


def _complete_linkage(component: Sequence[Record], relations: ActorRelations) -> list[list[Record]]:
    clusters: list[list[Record]] = []
    for record in component:
        for cluster in clusters:
            if all(compatible(record, member, relations) for member in cluster):
                cluster.append(record)
                break
        else:
            clusters.append([record])
    return clusters


def cluster_mentions(records: Iterable[Record], relations: ActorRelations | None = None) -> list[Cluster]:
    """Every mention in exactly one cluster; clusters sorted by id. Order of `records` does not matter."""
    relations = relations or ActorRelations()
    result: list[Cluster] = []
    for component in components(records, relations):
        component_id = component_id_of(r["event_id"] for r in component)
        for members in _complete_linkage(component, relations):
            ids = tuple(sorted(r["event_id"] for r in members))
            result.append(Cluster(cluster_id_of(ids), component_id, ids))
    return sorted(result, key=lambda c: c.cluster_id)


def touched_components(new: Iterable[Record], stored: Iterable[Record], component_of: Mapping[str, str],
                       relations: ActorRelations | None = None) -> set[str]:
    """Ids of the stored components that a new mention is compatible with (and so must be recomputed)."""
    relations = relations or ActorRelations()
    fresh = _buckets(new)
    return {component_of[old["event_id"]] for old in stored if old["event_id"] in component_of
            and any(compatible(old, record, relations) for record in fresh.get(_bucket_key(old), ()))}


def update_clusters(clusters: Iterable[Cluster], records: Mapping[str, Record], new: Iterable[Record],
                    removed: Iterable[str] = (), relations: ActorRelations | None = None) -> list[Cluster]:
    """The clusters after adding `new` mentions and removing `removed` ids, recomputing touched components only.

    `clusters` are the current clusters and `records` every mention they hold, by id. The result equals
    `cluster_mentions` over the resulting set of mentions (the property tests check it).
    """
    relations = relations or ActorRelations()
    current = list(clusters)
    component_of = {member: c.component_id for c in current for member in c.member_ids}
    gone = set(removed)
    fresh = [r for r in _unique(new).values() if r["event_id"] not in component_of]
    stored = [records[i] for i in component_of if i not in gone]
    touched = touched_components(fresh, stored, component_of, relations)
    touched |= {component_of[i] for i in gone if i in component_of}
    kept = [c for c in current if c.component_id not in touched]
    redo = [records[m] for c in current if c.component_id in touched for m in c.member_ids if m not in gone]
    return sorted(kept + cluster_mentions([*redo, *fresh], relations), key=lambda c: c.cluster_id)
