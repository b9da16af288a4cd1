"""One fused event record from the mentions of a cluster: best fields, every source, and the disagreements."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sitrep.events.ontology import is_territorial
from sitrep.fuse.cluster import Cluster
from sitrep.fuse.records import CERTAINTY_RANK, CREDIBLE, OCCURRED, Record, actor_id, date_range, source_of


def _rank(record: Record) -> tuple[object, ...]:
    # The most credible mention speaks for the event; among equals, a takeover says more than a clash.
    return (CERTAINTY_RANK.get(record.get("certainty", ""), 9), not is_territorial(record.get("sub_event_type")),
            record.get("geo_precision") or 4,
            record.get("time_precision") or 4, record["event_id"])


def _most_precise_place(mentions: Sequence[Record]) -> Record:
    located = [m for m in mentions if m.get("location")] or list(mentions)
    return min(located, key=lambda m: (m.get("geo_precision") or 4, _rank(m)))


def _most_precise_date(mentions: Sequence[Record]) -> Record:
    dated = [m for m in mentions if date_range(m)] or list(mentions)

    def key(m: Record) -> tuple[object, ...]:
        found = date_range(m)
        width = (found[1] - found[0]).days if found else 10**6
        return (m.get("time_precision") or 4, width, m.get("date_start") or "", _rank(m))
    return min(dated, key=key)


def _claims(mentions: Sequence[Record], value_of: Any) -> list[dict[str, Any]]:
    """Distinct values with the sources and mentions that state each, in value order."""
    grouped: dict[Any, list[Record]] = {}
    for mention in mentions:
        value = value_of(mention)
        if value is not None:
            grouped.setdefault(value, []).append(mention)
    return [{"value": value, "sources": sorted({source_of(m) for m in group}),
             "event_ids": sorted(m["event_id"] for m in group)}
            for value, group in sorted(grouped.items(), key=lambda item: str(item[0]))]


def conservative_fatalities(mentions: Iterable[Record]) -> int | None:
    """ACLED's rule: the lowest credible figure; claims and rumours count only when nothing firmer exists."""
    listed = list(mentions)
    for allowed in (CREDIBLE, OCCURRED | {"unconfirmed"}):
        figures = [m["fatalities"] for m in listed if m.get("fatalities") is not None
                   and m.get("certainty") in allowed]
        if figures:
            return int(min(figures))
    return None


def _assoc(mentions: Sequence[Record], role: str) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for mention in sorted(mentions, key=_rank):
        for actor in mention.get(role) or []:
            found.setdefault(actor["id"], actor)
    return [found[key] for key in sorted(found)]


def _actor(mentions: Sequence[Record], best: Record, role: str) -> dict[str, Any] | None:
    if best.get(role):
        return dict(best[role])
    return next((dict(m[role]) for m in sorted(mentions, key=_rank) if m.get(role)), None)


def fuse_cluster(cluster: Cluster, records: Mapping[str, Record]) -> dict[str, Any]:
    """The contract record of the fused event, plus `mentions`, `sources`, `corroboration`,
    `contested_fields` and `claims` (each disputed value with its sources)."""
    mentions = sorted((records[i] for i in cluster.member_ids), key=_rank)
    best = mentions[0]
    place = _most_precise_place(mentions)
    when = _most_precise_date(mentions)
    occurred = [m for m in mentions if m.get("certainty") in OCCURRED]
    denied = [m for m in mentions if m.get("certainty") == "denied"]
    fatality_claims = _claims([m for m in mentions if m.get("certainty") != "denied"],
                              lambda m: m.get("fatalities"))
    type_claims = _claims([m for m in mentions if m.get("certainty") in CREDIBLE],
                          lambda m: m.get("sub_event_type"))
    actor_claims = _claims([m for m in mentions if m.get("certainty") in CREDIBLE],
                           lambda m: actor_id(m.get("actor1")))
    contested: list[str] = []
    if len(fatality_claims) > 1:
        contested.append("fatalities")
    if denied and occurred:
        contested.append("occurred")
    if len(type_claims) > 1:
        contested.append("sub_event_type")
    if len(actor_claims) > 1 and best.get("event_type") and "territory" in (best.get("sub_event_type") or ""):
        contested.append("actor1")  # who took the place
    sources = sorted({source_of(m) for m in mentions})
    record: dict[str, Any] = dict(best)
    record.update({
        "event_id": cluster.cluster_id,
        "actor1": _actor(mentions, best, "actor1"),
        "actor2": _actor(mentions, best, "actor2"),
        "assoc_actor1": _assoc(mentions, "assoc_actor1"),
        "assoc_actor2": _assoc(mentions, "assoc_actor2"),
        "location": place.get("location"),
        "geo_precision": place.get("geo_precision"),
        "date_start": when.get("date_start"),
        "date_end": when.get("date_end"),
        "time_precision": when.get("time_precision"),
        "fatalities": conservative_fatalities(mentions),
        # A denial alone leaves the event denied; any account that it happened outranks it.
        "certainty": best.get("certainty"),
        "mentions": [_mention_summary(m) for m in sorted(mentions, key=lambda m: m["event_id"])],
        "sources": sources,
        "corroboration": len(sources),
        "contested_fields": contested,
        "claims": {"fatalities": fatality_claims,
                   "occurred": _claims(mentions, lambda m: m.get("certainty") != "denied")
                   if "occurred" in contested else [],
                   "sub_event_type": type_claims if "sub_event_type" in contested else [],
                   "actor1": actor_claims if "actor1" in contested else []},
    })
    return record


def _mention_summary(mention: Record) -> dict[str, Any]:
    document = mention.get("document") or {}
    return {"event_id": mention["event_id"], "document_id": mention["document_id"],
            "publisher": document.get("publisher"), "published": document.get("published"),
            "certainty": mention.get("certainty"), "sub_event_type": mention.get("sub_event_type"),
            "fatalities": mention.get("fatalities"), "sentence": (mention.get("evidence") or {}).get("sentence")}


def fuse_events(clusters: Iterable[Cluster], records: Mapping[str, Record]) -> list[dict[str, Any]]:
    """Fused records of every cluster, ordered by start date (undated last) then id."""
    fused = [fuse_cluster(cluster, records) for cluster in clusters]
    return sorted(fused, key=lambda r: (r.get("date_start") is None, r.get("date_start") or "", r["event_id"]))
