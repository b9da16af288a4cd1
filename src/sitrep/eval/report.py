"""All event scorers in one run (`run_all`) and the plain-text table of the result (`format_report`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.eval.arguments import run_arguments
from sitrep.eval.case import run_case
from sitrep.eval.data import (
    arguments_available,
    entities_available,
    load_case,
    load_case_labels,
    load_locations,
    load_plover,
    load_rams,
    load_re3d,
    load_wikievents,
    resolve_data_dir,
)
from sitrep.eval.entities import ENTITY_TYPES, Recognise, pipeline_recogniser, run_entities
from sitrep.eval.location import run_locations
from sitrep.eval.metrics import ratio
from sitrep.eval.plover import run_plover
from sitrep.model import Document

Analyse = Callable[[Iterable[Document]], Iterator[Any]]


def default_analyse() -> tuple[Analyse, float]:
    """The configured pipeline's `analyse`, with its resources loaded, and the seconds loading took."""
    from sitrep.config import load_settings
    from sitrep.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline(load_settings())
    _ = (pipeline.nlp, pipeline.gazetteer, pipeline.actors)  # load now so throughput excludes start-up
    return pipeline.analyse, time.perf_counter() - started


def default_recogniser(analyse: Analyse) -> Recognise | None:
    """The entity recogniser of the pipeline whose bound `analyse` this is; None for any other callable."""
    from sitrep.pipeline import Pipeline

    owner = getattr(analyse, "__self__", None)
    return pipeline_recogniser(owner) if isinstance(owner, Pipeline) else None


def run_all(
    data_dir: str | Path | None = None,
    limit: int | None = None,
    analyse: Analyse | None = None,
    recognise: Recognise | None = None,
) -> dict[str, Any]:
    """Scores sitrep on every event data set (the first `limit` items of each, or all).

    `data_dir` defaults to $SITREP_EVAL_DATA, else ../shared/eval; `analyse` defaults to the configured
    pipeline, `recognise` (entity mentions, for re3d) to that pipeline's. Raises ConfigError when a data file
    of CASE, event location or PLOVER is missing; the argument (WikiEvents, RAMS) and entity (re3d) sections
    are left out when their data is absent, and the entity section when no recogniser is available.
    """
    directory = resolve_data_dir(data_dir)
    snippets, labels = load_case(directory, limit), load_case_labels(directory)
    sentences, records = load_locations(directory, limit), load_plover(directory, limit)
    load_seconds = 0.0
    if analyse is None:
        analyse, load_seconds = default_analyse()
    report: dict[str, Any] = {
        "data_dir": str(directory),
        "limit": limit,
        "case": run_case(analyse, snippets, labels),
        "location": run_locations(analyse, sentences),
        "plover": run_plover(analyse, records),
        "model_load_seconds": load_seconds,
    }
    if arguments_available(directory):
        report["wikievents"] = run_arguments(analyse, load_wikievents(directory, limit))
        report["rams"] = run_arguments(analyse, load_rams(directory, limit))
    recognise = recognise or default_recogniser(analyse)
    if recognise is not None and entities_available(directory):
        report["entities"] = run_entities(recognise, load_re3d(directory, limit))
    # Throughput counts the sets that run the whole pipeline; entity recognition stops before events.
    pipeline_sets = ("case", "location", "plover", "wikievents", "rams")
    sections = [report[name] for name in pipeline_sets if name in report]
    report["documents"] = sum(s["documents"] for s in sections)
    report["seconds"] = sum(s["seconds"] for s in sections)
    report["docs_per_second"] = ratio(report["documents"], report["seconds"])
    return report


def _rows(rows: list[tuple[str, str]]) -> list[str]:
    width = max(len(name) for name, _ in rows)
    return [f"  {name:<{width}}  {value}" for name, value in rows]


def _case_lines(case: dict[str, Any]) -> list[str]:
    lines = [f"CASE 2021 task 2: event type of {case['snippets']} snippets"]
    lines += _rows(
        [
            ("accuracy", f"{case['accuracy']:.3f}"),
            ("macro-F1", f"{case['macro_f1']:.3f}  (labels present in gold)"),
            ("macro-F1, ACLED labels", f"{case['macro_f1_acled']:.3f}  (ACLED's sub-event classes)"),
            (
                "accuracy, ACLED labels",
                f"{case['accuracy_acled_labels']:.3f}  ({case['acled_snippets']} snippets)",
            ),
            ("no label predicted", str(case["no_label"])),
            (
                "violent, no event",
                f"{case['violent_without_event']} of {case['violent_snippets']} violent snippets",
            ),
            ("labels sitrep lacks", ", ".join(case["uncodable_labels"]) or "-"),
        ]
    )
    lines.append(f"  {'label':<30} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}")
    for score in case["per_label"]:
        if score["support"]:
            lines.append(
                f"  {score['label']:<30} {score['precision']:5.2f} {score['recall']:5.2f} "
                f"{score['f1']:5.2f} {score['support']:4d}"
            )
    lines.append("  most frequent confusions (gold -> predicted):")
    for item in case["confusions"]:
        key = f"{item['gold']} -> {item['predicted']}"
        examples = ", ".join(case["confusion_examples"].get(key, []))
        lines.append(f"  {item['count']:4d}  {key:<50} ids {examples}")
    return lines


