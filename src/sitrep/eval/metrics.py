"""Scores over (gold, predicted) label pairs: accuracy, per-label P/R/F1, macro-F1, confusions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Precision, recall and F1 of one label, with its gold count (support)."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int

    def to_dict(self) -> dict[str, float | int | str]:
        return {
            "label": self.label,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
        }


def ratio(numerator: int | float, denominator: int | float) -> float:
    """numerator / denominator, and 0.0 for an empty denominator (nothing to score means no credit)."""
    return float(numerator) / denominator if denominator else 0.0


def f1_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def accuracy(pairs: Sequence[tuple[str, str]]) -> float:
    return ratio(sum(1 for gold, predicted in pairs if gold == predicted), len(pairs))


def per_label(pairs: Sequence[tuple[str, str]], labels: Iterable[str]) -> list[LabelScore]:
    """P/R/F1 of each label; a label never predicted has precision 0, one never in gold has recall 0."""
    true_positive: Counter[str] = Counter()
    gold_count: Counter[str] = Counter()
    predicted_count: Counter[str] = Counter()
    for gold, predicted in pairs:
        gold_count[gold] += 1
        predicted_count[predicted] += 1
        if gold == predicted:
            true_positive[gold] += 1
    scores = []
    for label in labels:
        precision = ratio(true_positive[label], predicted_count[label])
        recall = ratio(true_positive[label], gold_count[label])
        scores.append(LabelScore(label, precision, recall, f1_score(precision, recall), gold_count[label]))
    return scores


def macro_f1(scores: Sequence[LabelScore]) -> float:
    """The unweighted mean F1 of the labels that occur in the gold data."""
    present = [s.f1 for s in scores if s.support > 0]
    return ratio(sum(present), len(present))


def confusions(pairs: Sequence[tuple[str, str]], top: int | None = None) -> list[tuple[str, str, int]]:
    """The most frequent (gold, predicted, count) errors, most frequent first, ties by name."""
    counts = Counter((gold, predicted) for gold, predicted in pairs if gold != predicted)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(gold, predicted, count) for (gold, predicted), count in ordered[:top]]


def spans_overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two character ranges share at least one character."""
    return first[0] < second[1] and second[0] < first[1]
