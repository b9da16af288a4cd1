"""Parsed documents keep their text: `doc_text` gives what `Doc.text` would, without rebuilding it."""

from __future__ import annotations

import spacy

from sitrep.nlp.pipeline import TEXT_KEY, doc_text, parse

TEXTS = ["Troops shelled  the town.\n\nTwo died.", "", "  \u2019Quoted\u2019 \u2014 dashes\t\n", "One more."]


def test_parse_keeps_each_text_in_order_and_equal_to_doc_text() -> None:
    nlp = spacy.blank("en")
    docs = list(parse(nlp, iter(TEXTS), batch_size=2))
    assert [doc.user_data[TEXT_KEY] for doc in docs] == TEXTS
    assert [doc_text(doc) for doc in docs] == [doc.text for doc in docs] == TEXTS


def test_a_doc_made_elsewhere_gets_its_text_once() -> None:
    doc = spacy.blank("en")("A doc made without parse.")
    assert TEXT_KEY not in doc.user_data
    assert doc_text(doc) == "A doc made without parse."
    assert doc.user_data[TEXT_KEY] == "A doc made without parse."
