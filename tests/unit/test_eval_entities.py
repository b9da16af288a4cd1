"""re3d entity scoring: loading with the confidence filter, sitrep mentions as re3d types, exact/overlap F1."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest
from eval_builders import ARMY, FRONT, mention, place

from sitrep.errors import ConfigError
from sitrep.eval.data import RE3D_DIR, EntityDocument, GoldEntity, entities_available, load_re3d
from sitrep.eval.entities import Entity, entities_of, run_entities, score_entities
from sitrep.model import DateRange, Document, Span

TEXT = "Syrian troops entered Riverton on Friday after the Northern Front withdrew."


def write_re3d(root: Path) -> Path:
    source = root / RE3D_DIR / "Ministry"
    source.mkdir(parents=True)
    documents = [{"_id": "doc-1", "title": "A report", "text": TEXT}, {"_id": "doc-2", "text": "Quiet day."}]
    entities = [
        {"documentId": "doc-1", "begin": 22, "end": 30, "type": "Location", "value": "Riverton", "confidence": 1},
        {"documentId": "doc-1", "begin": 0, "end": 13, "type": "Organisation", "value": "Syrian troops",
         "confidence": 0.8},
        {"documentId": "doc-1", "begin": 0, "end": 6, "type": "Nationality", "value": "Syrian", "confidence": 0},
    ]
    (source / "documents.json").write_text("\n".join(json.dumps(d) for d in documents), encoding="utf-8")
    (source / "entities.json").write_text("\n".join(json.dumps(e) for e in entities), encoding="utf-8")
    return root


def test_loading_drops_annotations_below_the_confidence_threshold(tmp_path: Path) -> None:
    assert not entities_available(tmp_path)
    root = write_re3d(tmp_path)
    assert entities_available(root)
    first, second = load_re3d(root)
    assert first.text == TEXT and second.entities == ()
    assert [(e.type, e.text) for e in first.entities] == [("Organisation", "Syrian troops"), ("Location", "Riverton")]
    assert len(load_re3d(root, min_confidence=0.0)[0].entities) == 3
    assert [d.id for d in load_re3d(root, limit=1)] == ["doc-1"]


def test_missing_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_re3d(tmp_path)


def test_sitrep_mentions_become_re3d_types_and_metonymic_places_are_organisations() -> None:
    places = [place(22, 30), place(0, 6, "Syria"), place(0, 0, "")]
    actors = [mention(ARMY, 0, "Syrian troops"), mention(FRONT, 47, "the Northern Front")]
    when = DateRange(date(2020, 1, 3), date(2020, 1, 3), 1, Span(34, 40, "Friday"))
    found = entities_of(places, actors, [(0, 6)], [when, DateRange(date(2020, 1, 1), date(2020, 1, 1), 1)])
    assert found == [
        Entity("Nationality", 0, 6),
        Entity("Organisation", 0, 13),
        Entity("Location", 22, 30),
        Entity("Temporal", 34, 40),
        Entity("Organisation", 47, 65),
    ]


def document(*entities: GoldEntity) -> EntityDocument:
    return EntityDocument("doc-1", TEXT, entities)


def gold(kind: str, start: int, end: int) -> GoldEntity:
    return GoldEntity(kind, start, end, TEXT[start:end], 1.0)


def test_exact_and_overlap_scores_per_type_and_micro() -> None:
    documents = [document(gold("Location", 22, 30), gold("Organisation", 47, 65), gold("Person", 0, 6))]
    predicted = {
        "doc-1": [
            Entity("Location", 22, 30),  # exact
            Entity("Organisation", 51, 65),  # overlap only
            Entity("Organisation", 0, 13),  # wrong
            Entity("Weapon", 0, 6),  # a type sitrep does not score
        ]
    }
    report = score_entities(documents, predicted)
    location, organisation = report["per_type"]["Location"], report["per_type"]["Organisation"]
    assert location["exact"]["f1"] == 1.0
    assert organisation["gold"] == 1 and organisation["predicted"] == 2
    assert organisation["exact"]["recall"] == 0.0 and organisation["overlap"]["recall"] == 1.0
    assert organisation["overlap"]["precision"] == 0.5
    assert report["per_type"]["Temporal"]["exact"]["f1"] == 0.0
    assert report["micro"]["gold"] == 2 and report["micro"]["predicted"] == 3
    assert report["micro"]["exact"]["precision"] == pytest.approx(1 / 3)
    assert report["micro"]["overlap"]["recall"] == 1.0


def test_one_prediction_matches_one_gold_mention() -> None:
    documents = [document(gold("Location", 22, 26), gold("Location", 26, 30))]
    report = score_entities(documents, {"doc-1": [Entity("Location", 22, 30)]})
    assert report["per_type"]["Location"]["overlap"]["recall"] == 0.5


def test_run_entities_uses_the_recogniser_on_every_document() -> None:
    seen: list[str] = []

    def recognise(documents: Iterable[Document]) -> Iterator[tuple[Document, Sequence[Entity]]]:
        for item in documents:
            seen.append(item.id)
            yield item, [Entity("Location", 22, 30)]

    report = run_entities(recognise, [document(gold("Location", 22, 30))])
    assert seen == ["doc-1"] and report["documents"] == 1
    assert report["per_type"]["Location"]["exact"]["f1"] == 1.0
