"""CASE 2021 task 2 (fine-grained event classification): sitrep's events mapped to the task's labels, scored.

A snippet's prediction is the label of its highest-priority event: the first violent event in text order
(battles, explosions, violence against civilians, riots, excessive force against protesters), else the first
other ACLED event (protests, strategic developments), else the first diplomatic PLOVER event (DIPLO), else
"NONE" (no event, or none with a CASE label). Events that happened come before those only expected or denied.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.eval.data import CaseSnippet
from sitrep.eval.metrics import accuracy, confusions, macro_f1, per_label, ratio
from sitrep.model import Document, Event

NO_EVENT = "NONE"

# sitrep's ACLED sub-event types -> CASE 2021 labels. "Displacement" (sitrep's extension) has no CASE label
# of its own; ACLED would record it as a strategic development, hence OTHER.
ACLED_TO_CASE: dict[str, str] = {
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Armed clash": "ARMED_CLASH",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Displacement": "OTHER",
}

# Events outside ACLED's scope (no sub-event type) whose PLOVER type is an interaction between states or
# organisations: CASE's DIPLO class. Material conflict (ASSAULT, COERCE, PROTEST ...) without an ACLED
# sub-event type stays unlabelled rather than guessed.
DIPLOMATIC_PLOVER = frozenset(
    {
        "AGREE",
        "CONSULT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "SUPPORT",
        "COOPERATE",
        "CONCEDE",
        "AID",
    }
)

VIOLENT_EVENT_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)
VIOLENT_CASE_LABELS = frozenset(
    ACLED_TO_CASE[name]
    for name in (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
    )
)
# Gold labels sitrep has no category for; they stay in the scores (a miss is a miss) and are listed apart.
UNCODABLE_LABELS = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "ATTRIB"})

Analyse = Callable[[Iterable[Document]], Iterator[Any]]


@dataclass(frozen=True, slots=True)
class CasePrediction:
    """The label chosen for one snippet and how many events sitrep coded in it."""

    label: str
    events: int


def case_label_of(event: Event) -> str | None:
    """The CASE label of one event, or None when it has none."""
    if event.sub_event_type:
        return ACLED_TO_CASE.get(event.sub_event_type)
    return "DIPLO" if event.plover_type in DIPLOMATIC_PLOVER else None


def _priority(event: Event) -> int:
    if (
        event.event_type in VIOLENT_EVENT_TYPES
        or event.sub_event_type == "Excessive force against protesters"
    ):
        return 0
    return 1 if event.sub_event_type else 2


def _unrealised(event: Event) -> bool:
    """An event that is only expected or denied: ACLED codes what happened, so it yields to one that did."""
    return event.certainty in ("expected", "denied")


def predict_case(events: Sequence[Event]) -> CasePrediction:
    """The snippet's label: its highest-priority labelled event, earliest in the text first."""
    labelled = [(event, label) for event in events if (label := case_label_of(event)) is not None]
    if not labelled:
        return CasePrediction(NO_EVENT, len(events))
    _, label = min(labelled, key=lambda pair: (_unrealised(pair[0]), _priority(pair[0]), pair[0].trigger.start))
    return CasePrediction(label, len(events))


def score_case(
    gold: Sequence[CaseSnippet],
    predicted: Mapping[str, CasePrediction],
    labels: Sequence[str],
    top_confusions: int = 10,
    examples_per_confusion: int = 3,
) -> dict[str, Any]:
    """Accuracy, macro-F1 over `labels` present in gold, per-label P/R/F1, confusions, violent misses."""
    pairs = [
        (snippet.label, predicted[snippet.id].label if snippet.id in predicted else NO_EVENT)
        for snippet in gold
    ]
    scores = per_label(pairs, labels)
    acled_pairs = [pair for pair in pairs if pair[0] in ACLED_TO_CASE.values()]
    violent = [s for s in gold if s.label in VIOLENT_CASE_LABELS]
    violent_without_event = [s.id for s in violent if s.id not in predicted or predicted[s.id].events == 0]
    errors = confusions(pairs, top_confusions)
    examples = {
        f"{g} -> {p}": [s.id for s, pair in zip(gold, pairs, strict=True) if pair == (g, p)][
            :examples_per_confusion
        ]
        for g, p, _ in errors
    }
    return {
        "snippets": len(gold),
        "accuracy": accuracy(pairs),
        "macro_f1": macro_f1(scores),
        # The measure: macro-F1 over ACLED's sub-event classes only (disasters, crime and claims of
        # responsibility are outside ACLED; a prediction of an ACLED class for them still counts against it).
        "macro_f1_acled": macro_f1([s for s in scores if s.label in ACLED_TO_CASE.values()]),
        "accuracy_acled_labels": accuracy(acled_pairs),
        "acled_snippets": len(acled_pairs),
        "no_label": sum(1 for _, p in pairs if p == NO_EVENT),
        "violent_snippets": len(violent),
        "violent_without_event": len(violent_without_event),
        "violent_without_event_ids": violent_without_event,
        "uncodable_labels": sorted(UNCODABLE_LABELS & {s.label for s in gold}),
        "per_label": [s.to_dict() for s in scores],
        "confusions": [{"gold": g, "predicted": p, "count": n} for g, p, n in errors],
        "confusion_examples": examples,
    }


def run_case(analyse: Analyse, snippets: Sequence[CaseSnippet], labels: Sequence[str]) -> dict[str, Any]:
    """Runs the pipeline on the snippets and scores them; adds documents and documents per second."""
    documents = [Document(id=s.id, text=s.text) for s in snippets]
    started = time.perf_counter()
    predicted = {a.document.id: predict_case(a.events) for a in analyse(documents)}
    seconds = time.perf_counter() - started
    report = score_case(snippets, predicted, labels)
    report.update(documents=len(documents), seconds=seconds, docs_per_second=ratio(len(documents), seconds))
    return report
