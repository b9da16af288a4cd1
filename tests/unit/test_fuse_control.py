"""Territorial control and the actor network from hand-built events."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fuse_builders import ARMY, BACKER, FRONT, HILL, RIVERTON, record

from sitrep.fuse import actor_counts, actor_network, control_as_of, control_timeline, network_graphml

TAKE = "Non-state actor overtakes territory"
GIVE_UP = "Non-violent transfer of territory"


def _takeover(event_id: str, day: str, certainty: str = "asserted", actor: dict = FRONT) -> dict:
    return record(event_id, f"doc-{event_id}", sub=TAKE, actor1=actor, actor2=ARMY, start=day,
                  certainty=certainty)


def test_an_asserted_takeover_holds_from_its_date_and_forecasts_or_denials_change_nothing() -> None:
    events = [_takeover("t1", "2024-03-04"), _takeover("t2", "2024-03-20", "expected", ARMY),
              _takeover("t3", "2024-03-21", "denied", ARMY)]
    [entry] = control_as_of(events, "2024-03-30")
    assert entry["controller"]["id"] == "front-xy" and entry["status"] == "held"
    assert entry["since"] == "2024-03-04" and entry["evidence"] == ["t1"]
    assert control_as_of(events, "2024-03-01") == []


def test_a_claim_is_kept_apart_from_what_is_held() -> None:
    events = [_takeover("t1", "2024-03-04"), _takeover("c1", "2024-03-20", "claimed", HILL)]
    statuses = {e["status"]: e for e in control_as_of(events, "2024-03-30")}
    assert statuses["held"]["controller"]["id"] == "front-xy"
    assert statuses["claimed"]["controller"]["id"] == "militia-xy"


def test_takeovers_by_two_sides_in_one_week_are_contested() -> None:
    events = [_takeover("t1", "2024-03-04"), _takeover("t2", "2024-03-06", actor=HILL)]
    [entry] = control_as_of(events, "2024-03-10")
    assert entry["status"] == "contested" and entry["controller"] is None
    assert entry["evidence"] == ["t1", "t2"]
    later = [*events, _takeover("t3", "2024-03-30", actor=HILL)]
    assert control_as_of(later, "2024-04-01")[0]["controller"]["id"] == "militia-xy"


def test_a_withdrawal_without_a_taker_hands_the_place_to_nobody() -> None:
    events = [_takeover("t1", "2024-03-04"),
              record("w1", "doc-w1", sub=GIVE_UP, event_type="Strategic developments", plover="RETREAT",
                     actor1=FRONT, actor2=None, start="2024-03-20")]
    [entry] = control_as_of(events, "2024-03-30")
    assert entry["status"] == "contested" and entry["controller"] is None and entry["evidence"] == ["w1"]
    timeline = control_timeline(events, "riverton")
    assert [(e["status"], e["since"]) for e in timeline] == [("held", "2024-03-04"), ("contested", "2024-03-20")]
    assert control_timeline(events, RIVERTON["geonameid"]) == timeline


def test_fighting_without_a_takeover_is_contested_but_does_not_overturn_a_hold() -> None:
    battle = record("b1", "doc-b1", start="2024-03-25")
    assert control_as_of([battle], "2024-03-30")[0]["status"] == "contested"
    assert control_as_of([_takeover("t1", "2024-03-04"), battle], "2024-03-30")[0]["status"] == "held"


def test_network_has_hostile_allied_and_backing_edges_with_evidence() -> None:
    events = [record("a", "doc-1", assoc1=[HILL], start="2024-03-01"), record("b", "doc-2", start="2024-03-09"),
              record("c", "doc-3", sub=None, event_type=None, plover="AID", actor1=BACKER, actor2=ARMY)]
    network = actor_network(events)
    edges = {(e["source"], e["target"], e["relation"]): e for e in network["edges"]}
    hostile = edges[("front-xy", "xy-military", "hostile")]
    assert hostile["weight"] == 2 and (hostile["first"], hostile["last"]) == ("2024-03-01", "2024-03-09")
    assert hostile["evidence"] == ["a", "b"]
    assert ("militia-xy", "xy-military", "allied") in edges
    assert edges[("yy-gov", "xy-military", "backs")]["evidence"] == ["c"]
    counts = {row["actor"]["id"]: row for row in actor_counts(events)}
    assert counts["xy-military"]["events"] == 3 and counts["militia-xy"]["associate"] == 1
    graph = ET.fromstring(network_graphml(network).split("\n", 1)[1])
    namespace = "{http://graphml.graphdrawing.org/xmlns}"
    assert len(graph.findall(f"{namespace}graph/{namespace}edge")) == len(network["edges"])
    assert len(graph.findall(f"{namespace}graph/{namespace}node")) == len(network["nodes"])
