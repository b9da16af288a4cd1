"""The attribute rules applied by lookup annotate every token exactly as spaCy's AttributeRuler does."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from sitrep.nlp.attributes import FastAttributeRuler, compile_rules
from sitrep.nlp.pipeline import DEFAULT_MODEL, load_pipeline

COLUMNS = [TAG, POS, MORPH, LOWER, DEP]
# Words the English rules treat as exceptions (contractions, "but" as an adverb, auxiliaries, pronouns as
# objects, spelling variants of "nothing" and "you"), a few ordinary ones, and whitespace of several kinds.
WORDS = [
    "but", "But", "I", "you", "it", "me", "ca", "n't", "can't", "won't", "'s", "'re", "'d", "is", "are", "was",
    "were", "do", "does", "did", "have", "has", "had", "nothin'", "nuthin'", "y'", "y", "all", "to", "that",
    "which", "the", "a", "Aleppo", "rebels", "said", "shelled", "town", "gonna", "wanna", "'cause", "cuz",
    "ai", "'em", "ol'", "2", "--", ",", ".", "?", "!", "(", ")", "\n", "\n\n", "  ", "\t",
]


@pytest.fixture(scope="module")
def spacy_ruler_nlp() -> Language:
    """The model as spaCy loads it, with its own AttributeRuler."""
    nlp = spacy.load(DEFAULT_MODEL)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
    return nlp


def test_the_pipeline_applies_the_english_rules_by_lookup() -> None:
    nlp = load_pipeline(DEFAULT_MODEL)
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)


def _both(nlp: Language, text: str) -> tuple[list[list[int]], list[list[int]]]:
    ruler = nlp.get_pipe("attribute_ruler")
    rules = compile_rules(ruler)
    assert rules is not None
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = nlp(text)
    by_spacy, by_lookup = ruler(parsed.copy()), rules(parsed.copy())
    lemmatizer = nlp.get_pipe("lemmatizer")
    by_spacy, by_lookup = lemmatizer(by_spacy), lemmatizer(by_lookup)
    return by_spacy.to_array([*COLUMNS, LEMMA]).tolist(), by_lookup.to_array([*COLUMNS, LEMMA]).tolist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_same_annotations_as_spacy_on_any_word_sequence(spacy_ruler_nlp: Language, words: list[str]) -> None:
    by_spacy, by_lookup = _both(spacy_ruler_nlp, " ".join(words))
    assert by_lookup == by_spacy


def test_same_annotations_on_a_report(spacy_ruler_nlp: Language) -> None:
    text = (
        "But the rebels said they'd taken the town.\n\nI can't say, y'all, but it's nothin' new: the army "
        "shelled it, and we saw it.  Were they there? They were, and so was he -- though he wasn't armed."
    )
    by_spacy, by_lookup = _both(spacy_ruler_nlp, text)
    assert by_lookup == by_spacy
    # Both kinds of rule are there to be compared: the tag rules and their exceptions.
    rules = compile_rules(spacy_ruler_nlp.get_pipe("attribute_ruler"))
    assert rules is not None and len(rules.by_tag) > 40 and len(rules.by_value) > 50


def test_rules_it_cannot_apply_exactly_keep_spacys_ruler(spacy_ruler_nlp: Language) -> None:
    ruler = AttributeRuler(spacy_ruler_nlp.vocab)
    ruler.add(patterns=[[{"LOWER": "very", "OP": "+"}]], attrs={"POS": "ADV"})
    assert compile_rules(ruler) is None
    ruler = AttributeRuler(spacy_ruler_nlp.vocab)
    ruler.add(patterns=[[{"SHAPE": "Xxxx"}]], attrs={"POS": "PROPN"})
    assert compile_rules(ruler) is None
