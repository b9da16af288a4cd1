"""A document whose analysis fails is reported and skipped; the run goes on."""

from __future__ import annotations

from typing import Any

import spacy

from sitrep.model import Document
from sitrep.pipeline import analyse_doc


class BrokenGazetteer:
    """Stands for a stage that fails on one document (a bug, a corrupt resource)."""

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError("the index is corrupt")


def test_a_failing_stage_gives_a_rejection_not_an_exception() -> None:
    doc = spacy.blank("en")("Rebels shelled Homs on Monday.")
    document = Document("doc-1", doc.text)
    analysis = analyse_doc(document, doc, BrokenGazetteer(), None)  # type: ignore[arg-type]
    assert analysis.events == () and analysis.places == ()
    assert analysis.error is not None and "the index is corrupt" in analysis.error
    rejection = analysis.rejection()
    assert rejection is not None and rejection.source == "doc-1"
    assert rejection.message().startswith("sitrep: skipped doc-1: could not be analysed")
