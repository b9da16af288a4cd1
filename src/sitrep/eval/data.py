"""Finding the labelled evaluation data and reading it into typed gold records.

The data is never shipped with sitrep: it is read from a directory given by the caller, by
`$SITREP_EVAL_DATA`, or by default from `../shared/eval` relative to the working directory.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

DATA_ENV = "SITREP_EVAL_DATA"
DEFAULT_DATA_DIR = Path("..") / "shared" / "eval"

CASE_FILE = "events/case2021-task2-dev.tsv"
CASE_LABELS_FILE = "events/case2021-task2-event-types.txt"
LOCATION_FILE = "events/event-location-dev.jsonl"
PLOVER_FILE = "events/plover-gsr.json"

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class CaseSnippet:
    """One CASE 2021 task 2 snippet and its gold label (e.g. "AIR_STRIKE")."""

    id: str
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class LocationSentence:
    """A sentence whose event word (`verb`) is linked to the places where it happened (maybe none)."""

    id: str
    text: str
    verb: Offsets
    locations: tuple[Offsets, ...]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A source or target actor as written, with its CAMEO code (ISO alpha-3 or IGO, NGO, ...)."""

    text: str
    code: str | None


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """A PLOVER gold-standard record: text, event type as coded, source and target actors."""

    id: str
    text: str
    event: str
    event_text: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    published: date | None = None


def resolve_data_dir(data_dir: str | Path | None = None) -> Path:
    """The directory given, else $SITREP_EVAL_DATA, else ../shared/eval (from the working directory)."""
    chosen = Path(data_dir) if data_dir else Path(os.environ.get(DATA_ENV) or DEFAULT_DATA_DIR)
    return chosen


def data_available(data_dir: str | Path | None = None) -> bool:
    return (resolve_data_dir(data_dir) / CASE_FILE).is_file()


def _path(data_dir: Path, name: str) -> Path:
    path = data_dir / name
    if not path.is_file():
        raise ConfigError(f"evaluation data not found: {path} (pass the data directory or set ${DATA_ENV})")
    return path


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read evaluation data ({exc})") from exc


def load_case(data_dir: Path, limit: int | None = None) -> list[CaseSnippet]:
    """The CASE 2021 task 2 snippets (`id`, `EventSnippet`, `SubType`), in file order."""
    text = _read_text(_path(data_dir, CASE_FILE))
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    snippets = [
        CaseSnippet(row["id"], row["EventSnippet"], row["SubType"].strip())
        for row in rows
        if row.get("EventSnippet") and row.get("SubType")
    ]
    return snippets[:limit] if limit is not None else snippets


def load_case_labels(data_dir: Path) -> tuple[str, ...]:
    """Every label of the task (ACLED's 25 and the unseen ones), each once, in file order."""
    labels: list[str] = []
    for line in _read_text(_path(data_dir, CASE_LABELS_FILE)).splitlines():
        word = line.strip()
        if re.fullmatch(r"[A-Z][A-Z_]+[A-Z]", word) and word not in labels and not word.startswith("SUBTASK"):
            labels.append(word)
    return tuple(labels)


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _repair(text: str, span: dict[str, Any]) -> Offsets | None:
    """Character offsets of a span, repairing records whose offsets are token indices.

    Some records carry token indices in `start`/`end`; when the span's own `text` does not sit at those
    offsets, take the occurrence of that text nearest to the token index (tokens counted as words and
    punctuation marks, close to the annotation tokenizer).
    """
    start, end = int(span["start"]), int(span["end"])
    written = span.get("text")
    if not written:
        return (start, end) if 0 <= start < end <= len(text) else None
    if text[start:end] == written:
        return start, end
    occurrences = [m.start() for m in re.finditer(re.escape(written), text)]
    if not occurrences:
        return None
    token_index = int(span.get("token_start", start))

    def distance(offset: int) -> int:
        return abs(len(_TOKEN.findall(text[:offset])) - token_index)

    best = min(occurrences, key=distance)
    return best, best + len(written)


def _location_sentences(lines: list[str]) -> Iterator[LocationSentence]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["text"]
        verbs = [s for s in record.get("spans", []) if s.get("label") == "VERB"]
        if len(verbs) != 1:  # a sentence with two event words has no single answer
            continue
        verb = _repair(text, verbs[0])
        if verb is None:
            continue
        locations = [_repair(text, s) for s in record["spans"] if s.get("label") == "LOCATION"]
        if any(loc is None for loc in locations):
            continue
        yield LocationSentence(f"loc-{number}", text, verb, tuple(loc for loc in locations if loc))


