"""The paragraph marker reads token offsets in one array: a sentence starts after every line break, as before."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.nlp.pipeline import _split_dateline, mark_paragraphs


def _marked_token_by_token(doc: Doc) -> Doc:
    """The plain definition: the token after one holding a line break starts a sentence."""
    starts = [0]
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
            starts.append(token.i)
    for start in starts:
        _split_dateline(doc, start)
    return doc


@pytest.mark.parametrize("text", [
    "\nTitle of the report\n\nRIVERTON, Xland - Troops shelled the town.\r\nMore text follows. \n",
    "One line only.",
    "",
    "\n",
    "Ends with a break\n",
    "a \n b\n\n\nc",
    "Title\nBy A. Writer\n\n  Body text here.  \n\nEnd",
    "Tabs\tand\n\tindented lines\n \nlast",
])
def test_marks_the_same_sentence_starts_as_the_token_by_token_definition(text: str) -> None:
    nlp = spacy.blank("en")
    expected = [token.is_sent_start for token in _marked_token_by_token(nlp.make_doc(text))]
    assert [token.is_sent_start for token in mark_paragraphs(nlp.make_doc(text))] == expected
