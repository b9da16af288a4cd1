"""Facts about a sentence computed once and shared by every trigger in it: its word sets, and memos."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

_KEY = "sitrep.events.memo"
T = TypeVar("T")


def memo(sentence: SpacySpan | Doc, name: Hashable, compute: Callable[[], T]) -> T:
    """`compute()` once per sentence and name; the value is kept with the parse itself, since a sentence
    has many triggers and each asks the same questions of it."""
    doc = sentence if isinstance(sentence, Doc) else sentence.doc
    start, end = (0, len(doc)) if isinstance(sentence, Doc) else (sentence.start, sentence.end)
    cache: dict[tuple[int, int, Hashable], object] = doc.user_data.setdefault(_KEY, {})
    key = (start, end, name)
    if key not in cache:
        cache[key] = compute()
    return cache[key]  # type: ignore[return-value]


def lower_words(sentence: SpacySpan | Doc) -> frozenset[str]:
    """The sentence's words in lower case, as written."""
    return memo(sentence, "lower", lambda: frozenset(t.lower_ for t in sentence))


def lemma_words(sentence: SpacySpan | Doc) -> frozenset[str]:
    """The lemmas of the sentence's words, in lower case."""
    return memo(sentence, "lemmas", lambda: frozenset(t.lemma_.lower() for t in sentence))


def all_words(sentence: SpacySpan | Doc) -> frozenset[str]:
    """The sentence's words and their lemmas, in lower case."""
    return memo(sentence, "all", lambda: lower_words(sentence) | lemma_words(sentence))


__all__ = ["all_words", "lemma_words", "lower_words", "memo"]
