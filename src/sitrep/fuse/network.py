"""The actor network: hostility, alliance and backing edges from events and the knowledge base, with counts.

- hostile: each side of a violent event (actor1 and its associates) against the other (actor2 and its
  associates); undirected.
- allied: actor1 with each of its associates (and actor2 with its own); undirected.
- backs: PLOVER AID/SUPPORT events (actor1 backs actor2), sentences stating it ("Turkish-backed", "backed by
  Russia's military"), and the knowledge base's backed_by / allied_with affiliations of actors that appear
  (evidence "knowledge base", plus the events whose sentence names the backer next to the backed actor);
  directed, backer -> backed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sitrep.fuse.backing import backing_cues
from sitrep.fuse.records import VIOLENT_TYPES, Record, as_records
from sitrep.model import Event

KNOWLEDGE_BASE = "knowledge base"
BACKING_TYPES = frozenset({"AID", "SUPPORT"})
UNDIRECTED = frozenset({"hostile", "allied"})


@dataclass
class _Edge:
    source: str
    target: str
    relation: str
    events: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    from_kb: bool = False


def _actor_record(actor: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": actor["id"], "name": actor.get("name"), "type": actor.get("type"), "country": actor.get("country")}


def _sides(record: Record) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    first = [a for a in [record.get("actor1"), *(record.get("assoc_actor1") or [])] if a]
    second = [a for a in [record.get("actor2"), *(record.get("assoc_actor2") or [])] if a]
    return first, second


def _event_edges(record: Record, kb: Any) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any], str]]:
    first, second = _sides(record)
    if record.get("event_type") in VIOLENT_TYPES:
        for a in first:
            for b in second:
                yield a, b, "hostile"
    for side in (first, second):
        for associate in side[1:]:
            if side[0] is not None:
                yield side[0], associate, "allied"
    if record.get("plover_type") in BACKING_TYPES and record.get("actor1") and record.get("actor2"):
        yield record["actor1"], record["actor2"], "backs"
    if kb is not None:
        for backer, backed in backing_cues(record, kb):
            yield backer, backed, "backs"


def _key(source: str, target: str, relation: str) -> tuple[str, str, str]:
    if relation in UNDIRECTED and target < source:
        source, target = target, source
    return source, target, relation


def _names_of(actor_id: str, kb: Any) -> list[str]:
    """Words that name an actor in a sentence: its aliases, and for a state actor its country's names."""
    actor = kb.get(actor_id)
    if actor is None:
        return []
    names = [actor.name, *actor.aliases]
    if kb.is_state(actor) and (country := kb.country(actor.country)) is not None:
        names += [*country.names, *country.demonyms, *country.capitals]
    return [n for n in names if len(n) > 2]


def _mentions(sentence: str, names: list[str]) -> bool:
    return any(re.search(rf"\b{re.escape(name)}", sentence) for name in names)


def _affiliations_touching(nodes: Mapping[str, Any], kb: Any) -> Iterator[tuple[str, Any]]:
    """(actor id, affiliation) for backed_by/allied_with affiliations from or towards an actor that appears."""
    for actor in kb.actors.values():
        for affiliation in actor.affiliations:
            if affiliation.relation in ("backed_by", "allied_with") and affiliation.actor_id in kb and (
                    actor.id in nodes or affiliation.actor_id in nodes):
                yield actor.id, affiliation


def _side_of(actor_id: str, kb: Any) -> set[str]:
    """The actor and, for a state actor, its country's other state actors (army and government are one side)."""
    actor = kb.get(actor_id)
    if actor is None or not kb.is_state(actor):
        return {actor_id}
    return {other.id for other in (kb.government(actor.country), kb.military(actor.country),
                                   kb.police(actor.country)) if other is not None} | {actor_id}


