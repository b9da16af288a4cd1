"""Acceptance: control and the actor network from the founding article alone, and fusion in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep.actors import load_knowledge_base
from sitrep.config import load_settings
from sitrep.fuse import actor_network, control_as_of
from sitrep.model import Document, Event
from sitrep.pipeline import Pipeline
from sitrep.read import read_documents
from sitrep.store import Store, open_for_reading, query_clusters, query_control, query_events

ARTICLE = Path(__file__).resolve().parents[2].parent / "shared" / "articles" / "bne-2024-12-07-assad-told-to-flee.txt"
REBELS = {"hts", "sna", "rebels-sy"}


@pytest.fixture(scope="module")
def analysed() -> tuple[Document, tuple[Event, ...]]:
    if not ARTICLE.is_file():
        pytest.skip(f"the founding article is not beside the project ({ARTICLE.name})")
    documents = [d for d in read_documents([str(ARTICLE)]) if isinstance(d, Document)]
    analysis = next(Pipeline(load_settings()).analyse(documents))
    return analysis.document, analysis.events


def _control(events: Any, place: str) -> list[dict[str, Any]]:
    return [e for e in control_as_of(events, "2024-12-07") if e["location"]["text"] == place
            or e["location"]["name"] == place]


def test_aleppo_and_hama_are_held_by_hts_led_rebels(analysed: tuple[Document, tuple[Event, ...]]) -> None:
    for place in ("Aleppo", "Hama"):
        held = [e for e in _control(analysed[1], place) if e["status"] == "held"]
        assert held, f"{place} should be held"
        assert held[0]["controller"]["id"] in REBELS and held[0]["evidence"]


def test_damascus_is_not_lost_and_homs_not_yet_taken(analysed: tuple[Document, tuple[Event, ...]]) -> None:
    for place in ("Damascus", "Homs"):
        for entry in _control(analysed[1], place):
            assert entry["controller"] is None or entry["controller"]["id"] not in REBELS, entry


def test_backers_of_each_side_with_evidence(analysed: tuple[Document, tuple[Event, ...]]) -> None:
    network = actor_network(analysed[1], load_knowledge_base())
    backs = {(e["source"], e["target"]): e["evidence"] for e in network["edges"] if e["relation"] == "backs"}
    regime = {"sy-gov", "sy-military"}
    for backer in ("ru-", "ir-", "hezbollah"):
        found = [ev for (source, target), ev in backs.items() if source.startswith(backer) and target in regime]
        assert found and any(found), f"{backer} should back the Syrian government"
    turkey = [ev for (source, target), ev in backs.items() if source.startswith("tr-") and target in REBELS]
    assert turkey and any(any(e != "knowledge base" for e in ev) for ev in turkey)


def test_the_store_fuses_at_the_end_of_a_run_and_again_changes_nothing(
        analysed: tuple[Document, tuple[Event, ...]], tmp_path: Path) -> None:
    document, events = analysed
    db = tmp_path / "fused.duckdb"
    with Store.open(db) as store:
        store.start_run()
        store.write_document(document, events)
        store.finish_run()
        before = store.connection.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall()
        store.start_run()
        store.write_document(document, events)
        store.finish_run()
        assert store.connection.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall() == before
    con = open_for_reading(db)
    try:
        clusters = query_clusters(con)
        mentions = query_events(con)
        control = query_control(con, "2024-12-07")
    finally:
        con.close()
    assert 0 < len(clusters) < len(mentions)
    assert sorted(m["event_id"] for c in clusters for m in c["mentions"]) == sorted(e["event_id"] for e in mentions)
    assert all(c["corroboration"] == 1 for c in clusters)  # one article: one source
    assert control == control_as_of(mentions, "2024-12-07")
