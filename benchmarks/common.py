"""Shared helpers of the benchmark scripts: the FA-KES texts, word counts, timing and peak memory."""

from __future__ import annotations

import csv
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

FAKES_FILE = Path("raw") / "fa-kes-syria-war-news.csv"
GDELT_EVENTS_PER_DAY = 286_000


def eval_data_dir(given: str | None) -> Path:
    """--data, else $SITREP_EVAL_DATA, else ../shared/eval (where `sitrep eval` looks too)."""
    return Path(given or os.environ.get("SITREP_EVAL_DATA") or Path("..") / "shared" / "eval")


def fakes_texts(data: Path, limit: int | None = None) -> list[str]:
    """The article texts of the FA-KES data set, read in place (never copied)."""
    csv.field_size_limit(sys.maxsize)
    with (data / FAKES_FILE).open(encoding="utf-8", newline="") as stream:
        texts = [row["article_content"] for row in csv.DictReader(stream) if row["article_content"].strip()]
    return texts[:limit] if limit else texts


def words(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


@contextmanager
def timed(into: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    into[name] = into.get(name, 0.0) + time.perf_counter() - start


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of `runs` timings of `work()`, in seconds (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def peak_memory_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB (Linux reports kB, macOS bytes)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