def _kb_edges(nodes: Mapping[str, Mapping[str, Any]], records: list[Record], kb: Any,
              edges: dict[tuple[str, str, str], _Edge]) -> dict[str, Mapping[str, Any]]:
    """Backing edges of the knowledge base towards actors that appear; returns the backers it adds."""
    added: dict[str, Mapping[str, Any]] = {}
    for actor_id, affiliation in _affiliations_touching(nodes, kb):
        backer_id, backed_id = ((affiliation.actor_id, actor_id) if affiliation.relation == "backed_by"
                                else (actor_id, affiliation.actor_id))
        for other in (backer_id, backed_id):
            if other not in nodes and other not in added:
                found = kb.get(other)
                added[other] = {"id": other, "name": found.name, "type": found.type, "country": found.country}
        edge = edges.setdefault((backer_id, backed_id, "backs"), _Edge(backer_id, backed_id, "backs"))
        edge.from_kb = True
        backer_names = _names_of(backer_id, kb)
        backed_side = _side_of(backed_id, kb)
        for record in records:
            involved = {a["id"] for side in _sides(record) for a in side}
            sentence = (record.get("evidence") or {}).get("sentence") or ""
            if involved & backed_side and _mentions(sentence, backer_names):
                edge.events.add(record["event_id"])
                if record.get("date_start"):
                    edge.dates.append(record["date_start"])
    return added


def actor_network(events: Iterable[Event | Record], kb: Any = None) -> dict[str, Any]:
    """The graph as {"nodes": [...], "edges": [...]}; every edge has relation, weight (events), first and
    last date, and evidence (event ids, and "knowledge base" for an affiliation)."""
    records = as_records(events)
    nodes: dict[str, dict[str, Any]] = {}
    counts: dict[str, set[str]] = {}
    edges: dict[tuple[str, str, str], _Edge] = {}
    for record in records:
        for side in _sides(record):
            for actor in side:
                nodes.setdefault(actor["id"], _actor_record(actor))
                counts.setdefault(actor["id"], set()).add(record["event_id"])
        for a, b, relation in _event_edges(record, kb):
            if a["id"] == b["id"]:
                continue
            for actor in (a, b):
                nodes.setdefault(actor["id"], _actor_record(actor))
            key = _key(a["id"], b["id"], relation)
            edge = edges.setdefault(key, _Edge(*key))
            edge.events.add(record["event_id"])
            if record.get("date_start"):
                edge.dates.append(record["date_start"])
    if kb is not None:
        for actor_id, actor in _kb_edges(dict(nodes), records, kb, edges).items():
            nodes.setdefault(actor_id, dict(actor))
    node_list = [{**nodes[i], "events": len(counts.get(i, ()))} for i in sorted(nodes)]
    edge_list = []
    for key in sorted(edges):
        edge = edges[key]
        evidence: list[str] = sorted(edge.events) + ([KNOWLEDGE_BASE] if edge.from_kb else [])
        edge_list.append({"source": edge.source, "target": edge.target, "relation": edge.relation,
                          "directed": edge.relation not in UNDIRECTED, "weight": len(edge.events),
                          "first": min(edge.dates) if edge.dates else None,
                          "last": max(edge.dates) if edge.dates else None, "evidence": evidence})
    return {"nodes": node_list, "edges": edge_list}


def actor_counts(events: Iterable[Event | Record]) -> list[dict[str, Any]]:
    """Every actor with how many events name it, in which role; most frequent first."""
    table: dict[str, dict[str, Any]] = {}
    for record in as_records(events):
        roles = [("actor1", record.get("actor1")), ("actor2", record.get("actor2"))]
        roles += [("associate", a) for a in (record.get("assoc_actor1") or []) + (record.get("assoc_actor2") or [])]
        for role, actor in roles:
            if not actor:
                continue
            row = table.setdefault(actor["id"], {"actor": _actor_record(actor), "events": set(),
                                                 "actor1": 0, "actor2": 0, "associate": 0})
            row["events"].add(record["event_id"])
            row[role] += 1
    rows = [{**row, "events": len(row["events"])} for row in table.values()]
    return sorted(rows, key=lambda r: (-r["events"], r["actor"]["id"]))
