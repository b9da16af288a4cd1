"""Watch RSS/Atom feeds and ingest what they bring, round after round, with one pipeline loaded once."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from sitrep.config import Settings
from sitrep.model import Document, Rejection
from sitrep.pipeline import Pipeline
from sitrep.read.feeds import DEFAULT_INTERVAL_SECONDS, watch
from sitrep.run.ingest import Progress, ingest, new_counts

log = logging.getLogger(__name__)


def watch_and_ingest(
    feeds: Iterable[str],
    settings: Settings,
    db: str,
    interval: float = DEFAULT_INTERVAL_SECONDS,
    allow_private: bool = False,
    rounds: int | None = None,
    report: Callable[[Rejection], Any] | None = None,
    progress: Progress | None = None,
    **options: Any,
) -> dict[str, int]:
    """Poll `feeds` (forever, or `rounds` times) and store each round's new documents; returns the totals.

    The database is opened only while a round is written, so readers (`sitrep events`, `sitrep serve`)
    can use it between rounds. `report` is told of every feed or page that failed. `options` go to
    `sitrep.read.feeds.FeedWatcher`.
    """
    pipeline = Pipeline(settings)
    totals = new_counts()
    for found in watch(feeds, interval, allow_private, rounds, **options):
        documents = [item for item in found if isinstance(item, Document)]
        rejections = [item for item in found if isinstance(item, Rejection)]
        if report:
            for rejection in rejections:
                report(rejection)
        if not documents and not rejections:
            continue
        counts = ingest(documents, rejections, settings, db, progress, pipeline)
        for key, value in counts.items():
            totals[key] += value
        log.info("feeds: %d new entries, %d stored, %d events", counts["documents"], counts["stored"],
                 counts["events"])  # fmt: skip
    return totals
