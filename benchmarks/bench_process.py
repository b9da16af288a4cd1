"""Whole-process words per second: a process that only runs spaCy vs `sitrep ingest`, on the same FA-KES texts.

    .venv/bin/python benchmarks/bench_process.py [--data DIR] [--limit 100] [--repeats 5] [--workers N]

Both are timed from outside, start-up, model loading and (for sitrep) every write and the final fusion
included, in turn (bare, sitrep, bare, sitrep, ...), and the medians are compared. The texts go to a
temporary JSON Lines file (never into the project); spaCy gets the same model and batch size as sitrep.
The bare process runs the model as `spacy.load` gives it (every component of the package, in one process
and one thread); sitrep runs the same components plus its paragraph marker, and its ingest also uses a
writer thread. Each process's CPU
seconds are printed too: on a machine shared with other jobs they move far less than wall time does.
sitrep's modules are compiled to bytecode once before the runs, as installing the package does: spaCy's
come compiled, and an editable install run with PYTHONDONTWRITEBYTECODE set would otherwise compile every
sitrep module from source in every run (about 0.2 s of CPU that an installed sitrep does not pay).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import eval_data_dir, fakes_texts, words  # noqa: E402

import sitrep  # noqa: E402
from sitrep.config import load_settings  # noqa: E402

BARE = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
"""


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process run to its end."""
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="evaluation data directory (default $SITREP_EVAL_DATA or ../shared/eval)")
    parser.add_argument("--limit", type=int, default=100, help="articles to use (default 100)")
    parser.add_argument("--repeats", type=int, default=5, help="runs of each process (default 5)")
    parser.add_argument("--workers", type=int, default=1, help="sitrep ingest --workers (default 1)")
    args = parser.parse_args()
    settings = load_settings()
    texts = fakes_texts(eval_data_dir(args.data), args.limit)
    total_words = words(texts)
    compileall.compile_dir(Path(sitrep.__file__).parent, quiet=1)
    sitrep_command = str(Path(sys.executable).with_name("sitrep"))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "texts.jsonl"
        source.write_text("".join(json.dumps({"id": f"fakes-{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                          encoding="utf-8")  # fmt: skip
        bare = [sys.executable, "-c", BARE, str(source), settings.nlp.model, str(settings.nlp.batch_size)]
        timings: dict[str, list[float]] = {"bare spaCy process": [], "sitrep ingest process": []}
        cpu: dict[str, list[float]] = {name: [] for name in timings}
        print(f"{len(texts)} FA-KES articles, {total_words} words; load average before: {os.getloadavg()[0]:.2f}")
        for run in range(args.repeats):
            db = Path(folder) / f"run{run}.duckdb"
            ingest = [sitrep_command, "ingest", "--quiet", "--db", str(db), "--workers", str(args.workers), str(source)]
            for name, command in (("bare spaCy process", bare), ("sitrep ingest process", ingest)):
                wall, used = timed_run(command)
                timings[name].append(wall)
                cpu[name].append(used)
    medians = {name: statistics.median(samples) for name, samples in timings.items()}
    for name, samples in timings.items():
        print(
            f"{name:24s} median {medians[name]:6.2f} s  ({min(samples):.2f}-{max(samples):.2f})  "
            f"{total_words / medians[name]:7.0f} words/s  CPU median {statistics.median(cpu[name]):6.2f} s"
        )
    ratio = medians["bare spaCy process"] / medians["sitrep ingest process"]
    print(
        f"sitrep / bare spaCy: {ratio:.1%} of the words/s (target >= 80%); load average after: {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