def load_locations(data_dir: Path, limit: int | None = None) -> list[LocationSentence]:
    """The event-location sentences with one event word and usable offsets, in file order."""
    path = _path(data_dir, LOCATION_FILE)
    try:
        sentences = list(_location_sentences(_read_text(path).splitlines()))
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: malformed evaluation record ({exc})") from exc
    return sentences[:limit] if limit is not None else sentences


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):  # the file writes "" (and a few stray words) for "no actor"
        return ()
    return tuple(
        GoldActor(str(a["actorText"]).strip(), a.get("code") or None)
        for a in value
        if isinstance(a, dict) and str(a.get("actorText", "")).strip()
    )


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def load_plover(data_dir: Path, limit: int | None = None) -> list[PloverRecord]:
    """The PLOVER gold-standard records that have a text (the documentation record has none)."""
    path = _path(data_dir, PLOVER_FILE)
    try:
        raw = json.loads(_read_text(path))
        records = [
            PloverRecord(
                id=str(item["id"]),
                text=item["text"],
                event=str(item["event"]).upper(),
                event_text=str(item.get("eventText") or ""),
                sources=_actors(item.get("source")),
                targets=_actors(item.get("target")),
                published=_date(item.get("date")),
            )
            for item in raw
            if isinstance(item, dict) and item.get("text") and item.get("event") != "DOCUMENT"
        ]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: malformed evaluation record ({exc})") from exc
    return records[:limit] if limit is not None else records


WIKIEVENTS_FILE = "events/wikievents-dev.jsonl"
RAMS_FILE = "events/rams-dev.jsonlines"
RE3D_DIR = "entities/re3d"
# re3d's confidence is the probability, from crowd and expert votes, that the annotation is right; below one
# half the annotators leaned against it (most such records have confidence 0: rejected candidates).
RE3D_MIN_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class GoldArgument:
    """One argument of a gold event: its role as the data set spells it and its character offsets."""

    role: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event mention: its type (e.g. "Conflict.Attack.Unspecified"), trigger and arguments."""

    id: str
    event_type: str
    trigger: Offsets
    arguments: tuple[GoldArgument, ...]


@dataclass(frozen=True, slots=True)
class ArgumentDocument:
    """A text with gold events whose arguments are marked (WikiEvents document or RAMS window)."""

    id: str
    text: str
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One re3d entity annotation: type (e.g. "Organisation"), offsets and annotator confidence."""

    type: str
    start: int
    end: int
    text: str
    confidence: float


@dataclass(frozen=True, slots=True)
class EntityDocument:
    """A re3d document with its entity annotations."""

    id: str
    text: str
    entities: tuple[GoldEntity, ...]


def arguments_available(data_dir: str | Path | None = None) -> bool:
    directory = resolve_data_dir(data_dir)
    return (directory / WIKIEVENTS_FILE).is_file() and (directory / RAMS_FILE).is_file()


def entities_available(data_dir: str | Path | None = None) -> bool:
    return (resolve_data_dir(data_dir) / RE3D_DIR).is_dir()


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{number}: malformed evaluation record ({exc})") from exc
        if isinstance(record, dict):
            yield record


def _wikievents_text(sentences: list[Any]) -> tuple[str, list[Offsets]]:
    """The text the token offsets point into, and each token's offsets.

    The file's `text` field glues sentences together while the token offsets count one separator between
    them, so the text is rebuilt from the tokens: each at its offsets, a newline between sentences, spaces
    elsewhere."""
    tokens = [(str(word), int(start), int(end)) for sentence in sentences for word, start, end in sentence[0]]
    chars = [" "] * max((end for _, _, end in tokens), default=0)
    for sentence in sentences[1:]:
        first_start = int(sentence[0][0][1]) if sentence[0] else 0
        if first_start > 0:
            chars[first_start - 1] = "\n"
    for word, start, end in tokens:
        chars[start:end] = list(word[: end - start].ljust(end - start))
    return "".join(chars), [(start, end) for _, start, end in tokens]


