"""What runs inside a worker process: one loaded pipeline per process, analysing batches of documents.

Both the local process pool and Dask workers call `analyse_batch`; the pipeline is cached in a module
global, so a worker loads the spaCy model, the gazetteer and the actor knowledge base once and keeps them
for every batch it is given.
"""

from __future__ import annotations

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.pipeline import Analysis, Pipeline

_PIPELINES: dict[Settings, Pipeline] = {}


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's pipeline for `settings`, loaded on first use (all resources at once)."""
    pipeline = _PIPELINES.get(settings)
    if pipeline is None:
        # Load everything now, not inside the first batch, so start-up cost is paid before timing starts.
        pipeline = Pipeline(settings).load()
        _PIPELINES[settings] = pipeline
    return pipeline


def load_worker(settings: Settings) -> None:
    """Process-pool initializer and Dask warm-up: load the pipeline before the first batch arrives."""
    pipeline_for(settings)


def analyse_batch(settings: Settings, documents: list[Document]) -> list[Analysis]:
    """The analyses of `documents`, in their order. Analyses are plain frozen dataclasses: they pickle."""
    return list(pipeline_for(settings).analyse(documents))
