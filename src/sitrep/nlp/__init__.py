"""spaCy: sentences, entities and the dependency parse for every document."""

from sitrep.nlp.pipeline import doc_text, load_pipeline, parse

__all__ = ["doc_text", "load_pipeline", "parse"]