def _wikievents_document(record: dict[str, Any]) -> ArgumentDocument:
    text, offsets = _wikievents_text(record["sentences"])

    def chars(first: int, last: int) -> Offsets:  # token range [first, last) -> character offsets
        return offsets[first][0], offsets[last - 1][1]

    entities = {e["id"]: chars(int(e["start"]), int(e["end"])) for e in record.get("entity_mentions", [])}
    events = []
    for mention in record.get("event_mentions", []):
        trigger = mention["trigger"]
        arguments = tuple(
            GoldArgument(str(a["role"]), *entities[a["entity_id"]], text[slice(*entities[a["entity_id"]])])
            for a in mention.get("arguments", [])
            if a.get("entity_id") in entities
        )
        events.append(
            GoldEvent(
                str(mention["id"]),
                str(mention["event_type"]),
                chars(int(trigger["start"]), int(trigger["end"])),
                arguments,
            )
        )
    return ArgumentDocument(str(record["doc_id"]), text, tuple(events))


def load_wikievents(data_dir: Path, limit: int | None = None) -> list[ArgumentDocument]:
    """The WikiEvents documents with their KAIROS events and arguments, in file order."""
    path = _path(data_dir, WIKIEVENTS_FILE)
    try:
        documents = [_wikievents_document(record) for record in _json_lines(path)]
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: malformed evaluation record ({exc})") from exc
    return documents[:limit] if limit is not None else documents


_RAMS_ROLE_PREFIX = re.compile(r"^evt\d+arg\d+")


def _rams_document(record: dict[str, Any]) -> ArgumentDocument:
    """A RAMS window as text: tokens joined by spaces, sentences by newlines; spans are inclusive token ranges."""
    offsets: list[Offsets] = []
    lines: list[str] = []
    position = 0
    for sentence in record["sentences"]:
        line_offsets = []
        for token in sentence:
            line_offsets.append((position, position + len(token)))
            position += len(token) + 1
        offsets += line_offsets
        lines.append(" ".join(sentence))
    text = "\n".join(lines)

    def chars(first: int, last: int) -> Offsets:
        return offsets[first][0], offsets[last][1]

    triggers = record["evt_triggers"]
    events = []
    for number, (first, last, labels) in enumerate(triggers):
        span = (int(first), int(last))
        arguments = tuple(
            GoldArgument(
                _RAMS_ROLE_PREFIX.sub("", str(role)),
                *chars(int(argument[0]), int(argument[1])),
                text[slice(*chars(int(argument[0]), int(argument[1])))],
            )
            for trigger, argument, role in record.get("gold_evt_links", [])
            if (int(trigger[0]), int(trigger[1])) == span
        )
        events.append(GoldEvent(f"{record['doc_key']}-{number}", str(labels[0][0]), chars(*span), arguments))
    return ArgumentDocument(str(record["doc_key"]), text, tuple(events))


def load_rams(data_dir: Path, limit: int | None = None) -> list[ArgumentDocument]:
    """The RAMS windows (one gold event each) in file order."""
    path = _path(data_dir, RAMS_FILE)
    try:
        documents = [_rams_document(record) for record in _json_lines(path)]
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: malformed evaluation record ({exc})") from exc
    return documents[:limit] if limit is not None else documents


def _re3d_source(folder: Path, min_confidence: float) -> list[EntityDocument]:
    entities: dict[str, list[GoldEntity]] = {}
    for record in _json_lines(_path(folder, "entities.json")):
        if float(record.get("confidence", 0.0)) < min_confidence:
            continue
        entity = GoldEntity(
            str(record["type"]),
            int(record["begin"]),
            int(record["end"]),
            str(record["value"]),
            float(record["confidence"]),
        )
        entities.setdefault(str(record["documentId"]), []).append(entity)
    return [
        EntityDocument(
            str(record["_id"]),
            str(record["text"]),
            tuple(sorted(entities.get(str(record["_id"]), []), key=lambda e: (e.start, e.end, e.type))),
        )
        for record in _json_lines(_path(folder, "documents.json"))
    ]


def load_re3d(
    data_dir: Path, limit: int | None = None, min_confidence: float = RE3D_MIN_CONFIDENCE
) -> list[EntityDocument]:
    """The re3d documents of every source (sources in name order), with entities of enough confidence."""
    root = data_dir / RE3D_DIR
    if not root.is_dir():
        raise ConfigError(f"evaluation data not found: {root} (pass the data directory or set ${DATA_ENV})")
    try:
        documents = [
            document
            for folder in sorted(p for p in root.iterdir() if p.is_dir())
            for document in _re3d_source(folder, min_confidence)
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{root}: malformed evaluation record ({exc})") from exc
    return documents[:limit] if limit is not None else documents
