"""Find event triggers in a parsed sentence with the lexicon in `triggers.toml`."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span as SpacySpan

from sitrep.errors import SitrepError
from sitrep.events.words import TokenFacts, token_facts

GAP = "~"
MAX_GAP = 3


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    pos: str | None  # "n", "v" or None


@dataclass(frozen=True, slots=True)
class Phrase:
    label: str
    priority: int
    words: tuple[Word | None, ...]  # None stands for a gap of up to MAX_GAP tokens


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon hit: token indices [start, end) in the doc, and the token that heads it."""

    label: str
    priority: int
    start: int
    end: int
    head: int  # doc index of the syntactic head of the trigger phrase


@dataclass(frozen=True, slots=True)
class Lexicon:
    by_first_word: dict[str, tuple[Phrase, ...]]
    negatives: dict[str, tuple[tuple[Word | None, ...], ...]]


def _parse_phrase(text: str) -> tuple[Word | None, ...]:
    words: list[Word | None] = []
    for part in text.lower().split():
        if part == GAP:
            words.append(None)
            continue
        word, _, pos = part.partition("/")
        words.append(Word(word, pos or None))
    if not words or words[0] is None:
        raise SitrepError(f"trigger lexicon: phrase {text!r} must start with a word")
    return tuple(words)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = resources.files("sitrep.events").joinpath("triggers.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    by_first: dict[str, list[Phrase]] = defaultdict(list)
    negatives: dict[str, list[tuple[Word | None, ...]]] = defaultdict(list)
    for entry in data["trigger"]:
        for text in entry["phrases"]:
            words = _parse_phrase(text)
            first = words[0]
            assert first is not None
            by_first[first.text].append(Phrase(entry["label"], int(entry["priority"]), words))
        for text in entry.get("negative", []):
            words = _parse_phrase(text)
            for word in words:
                if word is not None:
                    negatives[entry["label"]].append(words)
                    break
    return Lexicon(
        {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in by_first.items()},
        {k: tuple(v) for k, v in negatives.items()},
    )


def _token_matches(sentence: SpacySpan, facts: TokenFacts, i: int, word: Word) -> bool:
    if facts.lower[i] != word.text and facts.lemma[i] != word.text:
        return False
    if word.pos == "n":
        return sentence[i].pos_ in ("NOUN", "PROPN")
    if word.pos == "v":
        token = sentence[i]
        return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
    return True


def _match_at(sentence: SpacySpan, facts: TokenFacts, i: int, words: tuple[Word | None, ...]) -> int | None:
    """Index just past a match of `words` starting at the sentence's token i, or None."""
    if not words:
        return i
    word = words[0]
    if word is None:
        for skip in range(MAX_GAP + 1):
            end = _match_at(sentence, facts, i + skip, words[1:])
            if end is not None:
                return end
        return None
    if i >= len(facts.lower) or not _token_matches(sentence, facts, i, word):
        return None
    return _match_at(sentence, facts, i + 1, words[1:])


def _is_negated_phrase(sentence: SpacySpan, facts: TokenFacts, i: int, label: str, lexicon: Lexicon) -> bool:
    for words in lexicon.negatives.get(label, ()):
        for offset in range(0, 3):
            j = i - offset
            if j < 0:
                continue
            end = _match_at(sentence, facts, j, words)
            if end is not None and j <= i < end:
                return True
    return False


def _phrase_head(sentence: SpacySpan, start: int, end: int) -> int:
    """The token of the phrase whose head lies outside it (its syntactic root)."""
    for k in range(start, end):
        head = sentence[k].head.i - sentence.start
        if not start <= head < end or sentence[k].head.i == sentence[k].i:
            return sentence.start + k
    return sentence.start + start


def find_triggers(sentence: SpacySpan, lexicon: Lexicon | None = None) -> list[Trigger]:
    """Every non-overlapping trigger of the sentence, longest and most specific first at each position."""
    lexicon = lexicon or load_lexicon()
    facts = token_facts(sentence)
    by_first_word = lexicon.by_first_word
    found: list[Trigger] = []
    taken: set[int] = set()
    for i, (lower, lemma) in enumerate(zip(facts.lower, facts.lemma, strict=True)):
        if i in taken:
            continue
        candidates = by_first_word.get(lower, ()) + (by_first_word.get(lemma, ()) if lemma != lower else ())
        if not candidates or sentence[i].ent_type_ in ("DATE", "TIME", "PERSON"):
            continue  # "in March", "Hit Monday": names and dates are no triggers
        best: tuple[int, int, Phrase] | None = None
        for phrase in candidates:
            end = _match_at(sentence, facts, i, phrase.words)
            if end is None:
                continue
            key = (end - i, phrase.priority)
            if best is None or key > (best[0], best[1]):
                best = (end - i, phrase.priority, phrase)
        if best is None:
            continue
        phrase = best[2]
        if _is_negated_phrase(sentence, facts, i, phrase.label, lexicon):
            continue
        end = i + best[0]
        taken.update(range(i, end))
        found.append(Trigger(phrase.label, phrase.priority, sentence.start + i, sentence.start + end,
                             _phrase_head(sentence, i, end)))
    return found
