"""Short ACLED-style event descriptions: event type, sub-event type, place within 25 km, date and actor1.

The labelled notes ship with sitrep (`labelled/acled_style_notes.json`, written for the project in the style
of ACLED's notes: "On 3 May 2024, M23 rebels shelled ... Casualties unknown."). Each note is analysed by the
same pipeline as `sitrep extract`, as its own document; half of them carry a publication date (the day after
the event), half carry none, as a note pasted without a byline would. The event scored for a note is the
first event sitrep codes with an ACLED event type, which is what a reader of `sitrep extract` sees first.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError
from sitrep.eval.geo import great_circle_km
from sitrep.eval.metrics import ratio
from sitrep.model import Document, Event

Analyse = Callable[[Iterable[Document]], Iterator[Any]]

NOTES_RESOURCE = "labelled/acled_style_notes.json"
PLACE_TOLERANCE_KM = 25.0
FIELDS = ("event_type", "sub_event_type", "place", "date", "actor1")
# ACLED's actor names carry the period of a government ("Military Forces of Nigeria (2023-)"); the same
# forces under another period label are the same actor for this measure.
_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)\s*$")


@dataclass(frozen=True, slots=True)
class Note:
    """One labelled note: its text and what ACLED would code from it."""

    id: str
    text: str
    published: date | None
    event_type: str
    sub_event_type: str
    actor1: tuple[str, ...]  # acceptable canonical names (either side of a clash, say)
    place: str
    country_code: str
    latitude: float
    longitude: float
    date_start: date
    date_end: date
    fatalities: int | None


@dataclass(frozen=True, slots=True)
class NoteScore:
    """Which fields of a note sitrep got right, and why the others are wrong."""

    note_id: str
    event_found: bool
    correct: dict[str, bool]
    reasons: tuple[str, ...]


def _parse_note(item: dict[str, Any], source: str) -> Note:
    try:
        place = item["place"]
        published = item.get("published")
        return Note(
            id=str(item["id"]),
            text=str(item["text"]),
            published=date.fromisoformat(published) if published else None,
            event_type=str(item["event_type"]),
            sub_event_type=str(item["sub_event_type"]),
            actor1=tuple(str(name) for name in item["actor1"]),
            place=str(place["name"]),
            country_code=str(place["country_code"]),
            latitude=float(place["latitude"]),
            longitude=float(place["longitude"]),
            date_start=date.fromisoformat(item["date_start"]),
            date_end=date.fromisoformat(item["date_end"]),
            fatalities=item.get("fatalities"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{source}: note {item.get('id', '?')!r} is malformed ({exc})") from exc


def load_notes(path: str | Path | None = None, limit: int | None = None) -> list[Note]:
    """The labelled notes: the shipped set, or a JSON list (or JSON Lines) file of the same records."""
    try:
        if path is None:
            source = NOTES_RESOURCE
            text = resources.files("sitrep.eval").joinpath(NOTES_RESOURCE).read_text(encoding="utf-8")
        else:
            source = str(path)
            text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read the labelled notes ({exc})") from exc
    try:
        stripped = text.lstrip()
        items = json.loads(text) if stripped.startswith("[") else [
            json.loads(line) for line in text.splitlines() if line.strip()
        ]
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{source}: invalid JSON ({exc})") from exc
    notes = [_parse_note(item, source) for item in items]
    return notes[:limit] if limit is not None else notes


def note_documents(notes: Sequence[Note]) -> list[Document]:
    return [Document(id=note.id, text=note.text, published=note.published) for note in notes]


def scored_event(events: Sequence[Event]) -> Event | None:
    """The event a note is scored on: the first with an ACLED event type, else the first at all."""
    typed = [event for event in events if event.event_type is not None]
    if typed:
        return typed[0]
    return events[0] if events else None


def same_actor(name: str, accepted: Iterable[str]) -> bool:
    """Names are equal ignoring case and ACLED's period suffix ("(2019-)")."""
    key = _PERIOD.sub("", name).casefold()
    return any(_PERIOD.sub("", other).casefold() == key for other in accepted)


