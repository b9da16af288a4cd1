"""Words per second: bare spaCy vs each sitrep stage vs the whole pipeline, on the FA-KES articles.

    .venv/bin/python benchmarks/bench_pipeline.py [--data DIR] [--limit N] [--profile]

Prints one line per measure. `--profile` adds the functions taking most time in the whole pipeline.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy  # noqa: E402
from common import eval_data_dir, fakes_texts, peak_memory_mb, timed, words  # noqa: E402

from sitrep.actors import find_actors  # noqa: E402
from sitrep.config import load_settings  # noqa: E402
from sitrep.dates import find_dates  # noqa: E402
from sitrep.events.coder import code_events, focus_countries  # noqa: E402
from sitrep.model import Document, PlaceMention  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402
from sitrep.places import find_places  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="evaluation data directory (default $SITREP_EVAL_DATA or ../shared/eval)")
    parser.add_argument("--limit", type=int, default=400, help="articles to use (default 400)")
    parser.add_argument("--profile", action="store_true", help="print the top functions of the whole pipeline")
    args = parser.parse_args()

    texts = fakes_texts(eval_data_dir(args.data), args.limit)
    documents = [Document(id=f"fakes-{i}", text=text) for i, text in enumerate(texts)]
    total_words = words(texts)
    settings = load_settings()
    print(f"{len(texts)} FA-KES articles, {total_words} words, model {settings.nlp.model}")

    bare = spacy.load(settings.nlp.model)
    list(bare.pipe(texts[:20]))  # warm up
    seconds: dict[str, float] = {}
    with timed(seconds, "bare spaCy (nlp.pipe)"):
        list(bare.pipe(texts, batch_size=settings.nlp.batch_size))

    pipeline = Pipeline(settings)
    _ = pipeline.gazetteer, pipeline.actors
    list(pipeline.analyse(documents[:20]))  # warm up
    with timed(seconds, "sitrep parse (spaCy + paragraphs)"):
        parsed = list(pipeline.parsed(documents))
    for document, doc in parsed:
        with timed(seconds, "stage places"):
            places = find_places(doc, pipeline.gazetteer)
            focus = focus_countries(places)
        with timed(seconds, "stage actors"):
            actors = find_actors(doc, pipeline.actors, focus[0] if focus else None)
        with timed(seconds, "stage dates"):
            dates = find_dates(doc, document.published)
        with timed(seconds, "stage events"):
            country = pipeline.gazetteer.country(focus[0]) if focus else None
            mention = PlaceMention(0, 0, "", country, 0.0, 3) if country is not None else None
            code_events(document, doc, places, actors, dates, mention, pipeline.actors)
    profiler = cProfile.Profile() if args.profile else None
    with timed(seconds, "whole pipeline (analyse)"):
        if profiler:
            profiler.enable()
        list(pipeline.analyse(documents))
        if profiler:
            profiler.disable()

    bare_rate = total_words / seconds["bare spaCy (nlp.pipe)"]
    for name, spent in seconds.items():
        rate = total_words / spent
        print(f"{name:36s} {spent:7.2f} s {rate:10.0f} words/s  ({rate / bare_rate:6.1%} of bare spaCy)")
    whole = total_words / seconds["whole pipeline (analyse)"]
    print(f"whole pipeline / bare spaCy: {whole / bare_rate:.1%} (target >= 80%)")
    print(f"peak memory of this process: {peak_memory_mb():.0f} MB")
    if profiler:
        stats = pstats.Stats(profiler).sort_stats("tottime")
        stats.print_stats(25)


if __name__ == "__main__":
    main()
