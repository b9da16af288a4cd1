"""Classification scores on hand-built label pairs."""

from __future__ import annotations

import pytest

from sitrep.eval.metrics import accuracy, confusions, macro_f1, per_label, ratio, spans_overlap

PAIRS = [("A", "A"), ("A", "B"), ("B", "B"), ("C", "B"), ("C", "NONE")]


def test_accuracy_counts_exact_agreement() -> None:
    assert accuracy(PAIRS) == pytest.approx(2 / 5)
    assert accuracy([]) == 0.0


def test_per_label_precision_recall_f1() -> None:
    scores = {s.label: s for s in per_label(PAIRS, ["A", "B", "C"])}
    assert scores["A"].precision == 1.0 and scores["A"].recall == 0.5
    assert scores["A"].f1 == pytest.approx(2 / 3)
    assert scores["B"].precision == pytest.approx(1 / 3) and scores["B"].recall == 1.0
    assert scores["C"].f1 == 0.0 and scores["C"].support == 2


def test_macro_f1_ignores_labels_absent_from_gold() -> None:
    scores = per_label(PAIRS, ["A", "B", "C", "D"])
    expected = (2 / 3 + 0.5 + 0.0) / 3
    assert macro_f1(scores) == pytest.approx(expected)


def test_confusions_most_frequent_first() -> None:
    pairs = [("A", "B"), ("A", "B"), ("C", "D"), ("A", "A")]
    assert confusions(pairs) == [("A", "B", 2), ("C", "D", 1)]
    assert confusions(pairs, top=1) == [("A", "B", 2)]


def test_ratio_of_nothing_is_zero() -> None:
    assert ratio(3, 0) == 0.0
    assert ratio(1, 4) == 0.25


def test_spans_overlap_needs_a_shared_character() -> None:
    assert spans_overlap((0, 5), (4, 9))
    assert not spans_overlap((0, 5), (5, 9))