def score_note(note: Note, event: Event | None) -> NoteScore:
    """Per-field correctness of `event` against the note's labels, with a reason for each miss."""
    if event is None:
        return NoteScore(note.id, False, dict.fromkeys(FIELDS, False), ("no event coded",))
    reasons: list[str] = []
    correct: dict[str, bool] = {}
    correct["event_type"] = event.event_type == note.event_type
    if not correct["event_type"]:
        reasons.append(f"event type {event.event_type!r}, want {note.event_type!r} (trigger {event.trigger.text!r})")
    correct["sub_event_type"] = event.sub_event_type == note.sub_event_type
    if not correct["sub_event_type"]:
        reasons.append(f"sub-event {event.sub_event_type!r}, want {note.sub_event_type!r}")
    correct["place"] = _place_correct(note, event, reasons)
    correct["date"] = event.date is not None and (event.date.start, event.date.end) == (
        note.date_start,
        note.date_end,
    )
    if not correct["date"]:
        got = f"{event.date.start}..{event.date.end}" if event.date else "none"
        reasons.append(f"date {got}, want {note.date_start}..{note.date_end}")
    actor = event.actor1.actor.name if event.actor1 else None
    correct["actor1"] = actor is not None and same_actor(actor, note.actor1)
    if not correct["actor1"]:
        written = f" from {event.actor1.text!r}" if event.actor1 else ""
        reasons.append(f"actor1 {actor!r}{written}, want {' or '.join(repr(a) for a in note.actor1)}")
    return NoteScore(note.id, True, correct, tuple(reasons))


def _place_correct(note: Note, event: Event, reasons: list[str]) -> bool:
    place = event.location.place if event.location is not None else None
    if place is None:
        reasons.append(f"no place, want {note.place!r}")
        return False
    km = great_circle_km(place.latitude, place.longitude, note.latitude, note.longitude)
    if km <= PLACE_TOLERANCE_KM:
        return True
    reasons.append(f"place {place.name!r} ({place.country_code}) {km:.0f} km off, want {note.place!r}")
    return False


def score_notes(notes: Sequence[Note], scores: Sequence[NoteScore]) -> dict[str, Any]:
    """Accuracy per field over all notes (a note without an event counts as wrong everywhere), and misses."""
    by_id = {note.id: note for note in notes}
    total = len(scores)
    report: dict[str, Any] = {"notes": total, "event_found": ratio(sum(s.event_found for s in scores), total)}
    for name in FIELDS:
        report[name] = ratio(sum(s.correct[name] for s in scores), total)
    per_type: dict[str, Counter[str]] = {}
    for score in scores:
        counts = per_type.setdefault(by_id[score.note_id].event_type, Counter())
        counts["notes"] += 1
        counts["event_type"] += score.correct["event_type"]
        counts["sub_event_type"] += score.correct["sub_event_type"]
    report["per_event_type"] = {
        label: {
            "notes": counts["notes"],
            "event_type": ratio(counts["event_type"], counts["notes"]),
            "sub_event_type": ratio(counts["sub_event_type"], counts["notes"]),
        }
        for label, counts in sorted(per_type.items())
    }
    report["misses"] = [
        {"id": s.note_id, "text": by_id[s.note_id].text, "reasons": list(s.reasons)} for s in scores if s.reasons
    ]
    return report


def run_notes(analyse: Analyse, notes: Sequence[Note]) -> dict[str, Any]:
    """Runs the pipeline on the notes, as `sitrep extract` would, and scores the first event of each."""
    by_id = {note.id: note for note in notes}
    started = time.perf_counter()
    scores = [score_note(by_id[a.document.id], scored_event(a.events)) for a in analyse(note_documents(notes))]
    seconds = time.perf_counter() - started
    report = score_notes(notes, scores)
    report.update(seconds=seconds, docs_per_second=ratio(len(scores), seconds))
    return report


def format_notes_report(report: dict[str, Any]) -> str:
    """The figures as a plain-text table, then each missed note with its reasons."""
    lines = [f"ACLED-style notes: {report['notes']} labelled notes"]
    rows = [
        ("event found", report["event_found"]),
        ("event type", report["event_type"]),
        ("sub-event type", report["sub_event_type"]),
        (f"place within {PLACE_TOLERANCE_KM:.0f} km", report["place"]),
        ("date exact", report["date"]),
        ("actor1", report["actor1"]),
    ]
    lines += [f"  {name:<20} {value:.3f}" for name, value in rows]
    lines.append("  per event type (event type / sub-event type accuracy):")
    for label, item in report["per_event_type"].items():
        lines.append(
            f"    {label:<28} {item['event_type']:.2f} / {item['sub_event_type']:.2f}  ({item['notes']} notes)"
        )
    lines.append(f"Misses ({len(report['misses'])} notes):")
    for miss in report["misses"]:
        lines.append(f"  {miss['id']}: {miss['text']}")
        lines += [f"      - {reason}" for reason in miss["reasons"]]
    return "\n".join(lines) + "\n"
