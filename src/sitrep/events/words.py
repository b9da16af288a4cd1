"""Facts about a sentence computed once and shared by every trigger in it: its word sets, and memos."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class TokenFacts:
    """The words of a sentence's tokens, position by position (index 0 is the sentence's first token): read
    from the parse once, since every Token access builds a new Python object. Scans look for their words
    here and build Tokens only where one is found."""

    lower: tuple[str, ...]
    lemma: tuple[str, ...]  # in lower case


def _read_facts(sentence: SpacySpan | Doc) -> TokenFacts:
    tokens = list(sentence)
    return TokenFacts(tuple(t.lower_ for t in tokens), tuple(t.lemma_.lower() for t in tokens))


def token_facts(sentence: SpacySpan | Doc) -> TokenFacts:
    """The sentence's token attributes, read once per sentence."""
    return memo(sentence, "facts", lambda: _read_facts(sentence))


def lower_words(sentence: SpacySpan | Doc) -> frozenset[str]:
    """The sentence's words in lower case, as written."""
    return memo(sentence, "lower", lambda: frozenset(token_facts(sentence).lower))


def lemma_words(sentence: SpacySpan | Doc) -> frozenset[str]:
    """The lemmas of the sentence's words, in lower case."""
    return memo(sentence, "lemmas", lambda: frozenset(token_facts(sentence).lemma))


def all_words(sentence: SpacySpan | Doc) -> frozenset[str]:
    """The sentence's words and their lemmas, in lower case."""
    return memo(sentence, "all", lambda: lower_words(sentence) | lemma_words(sentence))


__all__ = ["TokenFacts", "all_words", "lemma_words", "lower_words", "memo", "token_facts"]
