"""Clustering is a function of the set of mentions: any order, repeats and the incremental path agree."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from fuse_builders import ARMY, FRONT, GOV, HILL, HILLTOWN, NEARBY, RIVERTON, record  # noqa: E402

from sitrep.fuse import ActorRelations, cluster_mentions, fuse, update_clusters  # noqa: E402

RELATIONS = ActorRelations(state=frozenset({"xy-military", "xy-gov"}))

mention_fields = st.fixed_dictionaries({
    "sub": st.sampled_from(["Armed clash", "Attack", "Non-state actor overtakes territory", "Air/drone strike"]),
    "actor1": st.sampled_from([ARMY, GOV, FRONT, None]),
    "actor2": st.sampled_from([FRONT, HILL, None]),
    "location": st.sampled_from([RIVERTON, NEARBY, HILLTOWN]),
    "day": st.integers(min_value=1, max_value=12),
    "certainty": st.sampled_from(["asserted", "reported", "denied", "expected"]),
    "fatalities": st.sampled_from([None, 1, 4]),
})


def _documents(draws: list[dict[str, Any]], owners: list[int]) -> list[list[dict[str, Any]]]:
    documents: dict[int, list[dict[str, Any]]] = {}
    for index, (fields, owner) in enumerate(zip(draws, owners, strict=False)):
        documents.setdefault(owner, []).append(record(
            f"e{index:03d}", f"doc-{owner}", sub=fields["sub"], actor1=fields["actor1"], actor2=fields["actor2"],
            location=fields["location"], start=f"2024-03-{fields['day']:02d}", certainty=fields["certainty"],
            fatalities=fields["fatalities"], publisher=f"Wire {owner % 3}"))
    return list(documents.values())


corpora = st.lists(mention_fields, min_size=1, max_size=14).flatmap(
    lambda draws: st.tuples(st.just(draws), st.lists(st.integers(0, 4), min_size=len(draws),
                                                     max_size=len(draws))))


@settings(max_examples=60, deadline=None)
@given(corpora, st.randoms(use_true_random=False))
def test_any_order_of_documents_gives_the_same_clusters(corpus: Any, rng: Any) -> None:
    documents = _documents(*corpus)
    mentions = [m for document in documents for m in document]
    shuffled = documents[:]
    rng.shuffle(shuffled)
    reordered = [m for document in shuffled for m in reversed(document)]
    assert cluster_mentions(mentions, RELATIONS) == cluster_mentions(reordered, RELATIONS)
    assert fuse(mentions, RELATIONS) == fuse(reordered, RELATIONS)


@settings(max_examples=60, deadline=None)
@given(corpora)
def test_adding_the_same_documents_again_changes_nothing(corpus: Any) -> None:
    mentions = [m for document in _documents(*corpus) for m in document]
    once = cluster_mentions(mentions, RELATIONS)
    assert cluster_mentions(mentions + mentions, RELATIONS) == once
    records = {m["event_id"]: m for m in mentions}
    assert update_clusters(once, records, mentions, relations=RELATIONS) == once


@settings(max_examples=60, deadline=None)
@given(corpora)
def test_documents_added_one_by_one_give_the_batch_result(corpus: Any) -> None:
    documents = _documents(*corpus)
    records = {m["event_id"]: m for document in documents for m in document}
    clusters: list[Any] = []
    for document in documents:
        clusters = update_clusters(clusters, records, document, relations=RELATIONS)
    assert clusters == cluster_mentions(records.values(), RELATIONS)
