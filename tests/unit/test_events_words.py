"""Per-sentence word sets and memos on hand-built docs (no model): computed once, same answers."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from sitrep.events.words import all_words, lemma_words, lower_words, memo, token_facts

VOCAB = English().vocab


def _doc() -> Doc:
    words = ["Gunmen", "Killed", "two", "farmers", ".", "Troops", "arrived", "."]
    lemmas = ["gunman", "kill", "two", "farmer", ".", "troop", "arrive", "."]
    doc = Doc(VOCAB, words=words, lemmas=lemmas, sent_starts=[True, False, False, False, False, True, False, False])
    return doc


def test_word_sets_hold_lower_case_forms_and_lemmas() -> None:
    first = next(iter(_doc().sents))
    assert lower_words(first) == {"gunmen", "killed", "two", "farmers", "."}
    assert lemma_words(first) == {"gunman", "kill", "two", "farmer", "."}
    assert all_words(first) == lower_words(first) | lemma_words(first)


def test_each_sentence_has_its_own_sets() -> None:
    first, second = list(_doc().sents)
    assert "troops" in lower_words(second)
    assert "troops" not in lower_words(first)


def test_memo_computes_once_per_sentence_and_name() -> None:
    doc = _doc()
    first, second = list(doc.sents)
    calls: list[str] = []

    def compute(label: str) -> str:
        calls.append(label)
        return label

    assert memo(first, "x", lambda: compute("a")) == "a"
    assert memo(first, "x", lambda: compute("b")) == "a"  # kept: not computed again
    assert memo(first, "y", lambda: compute("c")) == "c"
    assert memo(second, "x", lambda: compute("d")) == "d"
    assert memo(doc, "x", lambda: compute("e")) == "e"  # the whole doc is a span of its own
    assert calls == ["a", "c", "d", "e"]


def test_token_facts_read_each_token_once_in_sentence_order() -> None:
    doc = _doc()
    first, second = list(doc.sents)
    facts = token_facts(first)
    assert facts.lower == ("gunmen", "killed", "two", "farmers", ".")
    assert facts.lemma == ("gunman", "kill", "two", "farmer", ".")
    assert token_facts(first) is facts  # kept with the parse
    assert token_facts(second).lower == ("troops", "arrived", ".")
