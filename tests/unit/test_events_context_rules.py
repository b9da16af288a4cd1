"""Context rules on hand-built parses (no model): who tells the news, background violence, disasters."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from sitrep.events.context import by_nature, has_subject, in_background, is_source
from sitrep.events.triggers import Trigger

VOCAB = English().vocab  # English lexical attributes: lower-case forms for the rules


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_according_to_a_group_names_the_source_not_the_actor() -> None:
    doc = _doc(["dead", ",", "according", "to", "vigilantes"], [0, 0, 0, 2, 3],
               ["ROOT", "punct", "prep", "prep", "pobj"], ["ADJ", "PUNCT", "VERB", "ADP", "NOUN"],
               ["dead", ",", "accord", "to", "vigilante"])
    assert is_source(doc[4])
    assert not is_source(doc[0])


def test_a_region_hit_by_an_earthquake_is_harmed_by_nature() -> None:
    doc = _doc(["area", "hit", "by", "an", "earthquake"], [0, 0, 1, 4, 2],
               ["ROOT", "acl", "agent", "det", "pobj"], ["NOUN", "VERB", "ADP", "DET", "NOUN"],
               ["area", "hit", "by", "an", "earthquake"])
    assert by_nature(doc[1], Trigger("VIOLENCE", 60, 1, 2, 1))


def test_gunmen_are_no_disaster() -> None:
    doc = _doc(["area", "hit", "by", "gunmen"], [0, 0, 1, 2],
               ["ROOT", "acl", "agent", "pobj"], ["NOUN", "VERB", "ADP", "NOUN"], ["area", "hit", "by", "gunman"])
    assert not by_nature(doc[1], Trigger("VIOLENCE", 60, 1, 2, 1))


def test_fighting_after_which_a_truce_came_is_background() -> None:
    doc = _doc(["truce", "after", "weeks", "of", "fighting"], [0, 0, 1, 2, 3],
               ["ROOT", "prep", "pobj", "prep", "pobj"], ["NOUN", "ADP", "NOUN", "ADP", "NOUN"],
               ["truce", "after", "week", "of", "fighting"])
    assert in_background(doc[4])
    assert not in_background(doc[0])


def test_a_passive_regain_has_no_subject_but_an_active_one_has() -> None:
    passive = _doc(["town", "was", "retaken"], [2, 2, 2], ["nsubjpass", "auxpass", "ROOT"],
                   ["NOUN", "AUX", "VERB"], ["town", "be", "retake"])
    active = _doc(["Assad", "retook", "town"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                  ["PROPN", "VERB", "NOUN"], ["Assad", "retake", "town"])
    assert not has_subject(passive[2])
    assert has_subject(active[1])
