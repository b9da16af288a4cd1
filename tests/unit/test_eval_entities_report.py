"""run_all and format_report with the argument and entity sections, over hand-written data files."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from eval_builders import FRONT, FakeAnalyser, make_event, mention, write_data
from test_eval_arguments_data import RAMS_RECORD, WIKIEVENTS_RECORD, write
from test_eval_entities import write_re3d

from sitrep.eval.entities import Entity
from sitrep.eval.report import format_report, run_all
from sitrep.model import Document


def recognise(documents: Iterable[Document]) -> Iterator[tuple[Document, Sequence[Entity]]]:
    for document in documents:
        yield document, [Entity("Location", 22, 30)]


def test_argument_and_entity_sections_are_scored_and_printed(tmp_path: Path) -> None:
    root = write_re3d(write(write_data(tmp_path), [WIKIEVENTS_RECORD], [RAMS_RECORD]))
    attack = make_event(trigger=(7, 14), trigger_text="shelled", actor1=mention(FRONT, 0, "Rebels"))
    report = run_all(root, analyse=FakeAnalyser(events={"w1": (attack,)}), recognise=recognise)
    assert report["wikievents"]["trigger_recall"] == 0.5
    classification = report["wikievents"]["classification"]  # attacker found, place missed
    assert classification["precision"] == 1.0 and classification["recall"] == 0.5
    assert report["rams"]["events"] == 1 and report["rams"]["trigger_recall"] == 0.0
    location = report["entities"]["per_type"]["Location"]["exact"]  # the second document has no place
    assert location["recall"] == 1.0 and location["precision"] == 0.5
    assert report["documents"] == 2 + 3 + 1 + 1 + 1  # entity recognition is not in the throughput
    json.dumps(report)
    text = format_report(report)
    assert "WikiEvents arguments" in text and "RAMS arguments" in text and "re3d entities" in text
    assert "life.die" in text and "Organisation" in text


def test_sections_are_left_out_without_their_data_or_a_recogniser(tmp_path: Path) -> None:
    root = write_data(tmp_path)
    report = run_all(root, analyse=FakeAnalyser(), recognise=recognise)
    assert "wikievents" not in report and "entities" not in report
    write_re3d(root)
    assert "entities" not in run_all(root, analyse=FakeAnalyser())
    assert "re3d" not in format_report(report)
