"""run_all over hand-written data files with a stand-in pipeline, and the text table."""

from __future__ import annotations

from pathlib import Path

from eval_builders import FakeAnalyser, make_event, place, write_data

from sitrep.eval.report import format_report, run_all


def test_run_all_scores_every_set_and_formats_a_table(tmp_path: Path) -> None:
    root = write_data(tmp_path)
    analyser = FakeAnalyser(
        events={
            "1": (make_event("Armed clash"),),
            "loc-1": (
                make_event("Attack", "Violence against civilians", trigger=(7, 15), location=place(28, 36)),
            ),
        },
    )
    report = run_all(root, analyse=analyser)
    assert report["case"]["accuracy"] == 0.5
    assert report["location"]["accuracy"] == 1.0 and report["location"]["sentences"] == 3
    assert report["plover"]["records"] == 1 and report["plover"]["type_accuracy"] == 0.0
    assert report["documents"] == 2 + 3 + 1
    text = format_report(report)
    assert "CASE 2021 task 2" in text and "Event location" in text and "PLOVER" in text
    assert "DIPLO -> NONE" in text
    assert "documents/s" in text


def test_limit_applies_to_each_set(tmp_path: Path) -> None:
    report = run_all(write_data(tmp_path), limit=1, analyse=FakeAnalyser())
    assert report["case"]["snippets"] == 1 and report["location"]["sentences"] == 1
    assert "first 1 items" in format_report(report)
