"""Clustering of event mentions: compatibility rules, merged fields, contradictions, incremental updates."""

from __future__ import annotations

from fuse_builders import ARMY, FRONT, GOV, HILLTOWN, NEARBY, record

from sitrep.fuse import ActorRelations, cluster_mentions, fuse, update_clusters
from sitrep.fuse.compatible import compatible

RELATIONS = ActorRelations(state=frozenset({"xy-military", "xy-gov"}))


def test_two_reports_of_one_clash_merge_with_the_most_conservative_figure_and_two_sources() -> None:
    fused = fuse([record("a", "doc-1", fatalities=5, publisher="Wire A"),
                  record("b", "doc-2", fatalities=3, publisher="Wire B", location=NEARBY, geo=1)], RELATIONS)
    assert len(fused) == 1
    event = fused[0]
    assert event["fatalities"] == 3
    assert event["corroboration"] == 2 and event["sources"] == ["Wire A", "Wire B"]
    assert [m["event_id"] for m in event["mentions"]] == ["a", "b"]
    assert event["contested_fields"] == ["fatalities"]
    assert [c["value"] for c in event["claims"]["fatalities"]] == [3, 5]


def test_far_apart_places_different_days_or_types_stay_apart() -> None:
    base = record("a")
    assert not compatible(base, record("b", "doc-2", location=HILLTOWN), RELATIONS)
    assert not compatible(base, record("c", "doc-2", start="2024-03-09"), RELATIONS)
    assert not compatible(base, record("d", "doc-2", sub="Peaceful protest", event_type="Protests"), RELATIONS)
    assert compatible(base, record("e", "doc-2", start="2024-03-05"), RELATIONS)


def test_actors_must_fit_but_one_unknown_the_state_family_or_swapped_roles_do() -> None:
    base = record("a")
    assert compatible(base, record("b", "doc-2", actor2=None), RELATIONS)
    assert compatible(base, record("c", "doc-2", actor1=GOV), RELATIONS)
    assert compatible(base, record("d", "doc-2", actor1=FRONT, actor2=ARMY), RELATIONS)
    other = {**FRONT, "id": "other-xy", "name": "Southern Front"}
    assert not compatible(base, record("e", "doc-2", actor2=other), RELATIONS)
    allied = ActorRelations(allied=frozenset({frozenset({"front-xy", "other-xy"})}))
    assert compatible(base, record("f", "doc-2", actor2=other), allied)


def test_a_denial_joins_the_event_it_denies_and_flags_it_but_a_forecast_does_not() -> None:
    fused = fuse([record("a", "doc-1"), record("b", "doc-2", certainty="denied", publisher="Ministry"),
                  record("c", "doc-3", certainty="expected", publisher="Wire C")], RELATIONS)
    assert len(fused) == 2
    asserted = next(e for e in fused if any(m["event_id"] == "a" for m in e["mentions"]))
    assert "occurred" in asserted["contested_fields"] and asserted["certainty"] == "asserted"
    assert {m["event_id"] for m in asserted["mentions"]} == {"a", "b"}


def test_most_precise_place_and_date_win() -> None:
    fused = fuse([record("a", "doc-1", location=NEARBY, geo=2, start="2024-03-01", end="2024-03-07",
                         precision=2),
                  record("b", "doc-2", geo=1, start="2024-03-04")], RELATIONS)
    assert len(fused) == 1
    assert fused[0]["location"]["name"] == "Riverton" and fused[0]["geo_precision"] == 1
    assert fused[0]["date_start"] == fused[0]["date_end"] == "2024-03-04"


def test_cluster_id_comes_from_the_smallest_member_and_does_not_depend_on_order() -> None:
    mentions = [record("b", "doc-2"), record("a", "doc-1"), record("z", "doc-3", location=HILLTOWN)]
    forward = cluster_mentions(mentions, RELATIONS)
    backward = cluster_mentions(list(reversed(mentions)), RELATIONS)
    assert forward == backward
    assert {c.member_ids for c in forward} == {("a", "b"), ("z",)}


def test_a_chain_of_near_misses_does_not_become_one_event() -> None:
    # Each day is compatible with the next (1-day window) but the first and last are four days apart.
    chain = [record(f"m{day}", f"doc-{day}", start=f"2024-03-0{day}") for day in range(1, 6)]
    clusters = cluster_mentions(chain, RELATIONS)
    assert len({c.component_id for c in clusters}) == 1
    assert len(clusters) >= 2
    assert all(len(c.member_ids) <= 3 for c in clusters)


def test_incremental_update_equals_the_batch_result() -> None:
    old = [record("a", "doc-1"), record("c", "doc-3", location=HILLTOWN)]
    new = [record("b", "doc-2", start="2024-03-05"), record("d", "doc-4", start="2024-03-20")]
    records = {r["event_id"]: r for r in old + new}
    updated = update_clusters(cluster_mentions(old, RELATIONS), records, new, relations=RELATIONS)
    assert updated == cluster_mentions(old + new, RELATIONS)
    removed = update_clusters(updated, records, [], removed=["b"], relations=RELATIONS)
    assert removed == cluster_mentions([records[i] for i in "acd"], RELATIONS)
