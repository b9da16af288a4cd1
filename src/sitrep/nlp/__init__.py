"""spaCy: sentences, entities and the dependency parse for every document."""

from sitrep.nlp.pipeline import load_pipeline, parse

__all__ = ["load_pipeline", "parse"]
