"""CASE 2021 task 2: label mapping, the snippet's prediction and the scorer, on hand-built events."""

from __future__ import annotations

import pytest
from eval_builders import FakeAnalyser, make_event

from sitrep.eval.case import (
    ACLED_TO_CASE,
    NO_EVENT,
    CasePrediction,
    case_label_of,
    predict_case,
    run_case,
    score_case,
)
from sitrep.eval.data import CaseSnippet
from sitrep.events.ontology import SUB_EVENT_TYPES

LABELS = ["ARMED_CLASH", "AIR_STRIKE", "PEACE_PROTEST", "DIPLO", "NATURAL_DISASTER"]


def test_every_sitrep_sub_event_type_has_a_case_label() -> None:
    assert {s.name for s in SUB_EVENT_TYPES} <= set(ACLED_TO_CASE)


def test_violent_event_wins_over_an_earlier_protest() -> None:
    protest = make_event("Peaceful protest", "Protests", "PROTEST", trigger=(0, 5))
    strike = make_event("Air/drone strike", "Explosions/Remote violence", trigger=(40, 48))
    assert predict_case([protest, strike]) == CasePrediction("AIR_STRIKE", 2)


def test_first_violent_event_in_text_order() -> None:
    later = make_event("Armed clash", trigger=(50, 57))
    earlier = make_event("Air/drone strike", "Explosions/Remote violence", trigger=(5, 12))
    assert predict_case([later, earlier]).label == "AIR_STRIKE"


def test_diplomatic_plover_event_maps_to_diplo_after_acled_events() -> None:
    talks = make_event(None, None, "CONSULT", trigger=(0, 4))
    assert predict_case([talks]).label == "DIPLO"
    arrest = make_event("Arrests", "Strategic developments", "COERCE", trigger=(30, 38))
    assert predict_case([talks, arrest]).label == "ARREST"


def test_no_event_or_unmappable_event_is_none() -> None:
    assert predict_case([]) == CasePrediction(NO_EVENT, 0)
    unmapped = make_event(None, None, "MOBILIZE")
    assert case_label_of(unmapped) is None
    assert predict_case([unmapped]) == CasePrediction(NO_EVENT, 1)


def test_score_case_figures_and_violent_misses() -> None:
    gold = [
        CaseSnippet("1", "t", "ARMED_CLASH"),
        CaseSnippet("2", "t", "AIR_STRIKE"),
        CaseSnippet("3", "t", "DIPLO"),
        CaseSnippet("4", "t", "ARMED_CLASH"),
    ]
    predicted = {
        "1": CasePrediction("ARMED_CLASH", 1),
        "2": CasePrediction(NO_EVENT, 0),
        "3": CasePrediction("DIPLO", 1),
        "4": CasePrediction("AIR_STRIKE", 2),
    }
    report = score_case(gold, predicted, LABELS)
    assert report["accuracy"] == pytest.approx(0.5)
    assert report["violent_snippets"] == 3
    assert report["violent_without_event"] == 1 and report["violent_without_event_ids"] == ["2"]
    assert report["no_label"] == 1
    # F1: ARMED_CLASH 2/3, AIR_STRIKE 0, DIPLO 1 (labels without gold support are left out).
    assert report["macro_f1"] == pytest.approx((2 / 3 + 0 + 1) / 3)
    assert {c["gold"] + ">" + c["predicted"] for c in report["confusions"]} == {
        "AIR_STRIKE>NONE",
        "ARMED_CLASH>AIR_STRIKE",
    }
    assert report["confusion_examples"]["ARMED_CLASH -> AIR_STRIKE"] == ["4"]


def test_run_case_uses_the_analyser_and_reports_throughput() -> None:
    snippets = [
        CaseSnippet("a", "Troops clashed with rebels.", "ARMED_CLASH"),
        CaseSnippet("b", "Rain fell all week.", "NATURAL_DISASTER"),
    ]
    analyser = FakeAnalyser(events={"a": (make_event("Armed clash"),)})
    report = run_case(analyser, snippets, LABELS)
    assert analyser.seen == ["a", "b"]
    assert report["accuracy"] == 0.5 and report["documents"] == 2
    assert report["docs_per_second"] > 0
    assert report["uncodable_labels"] == ["NATURAL_DISASTER"]