def _location_lines(loc: dict[str, Any]) -> list[str]:
    lines = [f"Event location: {loc['sentences']} sentences, {loc['with_gold_location']} with a gold place"]
    lines += _rows(
        [
            ("accuracy (event found)", f"{loc['accuracy']:.3f}"),
            ("end to end", f"{loc['end_to_end']:.3f}"),
            (
                "event found at the word",
                f"{loc['event_found']:.3f}  (trigger on the word itself {loc['event_at_verb']:.3f})",
            ),
            ("no place chosen", f"{loc['no_place_chosen']:.3f}"),
            ("gold place among mentions", f"{loc['mention_recall']:.3f}"),
            ("nearest-mention baseline", f"{loc['nearest_mention_baseline']:.3f}"),
            (
                "no place, no gold place",
                f"{loc['abstained_without_gold_location']:.3f}  ({loc['without_gold_location']} sentences)",
            ),
        ]
    )
    return lines


def _plover_lines(plover: dict[str, Any]) -> list[str]:
    lines = [f"PLOVER gold standard: {plover['records']} records"]
    lines += _rows(
        [
            ("type accuracy", f"{plover['type_accuracy']:.3f}  (no event: {plover['no_event']})"),
            (
                "source accuracy",
                f"{plover['source_accuracy']:.3f}  ({plover['source_records']} records; "
                f"{plover['source_by_country']} by country, {plover['source_by_name']} by name)",
            ),
            (
                "target accuracy",
                f"{plover['target_accuracy']:.3f}  ({plover['target_records']} records; "
                f"{plover['target_by_country']} by country, {plover['target_by_name']} by name)",
            ),
        ]
    )
    lines.append("  most frequent confusions (gold -> predicted):")
    lines += [f"  {c['count']:4d}  {c['gold']} -> {c['predicted']}" for c in plover["confusions"]]
    return lines


def _arguments_lines(title: str, scores: dict[str, Any]) -> list[str]:
    lines = [
        f"{title}: {scores['events']} gold events of the scored families "
        f"({scores['gold_events_all_types']} of all types) in {scores['documents']} documents"
    ]

    def prf(name: str) -> str:
        item = scores[name]
        return f"P {item['precision']:.3f}  R {item['recall']:.3f}  F1 {item['f1']:.3f}"

    lines += _rows(
        [
            ("trigger recall", f"{scores['trigger_recall']:.3f}"),
            ("argument identification", prf("identification") + "  (events found)"),
            ("argument classification", prf("classification") + "  (events found)"),
            ("end to end", prf("end_to_end") + f"  ({scores['gold_arguments']} gold arguments)"),
        ]
    )
    lines += [
        f"  {family:<48} trigger recall {item['trigger_recall']:.2f}  ({item['events']} events)"
        for family, item in scores["families"].items()
    ]
    return lines


def _wikievents_lines(scores: dict[str, Any]) -> list[str]:
    return _arguments_lines("WikiEvents arguments", scores)


def _rams_lines(scores: dict[str, Any]) -> list[str]:
    return _arguments_lines("RAMS arguments", scores)


def _entities_lines(scores: dict[str, Any]) -> list[str]:
    header = (
        f"  {'type':<14} {'gold':>5} {'pred':>5}  {'exact P':>7} {'R':>5} {'F1':>5}  "
        f"{'overlap P':>9} {'R':>5} {'F1':>5}"
    )
    lines = [f"re3d entities: {scores['documents']} documents", header]
    rows = [(name, scores["per_type"][name]) for name in ENTITY_TYPES] + [("all (micro)", scores["micro"])]
    for name, item in rows:
        exact, overlap = item["exact"], item["overlap"]
        lines.append(
            f"  {name:<14} {item['gold']:5d} {item['predicted']:5d}  {exact['precision']:7.3f} "
            f"{exact['recall']:5.3f} {exact['f1']:5.3f}  {overlap['precision']:9.3f} {overlap['recall']:5.3f} "
            f"{overlap['f1']:5.3f}"
        )
    return lines


def format_report(report: dict[str, Any]) -> str:
    """The report as a plain-text table, one section per data set, throughput last."""
    limit = report.get("limit")
    scope = f"first {limit}" if limit else "all"
    lines = [f"sitrep evaluation: {report['data_dir']} ({scope} items per set)", ""]
    for name, render in (
        ("case", _case_lines),
        ("location", _location_lines),
        ("plover", _plover_lines),
        ("wikievents", _wikievents_lines),
        ("rams", _rams_lines),
        ("entities", _entities_lines),
    ):
        if name in report:
            lines += render(report[name]) + [""]
    lines.append(
        f"Throughput: {report['documents']} documents in {report['seconds']:.1f} s = "
        f"{report['docs_per_second']:.1f} documents/s (start-up {report['model_load_seconds']:.1f} s)"
    )
    return "\n".join(lines) + "\n"
