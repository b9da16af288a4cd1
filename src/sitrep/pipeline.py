"""The stages in order: nlp → places → actors → dates → events, over a stream of documents.

`Pipeline` holds what the stages need loaded once (the spaCy pipeline, the gazetteer, the actor knowledge
base); the stages themselves are pure functions and the pipeline does no I/O of its own beyond loading those
resources, so the same object runs in one process, in a pool of workers or on a Dask cluster.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.actors import ActorBase, find_actors, load_knowledge_base
from sitrep.config import Settings
from sitrep.dates import find_dates
from sitrep.events.coder import code_events, focus_countries
from sitrep.model import Document, Event, PlaceMention, Rejection
from sitrep.nlp import load_pipeline, parse
from sitrep.places import Gazetteer, find_places, load_gazetteer

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pipeline found in one document."""

    document: Document
    events: tuple[Event, ...]
    places: tuple[PlaceMention, ...]
    error: str | None = None  # why the document could not be analysed; then events and places are empty

    def rejection(self) -> Rejection | None:
        """The document as a Rejection when it could not be analysed (stored and reported like bad input)."""
        return Rejection(self.document.id, None, f"could not be analysed: {self.error}") if self.error else None


class Pipeline:
    """Loads the resources on first use and analyses documents in batches."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loaded = False

    @cached_property
    def nlp(self) -> Language:
        return load_pipeline(self.settings.nlp.model)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return load_gazetteer(self.settings.places)

    @cached_property
    def actors(self) -> ActorBase:
        return load_knowledge_base(self.settings.actors.extra or None)

    def load(self) -> Pipeline:
        """Loads every resource now, then exempts what is loaded from garbage collection: the model, the
        gazetteer and the knowledge base are millions of objects that live as long as the process, and
        each full collection would walk them all (~0.4 s) to free none of them."""
        if not self.loaded:
            # No collection while loading either: one started by the second resource would walk the first.
            collecting = gc.isenabled()
            gc.disable()
            try:
                _ = self.nlp, self.gazetteer, self.actors
            finally:
                if collecting:
                    gc.enable()
            # Once only: freezing again later would keep whatever garbage a run has left for good.
            gc.freeze()
            self.loaded = True
        return self

    def analyse(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Analyses in input order; documents are parsed lazily in batches of `nlp.batch_size`."""
        self.load()
        for document, doc in self.parsed(documents):
            yield self.analyse_parsed(document, doc)

    def parsed(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Doc]]:
        """Each document with its spaCy parse, in input order, parsed lazily in batches."""
        pending: list[Document] = []
        limit = self.settings.nlp.max_chars
        self.nlp.max_length = max(self.nlp.max_length, limit + 1)

        def texts() -> Iterator[str]:
            for document in documents:
                pending.append(document)
                if len(document.text) > limit:
                    # offsets stay valid: the analysed text is a prefix of the document's
                    log.warning("%s: only the first %d of %d characters are analysed ([nlp] max_chars)",
                                document.id, limit, len(document.text))
                yield document.text[:limit]

        for doc in parse(self.nlp, texts(), self.settings.nlp.batch_size):
            yield pending.pop(0), doc

    def analyse_parsed(self, document: Document, doc: Doc) -> Analysis:
        return analyse_doc(document, doc, self.gazetteer, self.actors)


def analyse_doc(document: Document, doc: Doc, gazetteer: Gazetteer, kb: ActorBase) -> Analysis:
    """The pure core: one parsed document in, its place mentions and events out. A failure in a stage is
    caught here, for this document alone: the run goes on and the document is reported as not analysed."""
    try:
        return _analyse(document, doc, gazetteer, kb)
    except Exception as exc:  # noqa: BLE001 - one document's failure must not stop a run of millions
        log.error("%s: could not be analysed (%s: %s); skipped", document.id, type(exc).__name__, exc)
        return Analysis(document, (), (), f"{type(exc).__name__}: {exc}")


def _analyse(document: Document, doc: Doc, gazetteer: Gazetteer, kb: ActorBase) -> Analysis:
    places = find_places(doc, gazetteer)
    focus = focus_countries(places)
    actors = find_actors(doc, kb, focus[0] if focus else None)
    dates = find_dates(doc, document.published)
    country = gazetteer.country(focus[0]) if focus else None
    country_mention = PlaceMention(0, 0, "", country, 0.0, 3) if country is not None else None
    events = code_events(document, doc, places, actors, dates, country_mention, kb)
    return Analysis(document, tuple(events), tuple(places))
