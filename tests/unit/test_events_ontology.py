"""The ontology is one consistent table: ACLED's 6 types and 25 sub-event types, PLOVER's 16 types."""

from __future__ import annotations

from sitrep.events import ontology


def test_acled_has_six_event_types_and_twenty_five_sub_event_types_plus_displacement() -> None:
    acled = [s for s in ontology.SUB_EVENT_TYPES if s.name != "Displacement"]
    assert len(acled) == 25
    assert {s.event_type for s in acled} == set(ontology.EVENT_TYPES)
    assert len(ontology.EVENT_TYPES) == 6


def test_every_sub_event_maps_to_a_plover_type() -> None:
    assert len(ontology.PLOVER_TYPES) == 16
    for spec in ontology.SUB_EVENT_TYPES:
        assert spec.plover_type in ontology.PLOVER_TYPES, spec.name


def test_disorder_types_follow_acled() -> None:
    assert ontology.disorder_type_of("Battles") == "Political violence"
    assert ontology.disorder_type_of("Protests") == "Demonstrations"
    assert ontology.disorder_type_of("Strategic developments") == "Strategic developments"
    assert ontology.disorder_type_of(None) is None


def test_territorial_sub_events() -> None:
    assert ontology.is_territorial("Non-state actor overtakes territory")
    assert ontology.is_territorial("Government regains territory")
    assert ontology.is_territorial("Non-violent transfer of territory")
    assert not ontology.is_territorial("Armed clash")
    assert not ontology.is_territorial(None)


def test_displacement_is_a_strategic_development() -> None:
    assert ontology.event_type_of("Displacement") == "Strategic developments"


def test_the_ontology_page_lists_every_sub_event_type() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "ontology.md").read_text(encoding="utf-8")
    for spec in ontology.SUB_EVENT_TYPES:
        assert f"| {spec.event_type} | {spec.name} | {spec.plover_type} |" in page
