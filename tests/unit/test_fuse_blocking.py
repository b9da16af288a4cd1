"""Blocking in clustering: mentions of different blocking keys or far-apart dates are never compared, and
skipping them changes no cluster."""

from __future__ import annotations

import itertools

from fuse_builders import ARMY, FRONT, HILLTOWN, NEARBY, record

from sitrep.fuse import ActorRelations, cluster_mentions
from sitrep.fuse.compatible import (
    TYPE_FAMILIES,
    blocking_key,
    certainties_compatible,
    compatible,
    times_compatible,
    types_compatible,
    widened_days,
)

RELATIONS = ActorRelations(state=frozenset({"xy-military", "xy-gov"}))
SUB_TYPES = sorted({t for family in TYPE_FAMILIES for t in family} | {"Arrests", "Looting/property destruction"})


def test_compatible_types_and_certainties_always_share_a_blocking_key() -> None:
    variants = [record(f"{sub}-{certainty}", sub=sub, certainty=certainty)
                for sub in SUB_TYPES for certainty in ("asserted", "expected", "denied")]
    variants += [record(f"plover-{p}", sub=None, event_type=None, plover=p) for p in ("CONSULT", "AID")]
    for a, b in itertools.product(variants, repeat=2):
        if types_compatible(a, b) and certainties_compatible(a, b):
            assert blocking_key(a) == blocking_key(b), (a["event_id"], b["event_id"])


def test_blocking_keys_part_unrelated_types_forecasts_and_plover_types() -> None:
    clash = blocking_key(record("a"))
    assert blocking_key(record("b", sub="Government regains territory")) == clash
    assert blocking_key(record("c", sub="Non-violent transfer of territory")) == clash  # via the takeovers
    assert blocking_key(record("d", sub="Peaceful protest", event_type="Protests")) != clash
    assert blocking_key(record("e", certainty="expected")) != clash
    assert blocking_key(record("f", sub=None, plover="CONSULT")) != blocking_key(record("g", sub=None, plover="AID"))


def test_widened_days_spread_by_the_time_window_of_the_precision() -> None:
    day = widened_days(record("a", start="2024-03-04", precision=1))
    week = widened_days(record("b", start="2024-03-04", end="2024-03-10", precision=3))
    assert day is not None and week is not None
    assert day[1] - day[0] == 2
    assert week[1] - week[0] == 6 + 14
    assert widened_days(record("c", start=None)) is None


def test_times_compatible_matches_the_widened_windows() -> None:
    base = record("a", start="2024-03-04", precision=1)
    assert times_compatible(base, record("b", start="2024-03-06", precision=1))  # 1 + 1 days of slack
    assert not times_compatible(base, record("c", start="2024-03-07", precision=1))
    assert times_compatible(base, record("d", start="2024-03-12", precision=3))  # 1 + 7 days
    assert not times_compatible(base, record("e", start="2024-03-13", precision=3))


def _pairwise_clusters(records: list[dict]) -> set[frozenset[str]]:
    """Components by comparing every pair, no blocking: the reference the blocked clustering must equal."""
    parent = {r["event_id"]: r["event_id"] for r in records}

    def root(node: str) -> str:
        while parent[node] != node:
            node = parent[node]
        return node

    for a, b in itertools.combinations(records, 2):
        if compatible(a, b, RELATIONS):
            parent[root(b["event_id"])] = root(a["event_id"])
    groups: dict[str, set[str]] = {}
    for r in records:
        groups.setdefault(root(r["event_id"]), set()).add(r["event_id"])
    return {frozenset(g) for g in groups.values()}


def test_blocked_components_equal_an_unblocked_pairwise_scan() -> None:
    records = []
    for n, (sub, start, certainty, place) in enumerate(itertools.product(
            ("Armed clash", "Attack", "Air/drone strike", "Peaceful protest"),
            ("2024-03-01", "2024-03-04", "2024-03-20"), ("asserted", "expected"), (NEARBY, HILLTOWN))):
        records.append(record(f"m{n:02d}", f"doc-{n % 3}", sub=sub, start=start, certainty=certainty,
                              location=place, actor1=ARMY, actor2=FRONT, precision=1 + n % 3))
    clustered = cluster_mentions(records, RELATIONS)
    components = {c.component_id for c in clustered}
    by_component: dict[str, set[str]] = {}
    for cluster in clustered:
        by_component.setdefault(cluster.component_id, set()).update(cluster.member_ids)
    assert {frozenset(ids) for ids in by_component.values()} == _pairwise_clusters(records)
    assert 1 < len(components) < len(records)
